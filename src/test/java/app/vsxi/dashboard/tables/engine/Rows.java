package app.vsxi.dashboard.tables.engine;

import java.util.LinkedHashMap;
import java.util.Map;

import app.vsxi.dashboard.gateway.TableRow;

/** Builds rows for tests: {@code row("alias", "r1", "tableId", "1")}. */
public final class Rows {

	public static final java.util.List<String> ROUTE_KEY = java.util.List.of("alias", "tableId");

	private Rows() {
	}

	public static TableRow row(Object... pairs) {
		Map<String, Object> fields = new LinkedHashMap<>();
		for (int i = 0; i < pairs.length; i += 2) {
			fields.put((String) pairs[i], pairs[i + 1]);
		}
		return new TableRow(fields);
	}

	public static TableRow route(String alias, String tableId, String digitMatch) {
		return row("alias", alias, "tableId", tableId, "digitMatch", digitMatch, "policy", "top_down");
	}

}
