package app.vsxi.dashboard.backups;

/** What one read of a table for a backup found. Stored by name. */
public enum Outcome {

	CHANGED, UNCHANGED, FAILED

}
