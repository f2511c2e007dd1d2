package app.vsxi.dashboard.monitoring.alarms;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;

import app.vsxi.dashboard.monitoring.AlarmLevel;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** Alarm rules and alarms in the database. */
@Repository
public class AlarmStore {

	private static final int MAX_TEXT = 500;

	private final JdbcTemplate jdbc;

	AlarmStore(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	List<AlarmRule> rules() {
		return this.jdbc.query("SELECT * FROM alarm_rule ORDER BY metric, group_id, sbc_id, id", AlarmStore::rule);
	}

	AlarmRule rule(long id) {
		return this.jdbc.query("SELECT * FROM alarm_rule WHERE id = ?", AlarmStore::rule, id).stream().findFirst()
			.orElse(null);
	}

	/** Stores a rule for its scope and metric, replacing the one there was. */
	AlarmRule saveRule(AlarmRule rule) {
		this.jdbc.update("DELETE FROM alarm_rule WHERE metric = ? AND " + same("group_id", rule.groupId()) + " AND "
				+ same("sbc_id", rule.sbcId()), params(rule.metric().name(), rule.groupId(), rule.sbcId()));
		KeyHolder key = new GeneratedKeyHolder();
		this.jdbc.update(connection -> {
			var insert = connection.prepareStatement("INSERT INTO alarm_rule (group_id, sbc_id, metric, warning, "
					+ "critical, hold_polls, enabled, changed_by, changed_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
					new String[] { "id" });
			insert.setObject(1, rule.groupId());
			insert.setObject(2, rule.sbcId());
			insert.setString(3, rule.metric().name());
			insert.setDouble(4, rule.warning());
			insert.setDouble(5, rule.critical());
			insert.setInt(6, rule.hold());
			insert.setBoolean(7, rule.enabled());
			insert.setString(8, rule.changedBy());
			insert.setTimestamp(9, Timestamp.from(rule.changedAt()));
			return insert;
		}, key);
		return rule(key.getKey().longValue());
	}

	void deleteRule(long id) {
		this.jdbc.update("DELETE FROM alarm_rule WHERE id = ?", id);
	}

	Alarm raise(long sbcId, AlarmMetric metric, String subject, AlarmLevel level, Double reading, Double threshold,
			String detail, Instant at) {
		KeyHolder key = new GeneratedKeyHolder();
		String text = detail == null || detail.length() <= MAX_TEXT ? detail : detail.substring(0, MAX_TEXT);
		this.jdbc.update(connection -> {
			var insert = connection.prepareStatement("INSERT INTO alarm (sbc_id, metric, subject, level, reading, "
					+ "threshold, detail, raised_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", new String[] { "id" });
			insert.setLong(1, sbcId);
			insert.setString(2, metric.name());
			insert.setString(3, subject);
			insert.setString(4, level.name());
			insert.setObject(5, reading);
			insert.setObject(6, threshold);
			insert.setString(7, text);
			insert.setTimestamp(8, Timestamp.from(at));
			return insert;
		}, key);
		return new Alarm(key.getKey().longValue(), sbcId, metric, subject, level, reading, threshold, text, at, null, null,
				null);
	}

	void clear(long id, Instant at) {
		this.jdbc.update("UPDATE alarm SET cleared_at = ? WHERE id = ? AND cleared_at IS NULL", Timestamp.from(at), id);
	}

	/** Records who acknowledged; an alarm acknowledged once stays so. */
	boolean acknowledge(long id, String by, Instant at) {
		return this.jdbc.update("UPDATE alarm SET acknowledged_by = ?, acknowledged_at = ? WHERE id = ? AND "
				+ "acknowledged_at IS NULL", by, Timestamp.from(at), id) == 1;
	}

	Alarm alarm(long id) {
		return this.jdbc.query("SELECT * FROM alarm WHERE id = ?", AlarmStore::alarm, id).stream().findFirst()
			.orElse(null);
	}

	List<Alarm> open() {
		return this.jdbc.query("SELECT * FROM alarm WHERE cleared_at IS NULL ORDER BY raised_at DESC, id DESC",
				AlarmStore::alarm);
	}

	/** The latest alarms of the given SBCs, open or not, newest first. */
	List<Alarm> recent(Collection<Long> sbcIds, int limit) {
		if (sbcIds.isEmpty()) {
			return List.of();
		}
		String in = String.join(",", sbcIds.stream().map(id -> "?").toList());
		return this.jdbc.query("SELECT * FROM alarm WHERE sbc_id IN (" + in + ") ORDER BY raised_at DESC, id DESC "
				+ "LIMIT " + limit, AlarmStore::alarm, sbcIds.toArray());
	}

	private static String same(String column, Long value) {
		return value == null ? column + " IS NULL" : column + " = ?";
	}

	private static Object[] params(Object... values) {
		return java.util.Arrays.stream(values).filter(java.util.Objects::nonNull).toArray();
	}

	private static AlarmRule rule(ResultSet row, int index) throws SQLException {
		return new AlarmRule(row.getLong("id"), (Long) row.getObject("group_id", Long.class),
				(Long) row.getObject("sbc_id", Long.class), AlarmMetric.valueOf(row.getString("metric")),
				row.getDouble("warning"), row.getDouble("critical"), row.getInt("hold_polls"), row.getBoolean("enabled"),
				row.getString("changed_by"), row.getTimestamp("changed_at").toInstant());
	}

	private static Alarm alarm(ResultSet row, int index) throws SQLException {
		Timestamp cleared = row.getTimestamp("cleared_at");
		Timestamp acknowledged = row.getTimestamp("acknowledged_at");
		double value = row.getDouble("reading");
		Double reading = row.wasNull() ? null : value;
		double crossed = row.getDouble("threshold");
		Double threshold = row.wasNull() ? null : crossed;
		return new Alarm(row.getLong("id"), row.getLong("sbc_id"), AlarmMetric.valueOf(row.getString("metric")),
				row.getString("subject"), AlarmLevel.valueOf(row.getString("level")), reading,
				threshold, row.getString("detail"), row.getTimestamp("raised_at").toInstant(),
				cleared == null ? null : cleared.toInstant(), row.getString("acknowledged_by"),
				acknowledged == null ? null : acknowledged.toInstant());
	}

}
