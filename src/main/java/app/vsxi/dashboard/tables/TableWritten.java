package app.vsxi.dashboard.tables;

import app.vsxi.dashboard.tables.engine.RowCodec;

/**
 * A table the dashboard wrote to a box, published once the write is over: the table as read just before the write
 * and as read back after it (null when it could not be read back), so whoever keeps the table's history can tell
 * the dashboard's change from what happened on the box before it.
 *
 * @param what how it was written, for the history: "apply of draft 5", "restore of backup version 12"
 */
public record TableWritten(long sbcId, String table, String root, String item, RowCodec.Packed before,
		RowCodec.Packed after, String actor, String what) {
}
