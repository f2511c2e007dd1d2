package app.vsxi.dashboard.simulator;

import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import app.vsxi.dashboard.support.SimulatedBox;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The queryString forms the reference shows, the ones inferred around them, and what is refused. */
class QueryParserTests {

	private static final Map<String, Object> API_TEST = SeedData.entry("alias", "API_Test", "tableId", 4L, "origAni",
			"any", "origDnis", "555", "transAni", "5555551234", "transDnis", "");

	private static final Map<String, Object> OTHER = SeedData.entry("alias", "Other's map", "tableId", 2L, "origAni",
			"any", "origDnis", "1900", "transAni", "", "transDnis", "1900");

	private static SimulatedVsxi box;

	@BeforeAll
	static void start() {
		box = SimulatedBox.start("query");
	}

	@AfterAll
	static void stop() {
		box.stop();
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', value = { "alias like '%TEST%'|true|false", "alias like 'api\\_%'|false|false",
			"alias like 'API_Test'|true|false", "table_id=\"4\"|true|false", "table_id = 4|true|false",
			"table_id != 4|false|true", "alias like '%' and odnis='1900'|false|true",
			"ALIAS LIKE '%test' AND table_id=\"4\"|true|false", "table_id=4 or tdnis='1900'|true|true",
			"alias = 'Other''s map'|false|true", "alias like \"%'s%\"|false|true" })
	void supportedFormsMatchAsSqlWouldWithMysqlsCaseInsensitiveCompare(String query, boolean apiTest, boolean other) {
		Predicate<Map<String, Object>> condition = QueryParser.parse(query, TableCatalog.DIGIT_MAPPING);

		assertThat(condition.test(API_TEST)).isEqualTo(apiTest);
		assertThat(condition.test(OTHER)).isEqualTo(other);
	}

	@Test
	void nestedResourceColumnsReadTheirElementPath() {
		Map<String, Object> resource = SeedData.entry("typeSIPgw", SeedData.entry("direction", "ingress"), "companyName",
				"Acme Voice");

		assertThat(QueryParser.parse("direction='ingress' and company_name like 'acme%'", TableCatalog.RESOURCE)
			.test(resource)).isTrue();
		assertThat(QueryParser.parse("direction='egress'", TableCatalog.RESOURCE).test(resource)).isFalse();
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "alias", "alias like", "alias like '%x", "nosuch='1'", "alias ~ 'x'",
			"alias='x' and", "alias='x' extra", "='x'" })
	void malformedQueriesAreRefusedWithAReason(String query) {
		assertThatThrownBy(() -> QueryParser.parse(query, TableCatalog.DIGIT_MAPPING))
			.isInstanceOf(QueryParser.QueryException.class)
			.hasMessageMatching(".+");
	}

	@Test
	void overHttpTheQueryIsUrlEscapedAndAnswersTheFilteredDownload() {
		SimulatorClient client = new SimulatorClient(box, "admin", "admin");
		List<Map<String, Object>> all = TableRoundTripTests.entries(TableCatalog.ROUTE, client.getText("download/route"));
		Object alias = all.get(3).get("alias");

		String xml = client.getText("query/route?queryString=alias%20like%20%27%25" + alias.toString().substring(3)
				+ "%27%20and%20table_id%3D%22" + all.get(3).get("tableId") + "%22");

		assertThat(TableRoundTripTests.entries(TableCatalog.ROUTE, xml)).containsExactly(all.get(3));
	}

	@Test
	void overHttpAMalformedQueryIsA400WithTheReason() {
		SimulatorClient client = new SimulatorClient(box, "admin", "admin");

		var response = client.get("query/digit_mapping?queryString=nosuch%3D%221%22");

		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(SimulatorClient.text(response)).isEqualTo("400 fail - invalid query string: unknown column nosuch");
		assertThat(SimulatorClient.text(client.get("query/route"))).isEqualTo(
				"400 fail - invalid query string: queryString is missing");
	}

	@Test
	void activeCallsAreQueriedOnTheirOwnFieldNames() {
		SimulatorClient client = new SimulatorClient(box, "admin", "admin");
		String origTid = client.getText("stats/active_calls?format=csv").lines().skip(1).findFirst().orElseThrow()
			.split(",")[1];

		String json = client.getText("query/active_calls?format=json&queryString=orig_tid%3D%22" + origTid + "%22");

		assertThat(json).startsWith("{\"XBActiveCallsList\":{\"XBActiveCall\":").contains("\"orig_tid\":\"" + origTid);
	}

}
