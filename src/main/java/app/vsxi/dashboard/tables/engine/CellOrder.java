package app.vsxi.dashboard.tables.engine;

/** Sort order of cells: numbers by value (so 9 comes before 10), then text; empty first. */
public final class CellOrder {

	private CellOrder() {
	}

	public static int compare(String a, String b) {
		boolean numberA = isNumber(a);
		boolean numberB = isNumber(b);
		if (numberA && numberB) {
			int byLength = Integer.compare(digits(a), digits(b));
			boolean negative = a.startsWith("-");
			if (negative != b.startsWith("-")) {
				return negative ? -1 : 1;
			}
			int order = byLength != 0 ? byLength : a.compareTo(b);
			return negative ? -order : order;
		}
		if (numberA != numberB) {
			return numberA ? -1 : 1;
		}
		return a.compareTo(b);
	}

	private static int digits(String text) {
		return text.startsWith("-") ? text.length() - 1 : text.length();
	}

	/** Whole numbers without leading zeros; anything else sorts as text. */
	public static boolean isNumber(String text) {
		int start = text.startsWith("-") ? 1 : 0;
		if (text.length() == start || text.length() - start > 18) {
			return false;
		}
		if (text.charAt(start) == '0' && text.length() - start > 1) {
			return false;
		}
		for (int i = start; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c < '0' || c > '9') {
				return false;
			}
		}
		return true;
	}

}
