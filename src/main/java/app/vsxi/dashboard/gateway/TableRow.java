package app.vsxi.dashboard.gateway;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One entry of a VSXi table exactly as the box sent it: every field in its order, including fields this
 * dashboard does not know (a newer VSXi may add some), so that writing it back sends them untouched. A value is
 * text (or a JSON number or boolean), a nested entry, or a list of either for a repeated element.
 */
public final class TableRow {

	private final Map<String, Object> fields;

	public TableRow(Map<String, ?> fields) {
		this.fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
	}

	public Map<String, Object> fields() {
		return this.fields;
	}

	public Object get(String field) {
		return this.fields.get(field);
	}

	/** A scalar field as text; null when absent or not a scalar. */
	public String text(String field) {
		Object value = this.fields.get(field);
		return value == null || value instanceof TableRow || value instanceof List<?> ? null : value.toString();
	}

	public boolean has(String field) {
		return this.fields.containsKey(field);
	}

	/** A copy with one field changed, keeping every other field and the order. */
	public TableRow with(String field, Object value) {
		Map<String, Object> changed = new LinkedHashMap<>(this.fields);
		changed.put(field, value);
		return new TableRow(changed);
	}

	@Override
	public boolean equals(Object other) {
		return other instanceof TableRow row && this.fields.equals(row.fields);
	}

	@Override
	public int hashCode() {
		return this.fields.hashCode();
	}

	@Override
	public String toString() {
		return this.fields.toString();
	}

}
