package app.vsxi.dashboard.tables.engine;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.function.Consumer;

import app.vsxi.dashboard.gateway.TableRow;

/**
 * A draft is its base plus its edits. {@code edits} maps a row's key to the row the draft holds under it, or to null
 * where it deletes the row, in the order they were made; laid over the base, each edit takes its row's place,
 * deleted rows leave and new rows come at the end. Every reading of a draft (its intended table, its changes, a
 * few of its rows) is this one overlay. Occurrences are counted only for edited keys: other rows go through
 * untouched.
 */
public final class DraftRows {

	private final Map<RowKey, TableRow> edits;

	private final List<String> keyFields;

	private final Set<RowKey> edited = new HashSet<>();

	public DraftRows(Map<RowKey, TableRow> edits, List<String> keyFields) {
		this.edits = edits;
		this.keyFields = keyFields;
		edits.keySet().forEach(key -> this.edited.add(key.first()));
	}

	/** The whole table as the draft intends it, row by row as {@code base} is read: what a replace sends. */
	public Iterator<TableRow> intended(Iterator<TableRow> base) {
		Overlay overlay = new Overlay();
		return new Iterator<>() {

			private Iterator<TableRow> added;

			private TableRow next;

			@Override
			public boolean hasNext() {
				while (this.next == null && base.hasNext()) {
					this.next = overlay.over(base.next());
				}
				if (this.next == null) {
					if (this.added == null) {
						this.added = overlay.added().iterator();
					}
					this.next = this.added.hasNext() ? this.added.next() : null;
				}
				return this.next != null;
			}

			@Override
			public TableRow next() {
				if (!hasNext()) {
					throw new NoSuchElementException();
				}
				TableRow row = this.next;
				this.next = null;
				return row;
			}

		};
	}

	/** The same, told to {@code held}; each base row an edit deletes is told to {@code deleted}. */
	public void forEach(LargeTableDiff.RowSource base, Consumer<TableRow> held, Consumer<TableRow> deleted) {
		Overlay overlay = new Overlay();
		base.forEach(row -> {
			TableRow over = overlay.over(row);
			if (over == null) {
				deleted.accept(row);
			}
			else {
				held.accept(over);
			}
		});
		overlay.added().forEach(held);
	}

	/**
	 * The rows the draft holds in place of {@code baseRows}, and its new rows: {@code baseRows} must hold every
	 * occurrence of the keys they hold, in table order, as {@link #rowsWithKeys} finds them.
	 */
	public List<TableRow> over(Collection<TableRow> baseRows) {
		List<TableRow> held = new ArrayList<>();
		forEach(baseRows::forEach, held::add, row -> {
		});
		return held;
	}

	/** The draft's difference from its base: exactly its edits, each against the base row it replaces. */
	public TableDiff changes(LargeTableDiff.RowSource base) {
		Map<RowKey, TableRow> baseRows = rowsWithKeys(base, this.edits.keySet(), this.keyFields);
		return KeyedDiff.diff(new ArrayList<>(baseRows.values()), over(baseRows.values()), this.keyFields);
	}

	/**
	 * The draft's difference from nothing, where its base is not the box's table: every row it holds is added and
	 * every base row it deletes is removed.
	 */
	public TableDiff changesFromNothing(LargeTableDiff.RowSource base) {
		List<TableRow> deleted = new ArrayList<>();
		List<TableRow> held = new ArrayList<>();
		forEach(base, held::add, deleted::add);
		return KeyedDiff.diff(deleted, held, this.keyFields);
	}

	/**
	 * Every row whose key values are among {@code keys}, every occurrence of them, in table order, under its
	 * occurrence key: a subset that diffs and merges exactly as the whole table would for those keys. Rows that
	 * can be read raw (packed ones) are found by their key hashes, building only those.
	 */
	public static Map<RowKey, TableRow> rowsWithKeys(LargeTableDiff.RowSource rows, Set<RowKey> keys,
			List<String> keyFields) {
		KeySet wanted = new KeySet(keys, keyFields);
		Map<RowKey, TableRow> found = new LinkedHashMap<>();
		Occurrences occurrences = new Occurrences();
		Consumer<TableRow> match = row -> {
			RowKey key = wanted.match(row);
			if (key != null) {
				found.put(occurrences.next(key), row);
			}
		};
		LargeTableDiff.RawRecords raw = rows.raw();
		if (raw == null) {
			rows.forEach(match);
		}
		else {
			// only rows whose key hashes as a wanted key's are built; a collision is then not matched
			Set<Long> hashes = new HashSet<>();
			keys.forEach(key -> hashes.add(LargeTableDiff.keyHash(key.values())));
			raw.forEachWanted(keyFields, hashes::contains, match);
		}
		return found;
	}

	/** One pass of the edits over the base, fed its rows in table order. */
	private final class Overlay {

		private final Occurrences occurrences = new Occurrences();

		private final Set<RowKey> placed = new HashSet<>();

		/** The row the draft holds in place of this base row; null where an edit deletes it. */
		public TableRow over(TableRow row) {
			RowKey key = RowKey.of(row, DraftRows.this.keyFields);
			if (!DraftRows.this.edited.contains(key)) {
				return row;
			}
			RowKey at = this.occurrences.next(key);
			if (!DraftRows.this.edits.containsKey(at)) {
				return row;
			}
			this.placed.add(at);
			return DraftRows.this.edits.get(at);
		}

		/** The edits that took no base row's place: the draft's new rows, in the order they were made. */
		public List<TableRow> added() {
			List<TableRow> added = new ArrayList<>();
			DraftRows.this.edits.forEach((key, row) -> {
				if (!this.placed.contains(key) && row != null) {
					added.add(row);
				}
			});
			return added;
		}

	}

}
