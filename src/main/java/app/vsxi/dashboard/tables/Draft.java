package app.vsxi.dashboard.tables;

import java.time.Instant;

/**
 * A draft of one table of one SBC, as stored: its base download and who works on it.
 *
 * @param rollbackOf the snapshot this draft restores, null for an ordinary draft
 */
public record Draft(long id, long sbcId, String table, String root, String item, String owner, int baseRows,
		Long rollbackOf, Instant createdAt, Instant updatedAt) {

	public EditableTable editable() {
		return EditableTable.named(this.table).orElseThrow();
	}

	/**
	 * The box's table is unknown: the API cannot read it, so the draft's base is what the operator imported, never
	 * what the box holds, and every row it holds is sent.
	 */
	public boolean baseUnknown() {
		return editable().writeOnly();
	}

}
