package app.vsxi.dashboard.monitoring.alarms;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import app.vsxi.dashboard.gateway.GatewayError;
import app.vsxi.dashboard.gateway.RealtimeStats;
import app.vsxi.dashboard.gateway.TableDocument;
import app.vsxi.dashboard.gateway.TableRow;
import app.vsxi.dashboard.gateway.TrunkRealtime;
import app.vsxi.dashboard.monitoring.alarms.AlarmEvaluator.Reading;
import app.vsxi.dashboard.monitoring.AlarmLevel;
import app.vsxi.dashboard.monitoring.Feed;
import app.vsxi.dashboard.monitoring.MonitoringProperties;
import app.vsxi.dashboard.monitoring.SbcStatus;
import app.vsxi.dashboard.monitoring.SnapshotStore;
import app.vsxi.dashboard.monitoring.MonitoringSettings;

import static app.vsxi.dashboard.monitoring.TrunkRows.resource;
import static app.vsxi.dashboard.monitoring.TrunkRows.row;
import static app.vsxi.dashboard.monitoring.TrunkRows.trunkRow;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * What each alarm metric reads from snapshots and a status built by hand, every expected figure and sentence worked
 * out by hand. Trunk 101's counters are {@link TrunkKpisTests#row}'s: over 15 min 1000 attempts, 780 answered,
 * 70 failed, 3,037,000 ms of PDD.
 */
class AlarmEvaluatorTests {

	private static final long SBC = 7;

	private static final Instant T0 = Instant.parse("2026-11-30T08:00:00Z");

	/** Polls every 5 s, ticks every 1 s: half a tick of slack is 0.5 s. */
	private static final MonitoringProperties SETTINGS = MonitoringSettings.of(Map.of());

	private final SnapshotStore store = new SnapshotStore(SETTINGS);

	@Test
	void everyMetricIsOneThisClassReads() {
		// a new metric fails here until a test below reads it
		assertThat(AlarmMetric.values()).containsExactly(AlarmMetric.CPU, AlarmMetric.SESSIONS,
				AlarmMetric.MEDIA_SESSIONS, AlarmMetric.TRUNK_UTILISATION, AlarmMetric.TRUNK_FAILURE,
				AlarmMetric.TRUNK_ASR, AlarmMetric.TRUNK_PDD, AlarmMetric.UNREACHABLE, AlarmMetric.CERTIFICATE_CHANGED,
				AlarmMetric.HA_CHANGED, AlarmMetric.MEDIA_SERVER_DOWN, AlarmMetric.BACKUP_AGE, AlarmMetric.DRIFT);
	}

	@Test
	void backupAgeAndDriftAreReadFromTheBackupsNotFromPolls() {
		RealtimeStats stats = stats(450, 600, 13, Map.of());
		this.store.answered(SBC, Feed.REALTIME, stats, T0);

		assertThat(read(AlarmMetric.BACKUP_AGE, up(stats))).isEmpty();
		assertThat(read(AlarmMetric.DRIFT, up(stats))).isEmpty();
	}

	@Test
	void cpuIsOneHundredLessTheIdlePercent() {
		RealtimeStats stats = stats(450, 600, 13, Map.of());
		this.store.answered(SBC, Feed.REALTIME, stats, T0);

		assertThat(read(AlarmMetric.CPU, up(stats))).containsExactly(new Reading("", 87.0, "cpu_idle_percent 13"));
	}

	@Test
	void sessionsAreActiveOverTheMaximumAllowed() {
		RealtimeStats stats = stats(450, 600, 40, Map.of());
		this.store.answered(SBC, Feed.REALTIME, stats, T0);

		assertThat(read(AlarmMetric.SESSIONS, up(stats))).containsExactly(new Reading("", 75.0, "450 of 600 sessions"));
	}

	@Test
	void sessionsWithoutAMaximumReadNoValue() {
		RealtimeStats stats = stats(450, 0, 40, Map.of());
		this.store.answered(SBC, Feed.REALTIME, stats, T0);

		assertThat(read(AlarmMetric.SESSIONS, up(stats))).containsExactly(new Reading("", null, "450 of 0 sessions"));
	}

