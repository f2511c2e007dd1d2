package app.vsxi.dashboard.gateway;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import reactor.core.publisher.Mono;

import app.vsxi.dashboard.support.FakeSbc;
import app.vsxi.dashboard.support.GatewayParts;

import static org.assertj.core.api.Assertions.assertThat;

/** What real boxes do that a well-behaved one does not, answered by a fake SBC that does exactly that. */
class GatewayFidelityTests {

	/** The system_stat figures the dashboard types besides sum_active_session; a box always sends them. */
	static final String OTHER_FIGURES_JSON = "{\"name\":\"sum_attempt_session\",\"content\":9},"
			+ "{\"name\":\"peak_active_session\",\"content\":5},{\"name\":\"max_session_allowed\",\"content\":100},"
			+ "{\"name\":\"current_cps\",\"content\":1},{\"name\":\"max_cps_allowed\",\"content\":10},"
			+ "{\"name\":\"cpu_idle_percent\",\"content\":90},";

	static final String REALTIME_JSON = "{\"mysqldump\":{\"database\":{\"name\":\"x\",\"table\":{\"name\":\"system_stat\","
			+ "\"row\":{\"field\":[{\"name\":\"sum_active_session\",\"content\":4}," + OTHER_FIGURES_JSON
			+ "{\"name\":\"ha_current_state\",\"content\":\"active\"}]}}}}}";

	static final String REALTIME_XML = "<?xml version=\"1.0\"?><mysqldump xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\">"
			+ "<database name=\"x\"><table name=\"system_stat\"><row><field name=\"sum_active_session\">4</field>"
			+ "<field name=\"sum_attempt_session\">9</field><field name=\"peak_active_session\">5</field>"
			+ "<field name=\"max_session_allowed\">100</field><field name=\"current_cps\">1</field>"
			+ "<field name=\"max_cps_allowed\">10</field><field name=\"cpu_idle_percent\">90</field>"
			+ "<field name=\"ha_pre_state\" xsi:nil=\"true\" /><field name=\"ha_current_state\">active</field>"
			+ "</row></table></database></mysqldump>";

	private final GatewayParts gateway = GatewayParts.of(GatewayProperties.of(Duration.ofSeconds(2), Duration.ofSeconds(3), 4)
		.withReadRetries(2, Duration.ofMillis(20)), new SimpleMeterRegistry());

