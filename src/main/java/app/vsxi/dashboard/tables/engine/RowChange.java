package app.vsxi.dashboard.tables.engine;

import java.util.List;

import app.vsxi.dashboard.gateway.TableRow;

/** How one row differs between two versions of a table. */
public sealed interface RowChange {

	RowKey key();

	public record Added(RowKey key, TableRow row) implements RowChange {
	}

	public record Removed(RowKey key, TableRow row) implements RowChange {
	}

	/** Present on both sides with different values; {@code fields} lists each difference in row order. */
	public record Changed(RowKey key, TableRow before, TableRow after, List<FieldChange> fields) implements RowChange {

		public Changed {
			fields = List.copyOf(fields);
		}

	}

}
