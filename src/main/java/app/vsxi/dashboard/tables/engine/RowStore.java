package app.vsxi.dashboard.tables.engine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import app.vsxi.dashboard.gateway.TableRow;

/**
 * A downloaded table held compactly for browsing: one dictionary per column and an int code per cell, so a
 * million routes take tens of megabytes rather than a gigabyte of maps. A row whose fields are plain text in the
 * table's column order is rebuilt exactly from its codes; any other row (nested values, numbers, another field
 * list) is kept whole beside them, so every row comes back as the box sent it.
 */
public final class RowStore {

	private final List<String> columns;

	private final String[][] dictionaries;

	private final int[][] codes;

	private final long[] keyHashes;

	private final Map<Integer, TableRow> irregular;

	private final Map<Integer, Integer> occurrences;

	private final List<String> keyFields;

	private final int size;

	private final int[][] ranks;

	private final String[][] ranked;

	private RowStore(Builder builder) {
		this.columns = List.copyOf(builder.columns);
		this.size = builder.size;
		this.keyFields = builder.keyFields;
		this.dictionaries = new String[this.columns.size()][];
		this.codes = new int[this.columns.size()][];
		for (int c = 0; c < this.columns.size(); c++) {
			this.dictionaries[c] = builder.values.get(c).toArray(new String[0]);
			this.codes[c] = Arrays.copyOf(builder.codes.get(c), this.size);
		}
		this.keyHashes = Arrays.copyOf(builder.keyHashes, this.size);
		this.irregular = Map.copyOf(builder.irregular);
		this.occurrences = occurrences();
		this.ranks = new int[this.columns.size()][];
		this.ranked = new String[this.columns.size()][];
	}

	public static Builder builder(List<String> keyFields) {
		return new Builder(keyFields);
	}

	public List<String> columns() {
		return this.columns;
	}

	public List<String> keyFields() {
		return this.keyFields;
	}

	public int size() {
		return this.size;
	}

	public TableRow row(int index) {
		TableRow kept = this.irregular.get(index);
		if (kept != null) {
			return kept;
		}
		Map<String, Object> fields = new LinkedHashMap<>();
		for (int c = 0; c < this.columns.size(); c++) {
			fields.put(this.columns.get(c), this.dictionaries[c][this.codes[c][index]]);
		}
		return new TableRow(fields);
	}

	/** The cell as shown: the text of a scalar, a one-line rendering of a nested value, empty when absent. */
	public String cell(int index, int column) {
		return this.dictionaries[column][this.codes[column][index]];
	}

	public RowKey key(int index) {
		return RowKey.of(row(index), this.keyFields, this.occurrences.getOrDefault(index, 0));
	}

	public long keyHash(int index) {
		return this.keyHashes[index];
	}

	private long[] sortedHashes;

	private long[] sortedRows;

	/**
	 * The rows whose key hashes to {@code hash}, in table order, found in a sorted copy of the key hashes (built
	 * on first use, 16 bytes a row), so laying a few edits over a million rows costs a few lookups, not a scan.
	 */
	public int[] rowsWithKeyHash(long hash) {
		long[][] sorted = sortedHashes();
		long[] hashes = sorted[0];
		int low = 0;
		int high = this.size;
		while (low < high) {
			int middle = (low + high) >>> 1;
			if (Long.compareUnsigned(hashes[middle], hash) < 0) {
				low = middle + 1;
			}
			else {
				high = middle;
			}
		}
		int end = low;
		while (end < this.size && hashes[end] == hash) {
			end++;
		}
		int[] rows = new int[end - low];
		for (int i = low; i < end; i++) {
			rows[i - low] = (int) sorted[1][i];
		}
		Arrays.sort(rows);
		return rows;
	}

	private synchronized long[][] sortedHashes() {
		if (this.sortedHashes == null) {
			long[] hashes = Arrays.copyOf(this.keyHashes, this.size);
			long[] rows = new long[this.size];
			for (int i = 0; i < this.size; i++) {
				rows[i] = i;
			}
			LargeTableDiff.radixSort(hashes, rows, this.size);
			this.sortedRows = rows;
			this.sortedHashes = hashes;
		}
		return new long[][] { this.sortedHashes, this.sortedRows };
	}

	public int column(String name) {
		return this.columns.indexOf(name);
	}

	public int code(int index, int column) {
		return this.codes[column][index];
	}

