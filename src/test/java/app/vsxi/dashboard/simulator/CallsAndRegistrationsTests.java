package app.vsxi.dashboard.simulator;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import app.vsxi.dashboard.support.SimulatedBox;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Killing calls and deleting registrations over HTTPS remove exactly what was named. */
class CallsAndRegistrationsTests {

	private SimulatedVsxi box;

	private SimulatorClient client;

	@BeforeEach
	void start() {
		this.box = SimulatedBox.start("calls");
		this.client = new SimulatorClient(this.box, "admin", "admin");
	}

	@AfterEach
	void stop() {
		this.box.stop();
	}

	@Test
	void aCsvRowAsTheActiveCallsCsvGivesItEndsThatCallOnly() {
		List<String> csv = this.client.getText("stats/active_calls?format=csv").lines().toList();
		assertThat(csv).hasSizeGreaterThan(3);
		String victim = csv.get(2);

		String answer = this.client.text("DELETE", "delete/active_calls", csv.get(0) + "\r\n" + victim + "\r\n");

		assertThat(answer).isEqualTo("200 OK");
		List<String> ids = callIds();
		assertThat(ids).doesNotContain(victim.split(",")[10]).contains(csv.get(1).split(",")[10], csv.get(3).split(",")[10]);
		assertThat(this.box.userAccessLog()).anyMatch(line -> line.contains("delete/active_calls OK - 1 of 1 calls ended"));
	}

	@Test
	void anXmlListOfCallsEndsThoseCallsAndAnUnmatchedOrEmptyBodyEndsNone() {
		List<Map<String, Object>> calls = TableRoundTripTests.entries(TableCatalog.ACTIVE_CALLS,
				this.client.getText("stats/active_calls"));
		String two = new String(EntryWriter.bytes(TableCatalog.ACTIVE_CALLS, Document.Format.XML,
				List.of(calls.get(0), calls.get(1))), java.nio.charset.StandardCharsets.UTF_8);

		assertThat(this.client.text("DELETE", "delete/active_calls", two)).isEqualTo("200 OK");
		assertThat(callIds()).doesNotContain((String) calls.get(0).get("callID"), (String) calls.get(1).get("callID"))
			.contains((String) calls.get(2).get("callID"));

		List<String> before = callIds();
		assertThat(this.client.text("DELETE", "delete/active_calls", "")).isEqualTo("200 OK");
		assertThat(this.client.text("DELETE", "delete/active_calls",
				"<XBActiveCallsList><XBActiveCall><ssm_index>1</ssm_index><callID>none</callID></XBActiveCall></XBActiveCallsList>"))
			.isEqualTo("200 OK");
		assertThat(callIds()).containsAll(before);
	}

	@Test
	void theBoxsOwnCsvLinesSentBackByteForByteEndExactlyThoseCallsEvenWithAwkwardNames() {
		byte[] download = this.client.get("stats/active_calls?format=csv").body();
		List<String> lines = List.of(new String(download, StandardCharsets.UTF_8).split("\r\n"));
		String header = lines.get(0);
		// the caller names put commas, doubled quotes and non-ASCII letters into the box's CSV
		String awkward = lines.stream().skip(1).filter(line -> line.endsWith(",\"Müller, Jürgen\"")).findFirst()
			.orElseThrow();
		String quoted = lines.stream().skip(1).filter(line -> line.contains("\"\"Bob\"\", Jr.")).findFirst()
			.orElseThrow();
		assertThat(header).endsWith(",callID,caller_name");
		byte[] body = (header + "\r\n" + awkward + "\r\n" + quoted + "\r\n").getBytes(StandardCharsets.UTF_8);
		List<String> others = lines.stream().skip(1).filter(line -> line != awkward && line != quoted)
			.map(CallsAndRegistrationsTests::ssmIndex).toList();

		var answer = this.client.send("DELETE", "delete/active_calls", body, null);

		assertThat(answer.statusCode()).isEqualTo(200);
		List<String> left = ssmIndexes();
		assertThat(left).doesNotContain(ssmIndex(awkward), ssmIndex(quoted)).containsAll(others);
	}

