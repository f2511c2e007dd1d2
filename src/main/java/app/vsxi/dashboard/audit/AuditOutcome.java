package app.vsxi.dashboard.audit;

public enum AuditOutcome {

	/** Done as asked. */
	SUCCESS,

	/** Refused by the dashboard's access rules. */
	DENIED,

	/** Allowed, but it did not work (wrong password, SBC error, …). */
	FAILED

}
