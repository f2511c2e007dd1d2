package app.vsxi.dashboard.tables;

import java.time.Instant;

import app.vsxi.dashboard.tables.engine.RowCodec;

/**
 * A table the dashboard wrote to a box, published once the write is over (or failed partway): the table as read
 * just before the write and as read back after it (null when it was not read back), each with when it was read,
 * so whoever keeps the table's history can tell the dashboard's change from what happened on the box before it.
 *
 * @param what how it was written, for the history: "apply of draft 5", "restore of backup version 12"
 */
public record TableWritten(long sbcId, String table, String root, String item, RowCodec.Packed before,
		Instant readBefore, RowCodec.Packed after, Instant readAfter, String actor, String what) {
}
