package app.vsxi.dashboard.gateway;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One entry of a VSXi table exactly as the box sent it: every field in its order, including fields this
 * dashboard does not know (a newer VSXi may add some), so that writing it back sends them untouched. A value is
 * text (or a JSON number or boolean), a nested entry, or a list of either for a repeated element.
 * <p>
 * Held compactly, as a table holds a million of them: the field names and their positions are shared by every
 * row with the same fields in the same order, and a row keeps only its values.
 */
public final class TableRow {

	private final Shape shape;

	private final Object[] values;

	public TableRow(Map<String, ?> fields) {
		if (fields instanceof Fields view) {
			this.shape = view.row().shape;
			this.values = view.row().values;
		}
		else {
			this.shape = Shape.of(fields.keySet());
			this.values = fields.values().toArray();
		}
	}

	private TableRow(Shape shape, Object[] values) {
		this.shape = shape;
		this.values = values;
	}

	/** A row of the first {@code count} names and values, the names distinct; for readers that build rows fast. */
	static TableRow of(String[] names, Object[] values, int count) {
		return new TableRow(Shape.of(names, count), Arrays.copyOf(values, count));
	}

	/** The fields in their order, as an unmodifiable map. */
	public Map<String, Object> fields() {
		return new Fields(this);
	}

	public Object get(String field) {
		int at = this.shape.indexOf(field);
		return at < 0 ? null : this.values[at];
	}

	/** A scalar field as text; null when absent or not a scalar. */
	public String text(String field) {
		Object value = get(field);
		return value == null || value instanceof TableRow || value instanceof List<?> ? null : value.toString();
	}

	public boolean has(String field) {
		return this.shape.indexOf(field) >= 0;
	}

	/** Whether the other row has the same fields in the same order (whatever their values). */
	public boolean sameFields(TableRow other) {
		return other.shape == this.shape || Arrays.equals(other.shape.names, this.shape.names);
	}

	/** A copy with one field changed, keeping every other field and the order; a new field goes last. */
	public TableRow with(String field, Object value) {
		int at = this.shape.indexOf(field);
		if (at < 0) {
			Map<String, Object> changed = new LinkedHashMap<>(fields());
			changed.put(field, value);
			return new TableRow(changed);
		}
		Object[] changed = this.values.clone();
		changed[at] = value;
		return new TableRow(this.shape, changed);
	}

	@Override
	public boolean equals(Object other) {
		if (!(other instanceof TableRow row)) {
			return false;
		}
		if (row.shape == this.shape) {
			return Arrays.equals(this.values, row.values);
		}
		return fields().equals(row.fields());
	}

	@Override
	public int hashCode() {
		// as a map's: the sum of each field's name hash xor value hash, whatever the order
		int hash = 0;
		for (int i = 0; i < this.values.length; i++) {
			hash += Objects.hashCode(this.shape.names[i]) ^ Objects.hashCode(this.values[i]);
		}
		return hash;
	}

	@Override
	public String toString() {
		return fields().toString();
	}

	/**
	 * The names of a row's fields in order and where each is. Rows of one table share one; a bounded number are
	 * remembered, so a file with a new set of names per row costs memory per row, never without end.
	 */
	private static final class Shape {

		private static final int REMEMBERED = 4_096;

		private static final Map<List<String>, Shape> KNOWN = new ConcurrentHashMap<>();

		private static volatile Shape last;

		private final String[] names;

		private final Map<String, Integer> positions;

		private Shape(String[] names) {
			this.names = names;
			this.positions = new HashMap<>(names.length * 2);
			for (int i = 0; i < names.length; i++) {
				this.positions.put(names[i], i);
			}
		}

		static Shape of(Set<String> fields) {
			Shape recent = last;
			if (recent != null && recent.sameAs(fields)) {
				return recent;
			}
			return known(Arrays.asList(fields.toArray(String[]::new)));
		}

		static Shape of(String[] fields, int count) {
			Shape recent = last;
			if (recent != null && recent.sameAs(fields, count)) {
				return recent;
			}
			return known(Arrays.asList(Arrays.copyOf(fields, count)));
		}

		/** The shape of these names, remembered while there are not too many; also the one the next row tries. */
		private static Shape known(List<String> names) {
			Shape shape = KNOWN.get(names);
			if (shape == null) {
				shape = new Shape(names.toArray(String[]::new));
				if (KNOWN.size() < REMEMBERED) {
					Shape earlier = KNOWN.putIfAbsent(names, shape);
					shape = earlier == null ? shape : earlier;
				}
			}
			last = shape;
			return shape;
		}

		private boolean sameAs(String[] fields, int count) {
			if (count != this.names.length) {
				return false;
			}
			for (int i = 0; i < count; i++) {
				if (!this.names[i].equals(fields[i])) {
					return false;
				}
			}
			return true;
		}

		private boolean sameAs(Set<String> fields) {
			if (fields.size() != this.names.length) {
				return false;
			}
			int i = 0;
			for (String field : fields) {
				if (!Objects.equals(this.names[i++], field)) {
					return false;
				}
			}
			return true;
		}

		int indexOf(String field) {
			Integer at = this.positions.get(field);
			return at == null ? -1 : at;
		}

	}

	/** A row's fields as an unmodifiable map in their order; building a row from it shares the row's values. */
	private static final class Fields extends AbstractMap<String, Object> {

		private final TableRow row;

		Fields(TableRow row) {
			this.row = row;
		}

		TableRow row() {
			return this.row;
		}

		@Override
		public int size() {
			return this.row.values.length;
		}

		@Override
		public boolean containsKey(Object key) {
			return key instanceof String field && this.row.has(field);
		}

		@Override
		public Object get(Object key) {
			return key instanceof String field ? this.row.get(field) : null;
		}

		@Override
		public Set<String> keySet() {
			return new AbstractSet<>() {
				@Override
				public Iterator<String> iterator() {
					return java.util.Collections.unmodifiableList(Arrays.asList(Fields.this.row.shape.names)).iterator();
				}

				@Override
				public int size() {
					return Fields.this.row.values.length;
				}

				@Override
				public boolean contains(Object key) {
					return containsKey(key);
				}
			};
		}

		@Override
		public Collection<Object> values() {
			return java.util.Collections.unmodifiableList(Arrays.asList(this.row.values));
		}

		@Override
		public Set<Entry<String, Object>> entrySet() {
			return new AbstractSet<>() {
				@Override
				public Iterator<Entry<String, Object>> iterator() {
					return new Iterator<>() {
						private int next;

						@Override
						public boolean hasNext() {
							return this.next < Fields.this.row.values.length;
						}

						@Override
						public Entry<String, Object> next() {
							if (!hasNext()) {
								throw new NoSuchElementException();
							}
							int at = this.next++;
							return new SimpleImmutableEntry<>(Fields.this.row.shape.names[at], Fields.this.row.values[at]);
						}
					};
				}

				@Override
				public int size() {
					return Fields.this.row.values.length;
				}
			};
		}

		@Override
		public void forEach(java.util.function.BiConsumer<? super String, ? super Object> action) {
			for (int i = 0; i < this.row.values.length; i++) {
				action.accept(this.row.shape.names[i], this.row.values[i]);
			}
		}

	}

}