	@Test
	void aFailedRealtimePollReadsNoFigureAndNoTrunk() {
		RealtimeStats stats = stats(450, 600, 13, ha("active", "standby", "0", "0", "1"));
		this.store.answered(SBC, Feed.REALTIME, stats, T0);
		this.store.failed(SBC, Feed.REALTIME, new GatewayError.Timeout("read"), T0.plusSeconds(5));

		SbcStatus status = up(stats);
		assertThat(read(AlarmMetric.CPU, status)).containsExactly(new Reading("", null, null));
		assertThat(read(AlarmMetric.SESSIONS, status)).containsExactly(new Reading("", null, null));
		assertThat(AlarmEvaluator.read(AlarmMetric.HA_CHANGED, this.store, status, true, true, 10, T0, SETTINGS))
			.containsExactly(new Reading("", null, null));
		assertThat(read(AlarmMetric.TRUNK_UTILISATION, status)).isEmpty();
	}

	@Test
	void aFailedResourcePollReadsNoTrunk() {
		this.store.answered(SBC, Feed.RESOURCE, resource(row("101", 1000, 780, 70, 148_980, 3_037_000)), T0);
		this.store.failed(SBC, Feed.RESOURCE, new GatewayError.Unreachable("connection refused"), T0.plusSeconds(15));

		SbcStatus status = up(stats(0, 600, 90, Map.of()));
		assertThat(read(AlarmMetric.TRUNK_FAILURE, status)).isEmpty();
		assertThat(read(AlarmMetric.TRUNK_ASR, status)).isEmpty();
		assertThat(read(AlarmMetric.TRUNK_PDD, status)).isEmpty();
	}

	@Test
	void aFailedMediaServerPollReadsNoServer() {
		this.store.answered(SBC, Feed.MEDIA_SERVER, mediaServers(server("1", "ms-east", "200", "150", "up")), T0);
		this.store.failed(SBC, Feed.MEDIA_SERVER, new GatewayError.Timeout("read"), T0.plusSeconds(10));

		SbcStatus status = up(stats(0, 600, 90, Map.of()));
		assertThat(read(AlarmMetric.MEDIA_SESSIONS, status)).isEmpty();
		assertThat(read(AlarmMetric.MEDIA_SERVER_DOWN, status)).isEmpty();
	}

	@Test
	void trunkFiguresAreThoseOfTheLast15Minutes() {
		this.store.answered(SBC, Feed.RESOURCE, resource(row("101", 1000, 780, 70, 148_980, 3_037_000)), T0);
		SbcStatus status = up(stats(0, 600, 90, Map.of()));

		// 70 / 1000 · 100
		assertThat(read(AlarmMetric.TRUNK_FAILURE, status))
			.containsExactly(new Reading("trunk 101", 7.0, "70 of 1000 attempts failed"));
		// 780 / 1000 · 100
		assertThat(read(AlarmMetric.TRUNK_ASR, status))
			.containsExactly(new Reading("trunk 101", 78.0, "780 of 1000 attempts answered"));
		// 3,037,000 ms / 1000 attempts / 1000
		assertThat(read(AlarmMetric.TRUNK_PDD, status))
			.containsExactly(new Reading("trunk 101", 3.037, "1000 attempts"));
	}

	@Test
	void trunkUtilisationIsTheBusierSideOfTheGroupRow() {
		RealtimeStats stats = new RealtimeStats(0, 0, 0, 600, 0, 10, 90, "active", Map.of(),
				List.of(trunkRow("101", "198.51.100.1", 45, 2, 50, 5),
						trunkRow("101", TrunkRealtime.GROUP, 30, 100, 400, 40)));
		this.store.answered(SBC, Feed.REALTIME, stats, T0);

		// originated 30 / 400 = 7.5 %, terminated 100 / 400 = 25 %: the higher; 30 + 100 = 130 sessions
		assertThat(read(AlarmMetric.TRUNK_UTILISATION, up(stats)))
			.containsExactly(new Reading("trunk 101", 25.0, "130 sessions, limit 400 (Group row)"));
	}

