package app.vsxi.dashboard.tables;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import app.vsxi.dashboard.gateway.Format;
import app.vsxi.dashboard.gateway.VsxiAction;
import app.vsxi.dashboard.gateway.VsxiTable;
import app.vsxi.dashboard.tables.engine.WriteAction;

/**
 * The tables the editor opens. Actions, formats and keys come from the gateway's catalog ({@link VsxiTable});
 * where the catalog names no key (no source gives one), the editor needs one anyway to match rows, so it uses the
 * field named here, its own reading of the table, as a hint that never adds or drops a field.
 */
public enum EditableTable {

	ROUTE(VsxiTable.ROUTE), ROUTEGROUP(VsxiTable.ROUTEGROUP, "groupId"),
	ROUTETABLE(VsxiTable.ROUTETABLE, "tableId"), RESOURCE(VsxiTable.RESOURCE),
	RESOURCEBLOCK(VsxiTable.RESOURCEBLOCK, "id"), DIGIT_MAPPING_INDEX(VsxiTable.DIGIT_MAPPING_INDEX, "tableId"),
	DIGIT_MAPPING(VsxiTable.DIGIT_MAPPING), SUBSCRIBER(VsxiTable.SUBSCRIBER, "username", "userDomain"),
	MEDIA_SERVER_PROFILE(VsxiTable.MEDIA_SERVER_PROFILE, "id"), MEDIA_SERVER(VsxiTable.MEDIA_SERVER, "mediaSrvIndex"),
	/** A zipped CSV file both ways: its header line names the fields, and it goes back only whole (replaceLarge). */
	SMC_DATA_FILE(VsxiTable.SMC_DATA_FILE, "id"),
	/**
	 * The box's API and GUI users: written ({@code update}, {@code delete}) but never read, so its drafts hold only
	 * the rows of files the operator imports (see {@link #writeOnly()}).
	 */
	USERS(VsxiTable.USERS);

	private final VsxiTable catalog;

	private final String table;

	private final List<String> keyFields;

	EditableTable(VsxiTable catalog, String... keyHint) {
		this.catalog = catalog;
		this.table = catalog.path();
		this.keyFields = catalog.keyFields().isEmpty() ? List.of(keyHint) : catalog.keyFields();
	}

	public VsxiTable catalog() {
		return this.catalog;
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

	/**
	 * The format the table travels in: XML wherever the API takes it, else the one it has (the SMC data file is CSV
	 * only).
	 */
	public Format format() {
		return this.catalog.commands().stream().allMatch(command -> command.formats().contains(Format.XML))
				? Format.XML : Format.CSV;
	}

	/** Downloaded zipped when the API offers it: such tables can be far beyond what a plain download holds. */
	public boolean downloadsLarge() {
		return this.catalog.supports(VsxiAction.DOWNLOAD_LARGE, format());
	}

	public Set<WriteAction> writeActions() {
		Set<WriteAction> actions = EnumSet.noneOf(WriteAction.class);
		for (WriteAction action : WriteAction.values()) {
			if (this.catalog.supports(action.catalog(), format())) {
				actions.add(action);
			}
		}
		return actions;
	}

	/** Whether the API has any way to read the table: a download, plain or Large. */
	public boolean readable() {
		return this.catalog.actions().contains(VsxiAction.DOWNLOAD)
				|| this.catalog.actions().contains(VsxiAction.DOWNLOAD_LARGE);
	}

	/**
	 * Written but never read (users): a draft starts from an unknown, empty base instead of a download, takes its
	 * rows only from imported files, and nothing it sends can be checked by reading the table again.
	 */
	public boolean writeOnly() {
		return !readable() && writable();
	}

	/** Tables the API only lets us read open read-only. */
	public boolean writable() {
		return writeActions().contains(WriteAction.UPDATE) || writeActions().contains(WriteAction.UPDATE_LARGE)
				|| replaceOnly();
	}

	/** Changed only by replacing it whole: every apply needs the operator's explicit confirmation. */
	public boolean replaceOnly() {
		Set<WriteAction> actions = writeActions();
		return !actions.isEmpty() && actions.stream().allMatch(WriteAction::replaces);
	}

	/** Whether the whole table can be replaced in one go ({@code upload} or {@code replaceLarge}). */
	public boolean replaceable() {
		return writeActions().stream().anyMatch(WriteAction::replaces);
	}

}