	@Test
	void nothingIsKilledForAnEmptyHeaderOnlyOrUnmatchedBody() {
		List<String> csv = List.of(this.client.getText("stats/active_calls?format=csv").split("\r\n"));
		String stranger = "999999" + csv.get(1).substring(csv.get(1).indexOf(',')).replaceFirst(",[^,]*@[^,]*,", ",nobody@nowhere,");
		List<String> before = ssmIndexes();

		assertThat(this.client.send("DELETE", "delete/active_calls", new byte[0], null).statusCode()).isEqualTo(200);
		assertThat(this.client.send("DELETE", "delete/active_calls", (csv.get(0) + "\r\n").getBytes(StandardCharsets.UTF_8),
				null).statusCode()).isEqualTo(200);
		assertThat(this.client.text("DELETE", "delete/active_calls", csv.get(0) + "\r\n" + stranger + "\r\n"))
			.isEqualTo("200 OK");
		assertThat(this.client.text("DELETE", "delete/active_calls", "<XBActiveCallsList/>")).isEqualTo("200 OK");

		assertThat(ssmIndexes()).containsAll(before);
	}

	@Test
	void anXmlEntryWithOnlySsmIndexOrOnlyCallIdEndsThatCall() {
		List<Map<String, Object>> calls = TableRoundTripTests.entries(TableCatalog.ACTIVE_CALLS,
				this.client.getText("stats/active_calls"));
		Map<String, Object> byIndex = calls.get(0);
		Map<String, Object> byCallId = calls.get(1);

		this.client.send("DELETE", "delete/active_calls", ("<XBActiveCallsList><XBActiveCall><ssm_index>"
				+ byIndex.get("ssm_index") + "</ssm_index></XBActiveCall></XBActiveCallsList>").getBytes(StandardCharsets.UTF_8),
				"application/xml");
		this.client.send("DELETE", "delete/active_calls", ("<XBActiveCallsList><XBActiveCall><callID>"
				+ byCallId.get("callID") + "</callID></XBActiveCall></XBActiveCallsList>").getBytes(StandardCharsets.UTF_8),
				"application/xml");

		assertThat(callIds()).doesNotContain((String) byIndex.get("callID"), (String) byCallId.get("callID"))
			.contains((String) calls.get(2).get("callID"));
	}

	@Test
	void aBoxWithoutACsvHeaderSendsOnlyCallLinesAndKillsByLinesInItsOwnColumnOrder() {
		this.box.quirks(Map.of("callsCsvHeader", false));
		List<String> withHeader = List.of(csvWithHeader().split("\r\n"));
		List<String> lines = List.of(this.client.getText("stats/active_calls?format=csv").split("\r\n"));
		assertThat(lines.get(0)).doesNotContain("callID").matches("\\d+,.*");
		String victim = lines.get(1);
		List<String> before = ssmIndexes();

		assertThat(this.client.text("DELETE", "delete/active_calls", withHeader.get(0) + "\r\n")).isEqualTo("200 OK");
		assertThat(ssmIndexes()).containsAll(before);
		assertThat(this.client.text("DELETE", "delete/active_calls", victim + "\r\n")).isEqualTo("200 OK");

		assertThat(ssmIndexes()).doesNotContain(ssmIndex(victim)).contains(ssmIndex(lines.get(0)), ssmIndex(lines.get(2)));
	}

	@Test
	void aBoxWithACsvHeaderTakesTheFirstLineOfAKillAsItsHeaderSoLinesWithoutOneKillNothing() {
		List<String> lines = List.of(this.client.getText("stats/active_calls?format=csv").split("\r\n"));
		String first = lines.get(1);
		String second = lines.get(2);

		this.client.text("DELETE", "delete/active_calls", first + "\r\n" + second + "\r\n");

		assertThat(ssmIndexes()).contains(ssmIndex(first), ssmIndex(second));
	}

