package app.vsxi.dashboard.tables;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import app.vsxi.dashboard.gateway.TableRow;
import app.vsxi.dashboard.tables.engine.FieldChange;
import app.vsxi.dashboard.tables.engine.RowChange;
import app.vsxi.dashboard.tables.engine.TableDiff;

/**
 * What of a table's rows may not be shown: the fields its catalog marks secret ({@code VsxiTable.secret}), masked
 * for whoever may not see them in clear. A password that is set reads {@link #SET}; an empty one stays empty, as
 * that tells nothing.
 */
final class SecretFields {

	static final String SET = "password set";

	static final String NEW = "new password set";

	private SecretFields() {
	}

	/** Whether the table has any field to hide. */
	static boolean any(EditableTable table) {
		return !table.catalog().secretFields().isEmpty() || table.catalog().holdsBoxAccounts();
	}

	static boolean secret(EditableTable table, String field) {
		return table.catalog().secret(field);
	}

	/** The row with each secret value that is set replaced by {@link #SET}. */
	static TableRow mask(EditableTable table, TableRow row) {
		if (row == null) {
			return null;
		}
		TableRow masked = row;
		for (Map.Entry<String, Object> field : row.fields().entrySet()) {
			if (secret(table, field.getKey())) {
				masked = masked.with(field.getKey(), shown(field.getValue()));
			}
		}
		return masked;
	}

	/** The row without its secret fields: an export that could be imported again cannot carry a mask as a password. */
	static TableRow drop(EditableTable table, TableRow row) {
		Map<String, Object> kept = new LinkedHashMap<>();
		row.fields().forEach((field, value) -> {
			if (!secret(table, field)) {
				kept.put(field, value);
			}
		});
		return new TableRow(kept);
	}

	static DraftView.Page mask(EditableTable table, DraftView.Page page) {
		List<DraftView.ViewRow> rows = page.rows().stream().map(row -> mask(table, page.columns(), row)).toList();
		return new DraftView.Page(page.columns(), rows, page.total(), page.page(), page.pageSize(), page.baseSize());
	}

	static DraftView.ViewRow mask(EditableTable table, List<String> columns, DraftView.ViewRow row) {
		List<String> cells = new ArrayList<>(row.cells());
		for (int i = 0; i < Math.min(columns.size(), cells.size()); i++) {
			if (secret(table, columns.get(i))) {
				cells.set(i, String.valueOf(shown(cells.get(i))));
			}
		}
		return new DraftView.ViewRow(row.baseIndex(), row.key(), mask(table, row.row()), row.state(), List.copyOf(cells));
	}

	/** The request without filters or sorting on secret fields, either of which would tell their values apart. */
	static DraftView.Request blind(EditableTable table, DraftView.Request request) {
		Map<String, String> filters = new LinkedHashMap<>(request.filters());
		filters.keySet().removeIf(field -> secret(table, field));
		String sort = request.sort() != null && secret(table, request.sort()) ? null : request.sort();
		return new DraftView.Request(filters, sort, request.descending(), request.page(), request.pageSize());
	}

	static TableDiff mask(EditableTable table, TableDiff diff) {
		return new TableDiff(
				diff.added().stream().map(change -> new RowChange.Added(change.key(), mask(table, change.row()))).toList(),
				diff.removed().stream().map(change -> new RowChange.Removed(change.key(), mask(table, change.row()))).toList(),
				diff.changed().stream().map(change -> new RowChange.Changed(change.key(), mask(table, change.before()),
						mask(table, change.after()), change.fields().stream().map(field -> mask(table, field)).toList()))
					.toList(),
				diff.reordered(), diff.duplicatesBefore(), diff.duplicatesAfter());
	}

	private static FieldChange mask(EditableTable table, FieldChange change) {
		if (!secret(table, change.field())) {
			return change;
		}
		Object after = shown(change.after());
		return new FieldChange(change.field(), shown(change.before()), SET.equals(after) ? NEW : after,
				change.presentBefore(), change.presentAfter());
	}

	private static Object shown(Object value) {
		return value == null || String.valueOf(value).isEmpty() ? value : SET;
	}

}
