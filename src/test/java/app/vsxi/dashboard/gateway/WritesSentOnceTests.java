package app.vsxi.dashboard.gateway;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import reactor.core.publisher.Mono;

import app.vsxi.dashboard.calls.CsvCut;
import app.vsxi.dashboard.support.FakeSbc;
import app.vsxi.dashboard.support.GatewayParts;
import app.vsxi.dashboard.support.StartEarly;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every kind of write goes to the box exactly once whatever it meets: a box that may have done it must never be
 * asked twice, and the operator is told whether it refused or whether nobody knows what it did.
 */
@StartEarly
class WritesSentOnceTests {

	private static final String API = "/SSConfig/webresources/";

	private static final String SLAVE = "402 Fail - This action is not allowed while system is in Load-Balance Slave mode";

	// long enough for the answers on a busy machine; only the timeout case waits for it, so it gets a shorter one
	private static final Duration READ_TIMEOUT = Duration.ofSeconds(5);

	// under the timeout case's delay, so the one case that waits for a timeout waits seconds less
	private static final Duration SHORT_READ_TIMEOUT = Duration.ofSeconds(2);

	private GatewayParts gateway;

	@AfterEach
	void close() {
		if (this.gateway != null) {
			this.gateway.destroy();
		}
	}

	private GatewayParts gateway(Duration readTimeout) {
		this.gateway = GatewayParts.of(GatewayProperties.of(Duration.ofSeconds(5), readTimeout, 4)
			.withReadRetries(2, Duration.ofMillis(20)), new SimpleMeterRegistry());
		return this.gateway;
	}

	/** One write kind: what the fake must see, and how the product sends it (the only place a gateway call is named). */
	record Write(String name, String method, String pathAndQuery, Send send) {

		@Override
		public String toString() {
			return this.name;
		}

	}

	@FunctionalInterface
	interface Send {

		Mono<? extends GatewayResult<?>> to(GatewayParts gateway, SbcEndpoint sbc);

	}

	/** What the box does to the write, the gateway's read timeout, and the failure the operator must be given for it. */
	record Failure(String name, FakeSbc.Responder box, Duration readTimeout, GatewayError expected) {

		Failure(String name, FakeSbc.Responder box, GatewayError expected) {
			this(name, box, READ_TIMEOUT, expected);
		}

		@Override
		public String toString() {
			return this.name;
		}

	}