	@AfterEach
	void close() {
		this.gateway.destroy();
	}

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "400 fail - failed", "429 Too Many Requests", "500 oops", "503 busy", "200 no tables",
			"200 recursion" })
	void aReadMeetingWhatOverlappingRequestsGetIsAskedAgain(String glitch) throws Exception {
		AtomicInteger calls = new AtomicInteger();
		try (FakeSbc fake = new FakeSbc((method, path, body) -> calls.incrementAndGet() < 3 ? glitch(glitch)
				: json(REALTIME_JSON))) {
			RealtimeStats stats = ok(this.gateway.stats().realtimeStats(endpoint(fake)));

			assertThat(stats.activeSessions()).isEqualTo(4);
			assertThat(fake.requests()).hasSize(3);
		}
	}

	@Test
	void aReadGivesUpAfterTheConfiguredRetriesWithTheLastError() throws Exception {
		try (FakeSbc fake = new FakeSbc((method, path, body) -> glitch("200 no tables"))) {
			GatewayError error = failed(this.gateway.stats().realtimeStats(endpoint(fake)));

			assertThat(error).isInstanceOf(GatewayError.IncompleteAnswer.class);
			assertThat(fake.requests()).hasSize(3);
		}
	}

	@Test
	void theBackOffGrowsByHalfASecondAndStopsAtTwo() {
		GatewayProperties defaults = GatewayProperties.defaults();

		assertThat(defaults.readRetries()).isEqualTo(2);
		assertThat(IntStream.rangeClosed(1, 5).mapToObj(attempt -> SbcGuards.backoff(defaults, attempt)).toList())
			.containsExactly(500L, 1000L, 1500L, 2000L, 2000L);
	}

	@ParameterizedTest(name = "{0}")
	@ValueSource(ints = { 400, 429, 503 })
	void aWriteIsSentOnceWhateverItMeets(int status) throws Exception {
		try (FakeSbc fake = new FakeSbc((method, path, body) -> FakeSbc.Answer.text(status, status + " no"))) {
			failed(this.gateway.tables().update(endpoint(fake), VsxiTable.ROUTEGROUP, groups()));

			assertThat(fake.requests()).hasSize(1);
		}
	}

	@Test
	void jsonTheBoxCannotMakeIsReadAsXmlAndNotHeldAgainstTheBox() throws Exception {
		java.util.concurrent.atomic.AtomicReference<FakeSbc> self = new java.util.concurrent.atomic.AtomicReference<>();
		try (FakeSbc old = new FakeSbc((method, path, body) -> lastQuery(self.get()).contains("format=json")
				? FakeSbc.Answer.text(500, "convert xml2json failed(JAXB)") : FakeSbc.Answer.text(200, REALTIME_XML))) {
			self.set(old);
			for (int i = 0; i < 8; i++) {
				RealtimeStats stats = ok(this.gateway.stats().realtimeStats(endpoint(old)));
				assertThat(stats.activeSessions()).isEqualTo(4);
				assertThat(stats.systemStat()).containsEntry("ha_pre_state", "");
			}
			// one JSON try and one XML read each time: the 500 was not retried and the circuit never opened
			assertThat(old.requests()).hasSize(16);
			assertThat(old.requests().get(1).pathAndQuery()).endsWith("format=xml");
		}
	}

	private static String lastQuery(FakeSbc fake) {
		List<FakeSbc.Request> requests = fake.requests();
		return requests.get(requests.size() - 1).pathAndQuery();
	}

	@Test
	void aTableDownloadInJsonFallsBackToXmlToo() throws Exception {
		AtomicInteger calls = new AtomicInteger();
		try (FakeSbc fake = new FakeSbc((method, path, body) -> calls.incrementAndGet() == 1
				? FakeSbc.Answer.text(500, "convert xml2json failed(JAXB)")
				: FakeSbc.Answer.text(200, "<XBRouteGroupList><XBRouteGroup><groupId>1</groupId></XBRouteGroup></XBRouteGroupList>"))) {
			TableDocument groups = ok(this.gateway.tables().download(endpoint(fake), VsxiTable.ROUTEGROUP, Format.JSON));

			assertThat(groups.rows()).hasSize(1);
			assertThat(fake.requests().get(1).pathAndQuery()).endsWith("format=xml");
		}
	}

	@Test
	void theNotAuthorizedHintNamesTheReadWritePrivilegeAndTrustedHosts() throws Exception {
		try (FakeSbc fake = new FakeSbc((method, path, body) -> FakeSbc.Answer.text(401,
				"401 Fail - User Not Authorized: Invalid username or no read/write permissions."))) {
			String message = failed(this.gateway.stats().realtimeStats(endpoint(fake))).message();

			assertThat(message).contains("no read/write permissions", "read-write or greater UI privilege",
					"Trusted Hosts");
		}
	}

	@Test
	void aContainerErrorPageReachesTheOperatorAsShortPlainText() throws Exception {
		String page = "<html><head><title>401 Unauthorized</title><style>p{}</style></head><body><h1>HTTP Status 401 - "
				+ "Unauthorized</h1><script>alert(1)</script>" + "x".repeat(500) + "</body></html>";
		try (FakeSbc fake = new FakeSbc((method, path, body) -> FakeSbc.Answer.text(401, page))) {
			GatewayError.NotAuthorized error = (GatewayError.NotAuthorized) failed(
					this.gateway.stats().realtimeStats(endpoint(fake)));

			assertThat(error.vsxiMessage()).startsWith("401 Unauthorized HTTP Status 401 - Unauthorized")
				.doesNotContain("<", ">", "alert")
				.hasSizeLessThanOrEqualTo(201);
		}
	}

	@Test
	void theNullLineUnderAFailedAnswerIsDropped() throws Exception {
		try (FakeSbc fake = new FakeSbc((method, path, body) -> FakeSbc.Answer.text(400, "400 fail - failed\nnull\n"))) {
			assertThat(failed(this.gateway.tables().update(endpoint(fake), VsxiTable.ROUTEGROUP, groups())))
				.isEqualTo(new GatewayError.Rejected("400 fail - failed"));
		}
	}

	@Test
	void aWriteAnsweredWithHttp200ReadsTheCodeItsBodyLeadsWith() throws Exception {
		Map<String, Class<?>> expected = Map.of("300 Finished With Errors - Validation Errors were detected.",
				WriteOutcome.AppliedWithErrors.class, "400 fail - validation exception", GatewayError.Rejected.class,
				"402 Fail - This action is not allowed while system is in Load-Balance Slave mode",
				GatewayError.SlaveMode.class, "200 OK - uploadXmlFile success", WriteOutcome.Applied.class);
		for (Map.Entry<String, Class<?>> answer : expected.entrySet()) {
			try (FakeSbc fake = new FakeSbc((method, path, body) -> FakeSbc.Answer.text(200, answer.getKey()))) {
				Object outcome = this.gateway.tables().update(endpoint(fake), VsxiTable.ROUTEGROUP, groups())
					.block(Duration.ofSeconds(10))
					.fold(value -> value, error -> error);

				assertThat(outcome).as(answer.getKey()).isInstanceOf(answer.getValue());
			}
		}
	}

	@Test
	void aBoxWithoutRestSaysSo() throws Exception {
		try (FakeSbc fake = new FakeSbc((method, path, body) -> FakeSbc.Answer.text(404, "<html>Not Found</html>"))) {
			GatewayError error = failed(this.gateway.stats().realtimeStats(endpoint(fake)));

			assertThat(error).isEqualTo(new GatewayError.NoRestApi());
			assertThat(error.message()).isEqualTo("This box has no REST API (VSXi older than 10.1.1?)");
			assertThat(fake.requests()).hasSize(1);
		}
	}

	@Test
	void registrationsReadTheirStateFromStates() {
		TableRow row = new TableRow(Map.of("id", "7", "username", "alice", "states", "Blocked"));

		assertThat(Registration.from(row).state()).isEqualTo("Blocked");
	}

	@Test
	void perTrunkRealtimeRowsComePerNodeAndPerGroupAndJoinWhateverTheIdType() throws Exception {
		String figures = "{\"name\":\"numTerm\",\"content\":0},{\"name\":\"cps\",\"content\":0},{\"name\":\"numPeak\","
				+ "\"content\":4},{\"name\":\"totalLimit\",\"content\":10},{\"name\":\"cpsLimit\",\"content\":5},";
		String json = "{\"mysqldump\":{\"database\":{\"table\":[{\"name\":\"system_stat\",\"row\":{\"field\":["
				+ OTHER_FIGURES_JSON + "{\"name\":\"ha_current_state\",\"content\":\"active\"},"
				+ "{\"name\":\"sum_active_session\",\"content\":3}]}},{\"name\":\"XBResourceRealTimeStatList\",\"row\":["
				+ "{\"field\":[{\"name\":\"trunkId\",\"content\":100},{\"name\":\"fqdn\",\"content\":\"10.0.0.1\"},"
				+ figures + "{\"name\":\"numOrig\",\"content\":\"2\"}]},"
				+ "{\"field\":[{\"name\":\"trunkId\",\"content\":\"100\"},{\"name\":\"fqdn\",\"content\":\"Group\"},"
				+ figures + "{\"name\":\"numOrig\",\"content\":3}]}]}]}}}";
		try (FakeSbc fake = new FakeSbc((method, path, body) -> json(json))) {
			RealtimeStats stats = ok(this.gateway.stats().realtimeStats(endpoint(fake)));

			assertThat(stats.trunks()).extracting(TrunkRealtime::trunkId).containsExactly("100", "100");
			assertThat(stats.trunks()).extracting(TrunkRealtime::group).containsExactly(false, true);
			assertThat(stats.trunks()).extracting(TrunkRealtime::numOrig).containsExactly(2L, 3L);
		}
	}

	@Test
	void aLargeDownloadInManyChunksReadsEveryChunkAndPassesOverFilesOfAnotherType() throws Exception {
		ByteArrayOutputStream zip = new ByteArrayOutputStream();
		try (ZipOutputStream out = new ZipOutputStream(zip)) {
			for (int chunk = 0; chunk < 40; chunk++) {
				out.putNextEntry(new ZipEntry("route_" + chunk + ".xml"));
				out.write(("<XBRouteList><XBRoute><alias>r" + chunk + "</alias></XBRoute></XBRouteList>")
					.getBytes(StandardCharsets.UTF_8));
				out.closeEntry();
			}
			out.putNextEntry(new ZipEntry("readme.txt"));
			out.write("not a table".getBytes(StandardCharsets.UTF_8));
			out.closeEntry();
		}
		try (FakeSbc fake = new FakeSbc((method, path, body) -> new FakeSbc.Answer(200, "application/zip", zip.toByteArray()))) {
			List<TableRow> routes = new ArrayList<>();
			TableZip.Summary summary = ok(this.gateway.tables().downloadLarge(endpoint(fake), VsxiTable.ROUTE, routes::add));

			assertThat(summary.rows()).isEqualTo(40);
			assertThat(routes).extracting(route -> route.text("alias")).contains("r0", "r39");
		}
	}

	@Test
	void aLargeActionRefusedWith405IsSentOnceWithTheOtherDocumentedMethodWhichIsRemembered() throws Exception {
		byte[] zip = zipOf("<XBRouteList><XBRoute><alias>r</alias></XBRoute></XBRouteList>");
		try (FakeSbc fake = new FakeSbc((method, path, body) -> method.equals("POST")
				? new FakeSbc.Answer(200, "application/zip", zip) : FakeSbc.Answer.text(405, "Method Not Allowed"))) {
			ok(this.gateway.tables().downloadLarge(endpoint(fake), VsxiTable.ROUTE, row -> {
			}));
			ok(this.gateway.tables().downloadLarge(endpoint(fake), VsxiTable.ROUTE, row -> {
			}));

			assertThat(fake.requests()).extracting(FakeSbc.Request::method).containsExactly("GET", "POST", "POST");
		}
	}

	@Test
	void aDeleteLargeRefusedWith405SendsTheSameEntriesAgainByPost() throws Exception {
		try (FakeSbc fake = new FakeSbc((method, path, body) -> method.equals("POST") ? FakeSbc.Answer.text(200, "200 OK")
				: FakeSbc.Answer.text(405, "Method Not Allowed"))) {
			ok(this.gateway.tables().writeLarge(endpoint(fake), VsxiAction.DELETE_LARGE, VsxiTable.ROUTE,
					VsxiTable.ROUTE.names(), List.of(new TableRow(Map.of("alias", "gone"))), Map.of()));

			assertThat(fake.requests()).extracting(FakeSbc.Request::method).containsExactly("DELETE", "POST");
			assertThat(fake.requests().get(1).body()).isEqualTo(fake.requests().get(0).body()).isNotEmpty();
		}
	}

	@Test
	void xmlGoesAsApplicationXmlAndCsvAndZipsWithoutAContentType() throws Exception {
		try (FakeSbc fake = new FakeSbc((method, path, body) -> FakeSbc.Answer.text(200, "200 OK"))) {
			TableDocument routes = new TableDocument(VsxiTable.ROUTE.names(),
					List.of(new TableRow(Map.of("alias", "r1"))));
			ok(this.gateway.tables().update(endpoint(fake), VsxiTable.ROUTE, routes, Format.XML));
			ok(this.gateway.tables().update(endpoint(fake), VsxiTable.ROUTE, routes, Format.CSV));
			ok(this.gateway.tables().writeLarge(endpoint(fake), VsxiAction.UPDATE_LARGE, VsxiTable.ROUTE, routes.names(),
					routes.rows(), Map.of()));

			assertThat(fake.requests()).extracting(request -> request.header("Content-Type"))
				.containsExactly("application/xml", null, null);
			assertThat(fake.requests().get(1).text()).isEqualTo("alias\r\nr1\r\n");
		}
	}

	private static TableDocument groups() {
		return new TableDocument(VsxiTable.ROUTEGROUP.names(), List.of(new TableRow(Map.of("groupId", "1"))));
	}

	private static FakeSbc.Answer glitch(String glitch) {
		return switch (glitch) {
			case "200 no tables" -> json("{\"mysqldump\":{\"database\":{\"name\":\"x\"}}}");
			case "200 recursion" -> json("{\"mysqldump\":{\"database\":{\"table\":[\"Max recursion depth reached\"]}}}");
			default -> FakeSbc.Answer.text(Integer.parseInt(glitch.substring(0, 3)), glitch);
		};
	}

	private static FakeSbc.Answer json(String body) {
		return new FakeSbc.Answer(200, "application/json", body.getBytes(StandardCharsets.UTF_8));
	}

	private static byte[] zipOf(String xml) throws Exception {
		ByteArrayOutputStream zip = new ByteArrayOutputStream();
		try (ZipOutputStream out = new ZipOutputStream(zip)) {
			out.putNextEntry(new ZipEntry("route.xml"));
			out.write(xml.getBytes(StandardCharsets.UTF_8));
			out.closeEntry();
		}
		return zip.toByteArray();
	}

	private static SbcEndpoint endpoint(FakeSbc fake) {
		return new SbcEndpoint(fake.hashCode(), "fake", URI.create(fake.baseUrl()), "admin", "admin", fake.fingerprint());
	}

	static <T> T ok(Mono<GatewayResult<T>> call) {
		GatewayResult<T> result = call.block(Duration.ofSeconds(30));
		assertThat(result).as("%s", result).isInstanceOf(GatewayResult.Ok.class);
		return result.okValue().orElseThrow();
	}

	static GatewayError failed(Mono<? extends GatewayResult<?>> call) {
		GatewayResult<?> result = call.block(Duration.ofSeconds(30));
		assertThat(result).as("%s", result).isInstanceOf(GatewayResult.Failed.class);
		return result.failure().orElseThrow();
	}

}
