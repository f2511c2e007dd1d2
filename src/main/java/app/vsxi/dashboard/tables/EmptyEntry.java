package app.vsxi.dashboard.tables;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import app.vsxi.dashboard.gateway.TableRow;

/** A row with every value emptied and its shape kept: same fields in the same order, nested entries emptied too. */
final class EmptyEntry {

	private EmptyEntry() {
	}

	static TableRow of(TableRow row) {
		Map<String, Object> fields = new LinkedHashMap<>();
		row.fields().forEach((field, value) -> fields.put(field, emptied(value)));
		return new TableRow(fields);
	}

	private static Object emptied(Object value) {
		if (value instanceof TableRow nested) {
			return of(nested);
		}
		if (value instanceof List<?> list) {
			return list.stream().map(EmptyEntry::emptied).toList();
		}
		return "";
	}

}
