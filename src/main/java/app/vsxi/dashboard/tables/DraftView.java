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

	/**
	 * Which values of a column's dictionary contain a filter's text, for the last few filters asked for: the base
	 * never changes, so viewers turning the pages of one filter test a million distinct values once.
	 */
	private final Map<Needle, boolean[]> matchesKept = new LinkedHashMap<>(16, 0.75f, true) {
		@Override
		protected boolean removeEldestEntry(Map.Entry<Needle, boolean[]> eldest) {
			return size() > MATCHES_KEPT;
		}
	};

	private static final int MATCHES_KEPT = 8;

	private record Needle(int column, String text) {
	}

	/** {@code edits}: key → the row the draft holds for it, or null where the draft deleted it. */
	public DraftView(RowStore base, Map<RowKey, TableRow> edits) {
		this.base = base;
		this.edits = new LinkedHashMap<>(edits);
	}

	public RowStore base() {
		return this.base;
	}

	/**
	 * A page of the draft: one pass over the base in the asked order (table order, or a column's order kept by the
	 * base), counting the rows the filters keep and taking those of the page, with the edited and added rows
	 * merged in where they belong. Nothing the size of the table is built per request, and no lock is held while
	 * the pass runs (the base never changes, the overlay of one set of edits neither), so one viewer's filter over
	 * a million rows does not hold up the others' pages.
	 */
	public Page page(Request request) {
		Overlay overlay;
		synchronized (this) {
			overlay = overlay();
		}
		// in long: a page number near the int limit times the page size must not wrap round to a negative row
		int from = (int) Math.min(Integer.MAX_VALUE, (long) request.page() * request.pageSize());
		Window window = new Window(from, request.pageSize());
		collect(request, overlay, window);
		List<ViewRow> rows = new ArrayList<>(window.taken);
		for (int i = 0; i < window.taken; i++) {
			rows.add(viewRow(window.refs[i], overlay));
		}
		return new Page(this.base.columns(), rows, window.count, request.page(), request.pageSize(), this.base.size());
	}

	/**
	 * The rows a page draws from, in order: base rows as an index, added rows as {@code -(n + 1)} for the n-th
	 * added row. Counts them all and keeps those of the window.
	 */
	private static final class Window {

		private final int from;

		private final int[] refs;

		private int count;

		private int taken;

		Window(int from, int size) {
			this.from = from;
			this.refs = new int[size];
		}

		void offer(int ref) {
			if (this.count >= this.from && this.taken < this.refs.length) {
				this.refs[this.taken++] = ref;
			}
			this.count++;
		}

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
		this.overlay = null;
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

	private void collect(Request request, Overlay overlay, Window window) {
		RowFilter filter = RowFilter.of(request.filters());
		List<boolean[]> matches = new ArrayList<>();
		List<int[]> codes = new ArrayList<>();
		for (Map.Entry<String, String> each : filter.needles().entrySet()) {
			int column = this.base.column(each.getKey());
			if (column < 0) {
				return;
			}
			matches.add(matching(column, each.getValue()));
			codes.add(this.base.codes(column));
		}
		Kept kept = new Kept(matches.toArray(new boolean[0][]), codes.toArray(new int[0][]), overlay.touched);
		// touched and added rows, filtered on their own text; in table order, added rows last
		List<Integer> touched = new ArrayList<>();
		for (int ref : overlay.byBase.keySet().stream().sorted().toList()) {
			TableRow edit = overlay.byBase.get(ref);
			if (filter.matches(edit == null ? this.base.row(ref) : edit)) {
				touched.add(ref);
			}
		}
		for (int a = 0; a < overlay.added.size(); a++) {
			if (filter.matches(overlay.added.get(a))) {
				touched.add(-(a + 1));
			}
		}
		int sortColumn = request.sort() == null ? -1 : this.base.column(request.sort());
		if (sortColumn < 0) {
			inTableOrder(kept, touched, window);
		}
		else {
			inColumnOrder(kept, touched, sortColumn, request.descending(), overlay, window);
		}
	}

	/** Base rows where they are (changed and deleted ones in place), added rows after them. */
	private void inTableOrder(Kept kept, List<Integer> touched, Window window) {
		int size = this.base.size();
		int t = 0;
		for (int i = 0; i < size; i++) {
			if (kept.touched.get(i)) {
				if (t < touched.size() && touched.get(t) == i) {
					window.offer(i);
					t++;
				}
			}
			else if (kept.test(i)) {
				window.offer(i);
			}
		}
		for (; t < touched.size(); t++) {
			window.offer(touched.get(t));
		}
	}

	/**
	 * Rows by a column's text (numbers as numbers), equal text in table order; descending is exactly the reverse.
	 * Untouched base rows come in the order the base keeps for the column; each touched or added row goes in by its
	 * own text: {@code below} base values sort before it, and one more equals it when {@code equal}.
	 */
	private void inColumnOrder(Kept kept, List<Integer> touched, int column, boolean descending, Overlay overlay,
			Window window) {
		int[] rank = this.base.ranks(column);
		int[] ranked = this.base.rowsInOrder(column);
		int[] columnCodes = this.base.codes(column);
		String[] byRank = this.base.valuesInOrder(column);
		String name = this.base.columns().get(column);
		int others = touched.size();
		String[] text = new String[others];
		for (int t = 0; t < others; t++) {
			int ref = touched.get(t);
			TableRow row = ref < 0 ? overlay.added.get(-ref - 1)
					: overlay.byBase.get(ref) == null ? this.base.row(ref) : overlay.byBase.get(ref);
			text[t] = row.has(name) ? FieldValues.display(row.get(name)) : "";
		}
		Integer[] sorted = new Integer[others];
		for (int t = 0; t < others; t++) {
			sorted[t] = t;
		}
		// touched holds table order with added rows last, and the sort is stable: equal text stays in that order
		Arrays.sort(sorted, (a, b) -> CellOrder.compare(text[a], text[b]));
		int[] refs = new int[others];
		int[] below = new int[others];
		boolean[] equal = new boolean[others];
		int[] position = new int[others];
		for (int s = 0; s < others; s++) {
			int t = sorted[s];
			refs[s] = touched.get(t);
			below[s] = valuesBelow(byRank, text[t]);
			equal[s] = below[s] < byRank.length && CellOrder.compare(byRank[below[s]], text[t]) == 0;
			position[s] = refs[s] < 0 ? this.base.size() - refs[s] : refs[s];
		}
		int size = ranked.length;
		if (!descending) {
			int s = 0;
			for (int p = 0; p < size; p++) {
				int row = ranked[p];
				if (kept.touched.get(row) || !kept.test(row)) {
					continue;
				}
				int r = rank[columnCodes[row]];
				while (s < others && !before(r, row, below[s], equal[s], position[s])) {
					window.offer(refs[s++]);
				}
				window.offer(row);
			}
			while (s < others) {
				window.offer(refs[s++]);
			}
		}
		else {
			int s = others - 1;
			for (int p = size - 1; p >= 0; p--) {
				int row = ranked[p];
				if (kept.touched.get(row) || !kept.test(row)) {
					continue;
				}
				int r = rank[columnCodes[row]];
				while (s >= 0 && before(r, row, below[s], equal[s], position[s])) {
					window.offer(refs[s--]);
				}
				window.offer(row);
			}
			while (s >= 0) {
				window.offer(refs[s--]);
			}
		}
	}

	/** Whether an untouched base row (its value's rank, its index) comes before a touched row so placed. */
	private static boolean before(int rank, int row, int below, boolean equal, int position) {
		return rank < below || (equal && rank == below && row < position);
	}

	/** How many of the column's values (in their order) sort strictly before this text. */
	private static int valuesBelow(String[] byRank, String text) {
		int low = 0;
		int high = byRank.length;
		while (low < high) {
			int middle = (low + high) >>> 1;
			if (CellOrder.compare(byRank[middle], text) < 0) {
				low = middle + 1;
			}
			else {
				high = middle;
			}
		}
		return low;
	}

	private boolean[] matching(int column, String needle) {
		Needle key = new Needle(column, needle);
		synchronized (this.matchesKept) {
			boolean[] kept = this.matchesKept.get(key);
			if (kept != null) {
				return kept;
			}
		}
		boolean[] match = RowFilter.matching(this.base.dictionary(column), needle);
		synchronized (this.matchesKept) {
			this.matchesKept.put(key, match);
		}
		return match;
	}

	/** Whether an untouched base row passes every filter, tested on its codes. */
	private record Kept(boolean[][] matches, int[][] codes, java.util.BitSet touched) {

		boolean test(int row) {
			for (int f = 0; f < this.matches.length; f++) {
				if (!this.matches[f][this.codes[f][row]]) {
					return false;
				}
			}
			return true;
		}

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
		java.util.BitSet touched = new java.util.BitSet(this.base.size());
		byBase.keySet().forEach(touched::set);
		this.overlay = new Overlay(byBase, added, addedKeys, touched);
		return this.overlay;
	}

	private record Overlay(Map<Integer, TableRow> byBase, List<TableRow> added, List<RowKey> addedKeys,
			java.util.BitSet touched) {
	}

}