	@Test
	void asrIsTheMetricThatAlarmsBelowItsThresholds() {
		assertThat(AlarmMetric.TRUNK_ASR.below()).isTrue();
		assertThat(AlarmMetric.values()).filteredOn(AlarmMetric::below).containsExactly(AlarmMetric.TRUNK_ASR);
		AlarmRule rule = AlarmMetric.TRUNK_ASR.defaultRule();
		assertThat(rule.warning()).isEqualTo(70.0);
		assertThat(rule.critical()).isEqualTo(50.0);
	}

	@Test
	void anAsrUnderTheCriticalThresholdIsCriticalAndAboveTheWarningOneIsFine() {
		assertThat(AlarmMetric.TRUNK_ASR.level(40, 70, 50)).isEqualTo(AlarmLevel.CRITICAL);
		assertThat(AlarmMetric.TRUNK_ASR.level(49.9, 70, 50)).isEqualTo(AlarmLevel.CRITICAL);
		// at a threshold is not under it
		assertThat(AlarmMetric.TRUNK_ASR.level(50, 70, 50)).isEqualTo(AlarmLevel.WARNING);
		assertThat(AlarmMetric.TRUNK_ASR.level(69.9, 70, 50)).isEqualTo(AlarmLevel.WARNING);
		assertThat(AlarmMetric.TRUNK_ASR.level(70, 70, 50)).isNull();
		assertThat(AlarmMetric.TRUNK_ASR.level(95, 70, 50)).isNull();
	}

	@Test
	void anOverMetricIsCriticalAtItsThresholdAndFineUnderTheWarningOne() {
		assertThat(AlarmMetric.CPU.level(95, 80, 90)).isEqualTo(AlarmLevel.CRITICAL);
		assertThat(AlarmMetric.CPU.level(90, 80, 90)).isEqualTo(AlarmLevel.CRITICAL);
		assertThat(AlarmMetric.CPU.level(80, 80, 90)).isEqualTo(AlarmLevel.WARNING);
		assertThat(AlarmMetric.CPU.level(40, 80, 90)).isNull();
	}

	@Test
	void aTrunkAnsweringFewCallsReadsACriticalAsr() {
		// 400 of 1000 answered: 40 %, under the built-in critical 50 %
		this.store.answered(SBC, Feed.RESOURCE, resource(row("101", 1000, 400, 70, 148_980, 3_037_000)), T0);
		AlarmRule rule = AlarmMetric.TRUNK_ASR.defaultRule();

		Reading reading = read(AlarmMetric.TRUNK_ASR, up(stats(0, 600, 90, Map.of()))).get(0);

		assertThat(reading).isEqualTo(new Reading("trunk 101", 40.0, "400 of 1000 attempts answered"));
		assertThat(AlarmMetric.TRUNK_ASR.level(reading.value(), rule.warning(), rule.critical()))
			.isEqualTo(AlarmLevel.CRITICAL);
	}

	@Test
	void unreachableCountsPollIntervalsFromTheFirstFailedPollWithHalfATickOfSlack() {
		SbcStatus down = down(new GatewayError.Timeout("read"), T0);

		// (14.5 s + 0.5 s) / 5 s
		assertThat(AlarmEvaluator.read(AlarmMetric.UNREACHABLE, this.store, down, false, false, 10,
				T0.plusMillis(14_500), SETTINGS))
			.containsExactly(new Reading("", 3.0, "No answer within the read timeout"));
		// (14.4 s + 0.5 s) / 5 s
		assertThat(unreachable(down, T0.plusMillis(14_400), SETTINGS)).isEqualTo(2.98);
		// (0 s + 0.5 s) / 5 s
		assertThat(unreachable(down, T0, SETTINGS)).isEqualTo(0.1);
	}

	@Test
	void theSlackIsHalfAPollIntervalWhenTheTickIsLonger() {
		MonitoringProperties slowTicks = MonitoringSettings.of(Map.of("poll-interval", "4s", "tick", "10s"));
		SbcStatus down = down(new GatewayError.Timeout("read"), T0);

		// (10 s + 2 s) / 4 s
		assertThat(unreachable(down, T0.plusSeconds(10), slowTicks)).isEqualTo(3.0);
	}

