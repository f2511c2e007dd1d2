package app.vsxi.dashboard.gateway;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;

import app.vsxi.dashboard.calls.CallIdentity;
import app.vsxi.dashboard.calls.CsvLines;
import app.vsxi.dashboard.calls.VerifiedRemoval;
import app.vsxi.dashboard.support.FakeSbc;
import app.vsxi.dashboard.support.GatewayParts;

import static app.vsxi.dashboard.gateway.GatewayFidelityTests.ok;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each write the features make, against the golden request in {@code src/test/resources/wire/}: method, path
 * with query, Content-Type and body byte for byte. The source tag of each fixture leads the test's display name.
 */
class GatewayGoldenWireTests {

	private final GatewayParts gateway = GatewayParts.of(GatewayProperties.of(Duration.ofSeconds(5), Duration.ofSeconds(5), 4)
		.withReadRetries(1, Duration.ofMillis(20)), new SimpleMeterRegistry());

	@AfterEach
	void close() {
		this.gateway.destroy();
	}

	@Test
	@DisplayName("[inferred] update/route: one whole route in XML, markup in a value escaped")
	void updateOfARoute(TestInfo test) throws Exception {
		WireFixture fixture = WireFixture.load("update-route.inferred.txt").taggedIn(test.getDisplayName());
		try (FakeSbc fake = answering("200 OK")) {
			ok(this.gateway.tables().update(endpoint(fake), VsxiTable.ROUTE, routes(route("to-carrier & co", "3", "1212", "4",
					"20", "0000", "2359", "0", "top_down", "101", "102"))));

			fixture.assertSent(only(fake));
		}
	}

	@Test
	@DisplayName("[inferred] delete/route: the whole entry to remove in XML, empty values as empty elements")
	void deleteOfARoute(TestInfo test) throws Exception {
		WireFixture fixture = WireFixture.load("delete-route.inferred.txt").taggedIn(test.getDisplayName());
		try (FakeSbc fake = answering("200 OK")) {
			ok(this.gateway.tables().delete(endpoint(fake), VsxiTable.ROUTE,
					routes(route("old", "3", "44", "0", "40", "", "", "0", "top_down", "7"))));

			fixture.assertSent(only(fake));
		}
	}

	@Test
	@DisplayName("[inferred] upload/route: the whole table, entries in order")
	void uploadOfTheRouteTable(TestInfo test) throws Exception {
		WireFixture fixture = WireFixture.load("upload-route.inferred.txt").taggedIn(test.getDisplayName());
		try (FakeSbc fake = answering("200 OK - uploadXmlFile success")) {
			WriteOutcome outcome = ok(this.gateway.tables().upload(endpoint(fake), VsxiTable.ROUTE,
					routes(route("a", "1", "1", "0", "40", "", "", "0", "top_down", "1"),
							route("b", "1", "2", "0", "40", "", "", "0", "round_robin", "2"))));

			fixture.assertSent(only(fake));
			assertThat(outcome).isEqualTo(new WriteOutcome.Applied("200 OK - uploadXmlFile success"));
		}
	}

	@Test
	@DisplayName("[inferred] updateLarge/route: the XML zipped as one entry, no Content-Type")
	void updateLargeOfRoutes(TestInfo test) throws Exception {
		WireFixture fixture = WireFixture.load("updateLarge-route.inferred.txt").taggedIn(test.getDisplayName());
		try (FakeSbc fake = answering("200 OK")) {
			ok(this.gateway.tables().writeLarge(endpoint(fake), VsxiAction.UPDATE_LARGE, VsxiTable.ROUTE, VsxiTable.ROUTE.names(),
					List.of(row("alias", "big-1", "tableId", "9", "digitMatch", "3"),
							row("alias", "big-2", "tableId", "9", "digitMatch", "4")),
					Map.of()));

			fixture.assertSent(only(fake));
		}
	}

	@Test
	@DisplayName("[client] delete/sub_stats: one XBSubStats per registration, its id only")
	void deleteOfRegistrations(TestInfo test) throws Exception {
		WireFixture fixture = WireFixture.load("delete-sub_stats.client.txt").taggedIn(test.getDisplayName());
		AtomicBoolean deleted = new AtomicBoolean();
		try (FakeSbc fake = new FakeSbc((method, path, body) -> {
			if (method.equals("DELETE")) {
				deleted.set(true);
				return FakeSbc.Answer.text(200, "200 OK");
			}
			return json(deleted.get() ? "{\"XBSubStatsList\":{\"XBSubStats\":[{\"id\":\"7\"}]}}"
					: "{\"XBSubStatsList\":{\"XBSubStats\":[{\"id\":\"5\"},{\"id\":\"6\"},{\"id\":\"7\"}]}}");
		})) {
			VerifiedRemoval removal = ok(this.gateway.removals().deleteRegistrations(endpoint(fake), List.of("5", "6"),
					java.util.Set.of("5", "6", "7")));

			fixture.assertSent(theDelete(fake));
			assertThat(removal.sent()).isEqualTo(new String(fixture.body(), StandardCharsets.UTF_8));
			assertThat(removal.targeted()).isEqualTo(2);
			assertThat(removal.gone()).isEqualTo(2);
		}
	}

