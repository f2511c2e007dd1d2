package app.vsxi.dashboard.simulator;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The shape of one VSXi table: document wrapper names, ordered fields, key, query columns and CSV columns.
 *
 * @param name the table name in the URL
 * @param root the list element ({@code XBResourceList})
 * @param item the entry element ({@code XBResource})
 * @param fields every field of an entry, in document order; every one is required on input
 * @param keys the fields that identify an entry for update and delete
 * @param queryColumns queryString column name to field path ({@code typeSIPgw/direction})
 */
record TableSpec(String name, String root, String item, List<Field> fields, List<String> keys,
		Map<String, String> queryColumns) {

	/** CSV columns: the top-level fields (only flat tables are offered as CSV). */
	List<String> csvColumns() {
		return this.fields.stream().map(Field::name).toList();
	}

	List<Object> key(Map<String, Object> entry) {
		List<Object> key = new ArrayList<>(this.keys.size());
		for (String field : this.keys) {
			key.add(String.valueOf(entry.get(field)));
		}
		return key;
	}

	Field field(String name) {
		return this.fields.stream().filter(field -> field.name().equals(name)).findFirst().orElse(null);
	}

	/**
	 * Checks an input entry against the table and returns it in stored form (numbers as {@link Long}, fields in
	 * document order), or throws with the reason the box would log.
	 */
	Map<String, Object> normalize(Map<String, ?> entry) {
		return normalize(this.fields, entry, "");
	}

	private static Map<String, Object> normalize(List<Field> fields, Map<String, ?> entry, String path) {
		Map<String, Object> normalized = new LinkedHashMap<>();
		for (Field field : fields) {
			if (!entry.containsKey(field.name())) {
				throw new InvalidEntryException("missing field " + path + field.name());
			}
			normalized.put(field.name(), value(field, entry.get(field.name()), path + field.name()));
		}
		for (String name : entry.keySet()) {
			if (fields.stream().noneMatch(field -> field.name().equals(name))) {
				throw new InvalidEntryException("unknown field " + path + name);
			}
		}
		return normalized;
	}

	@SuppressWarnings("unchecked")
	private static Object value(Field field, Object value, String path) {
		return switch (field.kind()) {
			case TEXT -> value == null ? "" : textOf(value, path);
			case NUMBER -> number(value, path);
			case GROUP -> {
				if (!(value instanceof Map<?, ?> group)) {
					throw new InvalidEntryException(path + " must hold fields");
				}
				yield normalize(field.children(), (Map<String, ?>) group, path + "/");
			}
			case REPEATED -> {
				List<?> values = value instanceof List<?> list ? list : List.of(value);
				List<Object> normalized = new ArrayList<>();
				for (Object each : values) {
					normalized.add(value(Field.group(field.name(), field.children()), each, path));
				}
				yield normalized;
			}
		};
	}

	private static String textOf(Object value, String path) {
		if (value instanceof Map || value instanceof List) {
			throw new InvalidEntryException(path + " must be text");
		}
		return value.toString();
	}

	private static Long number(Object value, String path) {
		if (value instanceof Number number) {
			return number.longValue();
		}
		try {
			return Long.valueOf(String.valueOf(value).trim());
		}
		catch (NumberFormatException ex) {
			throw new InvalidEntryException(path + " is not a number: " + value);
		}
	}

	/** An input entry the box would refuse; the message is what the user access log records. */
	static final class InvalidEntryException extends RuntimeException {

		InvalidEntryException(String reason) {
			super(reason);
		}

	}

}
