package app.vsxi.dashboard.gateway;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import app.vsxi.dashboard.calls.VerifiedRemoval;
import app.vsxi.dashboard.support.FakeSbc;
import app.vsxi.dashboard.support.GatewayParts;

import static app.vsxi.dashboard.gateway.GatewayFidelityTests.failed;
import static app.vsxi.dashboard.gateway.GatewayFidelityTests.ok;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What goes on the wire for each write, pinned byte for byte against a fake SBC that only records. Each fixture
 * says where it comes from: [guide] the vendor's REST API guide, [client] a public client that works against real
 * boxes, [inferred] our reading.
 */
class GatewayWireTests {

	private static final String API = "/SSConfig/webresources/";

	private static final String XML_DECLARATION = "<?xml version='1.0' encoding='UTF-8'?>";

	private final GatewayParts gateway = GatewayParts.of(GatewayProperties.of(Duration.ofSeconds(2), Duration.ofSeconds(2), 4)
		.withReadRetries(2, Duration.ofMillis(20)), new SimpleMeterRegistry());

	@AfterEach
	void close() {
		this.gateway.destroy();
	}

	/** [guide] the complete inline update/digit_mapping example, field for field. */
	@Test
	void anUpdateOfADigitMappingGoesAsTheGuidesExample() throws Exception {
		TableRow mapping = row("alias", "API_Test", "tableId", "4", "origAni", "any", "origAniMinLength", "0",
				"origAniMaxLength", "40", "origDnis", "555", "origDnisMinLength", "0", "origDnisMaxLength", "40",
				"transAni", "5555551234", "transDnis", "", "aniAction", "all", "dnisAction", "passthrough");
		try (FakeSbc fake = recording()) {
			ok(this.gateway.tables().update(endpoint(fake), VsxiTable.DIGIT_MAPPING,
					new TableDocument(VsxiTable.DIGIT_MAPPING.names(), List.of(mapping))));

			FakeSbc.Request sent = only(fake);
			assertThat(sent.method()).isEqualTo("POST");
			assertThat(sent.pathAndQuery()).isEqualTo(API + "update/digit_mapping?format=xml");
			assertThat(sent.header("Content-Type")).isEqualTo("application/xml");
			assertThat(sent.text()).isEqualTo(XML_DECLARATION + "<DigitTranslationList><DigitTrans><alias>API_Test</alias>"
					+ "<tableId>4</tableId><origAni>any</origAni><origAniMinLength>0</origAniMinLength>"
					+ "<origAniMaxLength>40</origAniMaxLength><origDnis>555</origDnis><origDnisMinLength>0</origDnisMinLength>"
					+ "<origDnisMaxLength>40</origDnisMaxLength><transAni>5555551234</transAni><transDnis></transDnis>"
					+ "<aniAction>all</aniAction><dnisAction>passthrough</dnisAction></DigitTrans></DigitTranslationList>");
		}
	}

	/**
	 * [client] a kill in XML: XBActiveCallsList with the call as read, its slot and Call-ID together (a slot alone
	 * may be a later call's); [guide] never JSON.
	 */
	@Test
	void aKillInXmlNamesTheCallBySlotAndCallIdUnderTheClientsElements() throws Exception {
		try (FakeSbc fake = recording()) {
			this.gateway.removals().killByXml(endpoint(fake), List.of(row("ssm_index", "17", "dnis", "1212", "callID", "a1@x")),
					java.util.Set.of()).block(Duration.ofSeconds(30));

			FakeSbc.Request sent = theDelete(fake);
			assertThat(sent.method()).isEqualTo("DELETE");
			assertThat(sent.pathAndQuery()).isEqualTo(API + "delete/active_calls?format=xml");
			assertThat(sent.text()).isEqualTo(XML_DECLARATION + "<XBActiveCallsList><XBActiveCall><ssm_index>17</ssm_index>"
					+ "<callID>a1@x</callID></XBActiveCall></XBActiveCallsList>");
		}
	}

	@Test
	void aCallWithoutItsSlotOrCallIdIsNeverNamedInAKill() throws Exception {
		try (FakeSbc fake = recording()) {
			GatewayResult<VerifiedRemoval> slotOnly = this.gateway.removals().killByXml(endpoint(fake),
					List.of(row("ssm_index", "17")), java.util.Set.of()).block(Duration.ofSeconds(30));
			GatewayResult<VerifiedRemoval> blankId = this.gateway.removals().killByXml(endpoint(fake),
					List.of(row("ssm_index", "17", "callID", " ")), java.util.Set.of()).block(Duration.ofSeconds(30));

			assertThat(slotOnly.failure()).containsInstanceOf(GatewayError.Unsupported.class);
			assertThat(blankId.failure()).containsInstanceOf(GatewayError.Unsupported.class);
			assertThat(fake.requests()).isEmpty();
		}
	}

