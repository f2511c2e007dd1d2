package app.vsxi.dashboard.monitoring;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import app.vsxi.dashboard.fleet.Sbc;
import app.vsxi.dashboard.gateway.RealtimeStats;
import app.vsxi.dashboard.monitoring.alarms.AlarmBoard;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

/** The exported gauges follow the polls without being registered again on every refresh. */
class FleetMetricsTests {

	private final Sbc sbc = Sbc.builder().id(7L).name("nyc-1").baseUrl("https://10.0.0.1:8888").groupId(1L).build();

	private final StatusBoard board = new StatusBoard(mock(StateHistory.class));

	private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

	private final FleetMetrics metrics = new FleetMetrics(this.board,
			new SnapshotStore(MonitoringSettings.of(Map.of())), mock(AlarmBoard.class), MonitoringSettings.of(Map.of()),
			this.meters, Clock.systemUTC());

	@Test
	void aRefreshWithTheSameRowsKeepsTheGaugeAndShowsTheNewFigure() {
		polled(12);
		this.metrics.refresh();
		Gauge cps = this.meters.find("vsxi.sbc.cps").tag("sbc", "nyc-1").gauge();
		assertThat(cps.value()).isEqualTo(12.0);

		polled(30);
		this.metrics.refresh();

		assertThat(this.meters.find("vsxi.sbc.cps").tag("sbc", "nyc-1").gauge()).isSameAs(cps);
		assertThat(cps.value()).isEqualTo(30.0);
	}

	@Test
	void anSbcThatLeftTheFleetLeavesNoGaugeBehind() {
		polled(12);
		this.metrics.refresh();

		this.board.retainOnly(List.of());
		this.metrics.refresh();

		assertThat(this.meters.find("vsxi.sbc.cps").gauges()).isEmpty();
		assertThat(this.meters.find("vsxi.sbc.up").gauges()).isEmpty();
	}

	private void polled(long cps) {
		RealtimeStats stats = new RealtimeStats(5, 0, 0, 100, cps, 50, 90, "active", Map.of(), List.of());
		this.board.update(this.sbc.id(), SbcStatus.waiting(this.sbc),
				status -> status.reached(this.sbc, stats, null, Instant.now()));
	}

}
