package app.vsxi.dashboard.tables.engine;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static app.vsxi.dashboard.tables.engine.Rows.ROUTE_KEY;
import static app.vsxi.dashboard.tables.engine.Rows.route;
import static org.assertj.core.api.Assertions.assertThat;

class PayloadLinesTests {

	private static final String ONE_ROUTE = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><XBRouteList><XBRoute>"
			+ "<alias>r1</alias><tableId>1</tableId><digitMatch>556</digitMatch><policy>top_down</policy>"
			+ "</XBRoute></XBRouteList>";

	@Test
	void xmlIsLaidOutOneElementALineWithTheChangedFieldMarked() {
		Map<RowKey, Set<String>> changed = Map.of(new RowKey(List.of("r1", "1"), 0), Set.of("digitMatch"));
		assertThat(PayloadLines.xml(ONE_ROUTE, ROUTE_KEY, changed)).containsExactly(
				line("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"),
				line("<XBRouteList>"),
				line("  <XBRoute>"),
				line("    <alias>r1</alias>"),
				line("    <tableId>1</tableId>"),
				new PayloadLine("    <digitMatch>556</digitMatch>", true),
				line("    <policy>top_down</policy>"),
				line("  </XBRoute>"),
				line("</XBRouteList>"));
	}

	@Test
	void aRowTheDraftDidNotChangeHasNoMark() {
		Map<RowKey, Set<String>> changed = Map.of(new RowKey(List.of("r2", "1"), 0), Set.of("digitMatch"));
		assertThat(PayloadLines.xml(ONE_ROUTE, ROUTE_KEY, changed)).noneMatch(PayloadLine::changed);
	}

	@Test
	void nestedAndRepeatedFieldsAreIndentedAndMarkedByTheirPath() {
		String body = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><XBResourceList><XBResource><trunkId>7</trunkId>"
				+ "<typeSIPgw><direction>ingress</direction><NAT>disable</NAT></typeSIPgw>"
				+ "<node><fqdn>a</fqdn></node><node><fqdn>b</fqdn></node></XBResource></XBResourceList>";
		Map<RowKey, Set<String>> changed = Map.of(new RowKey(List.of("7"), 0),
				Set.of("typeSIPgw/direction", "node[2]"));
		assertThat(PayloadLines.xml(body, List.of("trunkId"), changed)).containsExactly(
				line("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"),
				line("<XBResourceList>"),
				line("  <XBResource>"),
				line("    <trunkId>7</trunkId>"),
				line("    <typeSIPgw>"),
				new PayloadLine("      <direction>ingress</direction>", true),
				line("      <NAT>disable</NAT>"),
				line("    </typeSIPgw>"),
				line("    <node>"),
				line("      <fqdn>a</fqdn>"),
				line("    </node>"),
				new PayloadLine("    <node>", true),
				new PayloadLine("      <fqdn>b</fqdn>", true),
				new PayloadLine("    </node>", true),
				line("  </XBResource>"),
				line("</XBResourceList>"));
	}

	@Test
	void textIsShownEscapedAsItIsSent() {
		String body = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><L><E><alias>a&lt;b&amp;c</alias><tableId>1</tableId>"
				+ "<note></note></E></L>";
		assertThat(PayloadLines.xml(body, ROUTE_KEY, Map.of())).contains(line("    <alias>a&lt;b&amp;c</alias>"),
				line("    <note></note>"));
	}

	@Test
	void csvKeepsItsLinesAndMarksTheChangedRows() {
		String body = "alias,tableId,digitMatch,policy\nr1,1,556,top_down\nr2,1,7,top_down\n";
		Map<RowKey, Set<String>> changed = Map.of(new RowKey(List.of("r2", "1"), 0), Set.of("digitMatch"));
		assertThat(PayloadLines.csv(body, ROUTE_KEY, changed)).containsExactly(line("alias,tableId,digitMatch,policy"),
				line("r1,1,556,top_down"), new PayloadLine("r2,1,7,top_down", true));
	}

	@Test
	void aBodyThatCannotBeReadIsShownAsItIsUnmarked() {
		assertThat(PayloadLines.xml("<broken><", ROUTE_KEY, Map.of())).containsExactly(line("<broken><"));
	}

	@Test
	void theChangedFieldsComeFromTheDiff() {
		TableDiff diff = KeyedDiff.diff(List.of(route("r1", "1", "555"), route("r2", "1", "7")),
				List.of(route("r1", "1", "556"), route("r2", "1", "7")), ROUTE_KEY);
		assertThat(PayloadLines.changedFields(diff))
			.isEqualTo(Map.of(new RowKey(List.of("r1", "1"), 0), Set.of("digitMatch")));
	}

	private static PayloadLine line(String text) {
		return new PayloadLine(text, false);
	}

}
