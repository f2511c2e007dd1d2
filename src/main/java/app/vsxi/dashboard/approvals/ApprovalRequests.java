package app.vsxi.dashboard.approvals;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** The approval requests and the SBCs each concerns, in the database, so every instance sees the same. */
@Repository
class ApprovalRequests {

	private static final RowMapper<ApprovalRequest> ROWS = (rs, i) -> new ApprovalRequest(rs.getLong("id"),
			rs.getString("change_id"), ApprovalKind.valueOf(rs.getString("kind")), rs.getString("subject"),
			rs.getObject("sbc_id", Long.class), rs.getString("title"), rs.getString("payload_hash"),
			rs.getString("preview"), rs.getString("permission"), rs.getString("requested_by"),
			names(rs.getString("editors")), ApprovalState.valueOf(rs.getString("state")),
			rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("expires_at").toInstant(),
			rs.getString("decided_by"), instant(rs.getTimestamp("decided_at")), rs.getString("reason"),
			rs.getBoolean("break_glass"), rs.getString("reviewed_by"));

	private final JdbcTemplate jdbc;

	ApprovalRequests(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	long insert(String changeId, ApprovalKind kind, String subject, Collection<Long> sbcIds, String title,
			String hash, String preview, String permission, String requestedBy, Collection<String> editors,
			ApprovalState state, Instant now, Instant expires, boolean breakGlass, String reason) {
		GeneratedKeyHolder key = new GeneratedKeyHolder();
		Long sbcId = sbcIds.size() == 1 ? sbcIds.iterator().next() : null;
		this.jdbc.update(connection -> {
			var statement = connection.prepareStatement("INSERT INTO approval_request (change_id, kind, subject, sbc_id, "
					+ "title, payload_hash, preview, permission, requested_by, editors, state, created_at, expires_at, "
					+ "break_glass, reason, decided_by, decided_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
					new String[] { "id" });
			statement.setString(1, changeId);
			statement.setString(2, kind.name());
			statement.setString(3, subject);
			statement.setObject(4, sbcId);
			statement.setString(5, cut(title, 255));
			statement.setString(6, hash);
			statement.setString(7, preview);
			statement.setString(8, permission);
			statement.setString(9, requestedBy);
			// kept whole: whoever is cut off the list could approve what they edited
			statement.setString(10, String.join(",", editors));
			statement.setString(11, state.name());
			statement.setTimestamp(12, Timestamp.from(now));
			statement.setTimestamp(13, Timestamp.from(expires));
			statement.setBoolean(14, breakGlass);
			statement.setString(15, cut(reason, 1000));
			statement.setString(16, breakGlass ? requestedBy : null);
			statement.setTimestamp(17, breakGlass ? Timestamp.from(now) : null);
			return statement;
		}, key);
		long id = key.getKey().longValue();
		for (Long sbc : sbcIds) {
			this.jdbc.update("INSERT INTO approval_target (request_id, sbc_id) VALUES (?, ?)", id, sbc);
		}
		return id;
	}

	Optional<ApprovalRequest> find(long id) {
		return this.jdbc.query("SELECT * FROM approval_request WHERE id = ?", ROWS, id).stream().findFirst();
	}

	/** The newest request still open for this subject, if any. */
	Optional<ApprovalRequest> open(String subject) {
		return this.jdbc
			.query("SELECT * FROM approval_request WHERE subject = ? AND state IN ('PENDING', 'APPROVED') "
					+ "ORDER BY id DESC", ROWS, subject)
			.stream()
			.findFirst();
	}

	/** The newest request of this subject in any state. */
	Optional<ApprovalRequest> latest(String subject) {
		return this.jdbc.query("SELECT * FROM approval_request WHERE subject = ? ORDER BY id DESC", ROWS, subject)
			.stream()
			.findFirst();
	}

	List<Long> targets(long requestId) {
		return this.jdbc.queryForList("SELECT sbc_id FROM approval_target WHERE request_id = ? ORDER BY sbc_id",
				Long.class, requestId);
	}

	List<ApprovalRequest> newest(int limit) {
		return this.jdbc.query("SELECT * FROM approval_request ORDER BY id DESC FETCH FIRST " + Math.max(1, limit)
				+ " ROWS ONLY", ROWS);
	}

	List<ApprovalRequest> inState(ApprovalState... states) {
		String in = String.join(",", Arrays.stream(states).map(state -> "'" + state.name() + "'").toList());
		return this.jdbc.query("SELECT * FROM approval_request WHERE state IN (" + in + ") ORDER BY id", ROWS);
	}

	/** The pending requests without their previews (which may be long): for the header's count on every page. */
	List<ApprovalRequest> pendingWithoutPreview() {
		return this.jdbc.query("SELECT id, change_id, kind, subject, sbc_id, title, payload_hash, '' AS preview, "
				+ "permission, requested_by, editors, state, created_at, expires_at, decided_by, decided_at, reason, "
				+ "break_glass, reviewed_by FROM approval_request WHERE state = 'PENDING' ORDER BY id", ROWS);
	}

	List<ApprovalRequest> unreviewed() {
		return this.jdbc.query("SELECT * FROM approval_request WHERE break_glass = TRUE AND reviewed_by IS NULL ORDER BY id",
				ROWS);
	}

	/** Moves a request from one state to another; false when it was no longer in {@code from} (someone was first). */
	boolean move(long id, ApprovalState from, ApprovalState to, String by, Instant at, String reason) {
		return this.jdbc.update("UPDATE approval_request SET state = ?, decided_by = COALESCE(?, decided_by), "
				+ "decided_at = COALESCE(?, decided_at), reason = COALESCE(?, reason) WHERE id = ? AND state = ?",
				to.name(), by, at == null ? null : Timestamp.from(at), cut(reason, 1000), id, from.name()) == 1;
	}

	boolean approve(long id, String by, Instant at, Instant expires) {
		return this.jdbc.update("UPDATE approval_request SET state = 'APPROVED', decided_by = ?, decided_at = ?, "
				+ "expires_at = ? WHERE id = ? AND state = 'PENDING'", by, Timestamp.from(at), Timestamp.from(expires),
				id) == 1;
	}

	boolean review(long id, String by) {
		return this.jdbc.update(
				"UPDATE approval_request SET reviewed_by = ? WHERE id = ? AND break_glass = TRUE AND reviewed_by IS NULL",
				by, id) == 1;
	}

	private static List<String> names(String joined) {
		return joined == null || joined.isBlank() ? List.of() : List.of(joined.split(","));
	}

	private static Instant instant(Timestamp at) {
		return at == null ? null : at.toInstant();
	}

	private static String cut(String text, int max) {
		return text == null || text.length() <= max ? text : text.substring(0, max - 1) + "…";
	}

}