	@Test
	void anAnsweringSbcIsNoIntervalUnreachable() {
		assertThat(AlarmEvaluator.read(AlarmMetric.UNREACHABLE, this.store, up(stats(0, 600, 90, Map.of())), false,
				false, 10, T0.plusSeconds(60), SETTINGS))
			.containsExactly(new Reading("", 0.0, null));
		SbcStatus downWithoutStart = new SbcStatus(SBC, "nyc-1", "NYC", 1, SbcStatus.State.DOWN,
				new GatewayError.Timeout("read"), null, null, T0, null, null, 1, null);
		assertThat(unreachable(downWithoutStart, T0.plusSeconds(60), SETTINGS)).isEqualTo(0.0);
	}

	@Test
	void aChangedCertificateReadsOne() {
		SbcStatus changed = new SbcStatus(SBC, "nyc-1", "NYC", 1, SbcStatus.State.ERROR,
				new GatewayError.CertificateChanged("AA:BB", "CC:DD"), null, null, T0, null, T0, 1, null);

		assertThat(read(AlarmMetric.CERTIFICATE_CHANGED, changed)).containsExactly(new Reading("", 1.0,
				"Certificate changed (now AA:BB); refused until an administrator accepts it"));
		assertThat(read(AlarmMetric.CERTIFICATE_CHANGED, down(new GatewayError.Timeout("read"), T0)))
			.containsExactly(new Reading("", 0.0, "No answer within the read timeout"));
		assertThat(read(AlarmMetric.CERTIFICATE_CHANGED, up(stats(0, 600, 90, Map.of()))))
			.containsExactly(new Reading("", 0.0, null));
	}

	@Test
	void aChangedHaRoleReadsOneAndASteadyOneZero() {
		RealtimeStats stats = stats(0, 600, 90, ha("active", "standby", "0", "0", "1"));
		this.store.answered(SBC, Feed.REALTIME, stats, T0);
		String detail = "role active (before: standby), ha_remote_status 0, ha_local_status 0, switch-over flag 1";

		assertThat(AlarmEvaluator.read(AlarmMetric.HA_CHANGED, this.store, up(stats), true, false, 10, T0, SETTINGS))
			.containsExactly(new Reading("", 1.0, detail));
		assertThat(AlarmEvaluator.read(AlarmMetric.HA_CHANGED, this.store, up(stats), false, true, 10, T0, SETTINGS))
			.containsExactly(new Reading("", 0.0, detail));
	}

	@Test
	void aNonZeroHaStatusIsCriticalOnlyWhereTheSbcOptedIn() {
		RealtimeStats stats = stats(0, 600, 90, ha("active", "active", "0", "3", "0"));
		this.store.answered(SBC, Feed.REALTIME, stats, T0);
		String detail = "role active (before: active), ha_remote_status 0, ha_local_status 3, switch-over flag 0";

		assertThat(AlarmEvaluator.read(AlarmMetric.HA_CHANGED, this.store, up(stats), false, true, 10, T0, SETTINGS))
			.containsExactly(new Reading("", 2.0,
					detail + "; trouble inferred from ha_*_status, whose codes no source defines"));
		assertThat(AlarmEvaluator.read(AlarmMetric.HA_CHANGED, this.store, up(stats), false, false, 10, T0, SETTINGS))
			.containsExactly(new Reading("", 0.0, detail));
	}

	@Test
	void mediaSessionsAreActiveOverMaxConnectionsAndAServerWithoutAMaximumReadsNoValue() {
		this.store.answered(SBC, Feed.MEDIA_SERVER, mediaServers(server("1", "ms-east", "200", "150", "up"),
				server("2", "", "0", "5", "down")), T0);

		assertThat(read(AlarmMetric.MEDIA_SESSIONS, up(stats(0, 600, 90, Map.of()))))
			.extracting(Reading::subject, Reading::value, Reading::detail)
			.containsExactly(tuple("ms-east", 75.0, "150 of 200 sessions"), tuple("media server 2", null, "5 of 0 sessions"));
	}

