package app.vsxi.dashboard.tables;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import app.vsxi.dashboard.gateway.TableRow;

/**
 * Field names an imported row may have: XML names (without the namespace colon), since every row is written to
 * the box as elements named after its fields, and a CSV header or JSON key can hold anything.
 */
final class FieldNames {

	private FieldNames() {
	}

	/** The first field name of the row (nested entries included) that is not an XML name, or null. */
	static String firstBad(TableRow row) {
		return firstBad(row, new HashSet<>());
	}

	/**
	 * The same, skipping the names in {@code good} and adding those found good to it: the rows of one file share
	 * their names, which are checked once.
	 */
	static String firstBad(TableRow row, Set<String> good) {
		for (Map.Entry<String, Object> field : row.fields().entrySet()) {
			if (!good.contains(field.getKey())) {
				if (!xmlName(field.getKey())) {
					return field.getKey();
				}
				good.add(field.getKey());
			}
			String nested = firstBad(field.getValue(), good);
			if (nested != null) {
				return nested;
			}
		}
		return null;
	}

	private static String firstBad(Object value, Set<String> good) {
		if (value instanceof TableRow row) {
			return firstBad(row, good);
		}
		if (value instanceof List<?> values) {
			for (Object each : values) {
				String bad = firstBad(each, good);
				if (bad != null) {
					return bad;
				}
			}
		}
		return null;
	}

	/** XML 1.0's Name production, the colon left out. */
	static boolean xmlName(String name) {
		if (name == null || name.isEmpty() || !startChar(name.codePointAt(0))) {
			return false;
		}
		return name.codePoints().skip(1).allMatch(c -> startChar(c) || nameChar(c));
	}

	private static boolean startChar(int c) {
		return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '_' || (c >= 0xC0 && c <= 0xD6)
				|| (c >= 0xD8 && c <= 0xF6) || (c >= 0xF8 && c <= 0x2FF) || (c >= 0x370 && c <= 0x37D)
				|| (c >= 0x37F && c <= 0x1FFF) || (c >= 0x200C && c <= 0x200D) || (c >= 0x2070 && c <= 0x218F)
				|| (c >= 0x2C00 && c <= 0x2FEF) || (c >= 0x3001 && c <= 0xD7FF) || (c >= 0xF900 && c <= 0xFDCF)
				|| (c >= 0xFDF0 && c <= 0xFFFD) || (c >= 0x10000 && c <= 0xEFFFF);
	}

	private static boolean nameChar(int c) {
		return c == '-' || c == '.' || (c >= '0' && c <= '9') || c == 0xB7 || (c >= 0x300 && c <= 0x36F)
				|| (c >= 0x203F && c <= 0x2040);
	}

}