	@Test
	@DisplayName("[seed] delete/active_calls: the box's own CSV header and chosen lines, byte for byte")
	void killOfCallsByTheBoxsOwnCsv(TestInfo test) throws Exception {
		WireFixture fixture = WireFixture.load("delete-active_calls.seed.txt").taggedIn(test.getDisplayName());
		CsvLines lines = CsvLines.identify(CallsCsv.parse(WireFixture.bytes("active-calls.box.inferred.csv")), LISTED);
		try (FakeSbc fake = new FakeSbc((method, path, body) -> method.equals("DELETE")
				? FakeSbc.Answer.text(200, "200 OK") : json("{\"XBActiveCallsList\":{\"XBActiveCall\":[]}}"))) {
			VerifiedRemoval removal = ok(this.gateway.removals().killByCsv(endpoint(fake),
					lines.cut(List.of(CallIdentity.key(LISTED.get(3)), CallIdentity.key(LISTED.get(1)))),
					java.util.Set.of()));

			fixture.assertSent(theDelete(fake));
			assertThat(removal.targeted()).isEqualTo(2);
			assertThat(removal.allGone()).isTrue();
		}
	}

	@Test
	@DisplayName("[inferred] delete/active_calls: a box whose CSV has no header line gets the chosen lines only")
	void killOfCallsByTheLinesOfAHeaderlessCsv(TestInfo test) throws Exception {
		WireFixture fixture = WireFixture.load("delete-active_calls-headerless.inferred.txt").taggedIn(test.getDisplayName());
		byte[] box = WireFixture.bytes("active-calls.box.inferred.csv");
		String text = new String(box, StandardCharsets.UTF_8);
		byte[] headerless = text.substring(text.indexOf('\n') + 1).getBytes(StandardCharsets.UTF_8);
		CsvLines lines = CsvLines.identify(CallsCsv.parse(headerless), LISTED);
		try (FakeSbc fake = new FakeSbc((method, path, body) -> method.equals("DELETE")
				? FakeSbc.Answer.text(200, "200 OK") : json("{\"XBActiveCallsList\":{\"XBActiveCall\":[]}}"))) {
			ok(this.gateway.removals().killByCsv(endpoint(fake),
					lines.cut(List.of(CallIdentity.key(LISTED.get(3)), CallIdentity.key(LISTED.get(1)))),
					java.util.Set.of()));

			fixture.assertSent(theDelete(fake));
		}
	}

	@Test
	@DisplayName("[seed] delete/active_calls: the fetched CSV is read as the box wrote it, quoted commas included")
	void theBoxsCsvIsSplitIntoCallsAsWritten() {
		CallsCsv csv = CallsCsv.parse(WireFixture.bytes("active-calls.box.inferred.csv"));

		assertThat(csv.size()).isEqualTo(5);
		assertThat(csv.cells(2).get(4)).isEqualTo("Doe, Jane");
		assertThat(csv.cells(4).get(10)).isEqualTo("d4,x@198.51.100.8");
		assertThat(csv.cells(4).get(9)).isEqualTo(" 51 ");
	}

	/** The calls of active-calls.box.inferred.csv as the JSON list names them. */
	private static final List<TableRow> LISTED = List.of(row("ssm_index", "17", "callID", "a1@198.51.100.7"),
			row("ssm_index", "18", "callID", "b2@198.51.100.7"), row("ssm_index", "19", "callID", "c3@198.51.100.8"),
			row("ssm_index", "20", "callID", "d4,x@198.51.100.8"));

	static FakeSbc answering(String text) throws Exception {
		return new FakeSbc((method, path, body) -> FakeSbc.Answer.text(200, text));
	}

	static FakeSbc.Answer json(String body) {
		return new FakeSbc.Answer(200, "application/json", body.getBytes(StandardCharsets.UTF_8));
	}

	private static FakeSbc.Request only(FakeSbc fake) {
		assertThat(fake.requests()).hasSize(1);
		return fake.requests().get(0);
	}

	private static FakeSbc.Request theDelete(FakeSbc fake) {
		List<FakeSbc.Request> deletes = fake.requests().stream().filter(r -> r.method().equals("DELETE")).toList();
		assertThat(deletes).as("one delete among the reads").hasSize(1);
		return deletes.get(0);
	}

	/** Every route field, in the order the simulator and the fixtures use. */
	private static TableRow route(String alias, String tableId, String digitMatch, String minLen, String maxLen,
			String startTod, String endTod, String groupId, String policy, String... resources) {
		List<String> pairs = new ArrayList<>(List.of("alias", alias, "tableId", tableId, "digitMatch", digitMatch,
				"minLen", minLen, "maxLen", maxLen, "startTod", startTod, "endTod", endTod, "groupId", groupId,
				"policy", policy));
		for (int i = 1; i <= 8; i++) {
			pairs.add("resourceId" + i);
			pairs.add(i <= resources.length ? resources[i - 1] : "0");
		}
		return row(pairs.toArray(String[]::new));
	}

	private static TableDocument routes(TableRow... rows) {
		return new TableDocument(VsxiTable.ROUTE.names(), List.of(rows));
	}

	static TableRow row(String... pairs) {
		Map<String, Object> fields = new LinkedHashMap<>();
		for (int i = 0; i < pairs.length; i += 2) {
			fields.put(pairs[i], pairs[i + 1]);
		}
		return new TableRow(fields);
	}

	static SbcEndpoint endpoint(FakeSbc fake) {
		return new SbcEndpoint(fake.hashCode(), "fake", URI.create(fake.baseUrl()), "admin", "admin", fake.fingerprint());
	}

}
