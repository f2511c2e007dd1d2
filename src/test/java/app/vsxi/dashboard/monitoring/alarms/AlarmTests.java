package app.vsxi.dashboard.monitoring.alarms;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;

import app.vsxi.dashboard.demo.DemoFleet;
import app.vsxi.dashboard.fleet.FleetService;
import app.vsxi.dashboard.fleet.Sbc;
import app.vsxi.dashboard.fleet.SbcRepository;
import app.vsxi.dashboard.gateway.RealtimeStats;
import app.vsxi.dashboard.support.DemoSbcs;
import app.vsxi.dashboard.monitoring.AlarmLevel;
import app.vsxi.dashboard.monitoring.Feed;
import app.vsxi.dashboard.monitoring.FeedSnapshot;
import app.vsxi.dashboard.monitoring.FleetPoller;
import app.vsxi.dashboard.monitoring.SnapshotStore;
import app.vsxi.dashboard.monitoring.PollTicks;
import app.vsxi.dashboard.monitoring.SimulatorSwitches;
import app.vsxi.dashboard.support.MovableClock;
import app.vsxi.dashboard.support.SameApplication;
import app.vsxi.dashboard.support.StartEarly;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.test.context.support.TestExecutionEvent;
import org.springframework.security.test.context.support.WithUserDetails;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Alarms on the demo fleet, the simulator's stat switches crossing thresholds and the poller ticked by hand: a
 * level is raised after its rule's polls in a row, cleared after as many without, and an acknowledgement stays.
 */
@StartEarly
@SpringBootTest(properties = { "vsxi.monitoring.tick=1h", "vsxi.monitoring.intervals.resource=1s",
		"vsxi.monitoring.intervals.resource-detail=1s", "vsxi.monitoring.intervals.sip-stats=1s",
		"vsxi.monitoring.intervals.media-server=1s", "vsxi.monitoring.intervals.sub-stats=1s",
		"vsxi.monitoring.intervals.active-calls=1s", "vsxi.monitoring.intervals.system=1s",
		"vsxi.monitoring.intervals.capacity=1s" })
// unused here, but the same set-up as the monitoring pages tests lets this class share their application
@AutoConfigureMockMvc
@ActiveProfiles({ "demo", "test" })
@WithUserDetails(value = "admin", setupBefore = TestExecutionEvent.TEST_METHOD)
@ResourceLock(providers = SameApplication.class)
class AlarmTests {

	@Autowired
	DemoFleet demo;

	@Autowired
	FleetService fleet;

	@Autowired
	FleetPoller poller;

	@Autowired
	SnapshotStore store;

	@Autowired
	MovableClock clock;

	@Autowired
	AlarmBoard alarms;

	@Autowired
	AlarmService service;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	SbcRepository sbcs;

	private PollTicks ticks;

	private String baseUrl;

	private long sbcId;

	@BeforeEach
	void oneBox() throws Exception {
		this.ticks = new PollTicks(this.poller, this.store, this.clock);
		this.baseUrl = this.demo.box("demo-sbc-1").baseUrl();
		this.sbcId = DemoSbcs.id(this.fleet, "demo-sbc-1");
		// a clean start: what earlier tests left open clears first
		tick(4);
	}

	@AfterEach
	void clearSwitches() throws Exception {
		SimulatorSwitches.clear(this.baseUrl);
		optInToHaStatusAlarm(false);
		this.jdbc.update("DELETE FROM alarm_rule");
		tick(4);
	}

	@Test
	void cpuOverItsCriticalThresholdRaisesAfterThreePollsAndClearsAfterThree() throws Exception {
		SimulatorSwitches.faults(this.baseUrl, "{\"cpuIdlePercent\":5}");

		tick(2);
		assertThat(open(AlarmMetric.CPU)).isEmpty();
		tick(1);
		Alarm raised = single(open(AlarmMetric.CPU));
		assertThat(raised.level()).isEqualTo(AlarmLevel.CRITICAL);
		assertThat(raised.reading()).isEqualTo(95.0);

		assertThat(this.service.acknowledge(raised.id())).isTrue();
		tick(2);
		Alarm still = single(open(AlarmMetric.CPU));
		assertThat(still.id()).isEqualTo(raised.id());
		assertThat(still.acknowledgedBy()).isEqualTo("admin");
		assertThat(still.acknowledgedAt()).isNotNull();
		assertThat(this.service.acknowledge(raised.id())).isFalse();

		SimulatorSwitches.faults(this.baseUrl, "{\"cpuIdlePercent\":-1}");
		tick(2);
		assertThat(open(AlarmMetric.CPU)).isNotEmpty();
		tick(1);
		assertThat(open(AlarmMetric.CPU)).isEmpty();

		assertThat(audit("ALARM_RAISED")).isPositive();
		assertThat(audit("ALARM_ACKNOWLEDGED")).isPositive();
		assertThat(audit("ALARM_CLEARED")).isPositive();
		Map<String, Object> stored = this.jdbc.queryForMap("SELECT * FROM alarm WHERE id = ?", raised.id());
		assertThat(stored.get("CLEARED_AT")).isNotNull();
		assertThat(stored.get("ACKNOWLEDGED_BY")).isEqualTo("admin");
	}

