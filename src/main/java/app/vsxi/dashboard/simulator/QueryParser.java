package app.vsxi.dashboard.simulator;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * The {@code queryString} of {@code query/<table>}: an SQL-WHERE-like condition (reference §4). Shown by the
 * reference: {@code column like '%x%'} and {@code column="x"}. Inferred: {@code !=}, {@code and} binding tighter
 * than {@code or}, single or double quotes (a quote doubled inside), bare numbers, keywords and comparisons
 * case-insensitive as in MySQL's default collation.
 */
final class QueryParser {

	private final String text;

	private final Map<String, String> columns;

	private int at;

	private QueryParser(String text, Map<String, String> columns) {
		this.text = text;
		this.columns = columns;
	}

	/** Parses an already URL-decoded query string against the table's query columns. */
	static Predicate<Map<String, Object>> parse(String text, TableSpec spec) {
		if (text == null || text.isBlank()) {
			throw new QueryException("queryString is missing");
		}
		QueryParser parser = new QueryParser(text, spec.queryColumns());
		Predicate<Map<String, Object>> condition = parser.or();
		parser.skipSpace();
		if (parser.at < text.length()) {
			throw new QueryException("unexpected text at position " + (parser.at + 1) + ": " + text.substring(parser.at));
		}
		return condition;
	}

	private Predicate<Map<String, Object>> or() {
		Predicate<Map<String, Object>> condition = and();
		while (keyword("or")) {
			condition = condition.or(and());
		}
		return condition;
	}

	private Predicate<Map<String, Object>> and() {
		Predicate<Map<String, Object>> condition = comparison();
		while (keyword("and")) {
			condition = condition.and(comparison());
		}
		return condition;
	}

	private Predicate<Map<String, Object>> comparison() {
		skipSpace();
		int start = this.at;
		while (this.at < this.text.length()
				&& (Character.isLetterOrDigit(this.text.charAt(this.at)) || this.text.charAt(this.at) == '_')) {
			this.at++;
		}
		String column = this.text.substring(start, this.at);
		if (column.isEmpty()) {
			throw new QueryException("column name expected at position " + (start + 1));
		}
		// column names compare without case, as in MySQL
		String path = this.columns.entrySet()
			.stream()
			.filter(entry -> entry.getKey().equalsIgnoreCase(column))
			.map(Map.Entry::getValue)
			.findFirst()
			.orElse(null);
		if (path == null) {
			throw new QueryException("unknown column " + column);
		}
		skipSpace();
		if (keyword("like")) {
			Pattern pattern = like(value());
			return entry -> pattern.matcher(field(entry, path)).matches();
		}
		if (this.text.startsWith("!=", this.at) || this.text.startsWith("<>", this.at)) {
			this.at += 2;
			String value = value();
			return entry -> !field(entry, path).equalsIgnoreCase(value);
		}
		if (this.text.startsWith("=", this.at)) {
			this.at++;
			String value = value();
			return entry -> field(entry, path).equalsIgnoreCase(value);
		}
		throw new QueryException("operator =, != or like expected after " + column);
	}

	private String value() {
		skipSpace();
		if (this.at >= this.text.length()) {
			throw new QueryException("value expected at the end");
		}
		char quote = this.text.charAt(this.at);
		if (quote == '\'' || quote == '"') {
			StringBuilder value = new StringBuilder();
			for (int i = this.at + 1; i < this.text.length(); i++) {
				char c = this.text.charAt(i);
				if (c == quote && i + 1 < this.text.length() && this.text.charAt(i + 1) == quote) {
					value.append(c);
					i++;
				}
				else if (c == quote) {
					this.at = i + 1;
					return value.toString();
				}
				else {
					value.append(c);
				}
			}
			throw new QueryException("unterminated quoted value");
		}
		int start = this.at;
		while (this.at < this.text.length() && !Character.isWhitespace(this.text.charAt(this.at))) {
			this.at++;
		}
		return this.text.substring(start, this.at);
	}

	private boolean keyword(String word) {
		skipSpace();
		int end = this.at + word.length();
		if (this.text.regionMatches(true, this.at, word, 0, word.length())
				&& (end == this.text.length() || !Character.isLetterOrDigit(this.text.charAt(end)))) {
			this.at = end;
			return true;
		}
		return false;
	}

	private void skipSpace() {
		while (this.at < this.text.length() && Character.isWhitespace(this.text.charAt(this.at))) {
			this.at++;
		}
	}

	/** {@code %} any run, {@code _} one character, everything else literal. */
	static Pattern like(String value) {
		StringBuilder regex = new StringBuilder();
		List<String> literal = new ArrayList<>();
		for (char c : value.toCharArray()) {
			if (c == '%' || c == '_') {
				if (!literal.isEmpty()) {
					regex.append(Pattern.quote(String.join("", literal)));
					literal.clear();
				}
				regex.append(c == '%' ? ".*" : ".");
			}
			else {
				literal.add(String.valueOf(c));
			}
		}
		if (!literal.isEmpty()) {
			regex.append(Pattern.quote(String.join("", literal)));
		}
		return Pattern.compile(regex.toString(), Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
	}

	/** The text of a field at a path such as {@code typeSIPgw/direction}; missing fields are empty text. */
	static String field(Map<String, Object> entry, String path) {
		Object value = entry;
		for (String name : path.split("/")) {
			value = value instanceof Map<?, ?> map ? map.get(name) : null;
		}
		return value == null ? "" : value.toString();
	}

	/** A query string the box cannot read; the message says why. */
	static final class QueryException extends RuntimeException {

		QueryException(String reason) {
			super(reason);
		}

	}

}
