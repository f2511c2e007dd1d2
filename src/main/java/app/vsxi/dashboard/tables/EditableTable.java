package app.vsxi.dashboard.tables;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import app.vsxi.dashboard.gateway.Format;
import app.vsxi.dashboard.gateway.VsxiCommands;

/**
 * The tables the editor opens, with the fields that identify a row. The API reference publishes no keys except
 * by inference (§9.2), so these are the dashboard's reading; which actions a table takes comes from the
 * gateway's command table.
 */
public enum EditableTable {

	ROUTE("route", "alias", "tableId"), ROUTEGROUP("routegroup", "groupId"), ROUTETABLE("routetable", "tableId"),
	RESOURCE("resource", "trunkId"), RESOURCEBLOCK("resourceblock", "id"),
	DIGIT_MAPPING_INDEX("digit_mapping_index", "tableId"), DIGIT_MAPPING("digit_mapping", "alias", "tableId"),
	SUBSCRIBER("subscriber", "username", "userDomain"), MEDIA_SERVER_PROFILE("media_server_profile", "id"),
	MEDIA_SERVER("media_server", "mediaSrvIndex");

	private final String table;

	private final List<String> keyFields;

	EditableTable(String table, String... keyFields) {
		this.table = table;
		this.keyFields = List.of(keyFields);
	}

	public static Optional<EditableTable> named(String table) {
		return Arrays.stream(values()).filter(each -> each.table.equals(table)).findFirst();
	}

	public String table() {
		return this.table;
	}

	public List<String> keyFields() {
		return this.keyFields;
	}

	/** Downloaded zipped when the API offers it: such tables can be far beyond what a plain download holds. */
	public boolean downloadsLarge() {
		return VsxiCommands.supports("downloadLarge", this.table, Format.XML);
	}

	public Set<WriteAction> writeActions() {
		Set<WriteAction> actions = EnumSet.noneOf(WriteAction.class);
		for (WriteAction action : WriteAction.values()) {
			if (VsxiCommands.supports(action.path(), this.table, Format.XML)) {
				actions.add(action);
			}
		}
		return actions;
	}

	/** Tables the API only lets us read open read-only. */
	public boolean writable() {
		return writeActions().contains(WriteAction.UPDATE) || writeActions().contains(WriteAction.UPDATE_LARGE);
	}

}
