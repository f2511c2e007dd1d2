package app.vsxi.dashboard.monitoring;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import app.vsxi.dashboard.gateway.TableDocument;
import app.vsxi.dashboard.gateway.TableRow;

import static org.assertj.core.api.Assertions.assertThat;

class TrunkLimitsTests {

	@Test
	void eachTrunkIsListedLimitByLimitSessionsAndCpsFirstNestedLimitsNamedByTheirPlace() {
		TableRow trunk = row("protocol", "sip", "typeSIPgw", row("direction", "ingress", "authorizedRPS", "20"), "name",
				"Acme 138", "trunkId", "138", "capacity", "450", "cpsLimit", "5", "node",
				List.of(row("fqdn", "198.51.100.1", "capacity", "200"), row("fqdn", "198.51.100.2", "capacity", "250")),
				"maxCallDuration", "10800", "noAnswerTimeout", "120", "codecPolicy", "transparent");
		MonitorPanels.PanelTable table = TrunkLimits.of(new TableDocument("XBResourceList", "XBResource",
				List.of(trunk)));
		assertThat(table.name()).isEqualTo("Limits per trunk (XBResource)");
		assertThat(table.columns()).containsExactly("Trunk", "Name", "Field", "Value or limit");
		assertThat(table.rows()).containsExactly(
				List.of("138", "Acme 138", "capacity", "450"),
				List.of("138", "Acme 138", "cpsLimit", "5"),
				List.of("138", "Acme 138", "typeSIPgw.authorizedRPS", "20"),
				List.of("138", "Acme 138", "node[1].capacity", "200"),
				List.of("138", "Acme 138", "node[2].capacity", "250"),
				List.of("138", "Acme 138", "maxCallDuration", "10800"),
				List.of("138", "Acme 138", "noAnswerTimeout", "120"));
	}

	@Test
	void aSingleNodeIsNamedWithoutANumber() {
		TableRow trunk = row("trunkId", "7", "name", "Globex", "node", row("fqdn", "a", "cpsLimit", "3"));
		assertThat(TrunkLimits.of(new TableDocument("L", "E", List.of(trunk))).rows())
			.containsExactly(List.of("7", "Globex", "node.cpsLimit", "3"));
	}

	@Test
	void numbersAreTold() {
		MonitorPanels.PanelTable table = new MonitorPanels.PanelTable("t", List.of("a"), List.of(), 0);
		assertThat(table.numeric("450")).isTrue();
		assertThat(table.numeric("12.5")).isTrue();
		assertThat(table.numeric("sip")).isFalse();
		assertThat(table.numeric("")).isFalse();
	}

	@Test
	void aSparklineSaysTheTimeItCovers() {
		Instant start = Instant.parse("2026-12-03T10:00:00Z");
		assertThat(MonitorPanels.sparkline("calls", "Active calls", List.of(new Series.Sample(start, 3),
				new Series.Sample(start.plusSeconds(600), 9))).spanText()).isEqualTo("last 10 min");
		assertThat(MonitorPanels.sparkline("calls", "Active calls", List.of(new Series.Sample(start, 3),
				new Series.Sample(start.plusSeconds(45), 9))).spanText()).isEqualTo("last 45 s");
		assertThat(MonitorPanels.sparkline("calls", "Active calls", List.of(new Series.Sample(start, 3),
				new Series.Sample(start.plusSeconds(7500), 9))).spanText()).isEqualTo("last 2 h 5 min");
	}

	@Test
	void aSparklineKeepsItsScale() {
		Instant start = Instant.parse("2026-12-03T10:00:00Z");
		MonitorPanels.Sparkline line = MonitorPanels.sparkline("cpu", "CPU (%)", List.of(new Series.Sample(start, 12),
				new Series.Sample(start.plusSeconds(5), 40.5), new Series.Sample(start.plusSeconds(10), 20)));
		assertThat(line.minText()).isEqualTo("12");
		assertThat(line.maxText()).isEqualTo("40.50");
		assertThat(line.lastText()).isEqualTo("20");
	}

	private static TableRow row(Object... pairs) {
		Map<String, Object> fields = new LinkedHashMap<>();
		for (int i = 0; i < pairs.length; i += 2) {
			fields.put((String) pairs[i], pairs[i + 1]);
		}
		return new TableRow(fields);
	}

}