	@Test
	void aMediaServerNotUpReadsOne() {
		this.store.answered(SBC, Feed.MEDIA_SERVER, mediaServers(server("1", "ms-east", "200", "150", "UP"),
				server("2", "", "0", "5", "down")), T0);

		assertThat(read(AlarmMetric.MEDIA_SERVER_DOWN, up(stats(0, 600, 90, Map.of()))))
			.containsExactly(new Reading("ms-east", 0.0, "status UP"), new Reading("media server 2", 1.0, "status down"));
	}

	@Test
	void atMostMaxSubjectsServersAreRead() {
		this.store.answered(SBC, Feed.MEDIA_SERVER, mediaServers(server("1", "ms-east", "200", "150", "up"),
				server("2", "", "0", "5", "down")), T0);

		assertThat(AlarmEvaluator.read(AlarmMetric.MEDIA_SERVER_DOWN, this.store, up(stats(0, 600, 90, Map.of())),
				false, false, 1, T0, SETTINGS))
			.containsExactly(new Reading("ms-east", 0.0, "status up"));
	}

	@Test
	void aServerWithoutAnAliasIsNamedByItsIndexAndUnreadableCountsAreNone() {
		this.store.answered(SBC, Feed.MEDIA_SERVER, mediaServers(server("3", null, "many", " 7 ", "up"),
				server("4", "ms-west", " 50 ", null, "up")), T0);

		// "many" reads as no maximum, " 7 " as 7; a missing count as 0 of 50
		assertThat(read(AlarmMetric.MEDIA_SESSIONS, up(stats(0, 600, 90, Map.of()))))
			.extracting(Reading::subject, Reading::value, Reading::detail)
			.containsExactly(tuple("media server 3", null, "7 of 0 sessions"), tuple("ms-west", 0.0, "0 of 50 sessions"));
	}

	@Test
	void anOutageIsNeverLessThanNoInterval() {
		SbcStatus down = down(new GatewayError.Timeout("read"), T0);

		// the clock read before the first failed poll was noted: (-10 s + 0.5 s) / 5 s, held at 0
		assertThat(unreachable(down, T0.minusSeconds(10), SETTINGS)).isEqualTo(0.0);
	}

	private List<Reading> read(AlarmMetric metric, SbcStatus status) {
		return AlarmEvaluator.read(metric, this.store, status, false, false, 10, T0, SETTINGS);
	}

	private double unreachable(SbcStatus status, Instant now, MonitoringProperties settings) {
		return AlarmEvaluator.read(AlarmMetric.UNREACHABLE, this.store, status, false, false, 10, now, settings).get(0)
			.value();
	}

	private static SbcStatus up(RealtimeStats stats) {
		return new SbcStatus(SBC, "nyc-1", "NYC", 1, SbcStatus.State.UP, null, stats, null, T0, T0, T0, 0, null);
	}

	private static SbcStatus down(GatewayError error, Instant since) {
		return new SbcStatus(SBC, "nyc-1", "NYC", 1, SbcStatus.State.DOWN, error, null, null, since, null, since, 1,
				null);
	}

	private static RealtimeStats stats(long active, long max, int cpuIdle, Map<String, String> systemStat) {
		return new RealtimeStats(active, 0, 0, max, 0, 10, cpuIdle, systemStat.getOrDefault("ha_current_state", "active"),
				systemStat);
	}

	private static Map<String, String> ha(String role, String before, String remote, String local, String flag) {
		Map<String, String> row = new LinkedHashMap<>();
		row.put("ha_current_state", role);
		row.put("ha_pre_state", before);
		row.put("ha_remote_status", remote);
		row.put("ha_local_status", local);
		row.put("switch_over_flag", flag);
		return row;
	}

	private static TableRow server(String index, String alias, String maxConnections, String active, String status) {
		Map<String, Object> fields = new LinkedHashMap<>();
		fields.put("mediaSrvIndex", index);
		fields.put("alias", alias);
		fields.put("maxConnections", maxConnections);
		fields.put("numActiveSessions", active);
		fields.put("status", status);
		return new TableRow(fields);
	}

	private static TableDocument mediaServers(TableRow... rows) {
		return new TableDocument("MediaServerList", "MediaServer", List.of(rows));
	}

}
