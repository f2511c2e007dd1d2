package app.vsxi.dashboard.backups;

/** Where a version of a table came from. Stored by name. */
public enum Cause {

	/** The first time the table was read. */
	FIRST,

	/** A backup found the table changed, and no dashboard apply explains it: changed on the box. */
	BOX,

	/** Read back after an apply, replace, roll back or restore through the dashboard. */
	APPLY

}