	@Test
	void aCrossingShorterThanTheHoldRaisesNothing() throws Exception {
		// CPU 85 %: warning, but for two polls only
		SimulatorSwitches.faults(this.baseUrl, "{\"cpuIdlePercent\":15}");
		tick(2);
		SimulatorSwitches.faults(this.baseUrl, "{\"cpuIdlePercent\":-1}");
		tick(2);

		assertThat(open(AlarmMetric.CPU)).isEmpty();
	}

	@Test
	void aGroupRuleReplacesTheBuiltInOne() throws Exception {
		Sbc sbc = this.fleet.get(this.sbcId);
		this.service.saveRule(AlarmMetric.CPU, sbc.groupId(), null, 60, 70, 1, true);
		SimulatorSwitches.faults(this.baseUrl, "{\"cpuIdlePercent\":35}");

		tick(1);

		assertThat(single(open(AlarmMetric.CPU)).level()).isEqualTo(AlarmLevel.WARNING);
	}

	@Test
	void aNonZeroHaStatusRaisesNoHaAlarmOnAnSbcThatHasNotOptedIn() throws Exception {
		SimulatorSwitches.faults(this.baseUrl, "{\"mediaServerDown\":true,\"haRemoteStatus\":1}");

		tick(1);

		assertThat(haRemoteStatusRead()).isEqualTo("1");
		assertThat(open(AlarmMetric.MEDIA_SERVER_DOWN)).isNotEmpty()
			.allSatisfy(alarm -> assertThat(alarm.level()).isEqualTo(AlarmLevel.CRITICAL));
		assertThat(open(AlarmMetric.HA_CHANGED)).isEmpty();
	}

	@Test
	void aNonZeroHaRemoteStatusRaisesACriticalHaAlarmOnceTheSbcOptsIn() throws Exception {
		optInToHaStatusAlarm(true);
		SimulatorSwitches.faults(this.baseUrl, "{\"haRemoteStatus\":1}");

		tick(1);

		Alarm raised = single(open(AlarmMetric.HA_CHANGED));
		assertThat(raised.level()).isEqualTo(AlarmLevel.CRITICAL);
		assertThat(raised.detail()).contains("ha_remote_status 1", "inferred");
	}

	@Test
	void theHaAlarmOfAnSbcTurnedLoadBalanceSlaveHoldsWhileItIsStillSlave() throws Exception {
		SimulatorSwitches.faults(this.baseUrl, "{\"slave\":true}");

		tick(1);
		Alarm raised = single(open(AlarmMetric.HA_CHANGED));
		// well past the twelve poll intervals a mere role change is remembered for
		tick(15);

		assertThat(this.store.latest(this.sbcId, Feed.REALTIME).realtime().haState()).isEqualTo("standby");
		assertThat(single(open(AlarmMetric.HA_CHANGED)).id()).isEqualTo(raised.id());

		// back to master is a role change too: remembered twelve intervals, then cleared for the next test
		SimulatorSwitches.clear(this.baseUrl);
		tick(14);
		assertThat(open(AlarmMetric.HA_CHANGED)).isEmpty();
	}

	private void optInToHaStatusAlarm(boolean on) {
		this.sbcs.save(this.sbcs.findById(this.sbcId).orElseThrow().toBuilder().haStatusAlarm(on).build());
	}

	private String haRemoteStatusRead() {
		FeedSnapshot realtime = this.store.latest(this.sbcId, Feed.REALTIME);
		return realtime.realtime().systemStat().get("ha_remote_status");
	}

	private void tick(int count) throws Exception {
		for (int i = 0; i < count; i++) {
			this.ticks.tick(Set.of(this.sbcId));
			this.alarms.flush();
		}
	}

	private List<Alarm> open(AlarmMetric metric) {
		return this.alarms.openAlarms().stream()
			.filter(alarm -> alarm.sbcId() == this.sbcId && alarm.metric() == metric)
			.toList();
	}

	private static Alarm single(List<Alarm> alarms) {
		assertThat(alarms).hasSize(1);
		return alarms.get(0);
	}

	private int audit(String action) {
		return this.jdbc.queryForObject("SELECT COUNT(*) FROM audit_event WHERE action = ?", Integer.class, action);
	}

}
