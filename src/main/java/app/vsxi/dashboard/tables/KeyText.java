package app.vsxi.dashboard.tables;

import java.util.ArrayList;
import java.util.List;

/** A row key as one line of text for storage and for forms: occurrence, then each value, tab-separated and escaped. */
final class KeyText {

	private KeyText() {
	}

	static String format(RowKey key) {
		StringBuilder text = new StringBuilder().append(key.occurrence());
		for (String value : key.values()) {
			text.append('\t').append(value.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n"));
		}
		return text.toString();
	}

	static RowKey parse(String text) {
		String[] parts = text.split("\t", -1);
		if (!parts[0].matches("\\d{1,9}")) {
			throw new TableEditorException("Not a row of this table");
		}
		List<String> values = new ArrayList<>(parts.length - 1);
		for (int i = 1; i < parts.length; i++) {
			values.add(unescape(parts[i]));
		}
		return new RowKey(values, Integer.parseInt(parts[0]));
	}

	private static String unescape(String value) {
		StringBuilder out = new StringBuilder(value.length());
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			if (c == '\\' && i + 1 < value.length()) {
				char next = value.charAt(++i);
				out.append(next == 't' ? '\t' : next == 'n' ? '\n' : next);
			}
			else {
				out.append(c);
			}
		}
		return out.toString();
	}

}