	/** The codes of a column, one per row; not to be changed. */
	public int[] codes(int column) {
		return this.codes[column];
	}

	public String[] dictionary(int column) {
		return this.dictionaries[column];
	}

	/** For each code of a column, its place in the column's sort order; computed once per column. */
	public synchronized int[] ranks(int column) {
		if (this.ranks[column] == null) {
			String[] values = this.dictionaries[column];
			Integer[] order = new Integer[values.length];
			for (int i = 0; i < order.length; i++) {
				order[i] = i;
			}
			Arrays.sort(order, (a, b) -> CellOrder.compare(values[a], values[b]));
			int[] rank = new int[values.length];
			String[] ranked = new String[values.length];
			for (int i = 0; i < order.length; i++) {
				rank[order[i]] = i;
				ranked[i] = values[order[i]];
			}
			this.ranks[column] = rank;
			this.ranked[column] = ranked;
		}
		return this.ranks[column];
	}

	/** A column's distinct values in its sort order (numbers as numbers); the rank of a code indexes it. */
	public synchronized String[] valuesInOrder(int column) {
		ranks(column);
		return this.ranked[column];
	}

	/**
	 * The rows in a column's sort order, equal values in table order: a counting sort over the ranks, computed on
	 * first use and kept for the last few columns asked for (4 bytes a row each), as the base never changes.
	 */
	public synchronized int[] rowsInOrder(int column) {
		int[] kept = this.inOrder.get(column);
		if (kept != null) {
			return kept;
		}
		int[] rank = ranks(column);
		int[] columnCodes = this.codes[column];
		int[] next = new int[rank.length + 1];
		for (int i = 0; i < this.size; i++) {
			next[rank[columnCodes[i]] + 1]++;
		}
		for (int r = 1; r < next.length; r++) {
			next[r] += next[r - 1];
		}
		int[] rows = new int[this.size];
		for (int i = 0; i < this.size; i++) {
			rows[next[rank[columnCodes[i]]]++] = i;
		}
		this.inOrder.put(column, rows);
		return rows;
	}

	private static final int ORDERS_KEPT = 6;

	private final Map<Integer, int[]> inOrder = new LinkedHashMap<>(8, 0.75f, true) {
		@Override
		protected boolean removeEldestEntry(Map.Entry<Integer, int[]> eldest) {
			return size() > ORDERS_KEPT;
		}
	};

	/** Occurrence numbers of rows whose key was seen before in the table (duplicates only, so small). */
	private Map<Integer, Integer> occurrences() {
		long[] sorted = this.keyHashes.clone();
		Arrays.sort(sorted);
		java.util.Set<Long> repeated = new java.util.HashSet<>();
		for (int i = 1; i < sorted.length; i++) {
			if (sorted[i] == sorted[i - 1]) {
				repeated.add(sorted[i]);
			}
		}
		Map<Integer, Integer> found = new HashMap<>();
		if (repeated.isEmpty()) {
			return found;
		}
		Occurrences occurrences = new Occurrences();
		for (int i = 0; i < this.size; i++) {
			if (repeated.contains(this.keyHashes[i])) {
				int occurrence = occurrences.next(RowKey.of(row(i), this.keyFields)).occurrence();
				if (occurrence > 0) {
					found.put(i, occurrence);
				}
			}
		}
		return found;
	}

	/** Takes rows one by one, e.g. straight from a streaming download. */
	public static final class Builder {

		private final List<String> keyFields;

		private final List<String> columns = new ArrayList<>();

		private final List<List<String>> values = new ArrayList<>();

		private final List<Codes> index = new ArrayList<>();

		private final List<int[]> codes = new ArrayList<>();

		private long[] keyHashes = new long[1024];

		private final Map<Integer, TableRow> irregular = new HashMap<>();

		private int size;

		private Builder(List<String> keyFields) {
			this.keyFields = List.copyOf(keyFields);
		}

