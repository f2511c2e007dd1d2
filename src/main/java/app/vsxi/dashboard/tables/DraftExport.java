package app.vsxi.dashboard.tables;

import java.io.OutputStream;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.function.UnaryOperator;

import app.vsxi.dashboard.gateway.Format;
import app.vsxi.dashboard.gateway.TableRow;

/**
 * A draft as a file, row by row: the stored base read in its order with each edit in its row's place, deleted
 * rows left out and new rows at the end, filtered as the page filters, each row written as soon as it is made.
 * It never touches the draft's {@link DraftView}, so those browsing the draft do not wait for a download, and it
 * never holds the whole draft: a million-row draft leaves as it is read.
 */
final class DraftExport {

	private final DraftRepository drafts;

	DraftExport(DraftRepository drafts) {
		this.drafts = drafts;
	}

	/**
	 * {@code perRow} changes each row on its way out, after the filter chose it (the page filters what it holds).
	 * Answers how many rows were written.
	 */
	long export(Draft draft, Format format, Map<String, String> filters, UnaryOperator<TableRow> perRow,
			OutputStream out) {
		Map<RowKey, TableRow> edits = this.drafts.edits(draft.id());
		// the packed base is copied out of the database, so a slow download holds no connection of the pool
		RowCodec.Packed base = this.drafts.base(draft.id())
			.orElseThrow(() -> new TableEditorException("No such draft"));
		Iterator<TableRow> rows = rows(base.oneByOne().iterator(), edits, draft.editable().keyFields(),
				RowFilter.of(filters));
		long[] written = { 0 };
		try {
			TableTransfer.export(format, draft.root(), draft.item(), map(rows, row -> {
				written[0]++;
				return perRow.apply(row);
			}), out);
			return written[0];
		}
		catch (IllegalArgumentException ex) {
			throw new TableEditorException("This table has no " + format.parameter() + " form: " + ex.getMessage());
		}
	}

	/**
	 * The rows of a draft as its page lists them unsorted, without those it deletes: {@code edits} (key → row, or
	 * null for a deleted row, in the order they were made) laid over {@code base}. A key the table holds twice is
	 * told apart by its occurrence, as {@link RowKey#nth} numbers it; occurrences are counted only for edited keys.
	 */
	static Iterator<TableRow> rows(Iterator<TableRow> base, Map<RowKey, TableRow> edits, List<String> keyFields,
			RowFilter filter) {
		return new Overlaid(base, edits, keyFields, filter);
	}

	private static Iterator<TableRow> map(Iterator<TableRow> rows, UnaryOperator<TableRow> perRow) {
		return new Iterator<>() {

			@Override
			public boolean hasNext() {
				return rows.hasNext();
			}

			@Override
			public TableRow next() {
				return perRow.apply(rows.next());
			}

		};
	}

	private static final class Overlaid implements Iterator<TableRow> {

		private final Iterator<TableRow> base;

		private final Map<RowKey, TableRow> edits;

		private final List<String> keyFields;

		private final RowFilter filter;

		private final Set<RowKey> edited = new HashSet<>();

		private final Map<RowKey, Integer> seen = new HashMap<>();

		private final Set<RowKey> placed = new HashSet<>();

		private Iterator<Map.Entry<RowKey, TableRow>> added;

		private TableRow next;

		Overlaid(Iterator<TableRow> base, Map<RowKey, TableRow> edits, List<String> keyFields, RowFilter filter) {
			this.base = base;
			this.edits = edits;
			this.keyFields = keyFields;
			this.filter = filter;
			edits.keySet().forEach(key -> this.edited.add(key.first()));
		}

		@Override
		public boolean hasNext() {
			while (this.next == null) {
				TableRow row = following();
				if (row == null) {
					return false;
				}
				if (this.filter.matches(row)) {
					this.next = row;
				}
			}
			return true;
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

		/** The next row the draft holds, filtered or not; null after the last. */
		private TableRow following() {
			while (this.base.hasNext()) {
				TableRow row = this.base.next();
				RowKey key = RowKey.of(row, this.keyFields);
				if (!this.edited.contains(key)) {
					return row;
				}
				int occurrence = this.seen.merge(key, 1, Integer::sum) - 1;
				RowKey at = occurrence == 0 ? key : key.nth(occurrence);
				if (!this.edits.containsKey(at)) {
					return row;
				}
				this.placed.add(at);
				if (this.edits.get(at) != null) {
					return this.edits.get(at);
				}
			}
			if (this.added == null) {
				this.added = this.edits.entrySet().iterator();
			}
			while (this.added.hasNext()) {
				Map.Entry<RowKey, TableRow> edit = this.added.next();
				if (!this.placed.contains(edit.getKey()) && edit.getValue() != null) {
					return edit.getValue();
				}
			}
			return null;
		}

	}

}
