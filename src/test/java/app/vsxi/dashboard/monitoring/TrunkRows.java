package app.vsxi.dashboard.monitoring;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import app.vsxi.dashboard.gateway.RealtimeStats;
import app.vsxi.dashboard.gateway.TrunkRealtime;

/** Trunk counters shaped as an SBC sends them, for the KPI, capacity and alarm tests. */
public final class TrunkRows {

	private TrunkRows() {
	}

	public static Map<String, List<Map<String, String>>> resource(Map<String, String> ingress) {
		return Map.of("ingress_stat", List.of(ingress));
	}

	public static Map<String, String> row(String trunkId, long attempts, long answers, long fails, long durationSec,
			long pddMs) {
		Map<String, String> row = new LinkedHashMap<>();
		row.put("id", "1");
		row.put("trunk_id", trunkId);
		row.put("alias", "");
		for (String prefix : List.of("1st15mins_", "1h_", "24h_")) {
			row.put(prefix + "call_attempt", Long.toString(attempts));
			row.put(prefix + "call_answer", Long.toString(answers));
			row.put(prefix + "call_fail", Long.toString(fails));
			row.put(prefix + "call_durationSec", Long.toString(durationSec));
			row.put(prefix + "pdd_ms", Long.toString(pddMs));
		}
		return row;
	}

	public static TrunkRealtime trunkRow(String trunkId, String node, long orig, long term, long limit, long cpsLimit) {
		return new TrunkRealtime(trunkId, node, orig, term, 0, 0, limit, cpsLimit, Map.of());
	}

	public static RealtimeStats realtime(TrunkRealtime... trunks) {
		return new RealtimeStats(0, 0, 0, 100, 0, 10, 90, "active", Map.of(), List.of(trunks));
	}

}
