package app.vsxi.dashboard.calls;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import app.vsxi.dashboard.gateway.CallsCsv;
import app.vsxi.dashboard.gateway.GatewayProperties;
import app.vsxi.dashboard.gateway.GatewayResult;
import app.vsxi.dashboard.gateway.SbcEndpoint;
import app.vsxi.dashboard.gateway.TableRow;
import app.vsxi.dashboard.support.FakeSbc;
import app.vsxi.dashboard.support.GatewayParts;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A kill by CSV is the box's own CSV sent back: the chosen calls' lines byte for byte, with the box's header line
 * when it writes one, however awkward the values, sent as {@code curl -T} sends a file. No source shows that CSV,
 * so its lines are told apart by the calls of the JSON list, never by column names; what cannot be told for sure
 * is refused. A box that answers 200 but keeps the call is reported.
 */
class KillByCsvTests {

	/** As a box might write it: CRLF, quoted commas, doubled quotes, a line break inside quotes, non-ASCII. */
	static final String HEADER = "ssm_index,orig_tid,term_tid,dnis,ani,caller_name,orig_ip,term_ip,inv_time,ans_time,duration,callID\r\n";

	static final String PLAIN = "1001,11,22,12125550100,13125550199,Plain,198.51.100.1,203.0.113.2,11-29-2026 10:00:00,11-29-2026 10:00:02,60,a1@198.51.100.1\r\n";

	static final String COMMAS = "1002,11,22,12125550101,13125550198,\"Doe, Jane \"\"JD\"\"\",198.51.100.1,203.0.113.2,11-29-2026 10:00:00,11-29-2026 10:00:03,59,\"b2,x@198.51.100.1\"\r\n";

	static final String LINE_BREAK = "1003,11,23,12125550102,13125550197,\"Zoë Ørsted\r\nNOC, floor 2\",198.51.100.1,203.0.113.3,11-29-2026 10:00:01,11-29-2026 10:00:04,58,c3@198.51.100.1\r\n";

	static final String LAST_WITHOUT_BREAK = "1004,12,22,12125550103,13125550196,\"株式会社\",198.51.100.4,203.0.113.2,11-29-2026 10:00:01,11-29-2026 10:00:05,57,d4@198.51.100.4";

	static final byte[] CSV = (HEADER + PLAIN + COMMAS + LINE_BREAK + LAST_WITHOUT_BREAK).getBytes(StandardCharsets.UTF_8);

	static final byte[] HEADERLESS = (PLAIN + COMMAS + LINE_BREAK + LAST_WITHOUT_BREAK).getBytes(StandardCharsets.UTF_8);

	/** The same four calls as the JSON list names them. */
	static final List<TableRow> LISTED = List.of(call(1001, "a1@198.51.100.1"), call(1002, "b2,x@198.51.100.1"),
			call(1003, "c3@198.51.100.1"), call(1004, "d4@198.51.100.4"));

