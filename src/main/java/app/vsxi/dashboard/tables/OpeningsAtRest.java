package app.vsxi.dashboard.tables;

import java.util.List;
import java.util.Optional;

import app.vsxi.dashboard.cluster.DatabaseClock;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Table downloads as the database knows them, for every dashboard instance: the one that runs a download writes
 * how far it got, and any instance answers the page that polls it. A running download whose instance has said
 * nothing for {@link #SILENT_MILLIS} is lost (that instance stopped): the page says so rather than wait forever.
 */
@Component
class OpeningsAtRest {

	static final long SILENT_MILLIS = 30_000;

	private static final long KEPT_MILLIS = 15 * 60_000;

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final JdbcTemplate jdbc;

	private final DatabaseClock clock;

	OpeningsAtRest(JdbcTemplate jdbc, DatabaseClock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	void started(TableOpenings.Progress progress, String owner, long startedAt) {
		// ended ones past keeping go here, a cheap moment that comes as often as downloads do
		this.jdbc.update("DELETE FROM table_opening WHERE ended_at IS NOT NULL AND ended_at < ?",
				startedAt - KEPT_MILLIS);
		this.jdbc.update("INSERT INTO table_opening (id, owner, sbc_id, table_name, started_at, rows_arrived, "
				+ "first_rows, draft_id, failure, ended_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
				+ this.clock.nowSql() + ")", progress.id(), owner, progress.sbcId(), progress.table(), startedAt,
				progress.rows(), JSON.writeValueAsString(progress.arrived()), progress.draftId(), progress.failure(),
				progress.running() ? null : startedAt + progress.seconds() * 1000);
	}

	/**
	 * How far a download got; {@code endedAt} set once it ended, with its draft or failure. A download that ended
	 * stays ended: the once-a-second report of its progress, read just before the end and written just after it,
	 * would otherwise make it run again (and count against its user) until it fell silent.
	 */
	void progressed(TableOpenings.Progress progress, Long endedAt) {
		this.jdbc.update("UPDATE table_opening SET rows_arrived = ?, first_rows = ?, draft_id = ?, failure = ?, "
				+ "ended_at = ?, updated_at = " + this.clock.nowSql() + " WHERE id = ? AND ended_at IS NULL",
				progress.rows(),
				JSON.writeValueAsString(progress.arrived()), progress.draftId(), progress.failure(), endedAt,
				progress.id());
	}

	/** The id of this user's download of that table on that SBC still running on some instance. */
	Optional<String> running(String owner, long sbcId, String table) {
		return this.jdbc.queryForList("SELECT id FROM table_opening WHERE owner = ? AND sbc_id = ? AND table_name = ? "
				+ "AND ended_at IS NULL AND updated_at > " + this.clock.nowSql() + " - " + SILENT_MILLIS, String.class,
				owner, sbcId, table).stream().findFirst();
	}

	/** How many downloads of this user are running, on every instance. */
	long runningOf(String owner) {
		Long count = this.jdbc.queryForObject("SELECT COUNT(*) FROM table_opening WHERE owner = ? AND ended_at IS NULL "
				+ "AND updated_at > " + this.clock.nowSql() + " - " + SILENT_MILLIS, Long.class, owner);
		return count == null ? 0 : count;
	}

	/** A download of this user's on that SBC, as the last word of the instance running it left it. */
	Optional<TableOpenings.Progress> find(String owner, long sbcId, String id, long nowMillis) {
		List<TableOpenings.Progress> found = this.jdbc.query("SELECT id, sbc_id, table_name, started_at, rows_arrived, "
				+ "first_rows, draft_id, failure, ended_at, updated_at < " + this.clock.nowSql() + " - " + SILENT_MILLIS
				+ " AS silent FROM table_opening WHERE id = ? AND owner = ? AND sbc_id = ?", (row, index) -> {
					Long draftId = row.getObject(7, Long.class);
					String failure = row.getString(8);
					Long endedAt = row.getObject(9, Long.class);
					if (endedAt == null && row.getBoolean(10)) {
						failure = "the dashboard instance that was downloading it stopped before the download ended; "
								+ "open the table again";
					}
					long until = endedAt == null ? nowMillis : endedAt;
					String first = row.getString(6);
					TableOpenings.Arrived arrived = first == null ? new TableOpenings.Arrived(List.of(), List.of())
							: JSON.readValue(first, TableOpenings.Arrived.class);
					return new TableOpenings.Progress(row.getString(1), row.getLong(2), row.getString(3), row.getLong(5),
							Math.max(0, (until - row.getLong(4)) / 1000), draftId, failure, arrived);
				}, id, owner, sbcId);
		return found.stream().findFirst();
	}

}
