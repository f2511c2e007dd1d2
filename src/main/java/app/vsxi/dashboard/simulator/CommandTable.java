package app.vsxi.dashboard.simulator;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static app.vsxi.dashboard.simulator.VsxiCommand.XML_JSON;
import static app.vsxi.dashboard.simulator.VsxiCommand.XML_JSON_CSV;
import static app.vsxi.dashboard.simulator.VsxiCommand.rows;

/**
 * The 66 commands of the reference's command table (§2.2), row for row. The handler dispatches only what is
 * listed here and the conformance test walks the same list, so a correction made here reaches both.
 */
final class CommandTable {

	static final List<VsxiCommand> COMMANDS = commands();

	private static final Map<String, VsxiCommand> BY_KEY = byKey();

	private CommandTable() {
	}

	private static List<VsxiCommand> commands() {
		List<VsxiCommand> all = new ArrayList<>();
		all.addAll(rows("GET", "download", XML_JSON_CSV, "route"));
		all.addAll(rows("GET", "download", XML_JSON, "routegroup", "routetable", "resource", "resourceblock",
				"digit_mapping_index", "digit_mapping", "subscriber", "media_server_profile", "media_server"));
		all.addAll(rows("GET", "downloadLarge", XML_JSON_CSV, "route"));
		all.addAll(rows("GET", "downloadLarge", XML_JSON, "subscriber", "digit_mapping"));
		all.addAll(rows("GET", "downloadLarge", Set.of("sdc"), "systemConfiguration", "hardwareConfiguration"));
		all.addAll(rows("GET", "downloadLarge", Set.of("csv"), "smcDataFile"));
		all.addAll(rows("POST", "update", XML_JSON_CSV, "route"));
		all.addAll(rows("POST", "update", XML_JSON, "routegroup", "routetable", "resource", "resourceblock",
				"digit_mapping_index", "digit_mapping", "subscriber", "users"));
		all.addAll(rows("POST", "updateLarge", XML_JSON_CSV, "route"));
		all.addAll(rows("POST", "updateLarge", XML_JSON, "subscriber", "digit_mapping"));
		all.addAll(rows("DELETE", "delete", XML_JSON_CSV, "route"));
		all.addAll(rows("DELETE", "delete", XML_JSON, "routegroup", "routetable", "resource", "resourceblock",
				"digit_mapping_index", "digit_mapping", "subscriber", "sub_stats", "users"));
		// listed as XML/JSON/CSV, but the vendor says JSON does not work for this one (reference §8)
		all.addAll(rows("DELETE", "delete", Set.of("xml", "csv"), "active_calls"));
		all.addAll(rows("DELETE", "deleteLarge", XML_JSON_CSV, "route"));
		all.addAll(rows("DELETE", "deleteLarge", XML_JSON, "subscriber", "digit_mapping"));
		all.addAll(rows("POST", "upload", XML_JSON_CSV, "route"));
		all.addAll(rows("POST", "upload", XML_JSON, "routegroup", "routetable", "resource", "resourceblock"));
		all.addAll(rows("POST", "replaceLarge", XML_JSON_CSV, "route", "routesInRouteTable"));
		all.addAll(rows("POST", "replaceLarge", XML_JSON, "subscriber", "digit_mapping",
				"digitMappingsInDigMapTable"));
		all.addAll(rows("POST", "replaceLarge", Set.of("csv"), "smcDataFile"));
		all.addAll(rows("GET", "query", XML_JSON, "route", "resource", "subscriber", "digit_mapping",
				"active_calls"));
		all.addAll(rows("GET", "stats", XML_JSON, "resource", "realtime", "resource_detail", "media_server",
				"sub_stats", "sip_stats"));
		all.addAll(rows("GET", "stats", XML_JSON_CSV, "active_calls"));
		all.addAll(rows("GET", "system", Set.of("text"), "realtime"));
		return List.copyOf(all);
	}

	/** The command for this action and table, whatever the method; null if the box offers none. */
	static VsxiCommand find(String action, String table) {
		return BY_KEY.get(action + "/" + table);
	}

	/** Whether the box knows this action at all (else the path is not one of its resources). */
	static boolean knowsAction(String action) {
		return COMMANDS.stream().anyMatch(command -> command.action().equals(action));
	}

	private static Map<String, VsxiCommand> byKey() {
		Map<String, VsxiCommand> byKey = new LinkedHashMap<>();
		COMMANDS.forEach(command -> byKey.put(command.key(), command));
		return byKey;
	}

}
