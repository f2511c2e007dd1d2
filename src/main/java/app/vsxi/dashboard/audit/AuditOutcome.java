package app.vsxi.dashboard.audit;

public enum AuditOutcome {

	/** Done as asked. */
	SUCCESS,

	/**
	 * Refused: by the access rules, or by a service that would not do it (an unknown or spent confirmation, a wrong
	 * count, values it does not take).
	 */
	DENIED,

	/** Allowed, but it did not work (wrong password, SBC error, …). */
	FAILED

}
