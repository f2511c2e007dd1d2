package app.vsxi.dashboard.gateway;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.concurrent.TimeoutException;

import javax.net.ssl.SSLHandshakeException;

import io.netty.channel.ConnectTimeoutException;
import io.netty.handler.timeout.ReadTimeoutException;
import org.junit.jupiter.api.Test;
import reactor.netty.http.client.PrematureCloseException;

import static org.assertj.core.api.Assertions.assertThat;

/** What went wrong on the wire, and what an SBC answered, as the error an operator is shown. */
class FailureClassifierTests {

	private static final SbcEndpoint PINNED = new SbcEndpoint(1, "edge", URI.create("https://sbc.example.test:8888"),
			"api", "pw", "AA:BB", SbcTrust.PINNED_CERTIFICATE, "edge-master");

	private static final SbcEndpoint BY_CA = new SbcEndpoint(2, "core", URI.create("https://core.example.test:8888"),
			"api", "pw", null, SbcTrust.CERTIFICATE_AUTHORITY, null);

	@Test
	void eachStatusIsItsOwnError() {
		assertThat(FailureClassifier.fromStatus(401, "401 Fail - User Not Authorized: invalid user password", PINNED))
			.isEqualTo(new GatewayError.NotAuthorized("401 Fail - User Not Authorized: invalid user password"));
		assertThat(FailureClassifier.fromStatus(402, "402 Fail - not allowed", PINNED))
			.isEqualTo(new GatewayError.SlaveMode("402 Fail - not allowed", "edge-master"));
		assertThat(FailureClassifier.fromStatus(402, "402 Fail", null)).isEqualTo(new GatewayError.SlaveMode("402 Fail", null));
		assertThat(FailureClassifier.fromStatus(400, "400 fail - failed\nnull\n", PINNED))
			.isEqualTo(new GatewayError.Rejected("400 fail - failed"));
		assertThat(FailureClassifier.fromStatus(404, "<html>Not Found</html>", PINNED)).isEqualTo(new GatewayError.NoRestApi());
		assertThat(FailureClassifier.fromStatus(503, "busy", PINNED)).isEqualTo(new GatewayError.UnexpectedResponse(503, "busy"));
	}

	@Test
	void anEmptyRefusalStillSaysItsCode() {
		assertThat(FailureClassifier.fromStatus(401, "", PINNED)).isEqualTo(new GatewayError.NotAuthorized("401"));
		assertThat(FailureClassifier.fromStatus(400, null, PINNED)).isEqualTo(new GatewayError.Rejected("400"));
		assertThat(FailureClassifier.fromStatus(400, " <b></b> ", PINNED)).isEqualTo(new GatewayError.Rejected("400"));
	}

	@Test
	void onlyA500AboutJsonIsTheJsonConversionFailure() {
		assertThat(FailureClassifier.fromStatus(500, "convert xml2json failed(JAXB)", PINNED))
			.isEqualTo(new GatewayError.JsonConversionFailed("convert xml2json failed(JAXB)"));
		assertThat(FailureClassifier.fromStatus(500, "internal error", PINNED))
			.isEqualTo(new GatewayError.UnexpectedResponse(500, "internal error"));
		assertThat(FailureClassifier.fromStatus(400, "convert xml2json failed(JAXB)", PINNED))
			.isEqualTo(new GatewayError.Rejected("convert xml2json failed(JAXB)"));
	}

	@Test
	void theLeadingCodeIsThreeDigitsFromOneToFiveAtTheStart() {
		assertThat(FailureClassifier.leadingCode("300 Finished With Errors")).isEqualTo(300);
		assertThat(FailureClassifier.leadingCode("  402 Fail")).isEqualTo(402);
		assertThat(FailureClassifier.leadingCode("100")).isEqualTo(100);
		assertThat(FailureClassifier.leadingCode("599 x")).isEqualTo(599);
		assertThat(FailureClassifier.leadingCode("OK 200")).isEqualTo(-1);
		assertThat(FailureClassifier.leadingCode("2000 rows")).isEqualTo(-1);
		assertThat(FailureClassifier.leadingCode("600 x")).isEqualTo(-1);
		assertThat(FailureClassifier.leadingCode("099 x")).isEqualTo(-1);
		assertThat(FailureClassifier.leadingCode("")).isEqualTo(-1);
	}

	@Test
	void anOperatorSeesNoMarkupNoScriptAndNoNullLineOnOneShortLine() {
		assertThat(FailureClassifier.operatorText(null)).isEmpty();
		assertThat(FailureClassifier.operatorText("<html><head><style>p{}</style><script>alert(1)</script></head>"
				+ "<body><h1>HTTP Status 401</h1><p>Unauthorized</p></body></html>")).isEqualTo("HTTP Status 401 Unauthorized");
		assertThat(FailureClassifier.operatorText("<SCRIPT type=x>never</script >shown")).isEqualTo("shown");
		assertThat(FailureClassifier.operatorText("a <script>unterminated")).isEqualTo("a");
		assertThat(FailureClassifier.operatorText("400 fail - failed\r\n  null  \n")).isEqualTo("400 fail - failed");
		assertThat(FailureClassifier.operatorText("nullable\nnot null")).isEqualTo("nullable not null");
		assertThat(FailureClassifier.operatorText("1 < 2 and 3 > 2")).isEqualTo("1 < 2 and 3 > 2");
	}