	@Test
	void aBoxThatIgnoresUnknownFilterElementsDeletesEveryRegistrationForATrunkFilter() {
		List<Map<String, Object>> before = TableRoundTripTests.entries(TableCatalog.SUB_STATS,
				this.client.getText("stats/sub_stats"));
		String trunkFilter = "<XBSubStatsList><XBSubStats><trunkId>" + before.get(0).get("trunkId")
				+ "</trunkId></XBSubStats></XBSubStatsList>";

		this.client.text("DELETE", "delete/sub_stats", "<XBSubStatsList><XBSubStats><username>"
				+ before.get(0).get("username") + "</username><trunk>1</trunk></XBSubStats></XBSubStatsList>");
		assertThat(registrationIds()).contains(before.get(0).get("id").toString());
		assertThat(this.box.userAccessLog()).anyMatch(line -> line.contains("unknown filter elements [trunk]"));
		this.box.quirks(Map.of("ignoreUnknownFilterFields", true));
		assertThat(this.client.text("DELETE", "delete/sub_stats", trunkFilter)).isEqualTo("200 OK");

		assertThat(registrationIds()).doesNotContainAnyElementsOf(before.stream().map(r -> r.get("id").toString()).toList());
	}

	@Test
	void jsonIsNotAcceptedToKillCalls() {
		String json = this.client.getText("stats/active_calls?format=json");

		assertThat(this.client.text("DELETE", "delete/active_calls", json)).isEqualTo("400 fail - validation exception");
	}

	@Test
	void registrationDeleteRemovesExactlyTheMatchesAndAlwaysAnswers200() {
		List<Map<String, Object>> before = TableRoundTripTests.entries(TableCatalog.SUB_STATS,
				this.client.getText("stats/sub_stats"));
		Map<String, Object> target = before.get(1);

		String answer = this.client.text("DELETE", "delete/sub_stats",
				"<XBSubStatsList><XBSubStats><username>" + target.get("username") + "</username><trunkID>"
						+ target.get("trunkId") + "</trunkID></XBSubStats>"
						+ "<XBSubStats><username>" + before.get(2).get("username") + "</username><userIp>10.0.0.0</userIp>"
						+ "</XBSubStats></XBSubStatsList>");

		assertThat(answer).isEqualTo("200 OK");
		List<Object> ids = TableRoundTripTests.entries(TableCatalog.SUB_STATS, this.client.getText("stats/sub_stats"))
			.stream()
			.map(r -> r.get("id"))
			.toList();
		assertThat(ids).doesNotContain(target.get("id"))
			.containsAll(before.stream().filter(r -> r != target).map(r -> r.get("id")).toList());
		assertThat(this.client.text("DELETE", "delete/sub_stats", "<XBSubStatsList/>")).isEqualTo("200 OK");
		assertThat(this.client.text("DELETE", "delete/sub_stats", "not xml at all <")).isEqualTo("200 OK");
	}

	@Test
	void statsMoveWhileTheBoxRuns() throws InterruptedException {
		String sipBefore = this.client.getText("stats/sip_stats");
		String resourceBefore = this.client.getText("stats/resource");
		Thread.sleep(1100);

		assertThat(this.client.getText("stats/sip_stats")).isNotEqualTo(sipBefore).contains("<table name=\"sip_request_stat\">");
		assertThat(this.client.getText("stats/resource")).isNotEqualTo(resourceBefore)
			.contains("<table name=\"ingress_stat\">", "<field name=\"1st15mins_call_attempt\">");
	}

	private String csvWithHeader() {
		this.box.quirks(Map.of("callsCsvHeader", true));
		try {
			return this.client.getText("stats/active_calls?format=csv");
		}
		finally {
			this.box.quirks(Map.of("callsCsvHeader", false));
		}
	}

	private List<String> registrationIds() {
		return TableRoundTripTests.entries(TableCatalog.SUB_STATS, this.client.getText("stats/sub_stats"))
			.stream()
			.map(r -> r.get("id").toString())
			.toList();
	}

	private List<String> ssmIndexes() {
		return TableRoundTripTests.entries(TableCatalog.ACTIVE_CALLS, this.client.getText("stats/active_calls"))
			.stream()
			.map(call -> String.valueOf(call.get("ssm_index")))
			.toList();
	}

	private static String ssmIndex(String csvLine) {
		return csvLine.substring(0, csvLine.indexOf(','));
	}

	private List<String> callIds() {
		return TableRoundTripTests.entries(TableCatalog.ACTIVE_CALLS, this.client.getText("stats/active_calls"))
			.stream()
			.map(call -> (String) call.get("callID"))
			.toList();
	}

}
