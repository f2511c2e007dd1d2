package app.vsxi.dashboard.tables;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import app.vsxi.dashboard.gateway.TableRow;
import app.vsxi.dashboard.tables.engine.FieldValues;

/**
 * The column filters of a draft's page: a row is kept when, for every filter, the text its field shows contains
 * the filter's text, ignoring case. One rule for the page and the export, so a file holds the rows the page lists.
 *
 * @param needles column → the text looked for, stripped and in lower case; blank filters are left out
 */
record RowFilter(Map<String, String> needles) {

	RowFilter {
		needles = Map.copyOf(needles);
	}

	static RowFilter of(Map<String, String> filters) {
		Map<String, String> needles = new LinkedHashMap<>();
		filters.forEach((column, text) -> {
			String needle = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
			if (!needle.isEmpty()) {
				needles.put(column, needle);
			}
		});
		return new RowFilter(needles);
	}

	boolean isEmpty() {
		return this.needles.isEmpty();
	}

	/** A row lacking a filtered field shows it empty, so it is left out: no filter is blank. */
	boolean matches(TableRow row) {
		for (Map.Entry<String, String> filter : this.needles.entrySet()) {
			String text = row.has(filter.getKey()) ? FieldValues.display(row.get(filter.getKey())) : "";
			if (!contains(text, filter.getValue())) {
				return false;
			}
		}
		return true;
	}

	/** {@code needle} is already lower case; one without letters (digits, most often) is a plain search. */
	static boolean contains(String text, String needle) {
		return caseless(needle) ? text.contains(needle) : containsIgnoringCase(text, needle);
	}

	/**
	 * Which values of a column's dictionary contain the needle. A column can hold a million distinct values (every
	 * route's digits), so the values are tested on all cores.
	 */
	static boolean[] matching(String[] dictionary, String needle) {
		boolean caseless = caseless(needle);
		boolean[] match = new boolean[dictionary.length];
		java.util.stream.IntStream range = java.util.stream.IntStream.range(0, dictionary.length);
		(dictionary.length > 50_000 ? range.parallel() : range).forEach(code -> match[code] = caseless
				? dictionary[code].contains(needle) : containsIgnoringCase(dictionary[code], needle));
		return match;
	}

	private static boolean caseless(String needle) {
		return needle.chars()
			.allMatch(c -> Character.toUpperCase(c) == c && Character.toLowerCase(c) == c && !Character.isLetter(c));
	}

	/** No copy of the text is made, as this runs once per distinct value. */
	private static boolean containsIgnoringCase(String text, String needle) {
		int last = text.length() - needle.length();
		for (int start = 0; start <= last; start++) {
			if (text.regionMatches(true, start, needle, 0, needle.length())) {
				return true;
			}
		}
		return false;
	}

}
