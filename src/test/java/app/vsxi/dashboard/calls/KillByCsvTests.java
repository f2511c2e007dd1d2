package app.vsxi.dashboard.calls;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import app.vsxi.dashboard.gateway.CallsCsv;
import app.vsxi.dashboard.gateway.GatewayProperties;
import app.vsxi.dashboard.gateway.GatewayResult;
import app.vsxi.dashboard.gateway.SbcEndpoint;
import app.vsxi.dashboard.gateway.VerifiedRemoval;
import app.vsxi.dashboard.gateway.VsxiGateway;
import app.vsxi.dashboard.support.FakeSbc;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A kill by CSV is the box's own CSV sent back: its header line and the chosen call's line, byte for byte, however
 * awkward the values, sent as {@code curl -T} sends a file. A box that answers 200 but keeps the call is reported.
 */
class KillByCsvTests {

	/** As a box might write it: CRLF, quoted commas, doubled quotes, a line break inside quotes, non-ASCII. */
	static final String HEADER = "ssm_index,orig_tid,term_tid,dnis,ani,caller_name,orig_ip,term_ip,inv_time,ans_time,duration,callID\r\n";

	static final String PLAIN = "1001,11,22,12125550100,13125550199,Plain,198.51.100.1,203.0.113.2,11-29-2026 10:00:00,11-29-2026 10:00:02,60,a1@198.51.100.1\r\n";

	static final String COMMAS = "1002,11,22,12125550101,13125550198,\"Doe, Jane \"\"JD\"\"\",198.51.100.1,203.0.113.2,11-29-2026 10:00:00,11-29-2026 10:00:03,59,\"b2,x@198.51.100.1\"\r\n";

	static final String LINE_BREAK = "1003,11,23,12125550102,13125550197,\"Zoë Ørsted\r\nNOC, floor 2\",198.51.100.1,203.0.113.3,11-29-2026 10:00:01,11-29-2026 10:00:04,58,c3@198.51.100.1\r\n";

	static final String LAST_WITHOUT_BREAK = "1004,12,22,12125550103,13125550196,\"株式会社\",198.51.100.4,203.0.113.2,11-29-2026 10:00:01,11-29-2026 10:00:05,57,d4@198.51.100.4";

	static final byte[] CSV = (HEADER + PLAIN + COMMAS + LINE_BREAK + LAST_WITHOUT_BREAK).getBytes(StandardCharsets.UTF_8);

	private final VsxiGateway gateway = new VsxiGateway(
			GatewayProperties.of(Duration.ofSeconds(2), Duration.ofSeconds(3), 4), new SimpleMeterRegistry());

	private FakeSbc box;

	@AfterEach
	void close() {
		this.gateway.destroy();
		if (this.box != null) {
			this.box.close();
		}
	}

	@Test
	void everyCallOfTheBoxCsvIsReadWithItsAwkwardValues() {
		CallsCsv csv = CallsCsv.parse(CSV);

		assertThat(csv.rows()).hasSize(4);
		assertThat(csv.rows().get(1).text("caller_name")).isEqualTo("Doe, Jane \"JD\"");
		assertThat(csv.rows().get(1).text("callID")).isEqualTo("b2,x@198.51.100.1");
		assertThat(csv.rows().get(2).text("caller_name")).isEqualTo("Zoë Ørsted\r\nNOC, floor 2");
		assertThat(csv.rows().get(3).text("caller_name")).isEqualTo("株式会社");
		assertThat(csv.rows().get(3).fields().keySet()).containsExactly("ssm_index", "orig_tid", "term_tid", "dnis",
				"ani", "caller_name", "orig_ip", "term_ip", "inv_time", "ans_time", "duration", "callID");
	}

	@Test
	void theDeleteBodyIsTheHeaderAndTheChosenLinesByteForByte() {
		CallsCsv csv = CallsCsv.parse(CSV);

		assertThat(csv.deleteBody(List.of(1))).isEqualTo((HEADER + COMMAS).getBytes(StandardCharsets.UTF_8));
		assertThat(csv.deleteBody(List.of(2))).isEqualTo((HEADER + LINE_BREAK).getBytes(StandardCharsets.UTF_8));
		assertThat(csv.deleteBody(List.of(3, 0)))
			.isEqualTo((HEADER + PLAIN + LAST_WITHOUT_BREAK).getBytes(StandardCharsets.UTF_8));
	}

