package app.vsxi.dashboard.simulator;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import app.vsxi.dashboard.support.SimulatedBox;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The best practice of the vendor guide, per editable table: download, change one field, send it back; the next
 * download differs in exactly that field. Plain and zipped.
 */
class TableRoundTripTests {

	private static SimulatedVsxi box;

	private static SimulatorClient client;

	@BeforeAll
	static void start() {
		box = SimulatedBox.start("round-trip", StatsGeneration.NEWER);
		client = new SimulatorClient(box, "admin", "admin");
	}

	@AfterAll
	static void stop() {
		box.stop();
	}

	@ParameterizedTest
	@ValueSource(strings = { "route", "routegroup", "routetable", "resource", "resourceblock", "digit_mapping_index",
			"digit_mapping", "subscriber" })
	void updateChangesExactlyTheFieldThatWasChanged(String table) {
		for (String format : List.of("xml", "json")) {
			TableSpec spec = TableCatalog.configTable(table);
			List<Map<String, Object>> before = entries(spec, client.getText("download/" + table + "?format=" + format));
			List<Map<String, Object>> changed = changeOneField(spec, before, "changed-" + format);

			String answer = client.text("POST", "update/" + table,
					new String(EntryWriter.bytes(spec, Document.Format.valueOf(format.toUpperCase()), changed),
							StandardCharsets.UTF_8));

			assertThat(answer).isEqualTo("200 OK");
			List<Map<String, Object>> after = entries(spec, client.getText("download/" + table + "?format=" + format));
			assertThat(after).isEqualTo(expected(spec, before, changed.get(0)));
			assertThat(after).isNotEqualTo(before);
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "route", "subscriber", "digit_mapping" })
	void updateLargeChangesExactlyTheFieldThatWasChangedThroughZips(String table) {
		TableSpec spec = TableCatalog.configTable(table);
		byte[] zip = client.get("downloadLarge/" + table).body();
		List<Map<String, Object>> before = entries(spec, SimulatorClient.unzip(zip).get(table + ".xml"));
		List<Map<String, Object>> changed = changeOneField(spec, before, "zipped");

		String answer = SimulatorClient.text(client.send("POST", "updateLarge/" + table, SimulatorClient.zip(
				table + ".xml", new String(EntryWriter.bytes(spec, Document.Format.XML, changed), StandardCharsets.UTF_8))));

		assertThat(answer).isEqualTo("200 OK");
		List<Map<String, Object>> after = entries(spec,
				SimulatorClient.unzip(client.get("downloadLarge/" + table).body()).get(table + ".xml"));
		assertThat(after).isEqualTo(expected(spec, before, changed.get(0)));
	}

	@ParameterizedTest
	@ValueSource(strings = { "csv" })
	void routesRoundTripAsCsvToo(String format) {
		String csv = client.getText("download/route?format=" + format);
		List<String> lines = new ArrayList<>(csv.lines().toList());
		String[] first = lines.get(1).split(",", -1);
		first[2] = "1999555";
		lines.set(1, String.join(",", first));

		assertThat(client.text("POST", "update/route", String.join("\r\n", lines) + "\r\n")).isEqualTo("200 OK");
		List<String> after = client.getText("download/route?format=csv").lines().toList();
		assertThat(after).isEqualTo(lines);
		assertThat(after.get(1)).contains(",1999555,");
	}

	static List<Map<String, Object>> entries(TableSpec spec, String document) {
		return EntryReader.read(document.getBytes(StandardCharsets.UTF_8), spec).stream().map(spec::normalize).toList();
	}

	/** Just the first entry, with its first text field that is not a key set to the value. */
	static List<Map<String, Object>> changeOneField(TableSpec spec, List<Map<String, Object>> entries, String value) {
		String field = spec.fields()
			.stream()
			.filter(f -> f.kind() == Field.Kind.TEXT && !spec.keys().contains(f.name()))
			.findFirst()
			.orElseThrow()
			.name();
		Map<String, Object> first = new LinkedHashMap<>(entries.get(0));
		assertThat(first.get(field)).isNotEqualTo(value);
		first.put(field, value);
		return List.of(first);
	}

	private static List<Map<String, Object>> expected(TableSpec spec, List<Map<String, Object>> before,
			Map<String, Object> changed) {
		List<Map<String, Object>> expected = new ArrayList<>(before);
		for (int i = 0; i < expected.size(); i++) {
			if (spec.key(expected.get(i)).equals(spec.key(changed))) {
				expected.set(i, changed);
			}
		}
		return expected;
	}

}
