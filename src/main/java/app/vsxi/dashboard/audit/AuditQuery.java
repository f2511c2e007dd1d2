package app.vsxi.dashboard.audit;

import java.time.LocalDate;

/**
 * A search of the audit trail; every part optional.
 *
 * @param text found in the actor, action, target or detail
 * @param from first day, inclusive (UTC)
 * @param to last day, inclusive (UTC)
 */
public record AuditQuery(String text, String actor, String action, AuditOutcome outcome, LocalDate from,
		LocalDate to) {

	public static AuditQuery everything() {
		return new AuditQuery(null, null, null, null, null, null);
	}

}
