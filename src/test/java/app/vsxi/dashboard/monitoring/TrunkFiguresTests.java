package app.vsxi.dashboard.monitoring;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import app.vsxi.dashboard.gateway.GatewayError;
import app.vsxi.dashboard.gateway.SystemInfo;
import app.vsxi.dashboard.gateway.TrunkRealtime;

import static app.vsxi.dashboard.monitoring.TrunkRows.realtime;
import static app.vsxi.dashboard.monitoring.TrunkRows.resource;
import static app.vsxi.dashboard.monitoring.TrunkRows.row;
import static app.vsxi.dashboard.monitoring.TrunkRows.trunkRow;
import static org.assertj.core.api.Assertions.assertThat;

/** The trunk read model: what the poller, the alarms and the metrics read, from the store's last answers only. */
class TrunkFiguresTests {

	private static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");

	private final SnapshotStore store = new SnapshotStore(MonitoringSettings.of(Map.of()));

	@Test
	void noTrunksBeforeAnyAnswer() {
		this.store.answered(7, Feed.SYSTEM, new SystemInfo("3 days", Map.of()), T0);

		assertThat(TrunkFigures.of(this.store, 7)).isEmpty();
		assertThat(TrunkFigures.of(this.store, 8)).isEmpty();
	}

	@Test
	void aTrunkJoinsItsCountersWithTheGroupRowOfTheLastRealtimeAnswer() {
		this.store.answered(7, Feed.RESOURCE, resource(row("101", 1000, 780, 70, 148_980, 3_037_000)), T0);
		this.store.answered(7, Feed.REALTIME, realtime(trunkRow("101", TrunkRealtime.GROUP, 60, 4, 400, 40)), T0);

		List<TrunkKpis.Trunk> trunks = TrunkFigures.of(this.store, 7);

		assertThat(trunks).extracting(TrunkKpis.Trunk::trunkId).containsExactly("101");
		assertThat(trunks.get(0).combined(TrunkKpis.Span.MIN15).asr()).isEqualTo(78.0);
		assertThat(trunks.get(0).sessions()).isEqualTo(64);
		assertThat(trunks.get(0).limit()).isEqualTo(400);
	}

	@Test
	void aFailedPollKeepsTheLastCounters() {
		this.store.answered(7, Feed.RESOURCE, resource(row("101", 1000, 780, 70, 148_980, 3_037_000)), T0);
		this.store.failed(7, Feed.RESOURCE, new GatewayError.Timeout("read"), T0.plusSeconds(60));

		assertThat(TrunkFigures.of(this.store, 7)).extracting(TrunkKpis.Trunk::trunkId).containsExactly("101");
	}

}