	/** [guide] the table id of replaceLarge/routesInRouteTable; [inferred] its name {@code tableID}, from SOAP. */
	@Test
	void aReplaceOfOneRouteTableCarriesItsIdAndAZipWithoutContentType() throws Exception {
		try (FakeSbc fake = recording()) {
			ok(this.gateway.tables().writeLarge(endpoint(fake), VsxiAction.REPLACE_LARGE, VsxiTable.ROUTES_IN_ROUTE_TABLE,
					VsxiTable.ROUTE.names(), List.of(row("alias", "r1", "tableId", "7")), Map.of("tableID", "7")));

			FakeSbc.Request sent = only(fake);
			assertThat(sent.method()).isEqualTo("POST");
			assertThat(sent.pathAndQuery()).isEqualTo(API + "replaceLarge/routesInRouteTable?tableID=7&format=xml");
			assertThat(sent.header("Content-Type")).isNull();
			try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(sent.body()))) {
				ZipEntry entry = zip.getNextEntry();
				assertThat(entry.getName()).isEqualTo("routesInRouteTable.xml");
				assertThat(new String(zip.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo(XML_DECLARATION
						+ "<XBRouteList><XBRoute><alias>r1</alias><tableId>7</tableId></XBRoute></XBRouteList>");
				assertThat(zip.getNextEntry()).isNull();
			}
		}
	}

	/** [guide] the reader's query example and its encoding: alias%20like%20%27%25TEST%25%27. */
	@Test
	void aQueryStringIsEncodedAsTheGuideShows() throws Exception {
		try (FakeSbc fake = new FakeSbc((method, path, body) -> FakeSbc.Answer.text(200,
				"<DigitTranslationList></DigitTranslationList>"))) {
			ok(this.gateway.tables().query(endpoint(fake), VsxiTable.DIGIT_MAPPING, "alias like '%TEST%'"));

			String sent = fake.requests().get(0).pathAndQuery();
			assertThat(sent).startsWith(API + "query/digit_mapping?")
				.contains("queryString=alias%20like%20%27%25TEST%25%27", "format=xml");
		}
	}

	@Test
	void aWriteMeetingAResetConnectionIsSentOnce() throws Exception {
		try (FakeSbc fake = new FakeSbc((method, path, body) -> {
			throw new IllegalStateException("drop the connection without an answer");
		})) {
			failed(this.gateway.tables().update(endpoint(fake), VsxiTable.ROUTEGROUP, groups()));

			assertThat(fake.requests()).hasSize(1);
		}
	}

	@Test
	void aWriteMeetingAReadTimeoutIsSentOnceWhileAReadIsAskedAgain() throws Exception {
		try (FakeSbc fake = new FakeSbc((method, path, body) -> {
			try {
				Thread.sleep(3_000);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			return FakeSbc.Answer.text(200, "200 OK");
		})) {
			assertThat(failed(this.gateway.tables().update(endpoint(fake), VsxiTable.ROUTEGROUP, groups())))
				.isInstanceOf(GatewayError.Timeout.class);
			assertThat(fake.requests()).hasSize(1);

			failed(this.gateway.tables().download(endpoint(fake), VsxiTable.ROUTEGROUP));
			assertThat(fake.requests()).hasSize(4);
		}
	}

	@Test
	void callsBeyondTheConnectionsAndTheQueueAreRefusedAsBusyAtOnce() throws Exception {
		GatewayParts small = GatewayParts.of(new GatewayProperties(Duration.ofSeconds(2), Duration.ofSeconds(5), 1, 1,
				Duration.ofSeconds(30), Duration.ZERO, 0, Duration.ofMillis(10), Duration.ofMillis(10),
				GatewayProperties.defaults().circuitBreaker(), null),
				new SimpleMeterRegistry());
		java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
		try (FakeSbc fake = new FakeSbc((method, path, body) -> {
			try {
				release.await();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			return FakeSbc.Answer.text(200, "200 OK");
		})) {
			var first = small.tables().update(endpoint(fake), VsxiTable.ROUTEGROUP, groups()).toFuture();
			var second = small.tables().update(endpoint(fake), VsxiTable.ROUTEGROUP, groups()).toFuture();

			GatewayError third = failed(small.tables().update(endpoint(fake), VsxiTable.ROUTEGROUP, groups()));

			assertThat(third).isEqualTo(new GatewayError.Busy());
			assertThat(third.message()).isEqualTo("Busy: too many calls to this SBC at once; try again in a moment");
			release.countDown();
			assertThat(first.get().isOk()).isTrue();
			assertThat(second.get().isOk()).isTrue();
		}
		finally {
			small.destroy();
		}
	}

	private static FakeSbc recording() throws Exception {
		return new FakeSbc((method, path, body) -> FakeSbc.Answer.text(200, "200 OK"));
	}

	/** The delete among the reads that surround it (the box's own rows before, the count of what went after). */
	private static FakeSbc.Request theDelete(FakeSbc fake) {
		return fake.requests().stream().filter(request -> request.method().equals("DELETE")).findFirst().orElseThrow();
	}

	private static FakeSbc.Request only(FakeSbc fake) {
		assertThat(fake.requests()).hasSize(1);
		return fake.requests().get(0);
	}

	private static TableDocument groups() {
		return new TableDocument(VsxiTable.ROUTEGROUP.names(), List.of(row("groupId", "1")));
	}

	private static TableRow row(String... pairs) {
		Map<String, Object> fields = new LinkedHashMap<>();
		for (int i = 0; i < pairs.length; i += 2) {
			fields.put(pairs[i], pairs[i + 1]);
		}
		return new TableRow(fields);
	}

	private static SbcEndpoint endpoint(FakeSbc fake) {
		return new SbcEndpoint(fake.hashCode(), "fake", URI.create(fake.baseUrl()), "admin", "admin", fake.fingerprint());
	}

}
