package app.vsxi.dashboard.backups;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;

/** The versions and checks of backups as the database keeps them, for every dashboard instance alike. */
@Component
class BackupStore {

	private static final String VERSION_COLUMNS = "id, sbc_id, subject, taken_at, digest, row_count, root_element, "
			+ "item_element, full_data IS NOT NULL, before_data IS NOT NULL, summary, cause, applied_by, drift, "
			+ "drift_seen_by, COALESCE(OCTET_LENGTH(full_data), 0) + COALESCE(OCTET_LENGTH(before_data), 0) "
			+ "+ COALESCE(OCTET_LENGTH(after_data), 0)";

	private static final RowMapper<Version> VERSIONS = BackupStore::version;

	/**
	 * Per SBC and table, its latest good read; a table never read well counts from its first read, so a table that
	 * has always failed ages the SBC's backup too.
	 */
	private static final String LAST_GOOD_PER_SUBJECT = "SELECT sbc_id, subject, COALESCE(MAX(CASE WHEN outcome "
			+ "<> 'FAILED' THEN checked_at END), MIN(checked_at)) AS last_good FROM backup_check GROUP BY sbc_id, subject";

	private final JdbcTemplate jdbc;

	BackupStore(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * One version as kept.
	 *
	 * @param whole whether it keeps the whole table (or file)
	 * @param delta whether it keeps what changed since the version before it
	 * @param bytes what it takes in the database
	 */
	public record Version(long id, long sbcId, String subject, Instant takenAt, String digest, int rows, String root,
			String item, boolean whole, boolean delta, String summary, Cause cause, String appliedBy, boolean drift,
			String driftSeenBy, long bytes) {

		public boolean openDrift() {
			return this.drift && this.driftSeenBy == null;
		}

	}

	/** One read of a table for a backup, with the version it found (null when it failed or the version was pruned). */
	public record Check(long id, long sbcId, String subject, Instant checkedAt, Outcome outcome, Long versionId,
			String detail, String startedBy) {
	}

	/**
	 * Makes sure the SBC has its writer row; outside any transaction, as a duplicate insert inside one would abort
	 * it on PostgreSQL.
	 */
	void ensureWriter(long sbcId) {
		Integer found = this.jdbc.queryForObject("SELECT COUNT(*) FROM backup_writer WHERE sbc_id = ?", Integer.class,
				sbcId);
		if (found == null || found == 0) {
			try {
				this.jdbc.update("INSERT INTO backup_writer (sbc_id) VALUES (?)", sbcId);
			}
			catch (DuplicateKeyException ex) {
				// another writer made it meanwhile
			}
		}
	}

	/** Holds the SBC's writer row until the transaction ends: one writer of its versions at a time. */
	void lock(long sbcId) {
		this.jdbc.queryForList("SELECT sbc_id FROM backup_writer WHERE sbc_id = ? FOR UPDATE", Long.class, sbcId);
	}

	Optional<Version> head(long sbcId, String subject) {
		return this.jdbc.query("SELECT " + VERSION_COLUMNS + " FROM backup_version WHERE sbc_id = ? AND subject = ? "
				+ "ORDER BY id DESC FETCH FIRST 1 ROWS ONLY", VERSIONS, sbcId, subject).stream().findFirst();
	}

	Optional<Version> version(long id) {
		return this.jdbc.query("SELECT " + VERSION_COLUMNS + " FROM backup_version WHERE id = ?", VERSIONS, id)
			.stream().findFirst();
	}

	/** Every version of a table of an SBC, oldest first, without their rows. */
	List<Version> versions(long sbcId, String subject) {
		return this.jdbc.query("SELECT " + VERSION_COLUMNS + " FROM backup_version WHERE sbc_id = ? AND subject = ? "
				+ "ORDER BY id", VERSIONS, sbcId, subject);
	}

	/** The newest version of each table of an SBC. */
	List<Version> heads(long sbcId) {
		return this.jdbc.query("SELECT " + VERSION_COLUMNS + " FROM backup_version v WHERE sbc_id = ? AND id = "
				+ "(SELECT MAX(id) FROM backup_version w WHERE w.sbc_id = v.sbc_id AND w.subject = v.subject) "
				+ "ORDER BY subject", VERSIONS, sbcId);
	}

	/** The newest version of one table on every SBC that has one. */
	List<Version> headsOf(String subject) {
		return this.jdbc.query("SELECT " + VERSION_COLUMNS + " FROM backup_version v WHERE subject = ? AND id = "
				+ "(SELECT MAX(id) FROM backup_version w WHERE w.sbc_id = v.sbc_id AND w.subject = v.subject) "
				+ "ORDER BY sbc_id", VERSIONS, subject);
	}

	/** Versions found changed on the box that nobody has marked as seen. */
	List<Version> openDrift(long sbcId) {
		return this.jdbc.query("SELECT " + VERSION_COLUMNS + " FROM backup_version WHERE sbc_id = ? AND drift "
				+ "AND drift_seen_by IS NULL ORDER BY id DESC", VERSIONS, sbcId);
	}

	/** Per SBC, how many versions found changed on the box nobody has marked as seen. */
	Map<Long, Integer> openDriftCounts() {
		Map<Long, Integer> counts = new HashMap<>();
		this.jdbc.query("SELECT sbc_id, COUNT(*) FROM backup_version WHERE drift AND drift_seen_by IS NULL "
				+ "GROUP BY sbc_id", (ResultSet rs) -> {
					counts.put(rs.getLong(1), rs.getInt(2));
				});
		return counts;
	}

	/** A change a backup found turned out to be a dashboard write's: no drift, and by that user. */
	void attribute(long versionId, String summary, String by) {
		this.jdbc.update("UPDATE backup_version SET cause = 'APPLY', drift = FALSE, applied_by = ?, summary = ? "
				+ "WHERE id = ?", by, summary.length() > 255 ? summary.substring(0, 255) : summary, versionId);
	}

	int markDriftSeen(long sbcId, long versionId, String by) {
		return this.jdbc.update("UPDATE backup_version SET drift_seen_by = ? WHERE id = ? AND sbc_id = ? AND drift "
				+ "AND drift_seen_by IS NULL", by, versionId, sbcId);
	}

	/**
	 * Per SBC, when its backup was last good: the oldest of its tables' latest successful reads, so one table that
	 * keeps failing ages the SBC's backup (and an SBC never backed up well ages from its first try).
	 */
	Map<Long, Instant> lastGood() {
		Map<Long, Instant> good = new HashMap<>();
		this.jdbc.query("SELECT sbc_id, MIN(last_good) FROM (" + LAST_GOOD_PER_SUBJECT + ") t GROUP BY sbc_id",
				(ResultSet rs) -> {
					good.put(rs.getLong(1), rs.getTimestamp(2).toInstant());
				});
		return good;
	}

	/** When one SBC's backup was last good, as {@link #lastGood()} reads it for all. */
	Optional<Instant> lastGood(long sbcId) {
		return this.jdbc.query("SELECT MIN(last_good) FROM (" + LAST_GOOD_PER_SUBJECT + ") t WHERE sbc_id = ?",
				(rs, i) -> {
					Timestamp good = rs.getTimestamp(1);
					return good == null ? null : good.toInstant();
				}, sbcId).stream().filter(java.util.Objects::nonNull).findFirst();
	}

	long addVersion(long sbcId, String subject, Instant takenAt, String digest, int rows, String root, String item,
			byte[] whole, byte[] before, byte[] after, String summary, Cause cause, String appliedBy, boolean drift) {
		GeneratedKeyHolder keys = new GeneratedKeyHolder();
		this.jdbc.update(connection -> {
			var statement = connection.prepareStatement("INSERT INTO backup_version (sbc_id, subject, taken_at, digest, "
					+ "row_count, root_element, item_element, full_data, before_data, after_data, summary, cause, "
					+ "applied_by, drift) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", new String[] { "id" });
			statement.setLong(1, sbcId);
			statement.setString(2, subject);
			statement.setTimestamp(3, Timestamp.from(takenAt));
			statement.setString(4, digest);
			statement.setInt(5, rows);
			statement.setString(6, root);
			statement.setString(7, item);
			statement.setBytes(8, whole);
			statement.setBytes(9, before);
			statement.setBytes(10, after);
			statement.setString(11, summary.length() > 255 ? summary.substring(0, 255) : summary);
			statement.setString(12, cause.name());
			statement.setString(13, appliedBy);
			statement.setBoolean(14, drift);
			return statement;
		}, keys);
		return keys.getKey().longValue();
	}

	/** The whole table (or file) a version keeps, as stored. */
	Optional<byte[]> whole(long versionId) {
		return this.jdbc.query("SELECT full_data FROM backup_version WHERE id = ? AND full_data IS NOT NULL",
				(rs, i) -> rs.getBytes(1), versionId).stream().findFirst();
	}

	/** What changed since the version before, as stored: the rows before and after. */
	Optional<byte[][]> delta(long versionId) {
		return this.jdbc.query("SELECT before_data, after_data FROM backup_version WHERE id = ? "
				+ "AND before_data IS NOT NULL", (rs, i) -> new byte[][] { rs.getBytes(1), rs.getBytes(2) }, versionId)
			.stream().findFirst();
	}

	void keepWhole(long versionId, byte[] whole) {
		this.jdbc.update("UPDATE backup_version SET full_data = ? WHERE id = ?", whole, versionId);
	}

	void dropWhole(long versionId) {
		this.jdbc.update("UPDATE backup_version SET full_data = NULL WHERE id = ?", versionId);
	}

	/** A new delta for a version (null, null: it no longer keeps one). */
	void replaceDelta(long versionId, byte[] before, byte[] after) {
		this.jdbc.update("UPDATE backup_version SET before_data = ?, after_data = ? WHERE id = ?", before, after,
				versionId);
	}

	/** The newest version now reads as {@code digest}: the same rows in another order. */
	void redigest(long versionId, String digest) {
		this.jdbc.update("UPDATE backup_version SET digest = ? WHERE id = ?", digest, versionId);
	}

	void deleteVersion(long versionId) {
		this.jdbc.update("DELETE FROM backup_check WHERE version_id = ? AND outcome = 'CHANGED'", versionId);
		this.jdbc.update("DELETE FROM backup_version WHERE id = ?", versionId);
	}

	void check(long sbcId, String subject, Instant at, Outcome outcome, Long versionId, String detail,
			String startedBy) {
		this.jdbc.update("INSERT INTO backup_check (sbc_id, subject, checked_at, outcome, version_id, detail, "
				+ "started_by) VALUES (?, ?, ?, ?, ?, ?, ?)", sbcId, subject, Timestamp.from(at), outcome.name(),
				versionId, detail == null || detail.length() <= 500 ? detail : detail.substring(0, 500), startedBy);
	}

	/** A page of a table's timeline, newest first. */
	List<Check> timeline(long sbcId, String subject, int offset, int limit) {
		return this.jdbc.query("SELECT id, sbc_id, subject, checked_at, outcome, version_id, detail, started_by "
				+ "FROM backup_check WHERE sbc_id = ? AND subject = ? ORDER BY id DESC OFFSET ? ROWS FETCH NEXT ? "
				+ "ROWS ONLY", BackupStore::check, sbcId, subject, offset, limit);
	}

	int timelineLength(long sbcId, String subject) {
		Integer count = this.jdbc.queryForObject("SELECT COUNT(*) FROM backup_check WHERE sbc_id = ? AND subject = ?",
				Integer.class, sbcId, subject);
		return count == null ? 0 : count;
	}

	/** The latest check of each table of an SBC. */
	Map<String, Check> latestChecks(long sbcId) {
		Map<String, Check> latest = new HashMap<>();
		this.jdbc.query("SELECT id, sbc_id, subject, checked_at, outcome, version_id, detail, started_by FROM "
				+ "backup_check c WHERE sbc_id = ? AND id = (SELECT MAX(id) FROM backup_check d WHERE d.sbc_id = "
				+ "c.sbc_id AND d.subject = c.subject)", (ResultSet rs) -> {
					Check check = check(rs, 0);
					latest.put(check.subject(), check);
				}, sbcId);
		return latest;
	}

	/** Drops checks that found nothing new (or failed) taken before {@code before}; answers how many. */
	int pruneChecks(long sbcId, String subject, Instant before) {
		return this.jdbc.update("DELETE FROM backup_check WHERE sbc_id = ? AND subject = ? AND checked_at < ? "
				+ "AND outcome <> 'CHANGED'", sbcId, subject, Timestamp.from(before));
	}

	/** Every table of every SBC that has versions. */
	List<Map.Entry<Long, String>> subjects() {
		return this.jdbc.query("SELECT DISTINCT sbc_id, subject FROM backup_version ORDER BY sbc_id, subject",
				(rs, i) -> Map.entry(rs.getLong(1), rs.getString(2)));
	}

	/**
	 * When the SBC's last backup started and ended (null while it runs, or never ran), and who asked for one that
	 * waits (null when none is asked for).
	 */
	public record Run(Instant startedAt, Instant finishedAt, String requestedBy) {

		/** Whether a backup started and has not ended, unless it started before {@code stale} (its instance died). */
		boolean running(Instant stale) {
			return this.startedAt != null && this.startedAt.isAfter(stale)
					&& (this.finishedAt == null || this.finishedAt.isBefore(this.startedAt));
		}

	}

	Map<Long, Run> runs() {
		Map<Long, Run> runs = new HashMap<>();
		this.jdbc.query("SELECT sbc_id, started_at, finished_at, requested_by FROM backup_run", (ResultSet rs) -> {
			Timestamp started = rs.getTimestamp(2);
			Timestamp finished = rs.getTimestamp(3);
			runs.put(rs.getLong(1), new Run(started == null ? null : started.toInstant(),
					finished == null ? null : finished.toInstant(), rs.getString(4)));
		});
		return runs;
	}

	void finish(long sbcId, Instant at) {
		this.jdbc.update("UPDATE backup_run SET finished_at = ? WHERE sbc_id = ?", Timestamp.from(at), sbcId);
	}

	void request(long sbcId, String by, Instant at) {
		if (this.jdbc.update("UPDATE backup_run SET requested_by = ?, requested_at = ? WHERE sbc_id = ?", by,
				Timestamp.from(at), sbcId) == 0) {
			try {
				this.jdbc.update("INSERT INTO backup_run (sbc_id, requested_by, requested_at) VALUES (?, ?, ?)", sbcId,
						by, Timestamp.from(at));
			}
			catch (DuplicateKeyException ex) {
				request(sbcId, by, at);
			}
		}
	}

	/**
	 * Marks the SBC's backup started, taking any request that waited; false when another instance just did. The
	 * caller has checked that no backup of the SBC runs (see {@link Run#running}).
	 */
	boolean start(long sbcId, Instant at, Instant expectedStart) {
		if (expectedStart == null) {
			if (this.jdbc.update("UPDATE backup_run SET started_at = ?, requested_by = NULL WHERE sbc_id = ? "
					+ "AND started_at IS NULL", Timestamp.from(at), sbcId) == 1) {
				return true;
			}
			try {
				return this.jdbc.update("INSERT INTO backup_run (sbc_id, started_at) VALUES (?, ?)", sbcId,
						Timestamp.from(at)) == 1;
			}
			catch (DuplicateKeyException ex) {
				return false;
			}
		}
		return this.jdbc.update("UPDATE backup_run SET started_at = ?, requested_by = NULL WHERE sbc_id = ? "
				+ "AND started_at = ?", Timestamp.from(at), sbcId, Timestamp.from(expectedStart)) == 1;
	}

	private static Version version(ResultSet rs, int row) throws SQLException {
		return new Version(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getTimestamp(4).toInstant(),
				rs.getString(5), rs.getInt(6), rs.getString(7), rs.getString(8), rs.getBoolean(9), rs.getBoolean(10),
				rs.getString(11), Cause.valueOf(rs.getString(12)), rs.getString(13), rs.getBoolean(14),
				rs.getString(15), rs.getLong(16));
	}

	private static Check check(ResultSet rs, int row) throws SQLException {
		Object version = rs.getObject(6);
		return new Check(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getTimestamp(4).toInstant(),
				Outcome.valueOf(rs.getString(5)), version == null ? null : ((Number) version).longValue(),
				rs.getString(7), rs.getString(8));
	}

}