	@Test
	void longTextIsCutAtTwoHundredCharacters() {
		assertThat(FailureClassifier.abbreviate("x".repeat(200))).isEqualTo("x".repeat(200));
		assertThat(FailureClassifier.abbreviate("x".repeat(201))).isEqualTo("x".repeat(200) + "…");
		assertThat(FailureClassifier.abbreviate("  a \t\n b  ")).isEqualTo("a b");
	}

	@Test
	void eachWireFailureIsNamedForWhatHappened() {
		Duration probe = Duration.ofMillis(200);
		assertThat(FailureClassifier.fromException(new ConnectTimeoutException("t"), PINNED, probe))
			.isEqualTo(new GatewayError.Timeout("connect"));
		assertThat(FailureClassifier.fromException(new ConnectException("refused"), PINNED, probe))
			.isEqualTo(new GatewayError.Unreachable("connection refused at sbc.example.test:8888"));
		assertThat(FailureClassifier.fromException(new NoRouteToHostException("no route"), PINNED, probe))
			.isEqualTo(new GatewayError.Unreachable("connection refused at sbc.example.test:8888"));
		assertThat(FailureClassifier.fromException(new UnknownHostException("x"), PINNED, probe))
			.isEqualTo(new GatewayError.Unreachable("unknown host sbc.example.test"));
		assertThat(FailureClassifier.fromException(ReadTimeoutException.INSTANCE, PINNED, probe))
			.isEqualTo(new GatewayError.Timeout("read"));
		assertThat(FailureClassifier.fromException(new TimeoutException("deadline"), PINNED, probe))
			.isEqualTo(new GatewayError.Timeout("read"));
		assertThat(FailureClassifier.fromException(new PoolAcquireTimeoutException(), PINNED, probe))
			.isEqualTo(new GatewayError.Timeout("queue (too many requests waiting for this SBC)"));
		assertThat(FailureClassifier.fromException(PrematureCloseException.TEST_EXCEPTION, PINNED, probe))
			.isEqualTo(new GatewayError.Unreachable("connection closed by the SBC before it answered"));
		assertThat(FailureClassifier.fromException(new IllegalStateException("odd\n  thing"), PINNED, probe))
			.isEqualTo(new GatewayError.UnexpectedResponse(0, "odd thing"));
	}

	@Test
	void theCauseIsFoundUnderWrappers() {
		RuntimeException wrapped = new RuntimeException("outer", new IllegalStateException("middle",
				new ConnectException("refused")));

		assertThat(FailureClassifier.fromException(wrapped, PINNED, Duration.ofMillis(200)))
			.isEqualTo(new GatewayError.Unreachable("connection refused at sbc.example.test:8888"));
	}

	@Test
	void aTlsFailureWithACaNamesTheHostWithoutProbing() {
		GatewayError error = FailureClassifier.fromException(new RuntimeException(new SSLHandshakeException("PKIX path")),
				BY_CA, Duration.ofMillis(200));

		assertThat(error).isEqualTo(new GatewayError.TlsFailure(
				"the certificate is not signed by the configured CA for host core.example.test (PKIX path)"));
	}

	@Test
	void aTlsFailureOfAPinnedSbcThatCannotBeProbedStaysATlsFailure() throws Exception {
		int closedPort;
		try (ServerSocket socket = new ServerSocket(0)) {
			closedPort = socket.getLocalPort();
		}
		SbcEndpoint gone = new SbcEndpoint(3, "gone", URI.create("https://127.0.0.1:" + closedPort), "api", "pw", "AA:BB");

		assertThat(FailureClassifier.fromException(new SSLHandshakeException("bad cert"), gone, Duration.ofMillis(500)))
			.isEqualTo(new GatewayError.TlsFailure("bad cert"));
	}

	@Test
	void aTlsFailureOfAPinnedSbcPresentingAnotherCertificateIsACertificateChange() throws Exception {
		try (app.vsxi.dashboard.support.FakeSbc fake = new app.vsxi.dashboard.support.FakeSbc(
				(method, path, body) -> app.vsxi.dashboard.support.FakeSbc.Answer.text(200, "200 OK"))) {
			URI url = URI.create(fake.baseUrl());
			SbcEndpoint pinnedElsewhere = new SbcEndpoint(4, "moved", url, "api", "pw", "AA:BB");
			SbcEndpoint pinnedRight = new SbcEndpoint(5, "same", url, "api", "pw", fake.fingerprint());

			assertThat(FailureClassifier.fromException(new SSLHandshakeException("x"), pinnedElsewhere, Duration.ofSeconds(5)))
				.isEqualTo(new GatewayError.CertificateChanged(fake.fingerprint(), "AA:BB"));
			assertThat(FailureClassifier.fromException(new SSLHandshakeException("x"), pinnedRight, Duration.ofSeconds(5)))
				.isEqualTo(new GatewayError.TlsFailure("x"));
		}
	}

	/** Named as reactor-netty's own pool exceptions are, which are shaded and matched by name. */
	private static final class PoolAcquireTimeoutException extends RuntimeException {

		PoolAcquireTimeoutException() {
			super("pool");
		}

	}

}
