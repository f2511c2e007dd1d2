package app.vsxi.dashboard.tables;

import app.vsxi.dashboard.tables.engine.DraftRows;
import app.vsxi.dashboard.tables.engine.RowCodec;
import app.vsxi.dashboard.tables.engine.TableDiff;

/** A draft as stored, read as its base plus its edits. */
record StoredDraft(DraftRepository drafts, Draft draft) {

	private DraftRows rows() {
		return new DraftRows(this.drafts.edits(this.draft.id()), this.draft.editable().keyFields());
	}

	/** The base as stored, packed: each pass over it reads the bytes in memory, raw where it can. */
	private RowCodec.Packed base() {
		return this.drafts.packedBase(this.draft.id());
	}

	/**
	 * The draft's difference from its base: exactly its edits, each against the base row it replaces. Where the
	 * base is unknown (the box cannot be read), against nothing: every row the draft holds is written, and every
	 * row marked deleted is deleted with its whole entry.
	 */
	TableDiff changes() {
		return this.draft.baseUnknown() ? rows().changesFromNothing(base()) : rows().changes(base());
	}

	/**
	 * The whole table as the draft intends it, in the base's order with each edit in its row's place and new rows
	 * at the end: what a whole-table replace sends. Packed, so even a million rows stay a few megabytes.
	 */
	RowCodec.Packed intended() {
		RowCodec.Packer rows = new RowCodec.Packer();
		rows().forEach(base(), rows::add, row -> {
		});
		return rows.finish();
	}

}
