package app.vsxi.dashboard.gateway;

import java.util.List;
import java.util.Map;

/**
 * The system-wide figures of {@code stats/realtime} (table {@code system_stat}).
 *
 * @param haState {@code ha_current_state}, e.g. "active" or "standby"
 * @param systemStat every field of the row as the box sent it, for panels that show more
 * @param trunks the per-trunk rows (one per node and trunk, plus the trunk group's), where the box sends them
 */
public record RealtimeStats(long activeSessions, long attemptedSessions, long peakActiveSessions,
		long maxSessionsAllowed, long currentCps, long maxCpsAllowed, int cpuIdlePercent, String haState,
		Map<String, String> systemStat, List<TrunkRealtime> trunks) {

	public RealtimeStats {
		trunks = List.copyOf(trunks);
	}

	/** Without per-trunk rows, as newer firmware sends it. */
	public RealtimeStats(long activeSessions, long attemptedSessions, long peakActiveSessions,
			long maxSessionsAllowed, long currentCps, long maxCpsAllowed, int cpuIdlePercent, String haState,
			Map<String, String> systemStat) {
		this(activeSessions, attemptedSessions, peakActiveSessions, maxSessionsAllowed, currentCps, maxCpsAllowed,
				cpuIdlePercent, haState, systemStat, List.of());
	}

	static RealtimeStats from(Map<String, List<Map<String, String>>> tables) {
		List<Map<String, String>> rows = tables.getOrDefault("system_stat", List.of());
		if (rows.isEmpty()) {
			throw new IncompleteAnswerException("stats/realtime has no system_stat row");
		}
		Map<String, String> row = rows.get(0);
		return new RealtimeStats(number(row, "sum_active_session"), number(row, "sum_attempt_session"),
				number(row, "peak_active_session"), number(row, "max_session_allowed"), number(row, "current_cps"),
				number(row, "max_cps_allowed"), (int) number(row, "cpu_idle_percent"),
				required(row, "system_stat", "ha_current_state"), Map.copyOf(row),
				tables.getOrDefault("XBResourceRealTimeStatList", List.of()).stream().map(TrunkRealtime::from).toList());
	}

	static long number(Map<String, String> row, String field) {
		return number(row, "system_stat", field);
	}

	/** A figure the dashboard shows: missing or empty is an incomplete answer, never a silent 0. */
	static long number(Map<String, String> row, String table, String field) {
		String value = required(row, table, field);
		try {
			return Math.round(Double.parseDouble(value.trim()));
		}
		catch (NumberFormatException ex) {
			throw new IllegalArgumentException(table + "." + field + " is not a number: " + value);
		}
	}

	static String required(Map<String, String> row, String table, String field) {
		String value = row.get(field);
		if (value == null || value.isBlank()) {
			throw new IncompleteAnswerException(table + " has no " + field);
		}
		return value;
	}

}
