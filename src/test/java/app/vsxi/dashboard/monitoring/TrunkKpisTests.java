package app.vsxi.dashboard.monitoring;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import app.vsxi.dashboard.gateway.RealtimeStats;
import app.vsxi.dashboard.gateway.TableDocument;
import app.vsxi.dashboard.gateway.TableRow;
import app.vsxi.dashboard.gateway.TrunkRealtime;
import app.vsxi.dashboard.monitoring.TrunkKpis.Side;
import app.vsxi.dashboard.monitoring.TrunkKpis.Span;

import static app.vsxi.dashboard.monitoring.TrunkRows.realtime;
import static app.vsxi.dashboard.monitoring.TrunkRows.resource;
import static app.vsxi.dashboard.monitoring.TrunkRows.row;
import static app.vsxi.dashboard.monitoring.TrunkRows.trunkRow;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * KPIs from counters shaped as the simulator makes them for trunk 101 (answers 78 % and fails 7 % of attempts,
 * duration answers × (90 + 101 mod 120) s, PDD attempts × (1800 + 101·37 mod 2500) ms), worked out by hand.
 */
class TrunkKpisTests {

	@Test
	void ratiosOfEachWindowFollowTheNocFormulas() {
		// 15 min: 1000 attempts, 780 answers, 70 fails, 780 × 191 = 148,980 s, 1000 × 3037 = 3,037,000 ms
		TrunkKpis.Trunk trunk = single(TrunkKpis.of(resource(row("101", 1000, 780, 70, 148_980, 3_037_000)), null, null));

		TrunkKpis.Window window = trunk.window(Side.INGRESS, Span.MIN15);
		assertThat(window.asr()).isCloseTo(78.0, within(1e-9));
		// over attempts, as the NOC tools do: 148,980 / 1000
		assertThat(window.acd()).isCloseTo(148.98, within(1e-9));
		// 3,037,000 ms / 1000 attempts / 1000
		assertThat(window.avgPdd()).isCloseTo(3.037, within(1e-9));
		assertThat(window.failureRatio()).isCloseTo(7.0, within(1e-9));
	}

	@Test
	void eachWindowReadsItsOwnPrefix() {
		Map<String, String> row = row("101", 1000, 780, 70, 148_980, 3_037_000);
		// 1 h: 4000 attempts, 2000 answers, 400 fails, 382,000 s, 10,000,000 ms
		row.put("1h_call_attempt", "4000");
		row.put("1h_call_answer", "2000");
		row.put("1h_call_fail", "400");
		row.put("1h_call_durationSec", "382000");
		row.put("1h_pdd_ms", "10000000");

		TrunkKpis.Window hour = single(TrunkKpis.of(resource(row), null, null)).window(Side.INGRESS, Span.HOUR);

		assertThat(hour.asr()).isCloseTo(50.0, within(1e-9));
		assertThat(hour.acd()).isCloseTo(95.5, within(1e-9));
		assertThat(hour.avgPdd()).isCloseTo(2.5, within(1e-9));
		assertThat(hour.failureRatio()).isCloseTo(10.0, within(1e-9));
	}

	@Test
	void aWindowWithoutAttemptsHasNoRatio() {
		TrunkKpis.Window window = single(TrunkKpis.of(resource(row("7", 0, 0, 0, 0, 0)), null, null))
			.window(Side.INGRESS, Span.DAY);

		assertThat(window.asr()).isNull();
		assertThat(window.acd()).isNull();
		assertThat(window.avgPdd()).isNull();
		assertThat(window.failureRatio()).isNull();
	}

