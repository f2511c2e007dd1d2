package app.vsxi.dashboard.audit;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Writes and reads the audit trail. There is deliberately no way to change or remove an event; on PostgreSQL a
 * trigger refuses it even to direct SQL.
 */
@Component
public class AuditLog {

	private static final int MAX_DETAIL = 2000;

	static final RowMapper<AuditEvent> ROWS = (rs, i) -> new AuditEvent(rs.getLong("id"),
			rs.getTimestamp("at").toInstant(), rs.getString("actor"), rs.getString("source_ip"), rs.getString("action"),
			rs.getString("target"), (Long) rs.getObject("group_id", Long.class),
			AuditOutcome.valueOf(rs.getString("outcome")), rs.getString("detail"), rs.getString("change_id"));

	private final JdbcTemplate jdbc;

	private final TransactionTemplate independently;

	public AuditLog(JdbcTemplate jdbc, PlatformTransactionManager transactions) {
		this.jdbc = jdbc;
		this.independently = new TransactionTemplate(transactions);
		this.independently.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
	}

	/** Records an event by the current user, from the current request's address. */
	public void record(AuditAction action, String target, Long groupId, AuditOutcome outcome, String detail) {
		recordAs(Actor.current(), action, target, groupId, outcome, detail);
	}

	/**
	 * Records an event by a named actor, e.g. at login, before anyone is authenticated. A success is part of the
	 * change it records and goes with it if that is rolled back; a refusal or failure is usually followed by an
	 * exception that rolls back the caller's transaction, so it is written in a transaction of its own.
	 */
	public void recordAs(String actor, AuditAction action, String target, Long groupId, AuditOutcome outcome,
			String detail) {
		String sourceIp = currentSourceIp();
		String changeId = ChangeScope.current();
		if (outcome == AuditOutcome.SUCCESS) {
			insert(actor, action, target, groupId, outcome, detail, sourceIp, changeId);
		}
		else {
			this.independently.executeWithoutResult(status -> insert(actor, action, target, groupId, outcome, detail,
					sourceIp, changeId));
		}
	}

	private void insert(String actor, AuditAction action, String target, Long groupId, AuditOutcome outcome,
			String detail, String sourceIp, String changeId) {
		this.jdbc.update(
				"INSERT INTO audit_event (at, actor, source_ip, action, target, group_id, outcome, detail, change_id) "
						+ "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
				Timestamp.from(Instant.now()), truncate(actor, 64), sourceIp, action.name(), truncate(target, 255),
				groupId, outcome.name(), truncate(detail, MAX_DETAIL), changeId);
	}

	/** Newest first, within what the scope may see, at most {@code limit} events. */
	public List<AuditEvent> search(AuditQuery query, AuditScope scope, int limit) {
		StringBuilder sql = new StringBuilder("SELECT * FROM audit_event WHERE 1 = 1");
		List<Object> args = new ArrayList<>();
		if (!scope.seesEverything()) {
			Set<Long> groups = scope.visibleGroupIds();
			sql.append(" AND (actor = ?");
			args.add(scope.viewer());
			if (!groups.isEmpty()) {
				sql.append(" OR group_id IN (").append(String.join(",", groups.stream().map(g -> "?").toList())).append(')');
				args.addAll(groups);
			}
			sql.append(')');
		}
		if (notBlank(query.text())) {
			sql.append(" AND (LOWER(actor) LIKE ? OR LOWER(action) LIKE ? OR LOWER(target) LIKE ? OR LOWER(detail) LIKE ?)");
			String like = "%" + query.text().toLowerCase().replace("%", "").replace("_", "") + "%";
			args.addAll(List.of(like, like, like, like));
		}
		if (notBlank(query.actor())) {
			sql.append(" AND actor = ?");
			args.add(query.actor());
		}
		if (notBlank(query.action())) {
			sql.append(" AND action LIKE ?");
			args.add(query.action().trim().toUpperCase().replace("%", "") + "%");
		}
		if (notBlank(query.change())) {
			sql.append(" AND change_id = ?");
			args.add(query.change().strip());
		}
		if (query.outcome() != null) {
			sql.append(" AND outcome = ?");
			args.add(query.outcome().name());
		}
		if (query.from() != null) {
			sql.append(" AND at >= ?");
			args.add(Timestamp.from(query.from().atStartOfDay(ZoneOffset.UTC).toInstant()));
		}
		if (query.to() != null) {
			sql.append(" AND at < ?");
			args.add(Timestamp.from(query.to().plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant()));
		}
		sql.append(" ORDER BY at DESC, id DESC FETCH FIRST ").append(Math.max(1, limit)).append(" ROWS ONLY");
		return this.jdbc.query(sql.toString(), ROWS, args.toArray());
	}

	private static String currentSourceIp() {
		if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
			HttpServletRequest request = attributes.getRequest();
			return request.getRemoteAddr();
		}
		return null;
	}

	private static boolean notBlank(String text) {
		return text != null && !text.isBlank();
	}

	private static String truncate(String text, int max) {
		return text == null || text.length() <= max ? text : text.substring(0, max - 1) + "…";
	}

}
