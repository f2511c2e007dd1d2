package app.vsxi.dashboard.tables;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import app.vsxi.dashboard.gateway.TableRow;
import app.vsxi.dashboard.tables.engine.RowKey;
import app.vsxi.dashboard.tables.engine.RowStore;
import app.vsxi.dashboard.tables.engine.CellOrder;
import app.vsxi.dashboard.tables.engine.FieldValues;
import app.vsxi.dashboard.tables.engine.LargeTableDiff;

/**
 * A draft as the operator browses it: the base download ({@link RowStore}) with the draft's edits laid over it,
 * filtered by any column, sorted by any column and cut into pages, without ever building the whole table as
 * rows. The last ordering is kept, so turning pages costs nothing.
 */
public final class DraftView {

	/** How a row of the draft stands against the base. */
	public enum State {

		BASE, CHANGED, ADDED, DELETED

	}

	/** One row on a page; {@code baseIndex} is -1 for a row the draft added. */
	public record ViewRow(int baseIndex, RowKey key, TableRow row, State state, List<String> cells) {

		/** Whether the row form has an input for this column: a plain value, not a nested entry or list. */
		public boolean editable(String column) {
			return this.row.has(column) && !(this.row.get(column) instanceof TableRow)
					&& !(this.row.get(column) instanceof List<?>);
		}

		/** The first of these columns the row form has an input for, or null. */
		public String firstEditable(List<String> columns) {
			return columns.stream().filter(this::editable).findFirst().orElse(null);
		}

	}

	public record Request(Map<String, String> filters, String sort, boolean descending, int page, int pageSize) {

		public Request {
			filters = Map.copyOf(filters);
			page = Math.max(0, page);
			pageSize = Math.max(1, Math.min(pageSize, 500));
		}

		Request firstPage() {
			return new Request(this.filters, this.sort, this.descending, 0, 1);
		}

	}

	public record Page(List<String> columns, List<ViewRow> rows, int total, int page, int pageSize, int baseSize) {

		public int pages() {
			return Math.max(1, (this.total + this.pageSize - 1) / this.pageSize);
		}

	}

	private final RowStore base;

	private final Map<RowKey, TableRow> edits;

	/** The draft's edits version these edits are, -1 where unknown: the stored edits are read when it moved. */
	private long version = -1;

	/** Moves on every change of the edits: the kept ordering is for one set of edits only. */
	private long generation;

	/**
	 * The orderings last asked for (filters and sort) with these edits: viewers of one draft with their own
	 * filters each keep theirs, so turning pages costs nothing for any of them.
	 */
	private final Map<Request, int[]> orders = new LinkedHashMap<>(16, 0.75f, true) {
		@Override
		protected boolean removeEldestEntry(Map.Entry<Request, int[]> eldest) {
			return size() > ORDERS_KEPT;
		}
	};

	private static final int ORDERS_KEPT = 16;

	/** {@code edits}: key → the row the draft holds for it, or null where the draft deleted it. */
	public DraftView(RowStore base, Map<RowKey, TableRow> edits) {
		this.base = base;
		this.edits = new LinkedHashMap<>(edits);
	}

	public RowStore base() {
		return this.base;
	}

	/**
	 * A page of the draft. The ordering is computed outside the view's lock from the edits as they stood (the
	 * base never changes, the overlay of one set of edits neither), so one viewer's new filter over a million rows
	 * does not hold up the others' pages.
	 */
	public Page page(Request request) {
		Request key = request.firstPage();
		Overlay overlay;
		long generation;
		int[] order;
		synchronized (this) {
			overlay = overlay();
			generation = this.generation;
			order = this.orders.get(key);
		}
		if (order == null) {
			order = order(request, overlay);
			synchronized (this) {
				if (this.generation == generation) {
					this.orders.put(key, order);
				}
			}
		}
		// in long: a page number near the int limit times the page size must not wrap round to a negative row
		int from = (int) Math.min(order.length, (long) request.page() * request.pageSize());
		int to = Math.min(order.length, from + request.pageSize());
		List<ViewRow> rows = new ArrayList<>(to - from);
		for (int i = from; i < to; i++) {
			rows.add(viewRow(order[i], overlay));
		}
		return new Page(this.base.columns(), rows, order.length, request.page(), request.pageSize(), this.base.size());
	}

	/** Replaces the edits (after an edit was saved); the next page is ordered afresh. */
	public synchronized void edits(Map<RowKey, TableRow> edits) {
		edits(edits, -1);
	}

	/** Replaces the edits with those stored at {@code version} of the draft's edits. */
	synchronized void edits(Map<RowKey, TableRow> edits, long version) {
		this.edits.clear();
		this.edits.putAll(edits);
		changed(version);
	}