		public Builder add(TableRow row) {
			boolean regular = this.size == 0 || row.fields().size() == this.columns.size();
			int position = 0;
			for (Map.Entry<String, Object> field : row.fields().entrySet()) {
				if (this.size == 0) {
					addColumn(field.getKey());
				}
				else if (position >= this.columns.size() || !this.columns.get(position).equals(field.getKey())) {
					regular = false;
				}
				if (!(field.getValue() instanceof String)) {
					regular = false;
				}
				position++;
			}
			if (!regular) {
				for (String name : row.fields().keySet()) {
					if (!this.columns.contains(name)) {
						addColumn(name);
					}
				}
			}
			grow();
			if (regular) {
				// the row's fields are the columns, in order, all text
				int c = 0;
				for (Object value : row.fields().values()) {
					this.codes.get(c)[this.size] = code(c, (String) value);
					c++;
				}
			}
			else {
				for (int c = 0; c < this.columns.size(); c++) {
					String name = this.columns.get(c);
					String text = row.has(name) ? FieldValues.display(row.get(name)) : "";
					this.codes.get(c)[this.size] = code(c, text);
				}
			}
			if (!regular) {
				this.irregular.put(this.size, row);
			}
			this.keyHashes[this.size] = LargeTableDiff.keyHash(row, this.keyFields);
			this.size++;
			return this;
		}

		public RowStore build() {
			return new RowStore(this);
		}

		private void addColumn(String name) {
			this.columns.add(name);
			List<String> values = new ArrayList<>();
			this.values.add(values);
			Codes codesOf = new Codes(values);
			codesOf.code("");
			this.index.add(codesOf);
			// rows read before this column appeared lack it: code 0, the empty text
			this.codes.add(new int[Math.max(this.keyHashes.length, 1)]);
			if (this.size > 0) {
				this.irregularUpTo(this.size);
			}
		}

		private void irregularUpTo(int count) {
			// earlier regular rows stay exact: their field list did not have this column and is rebuilt from codes
			// only when regular, so keep them whole now
			for (int i = 0; i < count; i++) {
				if (!this.irregular.containsKey(i)) {
					this.irregular.put(i, rebuild(i));
				}
			}
		}

		private TableRow rebuild(int index) {
			Map<String, Object> fields = new LinkedHashMap<>();
			for (int c = 0; c < this.columns.size() - 1; c++) {
				fields.put(this.columns.get(c), this.values.get(c).get(this.codes.get(c)[index]));
			}
			return new TableRow(fields);
		}

		private int code(int column, String text) {
			return this.index.get(column).code(text);
		}

		private void grow() {
			if (this.size == this.keyHashes.length) {
				int capacity = this.size * 2;
				this.keyHashes = Arrays.copyOf(this.keyHashes, capacity);
				for (int c = 0; c < this.codes.size(); c++) {
					this.codes.set(c, Arrays.copyOf(this.codes.get(c), capacity));
				}
			}
		}

	}

	/**
	 * A column's dictionary while rows arrive: text → code in an open-addressing table of ints over the values
	 * list, so a column of a million distinct values costs a few ints a value rather than a map entry and a boxed
	 * code each.
	 */
	private static final class Codes {

		private final List<String> values;

		/** code + 1 per slot, 0 where empty; at most half full. */
		private int[] slots = new int[1 << 10];

		/** The hash of the value in each slot: most probes that miss are told apart without reading the value. */
		private int[] hashes = new int[1 << 10];

		Codes(List<String> values) {
			this.values = values;
		}

		int code(String text) {
			int hash = spread(text.hashCode());
			int mask = this.slots.length - 1;
			int at = hash & mask;
			while (true) {
				int held = this.slots[at];
				if (held == 0) {
					int code = this.values.size();
					this.values.add(text);
					this.slots[at] = code + 1;
					this.hashes[at] = hash;
					if (this.values.size() * 2 > this.slots.length) {
						grow();
					}
					return code;
				}
				if (this.hashes[at] == hash && this.values.get(held - 1).equals(text)) {
					return held - 1;
				}
				at = (at + 1) & mask;
			}
		}

		private void grow() {
			int[] slots = new int[this.slots.length * 2];
			int[] hashes = new int[slots.length];
			int mask = slots.length - 1;
			for (int old = 0; old < this.slots.length; old++) {
				if (this.slots[old] != 0) {
					int at = this.hashes[old] & mask;
					while (slots[at] != 0) {
						at = (at + 1) & mask;
					}
					slots[at] = this.slots[old];
					hashes[at] = this.hashes[old];
				}
			}
			this.slots = slots;
			this.hashes = hashes;
		}

		private static int spread(int hash) {
			int mixed = hash * 0x9E3779B9;
			return mixed ^ (mixed >>> 16);
		}

	}

}
