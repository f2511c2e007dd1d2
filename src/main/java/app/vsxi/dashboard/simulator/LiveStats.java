package app.vsxi.dashboard.simulator;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Counters of one simulated box that move over time: calls follow a slow wave around a per-box base with some
 * noise, attempts only grow, CPS follows the call level.
 */
final class LiveStats {

	private static final DateTimeFormatter SYSTEM_TIME = DateTimeFormatter.ofPattern("MM-dd-yyyy HH:mm:ss");

	private final String hostName;

	private final Instant startedAt = Instant.now();

	private final Duration bootedBefore;

	private final int callBase;

	private final long attemptsAtStart;

	private final int peakAtStart;

	LiveStats(String hostName, Random seed) {
		this.hostName = hostName;
		this.bootedBefore = Duration.ofDays(3 + seed.nextInt(800)).plusMinutes(seed.nextInt(1440));
		this.callBase = 20 + seed.nextInt(180);
		this.attemptsAtStart = 10_000 + seed.nextInt(900_000);
		this.peakAtStart = this.callBase * 2 + seed.nextInt(50);
	}

	/** The number of calls the box's traffic asks for now: a five-minute wave around a per-box base. */
	int callLevel() {
		double seconds = Duration.between(this.startedAt, Instant.now()).toMillis() / 1000.0;
		double wave = Math.sin(2 * Math.PI * seconds / 300.0) * this.callBase * 0.3;
		return Math.max(0, (int) Math.round(this.callBase + wave));
	}

	int callBase() {
		return this.callBase;
	}

	long elapsedSeconds() {
		return Duration.between(this.startedAt, Instant.now()).toSeconds();
	}

	/**
	 * The one system_stat row. A Load-Balance slave shows it in its HA fields and {@code slave_stat} (values of a
	 * slave inferred, see {@link VsxiConventions#SLAVE_STAT_SLAVE}).
	 */
	Map<String, Object> systemStat(boolean slave, int active) {
		long elapsed = Duration.between(this.startedAt, Instant.now()).toSeconds();
		int cps = Math.max(0, active / 30 + ThreadLocalRandom.current().nextInt(0, 3));
		Map<String, Object> row = new LinkedHashMap<>();
		row.put("id", 1);
		row.put("sum_active_session", active);
		row.put("sum_attempt_session", this.attemptsAtStart + elapsed * this.callBase / 30);
		row.put("peak_active_session", Math.max(this.peakAtStart, active));
		row.put("max_session_allowed", 19750);
		row.put("max_session_exceed", 0);
		row.put("inbound_sip_leg", active);
		row.put("outbound_sip_leg", active);
		row.put("peak_sip_leg", 2 * Math.max(this.peakAtStart, active));
		row.put("inbound_h323_leg", 0);
		row.put("outbound_h323_leg", 0);
		row.put("peak_h323_leg", 0);
		row.put("cpu_idle_percent", Math.max(5, 99 - active / 10));
		row.put("flow_control_lev", 0);
		row.put("cluster_active_session", active);
		row.put("cluster_peak_session", Math.max(this.peakAtStart, active));
		row.put("demo_lic", -1);
		row.put("slave_stat", slave ? VsxiConventions.SLAVE_STAT_SLAVE : VsxiConventions.SLAVE_STAT_MASTER);
		row.put("ha_pre_state", slave ? "active" : "standby");
		row.put("ha_current_state", slave ? "standby" : "active");
		row.put("ha_remote_status", 0);
		row.put("switch_over_flag", 3);
		row.put("ha_local_status", 0);
		row.put("max_cps_allowed", 10000);
		row.put("max_cps_exceed", 0);
		row.put("current_cps", cps);
		return row;
	}

	/** Reference §6: label-value lines, with {@code HW Up Time:} on the fourth line. */
	String systemRealtimeText(int active) {
		Duration up = this.bootedBefore.plus(Duration.between(this.startedAt, Instant.now()));
		String now = LocalDateTime.now(ZoneId.systemDefault()).format(SYSTEM_TIME);
		return String.join("\n", List.of("Host Name: " + this.hostName,
				"Software Version: " + VsxiConventions.SOFTWARE_VERSION, "System Time: " + now,
				"HW Up Time: " + uptime(up), "SW Up Time: " + uptime(Duration.between(this.startedAt, Instant.now())),
				"Active Sessions: " + active)) + "\n";
	}

	/**
	 * Reads like a box's uptime, e.g. {@code 1 year 2 months 3 days 04:05:06}: clients translate the words year,
	 * month and day (reference §6). Inferred: a month is 30 days, a year 365; years and months are left out while
	 * zero, days never.
	 */
	static String uptime(Duration up) {
		long days = up.toDays();
		long years = days / 365;
		long months = days % 365 / 30;
		StringBuilder text = new StringBuilder();
		if (years > 0) {
			text.append(count(years, "year")).append(' ');
		}
		if (years > 0 || months > 0) {
			text.append(count(months, "month")).append(' ');
		}
		text.append(count(days % 365 % 30, "day"));
		return text + " %02d:%02d:%02d".formatted(up.toHoursPart(), up.toMinutesPart(), up.toSecondsPart());
	}

	private static String count(long value, String unit) {
		return value + " " + unit + (value == 1 ? "" : "s");
	}

}
