package app.vsxi.dashboard.tables;

import java.util.List;

import app.vsxi.dashboard.gateway.TableRow;

/** How one row differs between two versions of a table. */
public sealed interface RowChange {

	RowKey key();

	record Added(RowKey key, TableRow row) implements RowChange {
	}

	record Removed(RowKey key, TableRow row) implements RowChange {
	}

	/** Present on both sides with different values; {@code fields} lists each difference in row order. */
	record Changed(RowKey key, TableRow before, TableRow after, List<FieldChange> fields) implements RowChange {

		public Changed {
			fields = List.copyOf(fields);
		}

	}

}
