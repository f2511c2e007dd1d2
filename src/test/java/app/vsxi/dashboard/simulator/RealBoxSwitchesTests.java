package app.vsxi.dashboard.simulator;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import app.vsxi.dashboard.support.SimulatedBox;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The switches for what real boxes do that the sources leave open or that comes and goes: each one changes the
 * answer as described, over HTTPS, and is off again after {@code DELETE /simulator/faults}.
 */
class RealBoxSwitchesTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private SimulatedVsxi box;

	private SimulatorClient admin;

	@BeforeEach
	void start() {
		this.box = SimulatedBox.start("switches");
		this.admin = new SimulatorClient(this.box, "admin", "admin");
	}

	@AfterEach
	void stop() {
		this.box.stop();
	}

	@Test
	void aSecondRequestWithTheSameCredentialsInsideTheOverlapWindowGets400() throws InterruptedException {
		this.admin.text("POST", VsxiConventions.FAULTS_PATH, "{\"overlapMillis\":2000}");

		assertThat(this.admin.get("stats/realtime").statusCode()).isEqualTo(200);
		HttpResponse<byte[]> second = this.admin.get("system/realtime");

		assertThat(second.statusCode()).isEqualTo(400);
		assertThat(SimulatorClient.text(second)).isEqualTo("400 fail - failed\nnull");
		this.box.quirks(Map.of("overlapMillis", 100));
		Thread.sleep(150);
		assertThat(this.admin.get("system/realtime").statusCode()).isEqualTo(200);
		this.admin.text("DELETE", VsxiConventions.FAULTS_PATH, null);
		assertThat(this.admin.get("stats/realtime").statusCode()).isEqualTo(200);
		assertThat(this.admin.get("stats/realtime").statusCode()).isEqualTo(200);
	}

	@Test
	void tablelessAnswersAreWellFormedDumpsWithoutTablesForTheNumberAsked() {
		this.admin.text("POST", VsxiConventions.FAULTS_PATH, "{\"tablelessAnswers\":2}");

		HttpResponse<byte[]> first = this.admin.get("stats/realtime?format=json");
		String second = this.admin.getText("stats/resource");
		JsonNode third = json("stats/realtime?format=json");

		assertThat(first.statusCode()).isEqualTo(200);
		assertThat(JSON.readTree(first.body()).path("mysqldump").path("database").propertyNames())
			.containsExactly("name");
		assertThat(second).contains("<database name=\"ssdb\"/>").doesNotContain("<table");
		assertThat(third.path("mysqldump").path("database").has("table")).isTrue();
		assertThat(this.box.quirks().tablelessAnswers()).isZero();
	}

	@Test
	void recursionAnswersPutTheFailoverTextWhereTheTablesWere() {
		this.box.quirks(Map.of("recursionAnswers", -1));

		JsonNode tables = json("stats/realtime?format=json").path("mysqldump").path("database").path("table");

		assertThat(tables.isArray()).isTrue();
		assertThat(tables.values()).allSatisfy(
				table -> assertThat(table.asString()).isEqualTo("Max recursion depth reached"));
		assertThat(this.admin.getText("stats/resource"))
			.contains("<table>Max recursion depth reached</table>");
		assertThat(this.box.quirks().recursionAnswers()).isEqualTo(-1);
	}

	@Test
	void jsonAboveTheLimitFailsWithTheConverterError500WhileXmlAndSmallAnswersWork() {
		this.admin.text("POST", VsxiConventions.FAULTS_PATH, "{\"jsonFailAbove\":10}");

		HttpResponse<byte[]> routes = this.admin.get("download/route?format=json");
		HttpResponse<byte[]> large = this.admin.get("downloadLarge/route?format=json");

		assertThat(routes.statusCode()).isEqualTo(500);
		assertThat(SimulatorClient.text(routes)).isEqualTo("convert xml2json failed(JAXB)");
		assertThat(large.statusCode()).isEqualTo(500);
		assertThat(this.admin.get("stats/resource?format=json").statusCode()).isEqualTo(200);
		assertThat(this.admin.get("download/route").statusCode()).isEqualTo(200);
		assertThat(this.admin.get("download/media_server_profile?format=json").statusCode()).isEqualTo(200);
	}

	@Test
	void withCodeInBodyEveryBoxMessageTravelsAsHttp200() {
		this.box.quirks(Map.of("codeInBody", true));
		this.box.slaveMode(true);
		byte[] routeTables = this.admin.get("download/routetable").body();

		HttpResponse<byte[]> refused = this.admin.send("POST", "update/routetable", routeTables);
		HttpResponse<byte[]> unknown = this.admin.get("download/nosuchtable");
		HttpResponse<byte[]> readOnly = this.admin.as("monitor", "monitor").get("download/routetable");

		assertThat(refused.statusCode()).isEqualTo(200);
		assertThat(SimulatorClient.text(refused)).startsWith("402 Fail - This action is not allowed");
		assertThat(unknown.statusCode()).isEqualTo(200);
		assertThat(SimulatorClient.text(unknown)).isEqualTo("400 fail - invalid table specified: nosuchtable");
		assertThat(readOnly.statusCode()).isEqualTo(401);
		assertThat(this.admin.send("POST", "download/routetable", null).statusCode()).isEqualTo(405);
		this.box.slaveMode(false);
		this.box.quirks(Quirks.DEFAULTS);
		assertThat(this.admin.send("POST", "update/routetable", routeTables).statusCode()).isEqualTo(200);
		assertThat(this.admin.get("download/nosuchtable").statusCode()).isEqualTo(400);
	}

	@Test
	void every401ChallengesForBasicAuthAndOtherErrorsSayFailedThenNull() {
		HttpResponse<byte[]> wrong = this.admin.as("admin", "wrong").get("stats/realtime");
		HttpResponse<byte[]> unlisted = this.admin.get("download/routegroup?format=csv");

		assertThat(wrong.statusCode()).isEqualTo(401);
		assertThat(wrong.headers().firstValue("WWW-Authenticate")).hasValue("Basic realm=\"SSConfig\"");
		assertThat(unlisted.statusCode()).isEqualTo(400);
		assertThat(SimulatorClient.text(unlisted)).isEqualTo("400 fail - failed\nnull");
	}

	@Test
	void anUntrustedHostGetsTheContainers401PageOnTheApiOnly() {
		this.admin.text("POST", VsxiConventions.FAULTS_PATH, "{\"untrustedHost\":true}");

		HttpResponse<byte[]> refused = this.admin.get("stats/realtime");

		assertThat(refused.statusCode()).isEqualTo(401);
		assertThat(SimulatorClient.text(refused)).contains("<html>", "401 Unauthorized").doesNotContain("Fail -");
		assertThat(SimulatorClient.contentType(refused)).startsWith("text/html");
		assertThat(refused.headers().firstValue("WWW-Authenticate")).hasValue("Basic realm=\"SSConfig\"");
		assertThat(this.admin.get(VsxiConventions.FAULTS_PATH).statusCode()).isEqualTo(200);
		this.admin.text("DELETE", VsxiConventions.FAULTS_PATH, null);
		assertThat(this.admin.get("stats/realtime").statusCode()).isEqualTo(200);
	}

	@Test
	void aBoxWithoutRestAnswers404OnTheApiPath() {
		this.box.quirks(Map.of("noRest", true));

		HttpResponse<byte[]> missing = this.admin.get("stats/realtime");

		assertThat(missing.statusCode()).isEqualTo(404);
		assertThat(SimulatorClient.text(missing)).contains("404 Not Found");
		assertThat(this.admin.get(VsxiConventions.REQUEST_COUNTS_PATH).statusCode()).isEqualTo(200);
		assertThat(this.box.requestCounts()).doesNotContainKey("stats/realtime");
	}

	@Test
	void strictLargeMethodsAnswer405ForTheMethodTheyDoNotTake() {
		assertThat(this.admin.get("downloadLarge/route").statusCode()).isEqualTo(200);
		assertThat(this.admin.send("POST", "downloadLarge/route", null).statusCode()).isEqualTo(200);

		this.admin.text("POST", VsxiConventions.FAULTS_PATH, "{\"largeMethods\":\"COMMAND_TABLE\"}");
		assertThat(this.admin.get("downloadLarge/route").statusCode()).isEqualTo(200);
		HttpResponse<byte[]> post = this.admin.send("POST", "downloadLarge/route", null);
		assertThat(post.statusCode()).isEqualTo(405);
		assertThat(SimulatorClient.text(post)).isEqualTo("405 Method Not Allowed");

		this.box.quirks(Map.of("largeMethods", Quirks.LargeMethods.POST_ONLY));
		assertThat(this.admin.get("downloadLarge/route").statusCode()).isEqualTo(405);
		assertThat(this.admin.send("POST", "downloadLarge/route", null).statusCode()).isEqualTo(200);
		assertThat(this.admin.get("download/route").statusCode()).isEqualTo(200);
	}

	@Test
	void aChunkedLargeDownloadHoldsEveryEntryInFilesOfTheChunkSize() {
		int routes = TableRoundTripTests.entries(TableCatalog.ROUTE, this.admin.getText("download/route")).size();
		this.box.quirks(Map.of("zipChunkEntries", 50));

		Map<String, String> xml = SimulatorClient.unzip(this.admin.get("downloadLarge/route").body());
		Map<String, String> json = SimulatorClient.unzip(this.admin.get("downloadLarge/route?format=json").body());

		assertThat(xml).hasSize((routes + 49) / 50).containsKey("route_1.xml");
		assertThat(xml.values().stream().mapToInt(file -> TableRoundTripTests.entries(TableCatalog.ROUTE, file).size()))
			.allMatch(count -> count <= 50)
			.containsOnly(50, routes % 50 == 0 ? 50 : routes % 50);
		assertThat(xml.values()
			.stream()
			.mapToInt(file -> TableRoundTripTests.entries(TableCatalog.ROUTE, file).size())
			.sum()).isEqualTo(routes);
		assertThat(json).hasSize(xml.size()).containsKey("route_1.json");
		assertThat(json.values().stream().mapToInt(file -> JSON.readTree(file).path("XBRouteList").path("XBRoute").size())
			.sum()).isEqualTo(routes);
	}

	@Test
	void strictContentTypesRefuseTypesNoSourceShowsWorkingWith415() {
		byte[] csv = this.admin.get("download/route?format=csv").body();
		byte[] xml = this.admin.get("download/routetable").body();
		assertThat(this.admin.send("POST", "update/route", csv, "text/csv").statusCode()).isEqualTo(200);

		this.box.quirks(Map.of("strictContentTypes", true));

		assertThat(this.admin.send("POST", "update/route", csv, "text/csv").statusCode()).isEqualTo(415);
		assertThat(this.admin.send("POST", "update/route", csv, null).statusCode()).isEqualTo(200);
		assertThat(this.admin.send("POST", "update/routetable", xml, "application/xml").statusCode()).isEqualTo(200);
		assertThat(this.admin.send("POST", "update/routetable", xml, "text/xml; charset=UTF-8").statusCode())
			.isEqualTo(200);
		assertThat(this.admin.send("POST", "updateLarge/route", SimulatorClient.zip("route.csv",
				new String(csv, StandardCharsets.UTF_8)), "application/octet-stream").statusCode()).isEqualTo(415);
	}

	@Test
	void theFaultsEndpointListsEverySwitchAndRefusesUnknownOnes() {
		String all = this.admin.getText(VsxiConventions.FAULTS_PATH);
		HttpResponse<byte[]> unknown = this.admin.send("POST", VsxiConventions.FAULTS_PATH,
				"{\"noSuchSwitch\":true}".getBytes(StandardCharsets.UTF_8));

		assertThat(JSON.readTree(all).propertyNames()).containsAll(Quirks.NAMES)
			.contains("latencyMillis", "status", "slave");
		assertThat(unknown.statusCode()).isEqualTo(400);
		assertThat(SimulatorClient.text(unknown)).contains("noSuchSwitch");
	}

	@Test
	void aBoxKeyedOnAliasAloneRewritesTheRouteWithThatAliasWhicheverTableItNames() {
		Map<String, Object> route = this.box.entries("route").get(0);
		int routes = this.box.entries("route").size();
		Map<String, Object> moved = new java.util.LinkedHashMap<>(route);
		moved.put("tableId", (Long) route.get("tableId") + 1);
		this.admin.text("POST", VsxiConventions.FAULTS_PATH, "{\"rowKeys\":{\"route\":[\"alias\"]}}");

		assertThat(this.admin.send("POST", "update/route", routeXml(moved), null).statusCode()).isEqualTo(200);

		assertThat(this.box.entries("route")).hasSize(routes)
			.filteredOn(entry -> entry.get("alias").equals(route.get("alias")))
			.containsExactly(moved);
		assertThat(this.admin.send("DELETE", "delete/route", routeXml(route), null).statusCode()).isEqualTo(200);
		assertThat(this.box.entries("route")).hasSize(routes - 1).doesNotContain(moved);
	}

	@Test
	void aBoxKeyedOnTheCatalogsFieldsInsertsAMovedRouteBesideTheOld() {
		Map<String, Object> route = this.box.entries("route").get(0);
		int routes = this.box.entries("route").size();
		Map<String, Object> moved = new java.util.LinkedHashMap<>(route);
		moved.put("tableId", (Long) route.get("tableId") + 1);

		assertThat(this.admin.send("POST", "update/route", routeXml(moved), null).statusCode()).isEqualTo(200);

		assertThat(this.box.entries("route")).hasSize(routes + 1).contains(route, moved);
	}

	@Test
	void aBoxKeyedOnMoreFieldsKeepsAChangedRouteBesideItsOldVersionAndDeletesEachAlone() {
		Map<String, Object> route = this.box.entries("route").get(1);
		int routes = this.box.entries("route").size();
		Map<String, Object> changed = new java.util.LinkedHashMap<>(route);
		changed.put("digitMatch", route.get("digitMatch") + "7");
		this.box.quirks(Map.of("rowKeys", Map.of("route", List.of("alias", "tableId", "digitMatch"))));

		assertThat(this.admin.send("POST", "update/route", routeXml(changed), null).statusCode()).isEqualTo(200);
		assertThat(this.box.entries("route")).hasSize(routes + 1).contains(route, changed);
		assertThat(this.admin.send("DELETE", "delete/route", routeXml(route), null).statusCode()).isEqualTo(200);

		assertThat(this.box.entries("route")).hasSize(routes).contains(changed).doesNotContain(route);
	}

	@Test
	void rowKeysNamingAFieldTheTableLacksAreRefused() {
		HttpResponse<byte[]> refused = this.admin.send("POST", VsxiConventions.FAULTS_PATH,
				"{\"rowKeys\":{\"route\":[\"aliass\"]}}".getBytes(StandardCharsets.UTF_8));

		assertThat(refused.statusCode()).isEqualTo(400);
		assertThat(SimulatorClient.text(refused)).contains("rowKeys");
		assertThat(this.box.quirks().rowKeys()).isEmpty();
	}

	private static byte[] routeXml(Map<String, Object> route) {
		StringBuilder xml = new StringBuilder("<XBRouteList><XBRoute>");
		route.forEach((field, value) -> xml.append('<').append(field).append('>').append(value).append("</")
			.append(field).append('>'));
		return xml.append("</XBRoute></XBRouteList>").toString().getBytes(StandardCharsets.UTF_8);
	}

	private JsonNode json(String command) {
		return JSON.readTree(this.admin.get(command).body());
	}

}
