package app.vsxi.dashboard.backups;

/** What one read of a table for a backup found. Stored by name. */
enum Outcome {

	CHANGED, UNCHANGED, FAILED

}