	static Stream<Arguments> everyWriteUnderEveryFailure() {
		List<Write> writes = List.of(
				new Write("kill by the box's CSV", "DELETE", API + "delete/active_calls",
						(gateway, sbc) -> gateway.removals().killByCsv(sbc, new CsvCut(
								"4,1212,a4@198.51.100.4\n".getBytes(StandardCharsets.UTF_8), List.of("4|a4@198.51.100.4"),
								false), Set.of("4|a4@198.51.100.4"))),
				new Write("kill in XML", "DELETE", API + "delete/active_calls?format=xml",
						(gateway, sbc) -> gateway.removals().killByXml(sbc,
								List.of(row("ssm_index", "4", "callID", "a4@198.51.100.4")), Set.of("4|a4@198.51.100.4"))),
				new Write("registration delete", "DELETE", API + "delete/sub_stats?format=xml",
						(gateway, sbc) -> gateway.removals().deleteRegistrations(sbc, List.of("1"), Set.of("1"))),
				new Write("delete/route", "DELETE", API + "delete/route?format=xml",
						(gateway, sbc) -> gateway.tables().delete(sbc, VsxiTable.ROUTE, routes())),
				new Write("upload/route", "POST", API + "upload/route?format=xml",
						(gateway, sbc) -> gateway.tables().upload(sbc, VsxiTable.ROUTE, routes())),
				new Write("update/route", "POST", API + "update/route?format=xml",
						(gateway, sbc) -> gateway.tables().update(sbc, VsxiTable.ROUTE, routes())),
				new Write("updateLarge/route", "POST", API + "updateLarge/route?format=xml",
						(gateway, sbc) -> large(gateway, sbc, VsxiAction.UPDATE_LARGE, VsxiTable.ROUTE, Map.of())),
				new Write("deleteLarge/route", "DELETE", API + "deleteLarge/route?format=xml",
						(gateway, sbc) -> large(gateway, sbc, VsxiAction.DELETE_LARGE, VsxiTable.ROUTE, Map.of())),
				new Write("replaceLarge/route", "POST", API + "replaceLarge/route?format=xml",
						(gateway, sbc) -> large(gateway, sbc, VsxiAction.REPLACE_LARGE, VsxiTable.ROUTE, Map.of())),
				new Write("replaceLarge/routesInRouteTable", "POST",
						API + "replaceLarge/routesInRouteTable?tableID=7&format=xml",
						(gateway, sbc) -> large(gateway, sbc, VsxiAction.REPLACE_LARGE, VsxiTable.ROUTES_IN_ROUTE_TABLE,
								Map.of("tableID", "7"))));
		List<Failure> failures = List.of(
				new Failure("HTTP 503", (method, path, body) -> FakeSbc.Answer.text(503, "503 Service Unavailable"),
						new GatewayError.UnexpectedResponse(503, "503 Service Unavailable")),
				new Failure("connection reset before any answer", (method, path, body) -> {
					throw new IllegalStateException("drop the connection without an answer");
				}, new GatewayError.Unreachable("connection closed by the SBC before it answered")),
				new Failure("connection reset mid-answer",
						(method, path, body) -> FakeSbc.Answer.cutShort(200, "200 OK, the entries were written"),
						new GatewayError.Unreachable("connection closed by the SBC before it answered")),
				new Failure("read timeout", (method, path, body) -> {
					sleep(Duration.ofSeconds(4));
					return FakeSbc.Answer.text(200, "200 OK");
				}, SHORT_READ_TIMEOUT, new GatewayError.Timeout("read")),
				new Failure("HTTP 200 carrying a 402", (method, path, body) -> FakeSbc.Answer.text(200, SLAVE),
						new GatewayError.SlaveMode(SLAVE, null)));
		return writes.stream().flatMap(write -> failures.stream().map(failure -> Arguments.of(write, failure)));
	}

	@ParameterizedTest(name = "{0} under {1}")
	@MethodSource("everyWriteUnderEveryFailure")
	void aWriteIsSentExactlyOnceAndEndsInTheFailureItMet(Write write, Failure failure) throws Exception {
		try (FakeSbc fake = new FakeSbc(failure.box())) {
			GatewayResult<?> result = write.send().to(gateway(failure.readTimeout()), endpoint(fake)).block(Duration.ofSeconds(30));

			assertThat(result.failure()).as("%s", result).contains(failure.expected());
			assertThat(fake.requests()).as("what reached the box").hasSize(1);
			assertThat(fake.requests().get(0).method()).isEqualTo(write.method());
			assertThat(fake.requests().get(0).pathAndQuery()).isEqualTo(write.pathAndQuery());
		}
	}

	private static Mono<GatewayResult<WriteOutcome>> large(GatewayParts gateway, SbcEndpoint sbc, VsxiAction action,
			VsxiTable table, Map<String, String> parameters) {
		return gateway.tables().writeLarge(sbc, action, table, VsxiTable.ROUTE.names(), routes().rows(), parameters);
	}

	private static TableDocument routes() {
		return new TableDocument(VsxiTable.ROUTE.names(), List.of(row("alias", "r1", "tableId", "7")));
	}

	private static TableRow row(String... pairs) {
		Map<String, Object> fields = new java.util.LinkedHashMap<>();
		for (int i = 0; i < pairs.length; i += 2) {
			fields.put(pairs[i], pairs[i + 1]);
		}
		return new TableRow(fields);
	}

	private static SbcEndpoint endpoint(FakeSbc fake) {
		return new SbcEndpoint(fake.hashCode(), "fake", URI.create(fake.baseUrl()), "admin", "admin", fake.fingerprint());
	}

	private static void sleep(Duration duration) {
		try {
			Thread.sleep(duration.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
