package app.vsxi.dashboard.audit;

import java.time.Instant;

/**
 * One line of the audit trail.
 *
 * @param actor who did it (a user name, or what they typed at a failed login)
 * @param action what, e.g. {@code LOGIN}, {@code SBC_UPDATE}, {@code GRANT}
 * @param target on what, e.g. an SBC or user name
 * @param groupId the SBC group it concerns, which decides who may read it; null for dashboard-wide events
 * @param changeId the change set or approved write it belongs to, null for the rest
 */
public record AuditEvent(Long id, Instant at, String actor, String sourceIp, String action, String target,
		Long groupId, AuditOutcome outcome, String detail, String changeId) {

	public AuditEvent(Long id, Instant at, String actor, String sourceIp, String action, String target, Long groupId,
			AuditOutcome outcome, String detail) {
		this(id, at, actor, sourceIp, action, target, groupId, outcome, detail, null);
	}

}