	private final GatewayParts gateway = GatewayParts.of(
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
	void everyLineOfTheBoxCsvIsReadWithItsAwkwardValues() {
		CallsCsv csv = CallsCsv.parse(CSV);

		assertThat(csv.size()).isEqualTo(5);
		assertThat(csv.cells(2).get(5)).isEqualTo("Doe, Jane \"JD\"");
		assertThat(csv.cells(2).get(11)).isEqualTo("b2,x@198.51.100.1");
		assertThat(csv.cells(3).get(5)).isEqualTo("Zoë Ørsted\r\nNOC, floor 2");
		assertThat(csv.cells(4).get(5)).isEqualTo("株式会社");
	}

	@Test
	void theDeleteBodyIsTheHeaderAndTheChosenLinesByteForByte() {
		CsvLines lines = CsvLines.identify(CallsCsv.parse(CSV), LISTED);

		assertThat(lines.header()).isTrue();
		assertThat(lines.cut(List.of(key(1002))).body()).isEqualTo((HEADER + COMMAS).getBytes(StandardCharsets.UTF_8));
		assertThat(lines.cut(List.of(key(1003))).body()).isEqualTo((HEADER + LINE_BREAK).getBytes(StandardCharsets.UTF_8));
		CsvCut two = lines.cut(List.of(key(1004), key(1001)));
		assertThat(two.body()).isEqualTo((HEADER + PLAIN + LAST_WITHOUT_BREAK).getBytes(StandardCharsets.UTF_8));
		assertThat(two.targets()).containsExactlyInAnyOrder(key(1001), key(1004));
		assertThat(two.layout()).contains("header line");
	}

	@Test
	void aCsvWithoutAHeaderLineIsCutWithoutOne() {
		CsvLines lines = CsvLines.identify(CallsCsv.parse(HEADERLESS), LISTED);

		assertThat(lines.header()).isFalse();
		CsvCut cut = lines.cut(List.of(key(1001), key(1003)));
		assertThat(cut.body()).isEqualTo((PLAIN + LINE_BREAK).getBytes(StandardCharsets.UTF_8));
		assertThat(cut.layout()).contains("without a header line");
	}

	@Test
	void columnNamesAndOrderDoNotMatterOnlyTheCallsOfTheJsonList() {
		String header = "Leg,Slot Nr,Dialog\r\n";
		String first = "A,1002,\"b2,x@198.51.100.1\"\r\n";
		String second = "B,1001,a1@198.51.100.1\r\n";
		CsvLines lines = CsvLines.identify(CallsCsv.parse((header + first + second).getBytes(StandardCharsets.UTF_8)), LISTED);

		assertThat(lines.header()).isTrue();
		assertThat(lines.cut(List.of(key(1001))).body()).isEqualTo((header + second).getBytes(StandardCharsets.UTF_8));
		assertThat(lines.problem(key(1003))).contains("not in the box's CSV");
	}

	@Test
	void aFirstLineThatIsAnUnlistedCallIsNotTakenForAHeader() {
		String stranger = "999,11,22,12125550100,13125550199,Late,198.51.100.1,203.0.113.2,11-29-2026 10:00:09,11-29-2026 10:00:09,1,new@198.51.100.1\r\n";
		CsvLines lines = CsvLines.identify(CallsCsv.parse((stranger + PLAIN + COMMAS).getBytes(StandardCharsets.UTF_8)), LISTED);

		assertThat(lines.header()).isFalse();
		assertThat(lines.cut(List.of(key(1002))).body()).isEqualTo(COMMAS.getBytes(StandardCharsets.UTF_8));
	}

	@Test
	void aCallWhoseLineCannotBeToldForSureIsRefusedNotGuessed() {
		// a transfer column carries the first call's Call-ID on the second call's line, whose duration is 1001
		String header = "slot,callID,replaces,duration\r\n";
		String first = "1001,a1@198.51.100.1,,60\r\n";
		String second = "1002,\"b2,x@198.51.100.1\",a1@198.51.100.1,1001\r\n";
		String twice = "1003,c3@198.51.100.1,,5\r\n";
		CsvLines lines = CsvLines.identify(CallsCsv.parse((header + first + second + twice + twice).getBytes(StandardCharsets.UTF_8)), LISTED);

		assertThat(lines.problem(key(1001))).contains("more than one line");
		assertThat(lines.problem(key(1002))).contains("also carries another call's");
		assertThat(lines.problem(key(1003))).contains("more than one line");
		assertThat(lines.problem(key(1004))).contains("not in the box's CSV");
		assertThat(lines.lineOf()).isEmpty();
	}

	@Test
	void whereSlotsAreNoNumbersAnUnlistedFirstLineCannotBeToldFromAHeaderSoNothingIsNamed() {
		List<TableRow> listed = List.of(new TableRow(Map.of("ssm_index", "A-1", "callID", "a1@x")),
				new TableRow(Map.of("ssm_index", "A-2", "callID", "b2@x")));
		String unknown = "A-9,z9@x\r\n";
		CsvLines lines = CsvLines.identify(CallsCsv.parse((unknown + "A-1,a1@x\r\nA-2,b2@x\r\n").getBytes(StandardCharsets.UTF_8)), listed);

		assertThat(lines.lineOf()).isEmpty();
		assertThat(lines.problem("A-1|a1@x")).contains("whether it is a header cannot be told");
	}

	@Test
	void killSendsTheBoxLinesWithoutContentTypeOrFormatAndCountsWhatTheReReadNoLongerLists() throws Exception {
		AtomicBoolean killed = new AtomicBoolean();
		java.util.concurrent.atomic.AtomicInteger reads = new java.util.concurrent.atomic.AtomicInteger();
		this.box = new FakeSbc((method, path, body) -> {
			if (method.equals("DELETE")) {
				killed.set(true);
				return FakeSbc.Answer.text(200, "200 OK");
			}
			// the first read is the CSV the kill is cut from, the later ones the JSON re-reads
			return reads.getAndIncrement() == 0 ? new FakeSbc.Answer(200, "text/csv", CSV)
					: json(killed.get() ? List.of("1001", "1003", "1004") : List.of("1001", "1002", "1003", "1004"));
		});
		SbcEndpoint sbc = endpoint(this.box);
		CsvCut cut = CsvLines.identify(ok(this.gateway.calls().activeCallsCsv(sbc)), LISTED).cut(List.of(key(1002)));

		VerifiedRemoval removal = ok(this.gateway.removals().killByCsv(sbc, cut, keys(LISTED)));

		FakeSbc.Request delete = this.box.requests().stream().filter(r -> r.method().equals("DELETE")).findFirst().orElseThrow();
		assertThat(delete.uri()).isEqualTo("/SSConfig/webresources/delete/active_calls");
		assertThat(delete.contentType()).isNull();
		assertThat(delete.body()).isEqualTo((HEADER + COMMAS).getBytes(StandardCharsets.UTF_8));
		assertThat(removal.targeted()).isEqualTo(1);
		assertThat(removal.gone()).isEqualTo(1);
		assertThat(removal.othersGone()).isEmpty();
		assertThat(removal.vsxiMessage()).isEqualTo("200 OK");
	}

	@Test
	void aBoxThatAnswers200ButKeepsTheCallIsReportedAsNotDone() throws Exception {
		this.box = new FakeSbc((method, path, body) -> {
			if (method.equals("DELETE")) {
				return FakeSbc.Answer.text(200, "200 OK");
			}
			return json(List.of("1001", "1002", "1003", "1004"));
		});
		SbcEndpoint sbc = endpoint(this.box);
		CsvCut cut = CsvLines.identify(CallsCsv.parse(CSV), LISTED).cut(List.of(key(1001)));

		VerifiedRemoval removal = ok(this.gateway.removals().killByCsv(sbc, cut, keys(LISTED)));

		assertThat(removal.verified()).isTrue();
		assertThat(removal.allGone()).isFalse();
		assertThat(removal.gone()).isZero();
		assertThat(removal.targeted()).isEqualTo(1);
	}

	@Test
	void anEmptyKillSendsNothing() throws Exception {
		this.box = new FakeSbc((method, path, body) -> new FakeSbc.Answer(200, "text/csv", CSV));
		SbcEndpoint sbc = endpoint(this.box);

		VerifiedRemoval removal = ok(this.gateway.removals().killByCsv(sbc, CsvLines.identify(CallsCsv.parse(CSV), LISTED).cut(List.of()),
				keys(LISTED)));

		assertThat(removal.targeted()).isZero();
		assertThat(removal.allGone()).isTrue();
		assertThat(this.box.requests()).noneMatch(request -> request.method().equals("DELETE"));
	}

	@Test
	void aKillWhoseReReadMissesOtherCallsTooSaysCalmlyThatTheyEndedOnTheirOwn() throws Exception {
		AtomicBoolean killed = new AtomicBoolean();
		this.box = new FakeSbc((method, path, body) -> {
			if (method.equals("DELETE")) {
				killed.set(true);
				return FakeSbc.Answer.text(200, "200 OK");
			}
			return json(killed.get() ? List.of("1001", "1004") : List.of("1001", "1002", "1003", "1004"));
		});
		SbcEndpoint sbc = endpoint(this.box);

		VerifiedRemoval removal = ok(this.gateway.removals().killByXml(sbc, List.of(LISTED.get(1)), keys(LISTED)));
		RemovalReport report = new RemovalReport("sbc-7", "call", removal, null, "XML", List.of());

		assertThat(removal.gone()).isEqualTo(1);
		assertThat(removal.othersGone()).containsExactly(key(1003));
		assertThat(report.success()).isTrue();
		assertThat(report.sentence()).startsWith("The call is gone")
			.contains("Meanwhile 1 other call ended on its own, as calls do; the kill did not name it: slot 1003 "
					+ "(Call-ID c3@198.51.100.1).")
			.doesNotContainIgnoringCase("warning").doesNotContainIgnoringCase("error");
	}

	@Test
	void aRegistrationDeleteWhoseReReadMissesOtherRegistrationsSaysCalmlyTheyLeftOnTheirOwn() throws Exception {
		AtomicBoolean deleted = new AtomicBoolean();
		this.box = new FakeSbc((method, path, body) -> {
			if (method.equals("DELETE")) {
				deleted.set(true);
				return FakeSbc.Answer.text(200, "200 OK");
			}
			return new FakeSbc.Answer(200, "application/json", ("{\"XBSubStatsList\":{\"XBSubStats\":["
					+ (deleted.get() ? "{\"id\":\"7\"}" : "{\"id\":\"5\"},{\"id\":\"6\"},{\"id\":\"7\"}") + "]}}")
				.getBytes(StandardCharsets.UTF_8));
		});

		VerifiedRemoval removal = ok(this.gateway.removals().deleteRegistrations(endpoint(this.box), List.of("5"), Set.of("5", "6", "7")));
		RemovalReport report = new RemovalReport("sbc-7", "registration", removal, null, "XML", List.of());

		assertThat(removal.gone()).isEqualTo(1);
		assertThat(removal.othersGone()).containsExactly("6");
		assertThat(report.sentence()).startsWith("The registration is gone").contains("Meanwhile 1 other registration "
				+ "left the list, as registrations expire and renew on their own; the delete did not name it: id 6.");
	}

	static TableRow call(long slot, String callId) {
		Map<String, Object> fields = new LinkedHashMap<>();
		fields.put("ssm_index", slot);
		fields.put("callID", callId);
		return new TableRow(fields);
	}

	static String key(long slot) {
		return CallIdentity.key(LISTED.stream().filter(call -> call.text("ssm_index").equals(String.valueOf(slot)))
			.findFirst().orElseThrow());
	}

	static Set<String> keys(List<TableRow> calls) {
		return Set.copyOf(calls.stream().map(CallIdentity::key).toList());
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
