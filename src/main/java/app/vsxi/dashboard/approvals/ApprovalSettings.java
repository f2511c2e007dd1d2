package app.vsxi.dashboard.approvals;

import java.sql.Timestamp;
import java.time.Clock;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import app.vsxi.dashboard.audit.Actor;
import app.vsxi.dashboard.audit.AuditAction;
import app.vsxi.dashboard.audit.AuditLog;
import app.vsxi.dashboard.audit.AuditOutcome;

/** Which writes need approval: the one row administrators save, or the configured defaults until they do. */
@Component
public class ApprovalSettings {

	private final JdbcTemplate jdbc;

	private final ApprovalsProperties defaults;

	private final AuditLog audit;

	private final Clock clock;

	ApprovalSettings(JdbcTemplate jdbc, ApprovalsProperties defaults, AuditLog audit, Clock clock) {
		this.jdbc = jdbc;
		this.defaults = defaults;
		this.audit = audit;
		this.clock = clock;
	}

	public ApprovalPolicy current() {
		return this.jdbc
			.query("SELECT * FROM approval_setting WHERE id = 1",
					(rs, i) -> new ApprovalPolicy(rs.getBoolean("replace_table"), rs.getBoolean("apply_rows"),
							rs.getInt("apply_rows_over"), rs.getBoolean("bulk_kill"), rs.getInt("bulk_kill_over"),
							rs.getBoolean("fleet_change"), rs.getBoolean("restore_backup")))
			.stream()
			.findFirst()
			.orElseGet(() -> ApprovalPolicy.of(this.defaults));
	}

	@PreAuthorize("hasRole('ADMIN')")
	@Transactional
	public void save(ApprovalPolicy policy) {
		ApprovalPolicy before = current();
		Timestamp now = Timestamp.from(this.clock.instant());
		int updated = this.jdbc.update("UPDATE approval_setting SET replace_table = ?, apply_rows = ?, apply_rows_over = ?, "
				+ "bulk_kill = ?, bulk_kill_over = ?, fleet_change = ?, restore_backup = ?, changed_by = ?, changed_at = ? "
				+ "WHERE id = 1", policy.replace(), policy.applyRows(), policy.applyRowsOver(), policy.bulkKill(),
				policy.bulkKillOver(), policy.fleetChange(), policy.restore(), Actor.current(), now);
		if (updated == 0) {
			this.jdbc.update("INSERT INTO approval_setting (id, replace_table, apply_rows, apply_rows_over, bulk_kill, "
					+ "bulk_kill_over, fleet_change, restore_backup, changed_by, changed_at) VALUES (1, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
					policy.replace(), policy.applyRows(), policy.applyRowsOver(), policy.bulkKill(), policy.bulkKillOver(),
					policy.fleetChange(), policy.restore(), Actor.current(), now);
		}
		this.audit.record(AuditAction.APPROVAL_SETTINGS, "approvals", null, AuditOutcome.SUCCESS,
				"was: " + before.text() + "; now: " + policy.text());
	}

	/** How long a pending request, or an approved one not sent, stays open. */
	java.time.Duration expireAfter() {
		return this.defaults.expireAfter();
	}

}
