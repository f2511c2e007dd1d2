package app.vsxi.dashboard.tables;

import org.springframework.stereotype.Component;

import app.vsxi.dashboard.audit.Actor;
import app.vsxi.dashboard.tables.engine.RowCodec;

/**
 * Puts a backed-up version of a table where the editor's roll back finds it: a snapshot that names the backup
 * version, so restoring it goes through the roll back's draft, preview, conflict check, apply and verify, and is
 * audited as a restore.
 */
@Component
public class RestorePoints {

	private final DraftRepository drafts;

	RestorePoints(DraftRepository drafts) {
		this.drafts = drafts;
	}

	/** Keeps the version's rows as a snapshot of the SBC's table; answers the snapshot's id. */
	public long keep(long sbcId, String table, String root, String item, RowCodec.Packed rows, long backupVersion,
			String label) {
		return this.drafts.saveSnapshot(sbcId, table, root, item, Actor.current(), "restore point: " + label, rows,
				backupVersion);
	}

}