	@Test
	void killSendsTheBoxLinesWithoutContentTypeOrFormatAndCountsWhatTheReReadNoLongerLists() throws Exception {
		AtomicBoolean killed = new AtomicBoolean();
		AtomicInteger reads = new AtomicInteger();
		this.box = new FakeSbc((method, path, body) -> {
			if (method.equals("DELETE")) {
				killed.set(true);
				return FakeSbc.Answer.text(200, "200 OK");
			}
			// the first read is the CSV the kill is cut from, the later ones the JSON re-reads
			if (reads.getAndIncrement() == 0) {
				return new FakeSbc.Answer(200, "text/csv", CSV);
			}
			return json(killed.get() ? List.of("1001", "1003", "1004") : List.of("1001", "1002", "1003", "1004"));
		});
		SbcEndpoint sbc = endpoint(this.box);
		CallsCsv csv = ok(this.gateway.activeCallsCsv(sbc));

		VerifiedRemoval removal = ok(this.gateway.killCalls(sbc, csv, List.of(1)));

		FakeSbc.Request delete = this.box.requests().stream().filter(r -> r.method().equals("DELETE")).findFirst().orElseThrow();
		assertThat(delete.uri()).isEqualTo("/SSConfig/webresources/delete/active_calls");
		assertThat(delete.contentType()).isNull();
		assertThat(delete.body()).isEqualTo((HEADER + COMMAS).getBytes(StandardCharsets.UTF_8));
		assertThat(removal.targeted()).isEqualTo(1);
		assertThat(removal.gone()).isEqualTo(1);
		assertThat(removal.vsxiMessage()).isEqualTo("200 OK");
	}

	@Test
	void aBoxThatAnswers200ButKeepsTheCallIsReportedAsNotDone() throws Exception {
		AtomicInteger reads = new AtomicInteger();
		this.box = new FakeSbc((method, path, body) -> {
			if (method.equals("DELETE")) {
				return FakeSbc.Answer.text(200, "200 OK");
			}
			return reads.getAndIncrement() == 0 ? new FakeSbc.Answer(200, "text/csv", CSV)
					: json(List.of("1001", "1002", "1003", "1004"));
		});
		SbcEndpoint sbc = endpoint(this.box);
		CallsCsv csv = ok(this.gateway.activeCallsCsv(sbc));

		VerifiedRemoval removal = ok(this.gateway.killCalls(sbc, csv, List.of(0)));

		assertThat(removal.verified()).isTrue();
		assertThat(removal.allGone()).isFalse();
		assertThat(removal.gone()).isZero();
		assertThat(removal.targeted()).isEqualTo(1);
	}

	@Test
	void anEmptyKillSendsNothing() throws Exception {
		this.box = new FakeSbc((method, path, body) -> new FakeSbc.Answer(200, "text/csv", CSV));
		SbcEndpoint sbc = endpoint(this.box);
		CallsCsv csv = ok(this.gateway.activeCallsCsv(sbc));

		VerifiedRemoval removal = ok(this.gateway.killCalls(sbc, csv, List.of()));

		assertThat(removal.targeted()).isZero();
		assertThat(removal.allGone()).isTrue();
		assertThat(this.box.requests()).noneMatch(request -> request.method().equals("DELETE"));
	}

	static FakeSbc.Answer json(List<String> slots) {
		StringBuilder calls = new StringBuilder();
		for (String slot : slots) {
			String callId = switch (slot) {
				case "1001" -> "a1@198.51.100.1";
				case "1002" -> "b2,x@198.51.100.1";
				case "1003" -> "c3@198.51.100.1";
				default -> "d4@198.51.100.4";
			};
			calls.append(calls.isEmpty() ? "" : ",").append("{\"ssm_index\":").append(slot).append(",\"callID\":\"")
				.append(callId).append("\"}");
		}
		return new FakeSbc.Answer(200, "application/json",
				("{\"XBActiveCallsList\":{\"XBActiveCall\":[" + calls + "]}}").getBytes(StandardCharsets.UTF_8));
	}

	static SbcEndpoint endpoint(FakeSbc box) {
		return new SbcEndpoint(41, "fake", URI.create(box.baseUrl()), "admin", "admin", box.fingerprint());
	}

	static <T> T ok(reactor.core.publisher.Mono<GatewayResult<T>> call) {
		GatewayResult<T> result = call.block();
		assertThat(result).isInstanceOf(GatewayResult.Ok.class);
		return ((GatewayResult.Ok<T>) result).value();
	}

}
