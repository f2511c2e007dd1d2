package app.vsxi.dashboard.tables;

import java.io.ByteArrayInputStream;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

import app.vsxi.dashboard.gateway.TableRow;

/**
 * Drafts, their edits and snapshots in the database, so a failed request, a restart or an expired session
 * loses nothing. The base and snapshots are stored whole as compressed row lines; edits one row per key.
 */
@Repository
class DraftRepository {

	private static final RowMapper<Draft> DRAFTS = (rs, i) -> new Draft(rs.getLong("id"), rs.getLong("sbc_id"),
			rs.getString("table_name"), rs.getString("root_element"), rs.getString("item_element"),
			rs.getString("owner"), rs.getInt("base_rows"), rs.getObject("rollback_of", Long.class),
			rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("updated_at").toInstant());

	private static final RowMapper<Snapshot> SNAPSHOTS = (rs, i) -> new Snapshot(rs.getLong("id"), rs.getLong("sbc_id"),
			rs.getString("table_name"), rs.getString("root_element"), rs.getString("item_element"),
			rs.getString("taken_by"), rs.getString("reason"), rs.getInt("row_count"),
			rs.getTimestamp("taken_at").toInstant());

	private final JdbcTemplate jdbc;

	DraftRepository(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	long create(long sbcId, String table, String root, String item, String owner, RowCodec.Packed base,
			Long rollbackOf) {
		byte[] data = base.data();
		Timestamp now = Timestamp.from(Instant.now());
		GeneratedKeyHolder keys = new GeneratedKeyHolder();
		this.jdbc.update(connection -> {
			var statement = connection.prepareStatement(
					"INSERT INTO table_draft (sbc_id, table_name, root_element, item_element, owner, base_rows, "
							+ "base_data, rollback_of, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
					new String[] { "id" });
			statement.setLong(1, sbcId);
			statement.setString(2, table);
			statement.setString(3, root);
			statement.setString(4, item);
			statement.setString(5, owner);
			statement.setInt(6, base.rows());
			statement.setBinaryStream(7, new ByteArrayInputStream(data), data.length);
			statement.setObject(8, rollbackOf);
			statement.setTimestamp(9, now);
			statement.setTimestamp(10, now);
			return statement;
		}, keys);
		return keys.getKey().longValue();
	}

	/** Puts rows in place of the base: only for a draft whose base is unknown, filled by its first import. */
	void replaceBase(long id, RowCodec.Packed base) {
		byte[] data = base.data();
		this.jdbc.update(connection -> {
			var statement = connection.prepareStatement(
					"UPDATE table_draft SET base_rows = ?, base_data = ?, updated_at = ? WHERE id = ?");
			statement.setInt(1, base.rows());
			statement.setBinaryStream(2, new ByteArrayInputStream(data), data.length);
			statement.setTimestamp(3, Timestamp.from(Instant.now()));
			statement.setLong(4, id);
			return statement;
		});
	}

	Optional<Draft> find(long id) {
		return this.jdbc.query("SELECT * FROM table_draft WHERE id = ?", DRAFTS, id).stream().findFirst();
	}

	List<Draft> forSbc(long sbcId) {
		return this.jdbc.query("SELECT * FROM table_draft WHERE sbc_id = ? ORDER BY updated_at DESC", DRAFTS, sbcId);
	}

	void readBase(long id, Consumer<TableRow> sink) {
		this.jdbc.query("SELECT base_data FROM table_draft WHERE id = ?",
				rs -> {
					RowCodec.read(rs.getBinaryStream(1), sink);
				}, id);
	}

	/**
	 * The stored base as it is kept, still packed, for reading row by row without the database: a slow reader
	 * (a download to a browser) then holds no connection of the pool, and only the packed bytes are in memory.
	 */
	Optional<RowCodec.Packed> base(long id) {
		return this.jdbc.query("SELECT base_data, base_rows FROM table_draft WHERE id = ?",
				(rs, i) -> new RowCodec.Packed(rs.getBytes(1), rs.getInt(2)), id).stream().findFirst();
	}

	/** The edits in the order they were first made: key → row, or null where the row is deleted. */
	Map<RowKey, TableRow> edits(long id) {
		Map<RowKey, TableRow> edits = new LinkedHashMap<>();
		this.jdbc.query("SELECT row_key, row_data FROM table_draft_edit WHERE draft_id = ? ORDER BY seq",
				rs -> {
					edits.put(KeyText.parse(rs.getString(1)), RowCodec.fromJson(rs.getString(2)));
				}, id);
		return edits;
	}

	void putEdit(long id, RowKey key, TableRow row) {
		String keyText = KeyText.format(key);
		List<Long> existing = this.jdbc.queryForList(
				"SELECT seq FROM table_draft_edit WHERE draft_id = ? AND row_key = ?", Long.class, id, keyText);
		if (existing.isEmpty()) {
			Long last = this.jdbc.queryForObject("SELECT MAX(seq) FROM table_draft_edit WHERE draft_id = ?",
					Long.class, id);
			this.jdbc.update("INSERT INTO table_draft_edit (draft_id, seq, row_key, row_data) VALUES (?, ?, ?, ?)", id,
					last == null ? 1 : last + 1, keyText, RowCodec.toJson(row));
		}
		else {
			this.jdbc.update("UPDATE table_draft_edit SET row_data = ? WHERE draft_id = ? AND seq = ?",
					RowCodec.toJson(row), id, existing.get(0));
		}
		touch(id);
	}

	void dropEdit(long id, RowKey key) {
		this.jdbc.update("DELETE FROM table_draft_edit WHERE draft_id = ? AND row_key = ?", id, KeyText.format(key));
		touch(id);
	}

	void delete(long id) {
		this.jdbc.update("DELETE FROM table_draft WHERE id = ?", id);
	}

	long saveSnapshot(long sbcId, String table, String root, String item, String takenBy, String reason,
			RowCodec.Packed rows) {
		byte[] data = rows.data();
		GeneratedKeyHolder keys = new GeneratedKeyHolder();
		this.jdbc.update(connection -> {
			var statement = connection.prepareStatement(
					"INSERT INTO table_snapshot (sbc_id, table_name, root_element, item_element, taken_by, reason, "
							+ "row_count, data, taken_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
					new String[] { "id" });
			statement.setLong(1, sbcId);
			statement.setString(2, table);
			statement.setString(3, root);
			statement.setString(4, item);
			statement.setString(5, takenBy);
			statement.setString(6, reason.length() > 255 ? reason.substring(0, 255) : reason);
			statement.setInt(7, rows.rows());
			statement.setBinaryStream(8, new ByteArrayInputStream(data), data.length);
			statement.setTimestamp(9, Timestamp.from(Instant.now()));
			return statement;
		}, keys);
		return keys.getKey().longValue();
	}

	/** Drops all but the newest {@code keep} snapshots of a table of an SBC. */
	void pruneSnapshots(long sbcId, String table, int keep) {
		List<Long> ids = this.jdbc.queryForList(
				"SELECT id FROM table_snapshot WHERE sbc_id = ? AND table_name = ? ORDER BY taken_at DESC, id DESC",
				Long.class, sbcId, table);
		for (Long old : ids.subList(Math.min(keep, ids.size()), ids.size())) {
			this.jdbc.update("DELETE FROM table_snapshot WHERE id = ?", old);
		}
	}

	List<Snapshot> snapshots(long sbcId, String table) {
		return this.jdbc.query(
				"SELECT id, sbc_id, table_name, root_element, item_element, taken_by, reason, row_count, taken_at "
						+ "FROM table_snapshot WHERE sbc_id = ? AND table_name = ? ORDER BY taken_at DESC, id DESC",
				SNAPSHOTS, sbcId, table);
	}

	Optional<Snapshot> snapshot(long id) {
		return this.jdbc.query("SELECT id, sbc_id, table_name, root_element, item_element, taken_by, reason, "
				+ "row_count, taken_at FROM table_snapshot WHERE id = ?", SNAPSHOTS, id).stream().findFirst();
	}

	void readSnapshot(long id, Consumer<TableRow> sink) {
		this.jdbc.query("SELECT data FROM table_snapshot WHERE id = ?", rs -> {
			RowCodec.read(rs.getBinaryStream(1), sink);
		}, id);
	}

	private void touch(long id) {
		this.jdbc.update("UPDATE table_draft SET updated_at = ? WHERE id = ?", Timestamp.from(Instant.now()), id);
	}

}
