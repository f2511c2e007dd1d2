package app.vsxi.dashboard.tables;

import java.io.OutputStream;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

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
		return filtered(new DraftRows(edits, keyFields).intended(base), filter);
	}

	private static Iterator<TableRow> map(Iterator<TableRow> rows, UnaryOperator<TableRow> perRow) {
		return stream(rows).map(perRow).iterator();
	}

	private static Iterator<TableRow> filtered(Iterator<TableRow> rows, RowFilter filter) {
		return stream(rows).filter(filter::matches).iterator();
	}

	// a lazy stream: a row is read from the base only when the file asks for the next one
	private static Stream<TableRow> stream(Iterator<TableRow> rows) {
		return StreamSupport.stream(Spliterators.spliteratorUnknownSize(rows, Spliterator.ORDERED), false);
	}

}
