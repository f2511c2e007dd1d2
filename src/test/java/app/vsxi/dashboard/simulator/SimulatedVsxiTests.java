package app.vsxi.dashboard.simulator;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import javax.net.ssl.SSLContext;

import app.vsxi.dashboard.support.CurlTls;
import app.vsxi.dashboard.support.SimulatedBox;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The first commands of the VSXi API, as a plain HTTP client (like curl -k) sees them. */
class SimulatedVsxiTests {

	private static SimulatedVsxi box;

	private static HttpClient http;

	@BeforeAll
	static void start() throws Exception {
		box = SimulatedBox.start("sim-test");
		// the test plays curl -k: it only checks what the box answers, not whom it trusts
		SSLContext insecure = CurlTls.acceptAnything();
		http = HttpClient.newBuilder().sslContext(insecure).build();
	}

	@AfterAll
	static void stop() {
		box.stop();
	}

	@Test
	void realtimeStatsAreAMysqldumpInXmlByDefault() throws Exception {
		HttpResponse<String> response = get("stats/realtime", "admin:admin");

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Type")).hasValue("application/xml");
		assertThat(response.body()).contains("<mysqldump xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\">", "<database name=\"ssdb\">", "<table name=\"system_stat\">",
				"<field name=\"sum_active_session\">", "<field name=\"ha_current_state\">active</field>");
	}

	@Test
	void realtimeStatsInJsonUseContentForFieldValues() throws Exception {
		HttpResponse<String> response = get("stats/realtime?format=json", "admin:admin");

		assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
		assertThat(response.body()).startsWith("{\"mysqldump\":{\"database\":")
			.contains("\"name\":\"max_session_allowed\",\"content\":19750");
	}

	@Test
	void systemRealtimeIsPlainTextWithTheUptimeOnTheFourthLineEvenWhenJsonIsAsked() throws Exception {
		HttpResponse<String> response = get("system/realtime?format=json", "admin:admin");

		assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("text/plain");
		assertThat(response.body().split("\n")[3]).startsWith("HW Up Time: ");
	}

	@Test
	void resourcesDownloadAsXbResourceListWithEveryField() throws Exception {
		String xml = get("download/resource", "admin:admin").body();
		String json = get("download/resource?format=json", "admin:admin").body();

		assertThat(xml).contains("<XBResourceList><XBResource><protocol>sip</protocol><typeSIPgw>", "<trunkId>",
				"<node><fqdn>", "<stiEgressVerifyFailBehavior>passthru</stiEgressVerifyFailBehavior></XBResource>");
		assertThat(json).startsWith("{\"XBResourceList\":{\"XBResource\":[").contains("\"tos\":\"B8\"");
	}

	@Test
	void anUnknownTableIsRefusedWithTheBoxText() throws Exception {
		HttpResponse<String> response = get("download/no_such_table", "admin:admin");

		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(response.body()).isEqualTo("400 fail - invalid table specified: no_such_table");
	}

	@Test
	void everyRequestNeedsBasicAuthAndTheTwo401TextsDiffer() throws Exception {
		assertThat(get("stats/realtime", "admin:wrong").body())
			.isEqualTo("401 Fail - User Not Authorized: invalid user password");
		HttpResponse<String> unknown = get("stats/realtime", "ghost:x");
		assertThat(unknown.statusCode()).isEqualTo(401);
		assertThat(unknown.body())
			.isEqualTo("401 Fail - User Not Authorized: Invalid username or no read/write permissions.");
	}

	@Test
	void requestCountsArePerActionAndTable() throws Exception {
		long before = box.requestCounts().getOrDefault("download/resource", 0L);
		get("download/resource", "admin:admin");

		assertThat(box.requestCounts()).containsEntry("download/resource", before + 1);
		assertThat(get("/simulator/requests", "admin:admin").body()).contains("\"download/resource\":");
	}

	@Test
	void aStoppedBoxClosesItsPortAndComesBackOnTheSameOne() throws Exception {
		SimulatedVsxi other = SimulatedBox.start("sim-restart", StatsGeneration.NEWER);
		int port = other.port();
		other.stop();
		assertThat(other.isRunning()).isFalse();
		other.start();
		assertThat(other.port()).isEqualTo(port);
		other.stop();
	}

	private static HttpResponse<String> get(String command, String credentials) throws IOException, InterruptedException {
		String path = command.startsWith("/") ? command : "/SSConfig/webresources/" + command;
		HttpRequest request = HttpRequest.newBuilder(URI.create(box.baseUrl() + path))
			.header("Authorization",
					"Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)))
			.build();
		return http.send(request, HttpResponse.BodyHandlers.ofString());
	}


}
