package app.vsxi.dashboard.gateway;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The CSV that names calls to {@code delete/active_calls}: a header row of the fields as the box listed them,
 * then one row per call with every value as read, so the box can match each call exactly.
 */
final class ActiveCallsCsv {

	private ActiveCallsCsv() {
	}

	static String write(List<TableRow> calls) {
		Set<String> columns = new LinkedHashSet<>();
		calls.forEach(call -> columns.addAll(call.fields().keySet()));
		StringBuilder csv = new StringBuilder(String.join(",", columns)).append("\r\n");
		for (TableRow call : calls) {
			List<String> cells = new ArrayList<>();
			for (String column : columns) {
				cells.add(cell(call.text(column)));
			}
			csv.append(String.join(",", cells)).append("\r\n");
		}
		return csv.toString();
	}

	private static String cell(String value) {
		if (value == null) {
			return "";
		}
		if (value.contains(",") || value.contains("\"") || value.contains("\n") || value.contains("\r")) {
			return "\"" + value.replace("\"", "\"\"") + "\"";
		}
		return value;
	}

}