	/**
	 * Lays more edits over these, as saving them did in the database (a key edited before keeps its place, new
	 * keys come after), now at {@code version}.
	 */
	synchronized void merge(Map<RowKey, TableRow> more, long version) {
		this.edits.putAll(more);
		changed(version);
	}

	/** Drops the edit of a key, as dropping it did in the database, now at {@code version}. */
	synchronized void drop(RowKey key, long version) {
		this.edits.remove(key);
		changed(version);
	}

	private void changed(long version) {
		this.version = version;
		this.generation++;
		this.overlay = null;
		this.orders.clear();
	}

	/** The version of the draft's edits this view holds, -1 where unknown. */
	synchronized long version() {
		return this.version;
	}

	public synchronized int editCount() {
		return this.edits.size();
	}

	/** Whether the draft holds an edit for the key: a changed, added or (with a null row) deleted row. */
	synchronized boolean edited(RowKey key) {
		return this.edits.containsKey(key);
	}

	/** The row the draft's edit holds for the key, null where it deletes it or there is no edit. */
	synchronized TableRow edit(RowKey key) {
		return this.edits.get(key);
	}

	/** The row the draft holds for a key now: its edit, else the base row; null if there is none or it is deleted. */
	synchronized TableRow current(RowKey key) {
		return this.edits.containsKey(key) ? this.edits.get(key) : baseRow(key);
	}

	/** The base row with this key (its occurrence included), null where the base holds none. */
	TableRow baseRow(RowKey key) {
		int at = baseIndex(key);
		return at < 0 ? null : this.base.row(at);
	}

	/** Where the base holds the row with this key; keys count occurrences, so there is one at most. */
	private int baseIndex(RowKey key) {
		for (int i : this.base.rowsWithKeyHash(LargeTableDiff.keyHash(key.values()))) {
			if (this.base.key(i).equals(key)) {
				return i;
			}
		}
		return -1;
	}

	private int[] order(Request request, Overlay overlay) {
		RowFilter filter = RowFilter.of(request.filters());
		List<boolean[]> matches = new ArrayList<>();
		List<Integer> columns = new ArrayList<>();
		for (Map.Entry<String, String> each : filter.needles().entrySet()) {
			int column = this.base.column(each.getKey());
			String needle = each.getValue();
			if (column < 0) {
				return new int[0];
			}
			columns.add(column);
			matches.add(RowFilter.matching(this.base.dictionary(column), needle));
		}
		int[] filterColumns = columns.stream().mapToInt(Integer::intValue).toArray();
		int sortColumn = request.sort() == null ? -1 : this.base.column(request.sort());
		int size = this.base.size();
		// base rows the draft did not touch, filtered on their codes
		int[] plain = new int[size];
		int count = 0;
		java.util.BitSet touchedRows = new java.util.BitSet(size);
		overlay.byBase.keySet().forEach(touchedRows::set);
		if (filterColumns.length == 0) {
			for (int i = 0; i < size; i++) {
				if (!touchedRows.get(i)) {
					plain[count++] = i;
				}
			}
		}
		else {
			int[][] codes = new int[filterColumns.length][];
			for (int f = 0; f < filterColumns.length; f++) {
				codes[f] = this.base.codes(filterColumns[f]);
			}
			for (int i = 0; i < size; i++) {
				boolean keep = !touchedRows.get(i);
				for (int f = 0; f < codes.length && keep; f++) {
					keep = matches.get(f)[codes[f][i]];
				}
				if (keep) {
					plain[count++] = i;
				}
			}
		}
		// touched and added rows, filtered on their own text
		List<Integer> touched = new ArrayList<>();
		for (Map.Entry<Integer, TableRow> entry : overlay.byBase.entrySet()) {
			if (filter.matches(entry.getValue() == null ? this.base.row(entry.getKey()) : entry.getValue())) {
				touched.add(entry.getKey());
			}
		}
		for (int a = 0; a < overlay.added.size(); a++) {
			if (filter.matches(overlay.added.get(a))) {
				touched.add(-(a + 1));
			}
		}
		int[] order;
		if (sortColumn < 0) {
			order = unsorted(Arrays.copyOf(plain, count), touched);
		}
		else {
			order = sorted(Arrays.copyOf(plain, count), touched, sortColumn, overlay);
			if (request.descending()) {
				for (int i = 0, j = order.length - 1; i < j; i++, j--) {
					int swap = order[i];
					order[i] = order[j];
					order[j] = swap;
				}
			}
		}
		return order;
	}

