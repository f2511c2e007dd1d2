package app.vsxi.dashboard.tables;

import java.time.Instant;

/**
 * A table as it was on the box before an apply.
 *
 * @param restoresBackup the backup version this snapshot holds, to be restored by rolling back to it; else null
 */
public record Snapshot(long id, long sbcId, String table, String root, String item, String takenBy, String reason,
		int rows, Instant takenAt, Long restoresBackup) {

}
