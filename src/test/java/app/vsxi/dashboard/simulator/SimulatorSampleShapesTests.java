package app.vsxi.dashboard.simulator;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import app.vsxi.dashboard.support.SimulatedBox;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The simulator answers with the element and field names, and the nesting, of the samples of real answers in
 * {@code src/test/resources/wire/samples/} (names and shapes, not values). Where it sends more than a sample shows,
 * the extra names are listed here as the simulator's own additions.
 */
class SimulatorSampleShapesTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private SimulatedVsxi box;

	private SimulatorClient client;

	@BeforeEach
	void start() {
		this.box = SimulatedBox.start("samples");
		this.client = new SimulatorClient(this.box, "admin", "admin");
	}

	@AfterEach
	void stop() {
		this.box.stop();
	}

	@Test
	@DisplayName("[client] stats/realtime: the tables, system_stat's fields in order, the per-trunk fields, the nesting")
	void realtimeHasTheSamplesTablesFieldsAndNesting() {
		JsonNode sample = sample("stats-realtime.client.json.txt");
		JsonNode simulated = simulated("stats/realtime?format=json");

		assertThat(dumpFields(simulated)).isEqualTo(dumpFields(sample));
		assertThat(paths(simulated)).isEqualTo(paths(sample));
	}

	@Test
	@DisplayName("[client] stats/resource: ingress_stat and gw_egress_stat with the sample's fields in order")
	void resourceCountersHaveTheSamplesFieldsAndNesting() {
		JsonNode sample = sample("stats-resource.client.json.txt");
		JsonNode simulated = simulated("stats/resource?format=json");

		assertThat(dumpFields(simulated)).isEqualTo(dumpFields(sample));
		assertThat(paths(simulated)).isEqualTo(paths(sample));
	}

	@Test
	@DisplayName("[client] stats/active_calls: XBActiveCallsList/XBActiveCall with the client's fields, plus caller_name")
	void activeCallsHaveTheSamplesNames() {
		Set<String> expected = new TreeSet<>(paths(sample("stats-active_calls.client.json.txt")));
		// [inferred] the simulator's own addition: a real list "may hold more fields" (reference §5.2)
		expected.add("XBActiveCallsList.XBActiveCall.caller_name");

		assertThat(paths(simulated("stats/active_calls?format=json"))).isEqualTo(expected);
	}

	@Test
	@DisplayName("[client] stats/sub_stats: XBSubStatsList/XBSubStats with the clients' fields, plus pnParam")
	void registrationsHaveTheSamplesNames() {
		Set<String> expected = new TreeSet<>(paths(sample("stats-sub_stats.client.json.txt")));
		// [inferred] PN-PARAM of the seed's field list, under a name no source shows (reference §5.2)
		expected.add("XBSubStatsList.XBSubStats.pnParam");

		assertThat(paths(simulated("stats/sub_stats?format=json"))).isEqualTo(expected);
	}

	private JsonNode simulated(String command) {
		return JSON.readTree(this.client.get(command).body());
	}

	private static JsonNode sample(String name) {
		try (InputStream in = SimulatorSampleShapesTests.class.getResourceAsStream("/wire/samples/" + name)) {
			String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
			assertThat(text).as("%s starts with its source tag", name).startsWith("[client]");
			return JSON.readTree(text.substring(text.indexOf('\n') + 1));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Every key path, lists and lone objects alike (one entry is an object, several a list). */
	static Set<String> paths(JsonNode node) {
		Set<String> paths = new TreeSet<>();
		collect(node, "", paths);
		return paths;
	}

	private static void collect(JsonNode node, String path, Set<String> paths) {
		if (node.isArray()) {
			node.forEach(item -> collect(item, path, paths));
		}
		else if (node.isObject()) {
			node.properties().forEach(property -> {
				String child = path.isEmpty() ? property.getKey() : path + "." + property.getKey();
				paths.add(child);
				collect(property.getValue(), child, paths);
			});
		}
	}

	/** Each table of a database dump with the names of its rows' fields, in the order first seen. */
	static Map<String, java.util.List<String>> dumpFields(JsonNode root) {
		Map<String, Set<String>> tables = new LinkedHashMap<>();
		for (JsonNode table : list(root.path("mysqldump").path("database").path("table"))) {
			Set<String> fields = tables.computeIfAbsent(table.path("name").asString(), name -> new LinkedHashSet<>());
			for (JsonNode row : list(table.path("row"))) {
				list(row.path("field")).forEach(field -> fields.add(field.path("name").asString()));
			}
		}
		Map<String, java.util.List<String>> ordered = new LinkedHashMap<>();
		tables.forEach((name, fields) -> ordered.put(name, java.util.List.copyOf(fields)));
		return ordered;
	}

	private static Iterable<JsonNode> list(JsonNode node) {
		if (node.isMissingNode() || node.isNull()) {
			return java.util.List.of();
		}
		return node.isArray() ? node : java.util.List.of(node);
	}

}
