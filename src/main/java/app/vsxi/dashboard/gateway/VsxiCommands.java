package app.vsxi.dashboard.gateway;

import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Which tables each action takes, in which formats: the command table of the VSXi API reference (§2.2), as the
 * client knows it. The gateway refuses anything else before it reaches an SBC.
 */
public final class VsxiCommands {

	private static final Set<Format> XML_JSON = EnumSet.of(Format.XML, Format.JSON);

	private static final Set<Format> XML_JSON_CSV = EnumSet.allOf(Format.class);

	private static final Map<String, Map<String, Set<Format>>> COMMANDS = new LinkedHashMap<>();

	static {
		add("download", XML_JSON_CSV, "route");
		add("download", XML_JSON, "routegroup", "routetable", "resource", "resourceblock", "digit_mapping_index",
				"digit_mapping", "subscriber", "media_server_profile", "media_server");
		add("downloadLarge", XML_JSON_CSV, "route");
		add("downloadLarge", XML_JSON, "subscriber", "digit_mapping");
		add("downloadLarge", EnumSet.of(Format.CSV), "smcDataFile");
		add("update", XML_JSON_CSV, "route");
		add("update", XML_JSON, "routegroup", "routetable", "resource", "resourceblock", "digit_mapping_index",
				"digit_mapping", "subscriber", "users");
		add("updateLarge", XML_JSON_CSV, "route");
		add("updateLarge", XML_JSON, "subscriber", "digit_mapping");
		add("delete", XML_JSON_CSV, "route");
		add("delete", XML_JSON, "routegroup", "routetable", "resource", "resourceblock", "digit_mapping_index",
				"digit_mapping", "subscriber", "sub_stats", "users");
		// listed with JSON, but the vendor says only CSV and XML work for killing calls (reference §8)
		add("delete", EnumSet.of(Format.XML, Format.CSV), "active_calls");
		add("deleteLarge", XML_JSON_CSV, "route");
		add("deleteLarge", XML_JSON, "subscriber", "digit_mapping");
		add("upload", XML_JSON_CSV, "route");
		add("upload", XML_JSON, "routegroup", "routetable", "resource", "resourceblock");
		add("replaceLarge", XML_JSON_CSV, "route", "routesInRouteTable");
		add("replaceLarge", XML_JSON, "subscriber", "digit_mapping", "digitMappingsInDigMapTable");
		add("replaceLarge", EnumSet.of(Format.CSV), "smcDataFile");
		add("query", XML_JSON, "route", "resource", "subscriber", "digit_mapping", "active_calls");
		add("stats", XML_JSON, "resource", "realtime", "resource_detail", "media_server", "sub_stats", "sip_stats");
		add("stats", XML_JSON_CSV, "active_calls");
	}

	private VsxiCommands() {
	}

	/** Tables whose {@code downloadLarge} is a zipped file (SDC) to keep as it is, not a table to read. */
	public static final Set<String> FILES = Set.of("systemConfiguration", "hardwareConfiguration");

	public static boolean supports(String action, String table, Format format) {
		return COMMANDS.getOrDefault(action, Map.of()).getOrDefault(table, Set.of()).contains(format);
	}

	/** Every table an action takes. */
	public static Set<String> tables(String action) {
		return COMMANDS.getOrDefault(action, Map.of()).keySet();
	}

	private static void add(String action, Set<Format> formats, String... tables) {
		Map<String, Set<Format>> byTable = COMMANDS.computeIfAbsent(action, key -> new LinkedHashMap<>());
		for (String table : tables) {
			byTable.put(table, formats);
		}
	}

}
