package app.vsxi.dashboard.simulator;

import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * One row of the reference's command table (§2.2): method, action, table and the formats it takes or gives. For
 * a {@code *Large} action the formats are those of the file inside the zip.
 */
record VsxiCommand(String method, String action, String table, Set<String> formats) {

	static final Set<String> XML_JSON = Set.of("xml", "json");

	static final Set<String> XML_JSON_CSV = Set.of("xml", "json", "csv");

	boolean large() {
		return this.action.endsWith("Large");
	}

	/** Reads only: allowed for read-only users and on a Load-Balance slave. */
	boolean write() {
		return !"GET".equals(this.method);
	}

	String key() {
		return this.action + "/" + this.table;
	}

	static List<VsxiCommand> rows(String method, String action, Set<String> formats, String... tables) {
		return Arrays.stream(tables).map(table -> new VsxiCommand(method, action, table, formats)).toList();
	}

}
