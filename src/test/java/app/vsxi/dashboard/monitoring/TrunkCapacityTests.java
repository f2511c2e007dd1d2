package app.vsxi.dashboard.monitoring;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import app.vsxi.dashboard.fleet.Sbc;
import app.vsxi.dashboard.gateway.RealtimeStats;
import app.vsxi.dashboard.gateway.TrunkRealtime;
import app.vsxi.dashboard.monitoring.alarms.AlarmBoard;
import app.vsxi.dashboard.monitoring.alarms.AlarmEvaluator;
import app.vsxi.dashboard.monitoring.alarms.AlarmMetric;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import static app.vsxi.dashboard.monitoring.TrunkRows.realtime;
import static app.vsxi.dashboard.monitoring.TrunkRows.resource;
import static app.vsxi.dashboard.monitoring.TrunkRows.row;
import static app.vsxi.dashboard.monitoring.TrunkRows.trunkRow;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.mockito.Mockito.mock;

/**
 * A box whose trunk 101 has two node rows and a Group row that differ: one node carries 45 of its limit of 50
 * (90 %, a critical utilisation on its own), the Group row 60 of 400 (15 %). The Monitor tab, the alarm and the
 * exported gauge all read the Group row's.
 */
class TrunkCapacityTests {

	private static final long SBC = 7;

	private final SnapshotStore store = new SnapshotStore(MonitoringSettings.of(Map.of()));

	private final RealtimeStats stats = realtime(trunkRow("101", "198.51.100.1", 45, 2, 50, 5),
			trunkRow("101", "198.51.100.2", 10, 1, 150, 5), trunkRow("101", TrunkRealtime.GROUP, 60, 4, 400, 40));

	private SbcStatus status;

	@BeforeEach
	void oneBoxPolled() {
		Instant now = Instant.now();
		Sbc sbc = Sbc.builder().id(SBC).name("nyc-1").baseUrl("https://10.0.0.1:8888").groupId(1L).build();
		this.status = SbcStatus.waiting(sbc).reached(sbc, this.stats, null, now);
		this.store.answered(SBC, Feed.REALTIME, this.stats, now);
		this.store.answered(SBC, Feed.RESOURCE, resource(row("101", 1000, 780, 70, 148_980, 3_037_000)), now);
	}

	@Test
	void theMonitorTabShowsTheGroupRowsLimitAndUse() {
		MonitorPanels.PanelTable table = MonitorPanels.kpiTable(this.store, SBC);

		List<String> trunk = table.rows().get(0);
		assertThat(cell(table, trunk, "Trunk")).isEqualTo("101");
		assertThat(cell(table, trunk, "Sessions")).isEqualTo("64");
		assertThat(cell(table, trunk, "Limit")).isEqualTo("400");
		assertThat(cell(table, trunk, "Limit from")).isEqualTo("Group row");
		// 60 / 400 · 100 and 4 / 400 · 100
		assertThat(cell(table, trunk, "Use in %")).isEqualTo("15");
		assertThat(cell(table, trunk, "Use out %")).isEqualTo("1");
	}

	@Test
	void theUtilisationAlarmReadsTheGroupRowNotTheBusiestNode() {
		List<AlarmEvaluator.Reading> readings = AlarmEvaluator.read(AlarmMetric.TRUNK_UTILISATION, this.store,
				this.status, false, false, 10, java.time.Instant.now(), MonitoringSettings.of(java.util.Map.of()));

		assertThat(readings).singleElement().satisfies(reading -> {
			assertThat(reading.subject()).isEqualTo("trunk 101");
			assertThat(reading.value()).isCloseTo(15.0, within(1e-9));
			assertThat(reading.detail()).isEqualTo("64 sessions, limit 400 (Group row)");
		});
		assertThat(AlarmMetric.TRUNK_UTILISATION.level(readings.get(0).value(), 80, 90)).isNull();
	}

	@Test
	void theExportedGaugesAreTheGroupRowsSessionsAndUse() {
		StatusBoard board = new StatusBoard(mock(StateHistory.class));
		board.update(SBC, this.status, current -> this.status);
		SimpleMeterRegistry meters = new SimpleMeterRegistry();
		FleetMetrics metrics = new FleetMetrics(board, this.store, mock(AlarmBoard.class), MonitoringSettings.of(Map.of()),
				meters, Clock.systemUTC());

		metrics.refresh();

		assertThat(gauge(meters, "vsxi.trunk.sessions")).isEqualTo(64.0);
		assertThat(gauge(meters, "vsxi.trunk.utilisation.percent")).isCloseTo(15.0, within(1e-9));
	}

	private static double gauge(SimpleMeterRegistry meters, String name) {
		Gauge gauge = meters.find(name).tags("sbc", "nyc-1", "trunk", "101").gauge();
		assertThat(gauge).as(name).isNotNull();
		return gauge.value();
	}

	private static String cell(MonitorPanels.PanelTable table, List<String> row, String column) {
		int index = table.columns().indexOf(column);
		assertThat(index).as("column %s", column).isNotNegative();
		return row.get(index);
	}

}