	/** Table order: base rows where they were (changed and deleted ones in place), added rows after them. */
	private static int[] unsorted(int[] plain, List<Integer> touched) {
		int[] order = new int[plain.length + touched.size()];
		int[] touchedBase = touched.stream().filter(i -> i >= 0).mapToInt(Integer::intValue).sorted().toArray();
		int p = 0;
		int t = 0;
		int o = 0;
		while (p < plain.length || t < touchedBase.length) {
			if (t >= touchedBase.length || (p < plain.length && plain[p] < touchedBase[t])) {
				order[o++] = plain[p++];
			}
			else {
				order[o++] = touchedBase[t++];
			}
		}
		List<Integer> added = touched.stream().filter(i -> i < 0).sorted((a, b) -> Integer.compare(b, a)).toList();
		for (int a : added) {
			order[o++] = a;
		}
		return order;
	}

	private int[] sorted(int[] plain, List<Integer> touched, int column, Overlay overlay) {
		int[] rank = this.base.ranks(column);
		long[] packed = new long[plain.length];
		for (int i = 0; i < plain.length; i++) {
			packed[i] = ((long) rank[this.base.code(plain[i], column)] << 32) | plain[i];
		}
		Arrays.sort(packed);
		String[] dictionary = this.base.dictionary(column);
		String name = this.base.columns().get(column);
		List<Integer> others = new ArrayList<>(touched);
		Map<Integer, String> text = new HashMap<>();
		for (int ref : others) {
			TableRow row = ref < 0 ? overlay.added.get(-ref - 1)
					: overlay.byBase.get(ref) == null ? this.base.row(ref) : overlay.byBase.get(ref);
			text.put(ref, row.has(name) ? FieldValues.display(row.get(name)) : "");
		}
		others.sort((a, b) -> CellOrder.compare(text.get(a), text.get(b)));
		int[] order = new int[packed.length + others.size()];
		int p = 0;
		int t = 0;
		int o = 0;
		while (p < packed.length || t < others.size()) {
			if (t >= others.size() || (p < packed.length && CellOrder.compare(
					dictionary[this.base.code((int) packed[p], column)], text.get(others.get(t))) <= 0)) {
				order[o++] = (int) packed[p++];
			}
			else {
				order[o++] = others.get(t++);
			}
		}
		return order;
	}

	private ViewRow viewRow(int ref, Overlay overlay) {
		if (ref < 0) {
			TableRow row = overlay.added.get(-ref - 1);
			return new ViewRow(-1, overlay.addedKeys.get(-ref - 1), row, State.ADDED, cells(row));
		}
		if (overlay.byBase.containsKey(ref)) {
			TableRow row = overlay.byBase.get(ref);
			TableRow shown = row == null ? this.base.row(ref) : row;
			return new ViewRow(ref, this.base.key(ref), shown, row == null ? State.DELETED : State.CHANGED,
					cells(shown));
		}
		List<String> cells = new ArrayList<>(this.base.columns().size());
		for (int c = 0; c < this.base.columns().size(); c++) {
			cells.add(this.base.cell(ref, c));
		}
		return new ViewRow(ref, this.base.key(ref), this.base.row(ref), State.BASE, cells);
	}

	private List<String> cells(TableRow row) {
		List<String> cells = new ArrayList<>(this.base.columns().size());
		for (String column : this.base.columns()) {
			cells.add(row.has(column) ? FieldValues.display(row.get(column)) : "");
		}
		return cells;
	}

	private Overlay overlay;

	/** Where each edit lands: on a base row (by index) or as an added row. */
	private Overlay overlay() {
		if (this.overlay != null) {
			return this.overlay;
		}
		Map<Integer, TableRow> byBase = new HashMap<>();
		Set<RowKey> found = new HashSet<>();
		for (Map.Entry<RowKey, TableRow> edit : this.edits.entrySet()) {
			int at = baseIndex(edit.getKey());
			if (at >= 0) {
				byBase.put(at, edit.getValue());
				found.add(edit.getKey());
			}
		}
		List<TableRow> added = new ArrayList<>();
		List<RowKey> addedKeys = new ArrayList<>();
		for (Map.Entry<RowKey, TableRow> edit : this.edits.entrySet()) {
			if (!found.contains(edit.getKey()) && edit.getValue() != null) {
				added.add(edit.getValue());
				addedKeys.add(edit.getKey());
			}
		}
		this.overlay = new Overlay(byBase, added, addedKeys);
		return this.overlay;
	}

	private record Overlay(Map<Integer, TableRow> byBase, List<TableRow> added, List<RowKey> addedKeys) {
	}

}
