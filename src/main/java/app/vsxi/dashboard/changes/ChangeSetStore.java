package app.vsxi.dashboard.changes;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** Change sets and their targets in the database: every instance shows the same progress. */
@Repository
class ChangeSetStore {

	private final JdbcTemplate jdbc;

	ChangeSetStore(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	long insert(String changeId, String table, String title, Long sourceSbcId, ChangeEdits edits, String by,
			Waves waves, Instant now) {
		GeneratedKeyHolder key = new GeneratedKeyHolder();
		this.jdbc.update(connection -> {
			var statement = connection.prepareStatement("INSERT INTO change_set (change_id, table_name, title, "
					+ "source_sbc_id, edits, created_by, created_at, editors, wave_size, max_failures, state, updated_at) "
					+ "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'DRAFT', ?)", new String[] { "id" });
			statement.setString(1, changeId);
			statement.setString(2, table);
			statement.setString(3, title);
			statement.setObject(4, sourceSbcId);
			statement.setString(5, edits.toJson());
			statement.setString(6, by);
			statement.setTimestamp(7, Timestamp.from(now));
			statement.setString(8, by);
			statement.setInt(9, waves.size());
			statement.setInt(10, waves.maxFailures());
			statement.setTimestamp(11, Timestamp.from(now));
			return statement;
		}, key);
		return key.getKey().longValue();
	}

	Optional<ChangeSet> find(long id) {
		return this.jdbc.query("SELECT * FROM change_set WHERE id = ?", ChangeSetStore::set, id).stream().findFirst();
	}

	List<ChangeSet> newest(int limit) {
		return this.jdbc.query("SELECT * FROM change_set ORDER BY id DESC FETCH FIRST " + Math.max(1, limit)
				+ " ROWS ONLY", ChangeSetStore::set);
	}

	List<ChangeTarget> targets(long id) {
		return this.jdbc.query("SELECT t.*, s.name AS sbc_name FROM change_target t JOIN sbc s ON s.id = t.sbc_id "
				+ "WHERE t.change_set_id = ? ORDER BY t.position", ChangeSetStore::target, id);
	}

	Optional<ChangeTarget> target(long id, long sbcId) {
		return this.jdbc.query("SELECT t.*, s.name AS sbc_name FROM change_target t JOIN sbc s ON s.id = t.sbc_id "
				+ "WHERE t.change_set_id = ? AND t.sbc_id = ?", ChangeSetStore::target, id, sbcId).stream().findFirst();
	}

	/** The targets in their order, the first the canary; any before are dropped. */
	void targets(long id, List<Long> sbcIds, Waves waves, Instant now) {
		this.jdbc.update("DELETE FROM change_target WHERE change_set_id = ?", id);
		for (int position = 0; position < sbcIds.size(); position++) {
			this.jdbc.update("INSERT INTO change_target (change_set_id, sbc_id, position, wave, state, updated_at) "
					+ "VALUES (?, ?, ?, ?, 'PENDING', ?)", id, sbcIds.get(position), position, waves.waveOf(position),
					Timestamp.from(now));
		}
	}

	void waves(long id, Waves waves) {
		this.jdbc.update("UPDATE change_set SET wave_size = ?, max_failures = ? WHERE id = ?", waves.size(),
				waves.maxFailures(), id);
		for (ChangeTarget target : targets(id)) {
			this.jdbc.update("UPDATE change_target SET wave = ? WHERE change_set_id = ? AND sbc_id = ?",
					waves.waveOf(target.position()), id, target.sbcId());
		}
	}

	void editors(long id, List<String> editors) {
		this.jdbc.update("UPDATE change_set SET editors = ? WHERE id = ?", String.join(",", editors), id);
	}

	void state(long id, ChangeSet.State state, String message, Instant now) {
		this.jdbc.update("UPDATE change_set SET state = ?, message = ?, updated_at = ? WHERE id = ?", state.name(),
				cut(message, 1000), Timestamp.from(now), id);
	}

	/** Moves the set from one state to another; false when someone else moved it first. */
	boolean move(long id, ChangeSet.State from, ChangeSet.State to, String message, Instant now) {
		return this.jdbc.update("UPDATE change_set SET state = ?, message = ?, updated_at = ? WHERE id = ? AND state = ?",
				to.name(), cut(message, 1000), Timestamp.from(now), id, from.name()) == 1;
	}

	void previewed(long id, String hash) {
		this.jdbc.update("UPDATE change_set SET payload_hash = ? WHERE id = ?", hash, id);
	}

	void started(long id, String hash, String runner) {
		this.jdbc.update("UPDATE change_set SET started_hash = ?, runner = ?, pause_asked = FALSE WHERE id = ?", hash,
				runner, id);
	}

	void pauseAsked(long id, boolean asked) {
		this.jdbc.update("UPDATE change_set SET pause_asked = ? WHERE id = ?", asked, id);
	}

	void target(long id, long sbcId, ChangeTarget.State state, String message, Instant now) {
		this.jdbc.update("UPDATE change_target SET state = ?, message = ?, updated_at = ? WHERE change_set_id = ? "
				+ "AND sbc_id = ?", state.name(), cut(message, 1000), Timestamp.from(now), id, sbcId);
	}

	void preview(long id, long sbcId, ChangeTarget.State state, Long draftId, String hash, Integer rows, String preview,
			String notes, String message, Instant now) {
		this.jdbc.update("UPDATE change_target SET state = ?, draft_id = ?, payload_hash = ?, row_count = ?, preview = ?, "
				+ "notes = ?, message = ?, updated_at = ? WHERE change_set_id = ? AND sbc_id = ?", state.name(), draftId,
				hash, rows, preview, cut(notes, 2000), cut(message, 1000), Timestamp.from(now), id, sbcId);
	}

	void draft(long id, long sbcId, long draftId) {
		this.jdbc.update("UPDATE change_target SET draft_id = ? WHERE change_set_id = ? AND sbc_id = ?", draftId, id,
				sbcId);
	}

	/** The change sets some instance works on in the background: previews, runs and roll backs. */
	List<ChangeSet> busy() {
		return this.jdbc.query("SELECT * FROM change_set WHERE state IN ('PREVIEWING', 'RUNNING', 'ROLLING_BACK')",
				ChangeSetStore::set);
	}

	/** The group of the set's source SBC, null where it has none left. */
	Long groupOf(ChangeSet set) {
		return set.sourceSbcId() == null ? null : this.jdbc
			.queryForList("SELECT group_id FROM sbc WHERE id = ?", Long.class, set.sourceSbcId())
			.stream()
			.findFirst()
			.orElse(null);
	}

	void runner(long id, String runner) {
		this.jdbc.update("UPDATE change_set SET runner = ? WHERE id = ?", runner, id);
	}

	void sent(long id, long sbcId, ChangeTarget.State state, Long snapshotId, String message, Instant now) {
		this.jdbc.update("UPDATE change_target SET state = ?, snapshot_id = COALESCE(?, snapshot_id), draft_id = NULL, "
				+ "message = ?, updated_at = ? WHERE change_set_id = ? AND sbc_id = ?", state.name(), snapshotId,
				cut(message, 1000), Timestamp.from(now), id, sbcId);
	}

	private static ChangeSet set(ResultSet rs, int row) throws SQLException {
		String editors = rs.getString("editors");
		return new ChangeSet(rs.getLong("id"), rs.getString("change_id"), rs.getString("table_name"),
				rs.getString("title"), rs.getObject("source_sbc_id", Long.class), ChangeEdits.fromJson(rs.getString("edits")),
				rs.getString("created_by"), rs.getTimestamp("created_at").toInstant(),
				editors == null || editors.isBlank() ? List.of() : List.of(editors.split(",")), rs.getInt("wave_size"),
				rs.getInt("max_failures"), ChangeSet.State.valueOf(rs.getString("state")), rs.getBoolean("pause_asked"),
				rs.getString("runner"), rs.getString("payload_hash"), rs.getString("started_hash"), rs.getString("message"),
				rs.getTimestamp("updated_at").toInstant());
	}

	private static ChangeTarget target(ResultSet rs, int row) throws SQLException {
		return new ChangeTarget(rs.getLong("change_set_id"), rs.getLong("sbc_id"), rs.getString("sbc_name"),
				rs.getInt("position"), rs.getInt("wave"), ChangeTarget.State.valueOf(rs.getString("state")),
				rs.getObject("draft_id", Long.class), rs.getString("payload_hash"), rs.getObject("row_count", Integer.class),
				rs.getString("preview"),
				rs.getString("notes"), rs.getObject("snapshot_id", Long.class), rs.getString("message"),
				rs.getTimestamp("updated_at").toInstant());
	}

	private static String cut(String text, int max) {
		return text == null || text.length() <= max ? text : text.substring(0, max - 1) + "…";
	}

}
