package app.vsxi.dashboard.tables;

import app.vsxi.dashboard.gateway.TableRow;
import app.vsxi.dashboard.tables.engine.TableDiff;

/** Secret fields (SIP and box-account passwords) shown as set or not, never as they are, outside the editor too. */
public final class SecretsMasked {

	private SecretsMasked() {
	}

	public static TableDiff diff(String table, TableDiff diff) {
		return EditableTable.named(table).map(editable -> SecretFields.mask(editable, diff)).orElse(diff);
	}

	public static TableRow row(String table, TableRow row) {
		return EditableTable.named(table).map(editable -> SecretFields.mask(editable, row)).orElse(row);
	}

	public static boolean secret(String table, String field) {
		return EditableTable.named(table).map(editable -> SecretFields.secret(editable, field)).orElse(false);
	}

}
