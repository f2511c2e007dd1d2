package app.vsxi.dashboard.gateway;

import app.vsxi.dashboard.calls.CallIdentity;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The gateway's readers fed the samples of real answers in {@code src/test/resources/wire/samples/}: every typed
 * value they make is asserted, and a required field missing from a sample is reported, never read as 0.
 */
class GatewaySampleReadersTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	/** The body of a sample: everything under its tag line. */
	static String sample(String name) {
		String text = new String(WireFixture.bytes("samples/" + name), StandardCharsets.UTF_8);
		assertThat(text).as("%s starts with its source tag", name).startsWith("[client]");
		return text.substring(text.indexOf('\n') + 1);
	}

	@Test
	@DisplayName("[client] stats/realtime: the real system_stat row, every typed figure")
	void theRealSystemStatRowReadsIntoEveryTypedFigure() {
		RealtimeStats stats = RealtimeStats.from(StatsDumpReader.read(JSON.readTree(sample("stats-realtime.client.json.txt"))));

		assertThat(stats.activeSessions()).isEqualTo(4);
		assertThat(stats.attemptedSessions()).isEqualTo(23748);
		assertThat(stats.peakActiveSessions()).isEqualTo(23);
		assertThat(stats.maxSessionsAllowed()).isEqualTo(19750);
		assertThat(stats.currentCps()).isZero();
		assertThat(stats.maxCpsAllowed()).isEqualTo(10000);
		assertThat(stats.cpuIdlePercent()).isEqualTo(99);
		assertThat(stats.haState()).isEqualTo("active");
		Map<String, String> expected = new LinkedHashMap<>();
		String[] pairs = { "id", "1", "sum_active_session", "4", "sum_attempt_session", "23748", "peak_active_session",
				"23", "max_session_allowed", "19750", "max_session_exceed", "0", "inbound_sip_leg", "4",
				"outbound_sip_leg", "4", "peak_sip_leg", "46", "inbound_h323_leg", "0", "outbound_h323_leg", "0",
				"peak_h323_leg", "0", "cpu_idle_percent", "99", "flow_control_lev", "0", "cluster_active_session", "4",
				"cluster_peak_session", "23", "demo_lic", "-1", "slave_stat", "64", "ha_pre_state", "standby",
				"ha_current_state", "active", "ha_remote_status", "0", "switch_over_flag", "3", "ha_local_status", "0",
				"max_cps_allowed", "10000", "max_cps_exceed", "0", "current_cps", "0" };
		for (int i = 0; i < pairs.length; i += 2) {
			expected.put(pairs[i], pairs[i + 1]);
		}
		assertThat(stats.systemStat()).isEqualTo(expected);
		assertThat(stats.trunks()).containsExactly(
				new TrunkRealtime("100", "10.1.1.10", 3, 1, 2, 9, 200, 20, stats.trunks().get(0).fields()),
				new TrunkRealtime("100", "Group", 3, 1, 2, 9, 400, 40, stats.trunks().get(1).fields()));
		assertThat(stats.trunks()).extracting(TrunkRealtime::group).containsExactly(false, true);
		assertThat(stats.trunks().get(1).fields()).containsEntry("totalCLZ", "0").containsEntry("numCLZCps", "0").hasSize(10);
	}

	@Test
	@DisplayName("[client] stats/resource: ingress and egress counters, every field of every window")
	void theEgressAndIngressCountersReadFieldForField() {
		Map<String, List<Map<String, String>>> tables = StatsDumpReader
			.read(JSON.readTree(sample("stats-resource.client.json.txt")));

		assertThat(tables).containsOnlyKeys("ingress_stat", "gw_egress_stat");
		assertThat(tables.get("gw_egress_stat")).containsExactly(counters("1", "200", "carrier-out", "2", "2", "0", "10",
				"8", "1", "194", "151", "13", "170", "990", "50323", "5200", "26000", "510510"));
		assertThat(tables.get("ingress_stat")).containsExactly(counters("1", "100", "carrier-in", "3", "2", "1", "12",
				"9", "2", "201", "160", "11", "240", "1100", "51000", "7500", "30100", "520000"));
		assertThat(tables.get("gw_egress_stat").get(0).keySet()).containsExactly("id", "trunk_id", "alias",
				"1st15mins_call_attempt", "1st15mins_call_answer", "1st15mins_call_fail", "1h_call_attempt",
				"1h_call_answer", "1h_call_fail", "24h_call_attempt", "24h_call_answer", "24h_call_fail",
				"1st15mins_call_durationSec", "1h_call_durationSec", "24h_call_durationSec", "1st15mins_pdd_ms",
				"1h_pdd_ms", "24h_pdd_ms");
	}

	@Test
	@DisplayName("[client] stats/active_calls: XBActiveCallsList, every field of every call")
	void theActiveCallsListReadsEveryField() {
		TableDocument calls = TableJson.read(sample("stats-active_calls.client.json.txt"));

		assertThat(calls.names()).isEqualTo(new ElementNames("XBActiveCallsList", "XBActiveCall"));
		assertThat(calls.rows()).hasSize(2);
		assertThat(texts(calls.rows().get(0))).containsExactly(Map.entry("ssm_index", "17"), Map.entry("orig_tid", "100"),
				Map.entry("term_tid", "200"), Map.entry("dnis", "15551230001"), Map.entry("ani", "5551000"),
				Map.entry("orig_ip", "198.51.100.7"), Map.entry("term_ip", "203.0.113.9"),
				Map.entry("inv_time", "11-30-2026 01:02:03"), Map.entry("ans_time", "11-30-2026 01:02:05"),
				Map.entry("duration", "55"), Map.entry("callID", "a1@198.51.100.7"));
		assertThat(texts(calls.rows().get(1))).containsExactly(Map.entry("ssm_index", "18"), Map.entry("orig_tid", "101"),
				Map.entry("term_tid", "201"), Map.entry("dnis", "15551230002"), Map.entry("ani", "5551001"),
				Map.entry("orig_ip", "198.51.100.8"), Map.entry("term_ip", "203.0.113.10"),
				Map.entry("inv_time", "11-30-2026 01:02:04"), Map.entry("ans_time", "11-30-2026 01:02:06"),
				Map.entry("duration", "54"), Map.entry("callID", "b2@198.51.100.8"));
		assertThat(CallIdentity.key(calls.rows().get(1))).isEqualTo("18|b2@198.51.100.8");
	}

	@Test
	@DisplayName("[client] stats/sub_stats: XBSubStatsList into typed registrations")
	void theRegistrationsListReadsIntoTypedRegistrations() {
		TableDocument list = TableJson.read(sample("stats-sub_stats.client.json.txt"));

		assertThat(list.names()).isEqualTo(new ElementNames("XBSubStatsList", "XBSubStats"));
		List<Registration> registrations = list.rows().stream().map(Registration::from).toList();
		assertThat(registrations).extracting(Registration::id, Registration::username, Registration::userDomain,
				Registration::userIp, Registration::trunkId, Registration::state, Registration::expiration)
			.containsExactly(
					org.assertj.core.groups.Tuple.tuple("9001", "alice", "voip.example.net", "198.51.100.20", "100",
							"Authenticated", "02-10-2023 18:20:52"),
					org.assertj.core.groups.Tuple.tuple("9002", "bob", "voip.example.net", "198.51.100.21", "101",
							"Blocked", "02-10-2023 18:21:00"));
		assertThat(texts(list.rows().get(1))).containsEntry("createTime", "02-10-2023 17:21:00")
			.containsEntry("userPort", "5061")
			.containsEntry("nat", "Yes")
			.containsEntry("spid", "7")
			.containsEntry("protocol", "TLS v1.3")
			.containsEntry("agent", "Softphone 2")
			.hasSize(13);
	}

	@Test
	@DisplayName("[client] stats/realtime: each figure the dashboard types, missing from the real row, is an incomplete answer")
	void aTypedSystemStatFieldMissingIsReportedNeverReadAsZero() {
		for (String field : List.of("sum_active_session", "sum_attempt_session", "peak_active_session",
				"max_session_allowed", "current_cps", "max_cps_allowed", "cpu_idle_percent", "ha_current_state")) {
			ObjectNode root = (ObjectNode) JSON.readTree(sample("stats-realtime.client.json.txt"));
			ArrayNode fields = (ArrayNode) root.at("/mysqldump/database/table/0/row/field");
			removeField(fields, field);

			assertThatExceptionOfType(IncompleteAnswerException.class).as(field)
				.isThrownBy(() -> RealtimeStats.from(StatsDumpReader.read(root)))
				.withMessageContaining(field);
		}
	}

	@Test
	@DisplayName("[client] stats/realtime: a per-trunk figure missing is an incomplete answer")
	void aPerTrunkFigureMissingIsReportedNeverReadAsZero() {
		for (String field : List.of("trunkId", "numOrig", "numTerm", "cps", "numPeak", "totalLimit", "cpsLimit")) {
			ObjectNode root = (ObjectNode) JSON.readTree(sample("stats-realtime.client.json.txt"));
			removeField((ArrayNode) root.at("/mysqldump/database/table/2/row/1/field"), field);

			assertThatExceptionOfType(IncompleteAnswerException.class).as(field)
				.isThrownBy(() -> RealtimeStats.from(StatsDumpReader.read(root)))
				.withMessageContaining(field);
		}
	}

	@Test
	@DisplayName("[client] stats/realtime: a figure that is no number is an unreadable answer")
	void aFigureThatIsNoNumberIsRefused() {
		ObjectNode root = (ObjectNode) JSON.readTree(sample("stats-realtime.client.json.txt"));
		((ObjectNode) root.at("/mysqldump/database/table/0/row/field/1")).put("content", "four");

		assertThatExceptionOfType(IllegalArgumentException.class)
			.isThrownBy(() -> RealtimeStats.from(StatsDumpReader.read(root)))
			.withMessage("system_stat.sum_active_session is not a number: four");
	}

	private static void removeField(ArrayNode fields, String name) {
		int before = fields.size();
		for (int i = 0; i < fields.size(); i++) {
			if (fields.get(i).path("name").asString().equals(name)) {
				fields.remove(i);
				break;
			}
		}
		assertThat(fields.size()).as("%s was in the sample", name).isEqualTo(before - 1);
	}

	private static Map<String, String> texts(TableRow row) {
		Map<String, String> texts = new LinkedHashMap<>();
		row.fields().keySet().forEach(name -> texts.put(name, row.text(name)));
		return texts;
	}

	private static Map<String, String> counters(String... values) {
		String[] names = { "id", "trunk_id", "alias", "1st15mins_call_attempt", "1st15mins_call_answer",
				"1st15mins_call_fail", "1h_call_attempt", "1h_call_answer", "1h_call_fail", "24h_call_attempt",
				"24h_call_answer", "24h_call_fail", "1st15mins_call_durationSec", "1h_call_durationSec",
				"24h_call_durationSec", "1st15mins_pdd_ms", "1h_pdd_ms", "24h_pdd_ms" };
		Map<String, String> row = new LinkedHashMap<>();
		for (int i = 0; i < names.length; i++) {
			row.put(names[i], values[i]);
		}
		return row;
	}

}
