package app.vsxi.dashboard.tables;

import java.io.ByteArrayInputStream;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import app.vsxi.dashboard.audit.Actor;
import app.vsxi.dashboard.gateway.TableRow;
import app.vsxi.dashboard.tables.engine.KeyText;
import app.vsxi.dashboard.tables.engine.RowCodec;
import app.vsxi.dashboard.tables.engine.RowKey;

/**
 * Drafts, their edits and snapshots in the database, so a failed request, a restart or an expired session
 * loses nothing. The base and snapshots are stored whole as compressed row lines; edits one row per key. Those of a
 * table with passwords are sealed ({@link RowsAtRest}).
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
			rs.getTimestamp("taken_at").toInstant(), rs.getObject("restores_backup", Long.class));

	/** Stands in the list of a draft's authors for edits made before authors were recorded. */
	static final String UNRECORDED = "(author not recorded)";

	/** Rows saved per batch of statements. */
	static final String GONE = "This draft is no longer there: it was applied, discarded or expired";

	static final int BATCH = 1_000;

	/** Up to this many rows look up their keys one by one through the index. */
	static final int FEW = 50;

	private final JdbcTemplate jdbc;

	private final TransactionTemplate transaction;

	private final RowsAtRest atRest;

	DraftRepository(JdbcTemplate jdbc, PlatformTransactionManager transactions, RowsAtRest atRest) {
		this.jdbc = jdbc;
		this.transaction = new TransactionTemplate(transactions);
		this.atRest = atRest;
	}

	long create(long sbcId, String table, String root, String item, String owner, RowCodec.Packed base,
			Long rollbackOf) {
		byte[] data = this.atRest.store(table, base.data());
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
		String table = this.jdbc.queryForObject("SELECT table_name FROM table_draft WHERE id = ?", String.class, id);
		byte[] data = this.atRest.store(table, base.data());
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

	/** How many drafts one user has, on any SBC. */
	int countOwnedBy(String owner) {
		Integer count = this.jdbc.queryForObject("SELECT COUNT(*) FROM table_draft WHERE owner = ?", Integer.class,
				owner);
		return count == null ? 0 : count;
	}

	/** Drafts nobody has changed since {@code before}, oldest first. */
	List<Draft> untouchedSince(Instant before) {
		return this.jdbc.query(
				"SELECT id, sbc_id, table_name, root_element, item_element, owner, base_rows, "
				+ "rollback_of, created_at, updated_at FROM table_draft WHERE updated_at < ? ORDER BY updated_at, id", DRAFTS,
				Timestamp.from(before));
	}

	void readBase(long id, Consumer<TableRow> sink) {
		this.jdbc.query("SELECT base_data FROM table_draft WHERE id = ?",
				rs -> {
					RowCodec.read(this.atRest.open(rs.getBinaryStream(1)), sink);
				}, id);
	}

	/**
	 * The stored base as it is kept, still packed, for reading row by row without the database: a slow reader
	 * (a download to a browser) then holds no connection of the pool, and only the packed bytes are in memory.
	 */
	Optional<RowCodec.Packed> base(long id) {
		return this.jdbc.query("SELECT base_data, base_rows FROM table_draft WHERE id = ?",
				(rs, i) -> new RowCodec.Packed(this.atRest.open(rs.getBytes(1)), rs.getInt(2)), id).stream().findFirst();
	}

	/** The stored base, packed, refused as {@link #GONE} where the draft is no longer there. */
	RowCodec.Packed packedBase(long id) {
		return base(id).orElseThrow(() -> new TableEditorException(GONE));
	}

	/**
	 * How many times the draft's edits have changed, 0 for none, -1 for a draft no longer there: a copy of the
	 * edits read at one version holds while the version stays.
	 */
	long editsVersion(long id) {
		return this.jdbc.queryForList("SELECT edits_version FROM table_draft WHERE id = ?", Long.class, id)
			.stream().findFirst().orElse(-1L);
	}

	/** The edits in the order they were first made: key → row, or null where the row is deleted. */
	Map<RowKey, TableRow> edits(long id) {
		Map<RowKey, TableRow> edits = new LinkedHashMap<>();
		this.jdbc.query("SELECT row_key, row_data FROM table_draft_edit WHERE draft_id = ? ORDER BY seq",
				rs -> {
					edits.put(KeyText.parse(rs.getString(1)), RowCodec.fromJson(this.atRest.openRow(rs.getString(2))));
				}, id);
		return edits;
	}

	/** Saves an edit by the current user; the draft's edits version it made. */
	long putEdit(long id, RowKey key, TableRow row) {
		return putEdit(id, key, row, Actor.current());
	}

	/**
	 * Saves the row the draft holds for a key, remembering {@code author} beside any earlier authors of that row.
	 * The draft's own row is locked first, so two operators saving into one draft at once take turns instead of
	 * both taking the next seq (or both adding the same key).
	 */
	long putEdit(long id, RowKey key, TableRow row, String author) {
		Map<RowKey, TableRow> one = new LinkedHashMap<>();
		one.put(key, row);
		return putEdits(id, one, author);
	}

	/** Saves many rows at once, as {@link #putEdit} saves one: an import. */
	long putEdits(long id, Map<RowKey, TableRow> rows) {
		return putEdits(id, rows, Actor.current());
	}

	/**
	 * Saves the rows for their keys in one transaction, all or none, in batches of {@value #BATCH}: one look-up
	 * of the keys already edited, one batch of inserts and one of updates per batch rather than three statements
	 * a row. New keys take the next seqs in the order given. A few rows look their keys up by the index; more
	 * read the draft's edited keys once, as a list of a thousand keys is compared row by row by the database.
	 */
	long putEdits(long id, Map<RowKey, TableRow> rows, String author) {
		return this.transaction.execute(status -> {
			Locked locked = lock(id).orElseThrow(() -> new TableEditorException(GONE));
			Long last = this.jdbc.queryForObject("SELECT MAX(seq) FROM table_draft_edit WHERE draft_id = ?",
					Long.class, id);
			long next = last == null ? 1 : last + 1;
			List<Map.Entry<RowKey, TableRow>> all = List.copyOf(rows.entrySet());
			Map<String, EditedRow> everyEdited = all.size() > FEW ? edited(id) : null;
			for (int from = 0; from < all.size(); from += BATCH) {
				List<Map.Entry<RowKey, TableRow>> batch = all.subList(from, Math.min(all.size(), from + BATCH));
				Map<String, TableRow> byKey = new LinkedHashMap<>();
				batch.forEach(entry -> byKey.put(KeyText.format(entry.getKey()), entry.getValue()));
				Map<String, EditedRow> edited = everyEdited != null ? everyEdited : edited(id, byKey.keySet());
				List<Object[]> inserts = new ArrayList<>();
				List<Object[]> updates = new ArrayList<>();
				for (Map.Entry<String, TableRow> entry : byKey.entrySet()) {
					String stored = this.atRest.storeRow(locked.table(), RowCodec.toJson(entry.getValue()));
					EditedRow before = edited.get(entry.getKey());
					if (before == null) {
						inserts.add(new Object[] { id, next++, entry.getKey(), stored, author });
					}
					else {
						updates.add(new Object[] { stored, withAuthor(before.editedBy(), author), id, before.seq() });
					}
				}
				this.jdbc.batchUpdate(
						"INSERT INTO table_draft_edit (draft_id, seq, row_key, row_data, edited_by) VALUES (?, ?, ?, ?, ?)",
						inserts);
				this.jdbc.batchUpdate("UPDATE table_draft_edit SET row_data = ?, edited_by = ? WHERE draft_id = ? AND seq = ?",
						updates);
			}
			touch(id);
			return locked.editsVersion() + 1;
		});
	}

	/** Every row the draft holds, by key: its seq and authors. */
	private Map<String, EditedRow> edited(long id) {
		Map<String, EditedRow> edited = new HashMap<>();
		this.jdbc.query("SELECT row_key, seq, edited_by FROM table_draft_edit WHERE draft_id = ?", rs -> {
			edited.put(rs.getString(1), new EditedRow(rs.getLong(2), rs.getString(3)));
		}, id);
		return edited;
	}

	/** The rows among these keys the draft already holds: their seq and authors. */
	private Map<String, EditedRow> edited(long id, Collection<String> keys) {
		Map<String, EditedRow> edited = new HashMap<>();
		String marks = String.join(", ", Collections.nCopies(keys.size(), "?"));
		List<Object> arguments = new ArrayList<>(keys.size() + 1);
		arguments.add(id);
		arguments.addAll(keys);
		this.jdbc.query("SELECT row_key, seq, edited_by FROM table_draft_edit WHERE draft_id = ? AND row_key IN ("
				+ marks + ")", rs -> {
					edited.put(rs.getString(1), new EditedRow(rs.getLong(2), rs.getString(3)));
				}, arguments.toArray());
		return edited;
	}

	private record EditedRow(long seq, String editedBy) {
	}

	/** Everyone whose edits the draft holds, in the order of the edits. */
	List<String> authors(long id) {
		LinkedHashSet<String> authors = new LinkedHashSet<>();
		this.jdbc.query("SELECT edited_by FROM table_draft_edit WHERE draft_id = ? ORDER BY seq", rs -> {
			String names = rs.getString(1);
			if (names == null) {
				authors.add(UNRECORDED);
			}
			else {
				authors.addAll(List.of(names.split("\n")));
			}
		}, id);
		return new ArrayList<>(authors);
	}

	private static String withAuthor(String authors, String author) {
		if (authors == null) {
			return UNRECORDED + "\n" + author;
		}
		if (List.of(authors.split("\n")).contains(author)) {
			return authors;
		}
		String more = authors + "\n" + author;
		// a row edited in turn by dozens of people keeps the first ones: the column has its size
		return more.length() > 2000 ? authors : more;
	}

	/** Drops the draft's edit of a key; the draft's edits version it made, -1 where the draft is gone. */
	long dropEdit(long id, RowKey key) {
		return this.transaction.execute(status -> {
			Optional<Locked> locked = lock(id);
			if (locked.isEmpty()) {
				return -1L;
			}
			this.jdbc.update("DELETE FROM table_draft_edit WHERE draft_id = ? AND row_key = ?", id,
					KeyText.format(key));
			touch(id);
			return locked.get().editsVersion() + 1;
		});
	}

	/**
	 * The draft's row, locked until the transaction ends, so two saves into one draft take turns instead of both
	 * taking the next seq; empty where the draft is gone.
	 */
	private Optional<Locked> lock(long id) {
		return this.jdbc.query("SELECT table_name, edits_version FROM table_draft WHERE id = ? FOR UPDATE",
				(rs, i) -> new Locked(rs.getString(1), rs.getLong(2)), id).stream().findFirst();
	}

	private record Locked(String table, long editsVersion) {
	}

	/** Deletes the draft if nobody has changed it since {@code before}; whether it did. */
	boolean deleteIfUntouchedSince(long id, Instant before) {
		return this.jdbc.update("DELETE FROM table_draft WHERE id = ? AND updated_at < ?", id,
				Timestamp.from(before)) > 0;
	}

	void delete(long id) {
		this.jdbc.update("DELETE FROM table_draft WHERE id = ?", id);
	}

	long saveSnapshot(long sbcId, String table, String root, String item, String takenBy, String reason,
			RowCodec.Packed rows) {
		return saveSnapshot(sbcId, table, root, item, takenBy, reason, rows, null);
	}

	/** A snapshot to restore a version of the table's backups by rolling back to it. */
	long saveSnapshot(long sbcId, String table, String root, String item, String takenBy, String reason,
			RowCodec.Packed rows, Long restoresBackup) {
		byte[] data = this.atRest.store(table, rows.data());
		GeneratedKeyHolder keys = new GeneratedKeyHolder();
		this.jdbc.update(connection -> {
			var statement = connection.prepareStatement(
					"INSERT INTO table_snapshot (sbc_id, table_name, root_element, item_element, taken_by, reason, "
							+ "row_count, data, taken_at, restores_backup) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
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
			statement.setObject(10, restoresBackup, java.sql.Types.BIGINT);
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
				"SELECT id, sbc_id, table_name, root_element, item_element, taken_by, reason, row_count, taken_at, "
						+ "restores_backup "
						+ "FROM table_snapshot WHERE sbc_id = ? AND table_name = ? ORDER BY taken_at DESC, id DESC",
				SNAPSHOTS, sbcId, table);
	}

	Optional<Snapshot> snapshot(long id) {
		return this.jdbc.query(
				"SELECT id, sbc_id, table_name, root_element, item_element, taken_by, reason, "
				+ "row_count, taken_at, restores_backup FROM table_snapshot WHERE id = ?", SNAPSHOTS, id).stream().findFirst();
	}

	/** A snapshot's rows as kept, still packed. */
	Optional<RowCodec.Packed> snapshotRows(long id) {
		return this.jdbc.query("SELECT data, row_count FROM table_snapshot WHERE id = ?",
				(rs, i) -> new RowCodec.Packed(this.atRest.open(rs.getBytes(1)), rs.getInt(2)), id).stream().findFirst();
	}

	/**
	 * Seals what drafts and snapshots of tables with passwords still hold in clear (stored before sealing) or under
	 * a key being rotated out, one stored item at a time. Answers how many were sealed.
	 */
	int sealStoredRows() {
		int sealed = 0;
		for (Map<String, Object> draft : this.jdbc.queryForList("SELECT id, table_name FROM table_draft")) {
			long id = ((Number) draft.get("id")).longValue();
			String table = (String) draft.get("table_name");
			if (!RowsAtRest.sealed(table)) {
				continue;
			}
			if (resealed(table, "table_draft", "base_data", id)) {
				sealed++;
			}
			for (Map<String, Object> edit : this.jdbc
				.queryForList("SELECT seq, row_data FROM table_draft_edit WHERE draft_id = ?", id)) {
				String row = (String) edit.get("row_data");
				if (this.atRest.needsSealing(table, row)) {
					this.jdbc.update("UPDATE table_draft_edit SET row_data = ? WHERE draft_id = ? AND seq = ?",
							this.atRest.storeRow(table, this.atRest.openRow(row)), id, edit.get("seq"));
					sealed++;
				}
			}
		}
		for (Map<String, Object> snapshot : this.jdbc.queryForList("SELECT id, table_name FROM table_snapshot")) {
			long id = ((Number) snapshot.get("id")).longValue();
			String table = (String) snapshot.get("table_name");
			if (!RowsAtRest.sealed(table)) {
				continue;
			}
			if (resealed(table, "table_snapshot", "data", id)) {
				sealed++;
			}
		}
		return sealed;
	}

	/** Seals one stored row set ({@code column} of row {@code id} of {@code from}) if it needs it. */
	private boolean resealed(String table, String from, String column, long id) {
		byte[] stored = this.jdbc.queryForObject("SELECT " + column + " FROM " + from + " WHERE id = ?", byte[].class,
				id);
		if (!this.atRest.needsSealing(table, stored)) {
			return false;
		}
		byte[] data = this.atRest.store(table, this.atRest.open(stored));
		this.jdbc.update(connection -> {
			var statement = connection.prepareStatement("UPDATE " + from + " SET " + column + " = ? WHERE id = ?");
			statement.setBinaryStream(1, new ByteArrayInputStream(data), data.length);
			statement.setLong(2, id);
			return statement;
		});
		return true;
	}

	/** The edits changed: the draft's time and its edits version move on. */
	private void touch(long id) {
		this.jdbc.update("UPDATE table_draft SET updated_at = ?, edits_version = edits_version + 1 WHERE id = ?",
				Timestamp.from(Instant.now()), id);
	}

}
