package app.vsxi.dashboard.tables.engine;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import app.vsxi.dashboard.gateway.TableRow;

/**
 * Equality and display of field values. Scalars compare by their text: the same table read from XML (text) and
 * from JSON (numbers) must not differ, and the box stores neither distinction.
 */
public final class FieldValues {

	private FieldValues() {
	}

	public static boolean same(Object a, Object b) {
		if (a == null || b == null) {
			return a == b;
		}
		if (a instanceof TableRow rowA) {
			return b instanceof TableRow rowB && sameRow(rowA, rowB);
		}
		if (a instanceof List<?> listA) {
			if (!(b instanceof List<?> listB) || listA.size() != listB.size()) {
				return false;
			}
			for (int i = 0; i < listA.size(); i++) {
				if (!same(listA.get(i), listB.get(i))) {
					return false;
				}
			}
			return true;
		}
		return !(b instanceof TableRow) && !(b instanceof List<?>) && a.toString().equals(b.toString());
	}

	/** Same fields with the same values; the order of fields does not make rows differ. */
	public static boolean sameRow(TableRow a, TableRow b) {
		Map<String, Object> fieldsA = a.fields();
		Map<String, Object> fieldsB = b.fields();
		if (fieldsA.size() != fieldsB.size()) {
			return false;
		}
		for (Map.Entry<String, Object> field : fieldsA.entrySet()) {
			if (!fieldsB.containsKey(field.getKey()) || !same(field.getValue(), fieldsB.get(field.getKey()))) {
				return false;
			}
		}
		return true;
	}

	/** A value as one line of text for the operator; null (absent) as an empty string. */
	public static String display(Object value) {
		if (value == null) {
			return "";
		}
		if (value instanceof TableRow row) {
			return row.fields().entrySet().stream().map(field -> field.getKey() + "=" + display(field.getValue()))
				.collect(Collectors.joining(", ", "{", "}"));
		}
		if (value instanceof List<?> list) {
			return list.stream().map(FieldValues::display).collect(Collectors.joining("; ", "[", "]"));
		}
		return value.toString();
	}

}
