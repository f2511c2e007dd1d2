package app.vsxi.dashboard.tables;

import java.time.Instant;

/** A table as it was on the box before an apply. */
public record Snapshot(long id, long sbcId, String table, String root, String item, String takenBy, String reason,
		int rows, Instant takenAt) {

}
