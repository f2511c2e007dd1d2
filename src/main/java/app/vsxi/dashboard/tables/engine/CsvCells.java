package app.vsxi.dashboard.tables.engine;

/**
 * Keeps exported CSV cells from being run as formulas by a spreadsheet: a cell starting with = + - @, tab or
 * carriage return gets a leading apostrophe, and so does a cell that would otherwise be mistaken for an
 * escaped one. {@link #restore} undoes exactly that, so every text, {@code +15551234567} included, survives
 * export and import unchanged.
 */
public final class CsvCells {

	private CsvCells() {
	}

	public static String neutralise(String cell) {
		return needsQuote(cell) ? "'" + cell : cell;
	}

	public static String restore(String cell) {
		return cell.startsWith("'") && needsQuote(cell.substring(1)) ? cell.substring(1) : cell;
	}

	private static boolean needsQuote(String cell) {
		int at = 0;
		while (at < cell.length() && cell.charAt(at) == '\'') {
			at++;
		}
		if (at == cell.length()) {
			return false;
		}
		char first = cell.charAt(at);
		return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r';
	}

}
