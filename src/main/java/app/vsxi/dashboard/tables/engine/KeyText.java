package app.vsxi.dashboard.tables.engine;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/** A row key as one line of text for storage and for forms: occurrence, then each value, tab-separated and escaped. */
public final class KeyText {

	private KeyText() {
	}

	public static String format(RowKey key) {
		StringBuilder text = new StringBuilder().append(key.occurrence());
		for (String value : key.values()) {
			text.append('\t').append(value.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n"));
		}
		return text.toString();
	}

	/**
	 * The key as base64url of its text: letters, digits, '-' and '_' only, so no HTML parser, form encoding or
	 * request filter can alter it on its way back, whatever the key holds.
	 */
	public static String token(RowKey key) {
		return Base64.getUrlEncoder().withoutPadding().encodeToString(format(key).getBytes(StandardCharsets.UTF_8));
	}

	public static RowKey fromToken(String token) {
		try {
			return parse(new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8));
		}
		catch (IllegalArgumentException ex) {
			throw new UnreadableKey();
		}
	}

	public static RowKey parse(String text) {
		String[] parts = text.split("\t", -1);
		if (!parts[0].matches("\\d{1,9}")) {
			throw new UnreadableKey();
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
