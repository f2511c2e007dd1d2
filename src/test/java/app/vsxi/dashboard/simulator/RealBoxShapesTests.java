package app.vsxi.dashboard.simulator;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import app.vsxi.dashboard.support.SimulatedBox;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The shapes of real boxes' answers (reference §10): registrations' {@code states}, per-node and Group realtime
 * rows that join to stats/resource, database dumps as the XML-to-JSON converter leaves them, and the per-family
 * "one entry is an object" switches. One test reads the box as a public monitoring client does.
 */
class RealBoxShapesTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final Set<String> STATES = Set.of("Authenticated", "Unauthenticated", "Blocked", "Pending");

	private SimulatedVsxi box;

	private SimulatorClient client;

	@BeforeEach
	void start() {
		this.box = SimulatedBox.start("shapes");
		this.client = new SimulatorClient(this.box, "admin", "admin");
	}

	@AfterEach
	void stop() {
		this.box.stop();
	}

	@Test
	void registrationsCarryStatesAndAllFourOccur() {
		JsonNode registrations = json("stats/sub_stats?format=json").path("XBSubStatsList").path("XBSubStats");

		assertThat(registrations.size()).isGreaterThanOrEqualTo(10);
		assertThat(registrations.values()).allSatisfy(registration -> assertThat(registration.has("state")).isFalse());
		assertThat(registrations.values().stream().map(r -> r.path("states").asString()).collect(Collectors.toSet()))
			.isEqualTo(STATES);
		assertThat(this.client.getText("stats/sub_stats")).contains("<states>Pending</states>");
	}

	@Test
	void realtimeHasARowPerNodeAndAGroupRowPerActiveTrunkWithNodeRowsAddingUpToTheGroup() {
		List<JsonNode> rows = rows(json("stats/realtime?format=json"), "XBResourceRealTimeStatList");
		Map<String, String> nodes = new HashMap<>();
		this.box.resources()
			.forEach(resource -> ((List<?>) resource.get("node"))
				.forEach(node -> nodes.put(String.valueOf(((Map<?, ?>) node).get("fqdn")),
						String.valueOf(resource.get("trunkId")))));

		List<JsonNode> groups = rows.stream().filter(row -> "Group".equals(fqdn(row))).toList();
		List<JsonNode> perNode = rows.stream().filter(row -> !"Group".equals(fqdn(row))).toList();

		assertThat(groups).isNotEmpty();
		assertThat(perNode).isNotEmpty().allSatisfy(row -> {
			assertThat(nodes).containsKey(fqdn(row));
			assertThat(field(row, "trunkId").isNumber()).isTrue();
			assertThat(field(row, "numOrig").isNumber()).isTrue();
		});
		for (JsonNode group : groups) {
			long sessions = perNode.stream()
				.filter(row -> field(row, "trunkId").equals(field(group, "trunkId")))
				.mapToLong(row -> field(row, "numOrig").asLong() + field(row, "numTerm").asLong())
				.sum();
			assertThat(sessions).isEqualTo(field(group, "numOrig").asLong() + field(group, "numTerm").asLong());
		}
	}

	@Test
	void aPublicMonitoringClientSeesTrunksRegistrationsAndCallsAsOnARealBox() {
		JsonNode realtime = json("stats/realtime?format=json");
		JsonNode resource = json("stats/resource?format=json");

		// as the client does: drop Group rows, join the rest to ingress_stat by trunkId == trunk_id, same JSON type
		Map<JsonNode, Long> sessionsByTrunk = new HashMap<>();
		for (JsonNode row : rows(realtime, "XBResourceRealTimeStatList")) {
			if (!"Group".equals(fqdn(row))) {
				sessionsByTrunk.merge(field(row, "trunkId"), field(row, "numOrig").asLong() + field(row, "numTerm").asLong(),
						Long::sum);
			}
		}
		List<JsonNode> ingress = rows(resource, "ingress_stat");
		List<Long> joined = new ArrayList<>();
		for (JsonNode row : ingress) {
			Long sessions = sessionsByTrunk.get(field(row, "trunk_id"));
			if (sessions != null) {
				joined.add(sessions);
			}
		}
		long active = field(rows(realtime, "system_stat").get(0), "sum_active_session").asLong();

		assertThat(joined).hasSize(sessionsByTrunk.size());
		assertThat(joined.stream().mapToLong(Long::longValue).sum()).isEqualTo(2 * active).isPositive();
		JsonNode registrations = json("stats/sub_stats?format=json").path("XBSubStatsList").path("XBSubStats");
		assertThat(registrations.values()).allSatisfy(r -> assertThat(STATES).contains(r.path("states").asString()));
		JsonNode calls = json("stats/active_calls?format=json").path("XBActiveCallsList").path("XBActiveCall");
		assertThat(calls.values()).isNotEmpty()
			.allSatisfy(call -> assertThat(call.propertyNames()).contains("ssm_index", "orig_tid", "term_tid", "dnis",
					"ani", "orig_ip", "term_ip", "inv_time", "ans_time", "duration", "callID"));
	}

	@Test
	void jsonDumpsTurnNumericTextIntoNumbersAndALoneTableIntoAnObject() {
		JsonNode detail = json("stats/resource_detail?format=json").path("mysqldump").path("database").path("table");
		JsonNode realtime = json("stats/realtime?format=json");

		assertThat(detail.isObject()).isTrue();
		assertThat(detail.path("name").asString()).isEqualTo("resource_detail_stat");
		JsonNode system = rows(realtime, "system_stat").get(0);
		assertThat(field(system, "sum_active_session").isNumber()).isTrue();
		assertThat(field(system, "ha_current_state").isString()).isTrue();

		this.box.quirks(Map.of("dumpNumbersAsText", true, "singleObjectInDumps", false));
		JsonNode asText = json("stats/resource_detail?format=json").path("mysqldump").path("database").path("table");
		assertThat(asText.isArray()).isTrue();
		assertThat(asText.get(0).path("row").isArray()).isTrue();
		assertThat(field(asText.get(0).path("row").get(0), "trunk_id").isString()).isTrue();
	}

	@Test
	void xmlDumpsDeclareTheXsiNamespaceAndMayHoldNilFields() {
		assertThat(this.client.getText("stats/resource")).contains("<mysqldump xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\">")
			.doesNotContain("xsi:nil");

		this.client.text("POST", VsxiConventions.FAULTS_PATH, "{\"nilFields\":true}");

		assertThat(this.client.getText("stats/resource")).contains("<field name=\"alias\" xsi:nil=\"true\"");
		JsonNode alias = field(rows(json("stats/resource?format=json"), "ingress_stat").get(0), "alias");
		assertThat(alias.isMissingNode()).isTrue();
	}

	@Test
	void theNewerGenerationKeepsAStrayTableNamingTheRealtimeList() {
		this.box.statsGeneration(StatsGeneration.NEWER);

		JsonNode database = json("stats/realtime?format=json").path("mysqldump").path("database");

		assertThat(database.path("table").isObject()).isTrue();
		assertThat(database.path("table").path("name").asString()).isEqualTo("XBResourceRealTimeStatList");
		assertThat(database.path("table").has("row")).isFalse();
		assertThat(database.has("table_data")).isTrue();
		assertThat(this.client.getText("stats/realtime")).contains("<table name=\"XBResourceRealTimeStatList\"/>");
		assertThat(json("stats/resource?format=json").path("mysqldump").path("database").has("table")).isFalse();
	}

	@Test
	void oneEntryIsAnObjectPerFamilyAsSwitched() {
		this.client.text("POST", "upload/routetable", "<XBRouteTableList><XBRouteTable><tableId>9</tableId>"
				+ "<alias>ONLY</alias><description>d</description></XBRouteTable></XBRouteTableList>");
		String callId = json("stats/active_calls?format=json").path("XBActiveCallsList").path("XBActiveCall").get(0)
			.path("callID")
			.asString();
		String oneCall = "query/active_calls?format=json&queryString=" + java.net.URLEncoder
			.encode("callID=\"" + callId + "\"", java.nio.charset.StandardCharsets.UTF_8);

		assertThat(json("download/routetable?format=json").path("XBRouteTableList").path("XBRouteTable").isArray())
			.isTrue();
		assertThat(json(oneCall).path("XBActiveCallsList").path("XBActiveCall").isObject()).isTrue();

		this.box.quirks(Map.of("singleObjectInTables", true, "singleObjectInLists", false));

		assertThat(json("download/routetable?format=json").path("XBRouteTableList").path("XBRouteTable").isObject())
			.isTrue();
		assertThat(json(oneCall).path("XBActiveCallsList").path("XBActiveCall").isArray()).isTrue();
	}

	@Test
	void theUptimeReadsLikeABoxsWithYearMonthAndDayWords() {
		assertThat(LiveStats.uptime(Duration.ofDays(365 + 60 + 3).plusHours(4).plusMinutes(5).plusSeconds(6)))
			.isEqualTo("1 year 2 months 3 days 04:05:06");
		assertThat(LiveStats.uptime(Duration.ofDays(2 * 365 + 31).plusSeconds(59)))
			.isEqualTo("2 years 1 month 1 day 00:00:59");
		assertThat(LiveStats.uptime(Duration.ofDays(5).plusMinutes(1))).isEqualTo("5 days 00:01:00");
		assertThat(this.client.getText("system/realtime").lines().toList().get(3))
			.matches("HW Up Time: (\\d+ years? )?(\\d+ months? )?\\d+ days? \\d\\d:\\d\\d:\\d\\d");
	}

	private JsonNode json(String command) {
		return JSON.readTree(this.client.get(command).body());
	}

	/** The rows of a dump's table, whether tables and rows come as lists or as lone objects. */
	static List<JsonNode> rows(JsonNode dump, String table) {
		JsonNode database = dump.path("mysqldump").path("database");
		JsonNode tables = database.has("table_data") ? database.path("table_data") : database.path("table");
		for (JsonNode each : tables.isArray() ? tables.values() : List.of(tables)) {
			if (table.equals(each.path("name").asString())) {
				JsonNode rows = each.path("row");
				return rows.isMissingNode() ? List.of() : rows.isArray() ? List.copyOf(rows.values()) : List.of(rows);
			}
		}
		return List.of();
	}

	/** A field's content of one dump row; missing for a nil field. */
	static JsonNode field(JsonNode row, String name) {
		JsonNode fields = row.path("field");
		for (JsonNode field : fields.isArray() ? fields.values() : List.of(fields)) {
			if (name.equals(field.path("name").asString())) {
				return field.path("content");
			}
		}
		throw new AssertionError("no field " + name + " in " + row);
	}

	private static String fqdn(JsonNode row) {
		return field(row, "fqdn").asString();
	}

}
