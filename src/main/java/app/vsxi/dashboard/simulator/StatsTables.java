package app.vsxi.dashboard.simulator;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The counter tables of {@code stats/*}, built from a box's live state at the moment of the request. Window
 * counters are rates over the window with a slow per-trunk wave, so they move plausibly between polls.
 */
final class StatsTables {

	private static final String[] SIP_METHODS = { "INVITE", "ACK", "BYE", "CANCEL", "OPTIONS", "REGISTER", "INFO",
			"UPDATE", "PRACK", "NOTIFY" };

	private static final int[] SIP_RESPONSES = { 100, 180, 183, 200, 401, 403, 404, 407, 408, 480, 486, 487, 503 };

	private final LiveStats live;

	StatsTables(LiveStats live) {
		this.live = live;
	}

	/**
	 * As public clients read it: system_stat, then gw_realtime_stat, and in the older layout the per-trunk list:
	 * one row per active trunk and node it carries calls on, then the trunk's {@code Group} row. Ids and counters
	 * are numeric text, so JSON gives them the type of {@code trunk_id} in stats/resource.
	 */
	StatsDump realtime(List<Map<String, Object>> resources, List<Map<String, Object>> calls, boolean slave,
			StatSwitches switches, StatsGeneration generation) {
		Map<String, Object> systemStat = this.live.systemStat(slave, calls.size());
		switches.applyTo(systemStat);
		StatsDump dump = new StatsDump().table("system_stat", List.of(systemStat));
		List<Map<String, Object>> trunks = new ArrayList<>();
		List<Map<String, Object>> groups = new ArrayList<>();
		for (Map<String, Object> resource : resources) {
			String trunkId = String.valueOf(resource.get("trunkId"));
			List<?> nodes = resource.get("node") instanceof List<?> list && !list.isEmpty() ? list : List.of(Map.of());
			long[] orig = new long[nodes.size()];
			long[] term = new long[nodes.size()];
			for (Map<String, Object> call : calls) {
				// a call is carried by one node of each trunk, picked by its slot
				int node = (int) (((Number) call.get("ssm_index")).longValue() % nodes.size());
				orig[node] += trunkId.equals(call.get("orig_tid")) ? 1 : 0;
				term[node] += trunkId.equals(call.get("term_tid")) ? 1 : 0;
			}
			long allOrig = 0;
			long allTerm = 0;
			for (int n = 0; n < nodes.size(); n++) {
				allOrig += orig[n];
				allTerm += term[n];
				if (orig[n] + term[n] > 0) {
					Map<?, ?> node = (Map<?, ?>) nodes.get(n);
					trunks.add(trunkRow(trunkId, String.valueOf(node.get("fqdn")), orig[n], term[n],
							node.get("capacity"), node.get("cpsLimit")));
				}
			}
			if (allOrig + allTerm > 0) {
				groups.add(trunkRow(trunkId, "Group", allOrig, allTerm, resource.get("capacity"),
						resource.get("cpsLimit")));
			}
		}
		trunks.addAll(groups);
		if (generation == StatsGeneration.OLDER) {
			return dump.table("gw_realtime_stat", List.of()).table("XBResourceRealTimeStatList", trunks);
		}
		List<Map<String, Object>> pairs = groups.stream().map(trunk -> {
			Map<String, Object> pair = new LinkedHashMap<>();
			pair.put("orig_tid", trunk.get("trunkId"));
			pair.put("orig_ip", "198.51.100.10");
			pair.put("term_tid", "0");
			pair.put("term_ip", "203.0.113.20");
			pair.put("num_active_session", trunk.get("numOrig"));
			pair.put("peak_active_session", trunk.get("numPeak"));
			pair.put("active_cps", trunk.get("cps"));
			return pair;
		}).toList();
		return dump.table("gw_realtime_stat", pairs).stray("XBResourceRealTimeStatList");
	}

	private static Map<String, Object> trunkRow(String trunkId, String fqdn, long orig, long term, Object limit,
			Object cpsLimit) {
		Map<String, Object> row = new LinkedHashMap<>();
		row.put("trunkId", trunkId);
		row.put("fqdn", fqdn);
		row.put("numOrig", String.valueOf(orig));
		row.put("numTerm", String.valueOf(term));
		row.put("cps", String.valueOf((orig + term) / 30));
		row.put("numPeak", String.valueOf((orig + term) * 2));
		row.put("totalCLZ", "0");
		row.put("numCLZCps", "0");
		row.put("totalLimit", String.valueOf(limit));
		row.put("cpsLimit", String.valueOf(cpsLimit));
		return row;
	}

	/**
	 * Reference §5.1: ingress_stat and gw_egress_stat, one row per trunk, 15 window counters.
	 *
	 * @param nilAliases write every alias as a NULL field, as mysqldump does for a trunk without one
	 */
	StatsDump resource(List<Map<String, Object>> resources, boolean nilAliases) {
		return new StatsDump().table("ingress_stat", windows(resources, 1, nilAliases))
			.table("gw_egress_stat", windows(resources, 2, nilAliases));
	}

	private List<Map<String, Object>> windows(List<Map<String, Object>> resources, int side, boolean nilAliases) {
		List<Map<String, Object>> rows = new ArrayList<>();
		String[] windows = { "1st15mins_", "1h_", "24h_" };
		long[] seconds = { 900, 3600, 86_400 };
		for (int i = 0; i < resources.size(); i++) {
			Map<String, Object> resource = resources.get(i);
			long trunkId = ((Number) resource.get("trunkId")).longValue();
			double perSecond = this.live.callBase() / 200.0 * (1 + (trunkId * side) % 5) * wave(trunkId * side, 600);
			long[] attempts = new long[3];
			long[] answers = new long[3];
			long[] fails = new long[3];
			for (int w = 0; w < 3; w++) {
				attempts[w] = Math.round(perSecond * seconds[w] * (w == 0 ? wave(trunkId + 7, 120) : 1));
				answers[w] = attempts[w] * 78 / 100;
				fails[w] = attempts[w] * 7 / 100;
			}
			Map<String, Object> row = new LinkedHashMap<>();
			row.put("id", i + 1);
			row.put("trunk_id", trunkId);
			row.put("alias", nilAliases ? null : resource.get("name"));
			for (int w = 0; w < 3; w++) {
				row.put(windows[w] + "call_attempt", attempts[w]);
				row.put(windows[w] + "call_answer", answers[w]);
				row.put(windows[w] + "call_fail", fails[w]);
			}
			for (int w = 0; w < 3; w++) {
				row.put(windows[w] + "call_durationSec", answers[w] * (90 + trunkId % 120));
			}
			for (int w = 0; w < 3; w++) {
				row.put(windows[w] + "pdd_ms", attempts[w] * (1800 + (trunkId * 37) % 2500));
			}
			rows.add(row);
		}
		return rows;
	}

	/** Inferred (no public sample): per-trunk realtime detail in the dump style, one row per trunk. */
	StatsDump resourceDetail(List<Map<String, Object>> resources, List<Map<String, Object>> calls) {
		List<Map<String, Object>> rows = new ArrayList<>();
		for (Map<String, Object> resource : resources) {
			String trunkId = String.valueOf(resource.get("trunkId"));
			long orig = calls.stream().filter(call -> trunkId.equals(call.get("orig_tid"))).count();
			long term = calls.stream().filter(call -> trunkId.equals(call.get("term_tid"))).count();
			Map<String, Object> row = new LinkedHashMap<>();
			row.put("trunk_id", resource.get("trunkId"));
			row.put("alias", resource.get("name"));
			row.put("num_orig", orig);
			row.put("num_term", term);
			row.put("active_cps", (orig + term) / 30);
			row.put("peak_session", Math.max(orig + term, (orig + term) * 3 / 2));
			row.put("capacity", resource.get("capacity"));
			row.put("cps_limit", resource.get("cpsLimit"));
			row.put("status", "inService");
			rows.add(row);
		}
		return new StatsDump().table("resource_detail_stat", rows);
	}

	/** Inferred (no public sample): SIP request and response counters since start, in the dump style. */
	StatsDump sip() {
		long elapsed = this.live.elapsedSeconds() + 3600;
		double callsPerSecond = this.live.callBase() / 120.0;
		List<Map<String, Object>> requests = new ArrayList<>();
		for (int i = 0; i < SIP_METHODS.length; i++) {
			long base = Math.round(elapsed * callsPerSecond * share(SIP_METHODS[i]));
			Map<String, Object> row = new LinkedHashMap<>();
			row.put("method", SIP_METHODS[i]);
			row.put("received", base);
			row.put("sent", base * 98 / 100);
			row.put("retransmitted", base / 150);
			requests.add(row);
		}
		List<Map<String, Object>> responses = new ArrayList<>();
		for (int code : SIP_RESPONSES) {
			long base = Math.round(elapsed * callsPerSecond * (code == 200 ? 2.2 : code < 200 ? 1.5 : 0.04));
			Map<String, Object> row = new LinkedHashMap<>();
			row.put("code", code);
			row.put("received", base);
			row.put("sent", base * 97 / 100);
			responses.add(row);
		}
		return new StatsDump().table("sip_request_stat", requests).table("sip_response_stat", responses);
	}

	/** Reference §5.2: the configured media servers with their live session counts. */
	List<Map<String, Object>> mediaServers(List<Map<String, Object>> servers, int activeCalls, boolean down) {
		List<Map<String, Object>> rows = new ArrayList<>();
		for (int i = 0; i < servers.size(); i++) {
			Map<String, Object> server = servers.get(i);
			Map<String, Object> row = new LinkedHashMap<>();
			row.put("mediaSrvIndex", server.get("mediaSrvIndex"));
			row.put("alias", server.get("alias"));
			row.put("switchType", server.get("switchType"));
			row.put("numActiveSessions", (long) (i == 0 ? activeCalls - activeCalls / (servers.size() + 1) * i
					: activeCalls / (servers.size() + 1)));
			row.put("publicIP", server.get("publicIP"));
			row.put("priority", server.get("priority"));
			row.put("maxConnections", server.get("maxConnections"));
			row.put("status", down ? "down" : "up");
			rows.add(row);
		}
		return rows;
	}

	private static double share(String method) {
		return switch (method) {
			case "INVITE", "ACK" -> 1.0;
			case "BYE" -> 0.8;
			case "OPTIONS" -> 0.6;
			case "REGISTER" -> 0.4;
			case "CANCEL" -> 0.1;
			default -> 0.05;
		};
	}

	/** Between 0.7 and 1.3, a sine of the given period with a per-key phase. */
	private double wave(long key, int periodSeconds) {
		double seconds = this.live.elapsedSeconds() + key * 31;
		return 1 + 0.3 * Math.sin(2 * Math.PI * seconds / periodSeconds);
	}

}
