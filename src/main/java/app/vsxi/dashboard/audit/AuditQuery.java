package app.vsxi.dashboard.audit;

import java.time.LocalDate;

/**
 * A search of the audit trail; every part optional.
 *
 * @param text found in the actor, action, target or detail
 * @param from first day, inclusive (UTC)
 * @param to last day, inclusive (UTC)
 * @param change the change id every event must carry
 */
public record AuditQuery(String text, String actor, String action, AuditOutcome outcome, LocalDate from,
		LocalDate to, String change) {

	public AuditQuery(String text, String actor, String action, AuditOutcome outcome, LocalDate from, LocalDate to) {
		this(text, actor, action, outcome, from, to, null);
	}

	public static AuditQuery everything() {
		return new AuditQuery(null, null, null, null, null, null, null);
	}

}