	@Test
	void sessionsLimitAndUseAreTheGroupRowsWhereItsFiguresDifferFromTheNodes() {
		// nodes: 30 + 20 originated, 5 + 0 terminated, limits 50 and 150; the Group row: 60, 8, limit 400
		RealtimeStats realtime = realtime(trunkRow("101", "198.51.100.1", 30, 5, 50, 5),
				trunkRow("101", "198.51.100.2", 20, 0, 150, 5), trunkRow("101", TrunkRealtime.GROUP, 60, 8, 400, 40));
		TableDocument capacity = new TableDocument("XBResourceList", "XBResource",
				List.of(new TableRow(Map.of("trunkId", "101", "capacity", "300", "cpsLimit", "12"))));

		TrunkKpis.Trunk trunk = single(TrunkKpis.of(resource(row("101", 1000, 780, 70, 148_980, 3_037_000)), realtime,
				capacity));

		assertThat(trunk.limit()).isEqualTo(400);
		assertThat(trunk.limitFrom()).isEqualTo("Group row");
		assertThat(trunk.cpsLimit()).isEqualTo(40);
		assertThat(trunk.sessions()).isEqualTo(68);
		// 60 / 400 · 100 and 8 / 400 · 100; one node's would be 30 / 50 · 100 = 60
		assertThat(trunk.ingressUtilisation()).isCloseTo(15.0, within(1e-9));
		assertThat(trunk.egressUtilisation()).isCloseTo(2.0, within(1e-9));
		assertThat(trunk.utilisation()).isCloseTo(15.0, within(1e-9));
	}

	@Test
	void withoutAGroupRowOrACapacityTheLimitIsUnknownRatherThanOneNodes() {
		RealtimeStats realtime = realtime(trunkRow("101", "198.51.100.1", 30, 5, 50, 5),
				trunkRow("101", "198.51.100.2", 20, 0, 150, 5));

		TrunkKpis.Trunk trunk = single(TrunkKpis.of(null, realtime, null));

		assertThat(trunk.sessions()).isEqualTo(55);
		assertThat(trunk.limit()).isZero();
		assertThat(trunk.limitFrom()).isEmpty();
		assertThat(trunk.utilisation()).isNull();
	}

	@Test
	void withoutAGroupRowTheCapacityOfDownloadResourceIsTheLimit() {
		RealtimeStats realtime = realtime(trunkRow("101", "198.51.100.1", 50, 0, 200, 5));
		TableDocument capacity = new TableDocument("XBResourceList", "XBResource",
				List.of(new TableRow(Map.of("trunkId", "101", "capacity", "400", "cpsLimit", "12", "name", "Carrier 101"))));

		// the box's JSON may type the id as a number on one side and as text on the other
		TrunkKpis.Trunk trunk = single(TrunkKpis.of(resource(row("101.0", 1000, 780, 70, 148_980, 3_037_000)), realtime,
				capacity));

		assertThat(trunk.trunkId()).isEqualTo("101");
		assertThat(trunk.limit()).isEqualTo(400);
		assertThat(trunk.limitFrom()).isEqualTo("resource capacity");
		assertThat(trunk.cpsLimit()).isEqualTo(12);
		assertThat(trunk.ingressUtilisation()).isCloseTo(12.5, within(1e-9));
		assertThat(trunk.alias()).isEqualTo("Carrier 101");
	}

	@Test
	void bothSidesAddUpCounterByCounterAndTheBusiestTrunkComesFirst() {
		Map<String, List<Map<String, String>>> dump = new LinkedHashMap<>();
		Map<String, String> quiet = row("5", 10, 9, 0, 100, 20_000);
		quiet.put("24h_call_attempt", "10");
		Map<String, String> busy = row("6", 100, 50, 10, 1000, 200_000);
		busy.put("24h_call_attempt", "900");
		dump.put("ingress_stat", List.of(quiet, busy));
		dump.put("gw_egress_stat", List.of(row("6", 300, 150, 60, 3000, 400_000)));

		List<TrunkKpis.Trunk> trunks = TrunkKpis.of(dump, null, null);

		assertThat(trunks).extracting(TrunkKpis.Trunk::trunkId).containsExactly("6", "5");
		TrunkKpis.Window both = trunks.get(0).combined(Span.MIN15);
		// (50 + 150) / (100 + 300) · 100, (10 + 60) / 400 · 100, (200,000 + 400,000) / 400 / 1000
		assertThat(both.asr()).isCloseTo(50.0, within(1e-9));
		assertThat(both.failureRatio()).isCloseTo(17.5, within(1e-9));
		assertThat(both.avgPdd()).isCloseTo(1.5, within(1e-9));
	}

	private static TrunkKpis.Trunk single(List<TrunkKpis.Trunk> trunks) {
		assertThat(trunks).hasSize(1);
		return trunks.get(0);
	}

}
