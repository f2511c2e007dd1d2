package app.vsxi.dashboard.tables;

import java.io.OutputStream;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.function.UnaryOperator;

import app.vsxi.dashboard.gateway.Format;
import app.vsxi.dashboard.gateway.TableRow;
import app.vsxi.dashboard.tables.engine.RowKey;
import app.vsxi.dashboard.tables.engine.DraftRows;
import app.vsxi.dashboard.tables.engine.RowCodec;

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
	 * null for a deleted row, in the order they were made) laid over {@code base}, as {@link DraftRows} lays them.
	 */
	static Iterator<TableRow> rows(Iterator<TableRow> base, Map<RowKey, TableRow> edits, List<String> keyFields,
			RowFilter filter) {
		return new Filtered(new DraftRows(edits, keyFields).intended(base), filter);
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

	private static final class Filtered implements Iterator<TableRow> {

		private final Iterator<TableRow> rows;

		private final RowFilter filter;

		private TableRow next;

		Filtered(Iterator<TableRow> rows, RowFilter filter) {
			this.rows = rows;
			this.filter = filter;
		}

		@Override
		public boolean hasNext() {
			while (this.next == null && this.rows.hasNext()) {
				TableRow row = this.rows.next();
				if (this.filter.matches(row)) {
					this.next = row;
				}
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

	}

}
