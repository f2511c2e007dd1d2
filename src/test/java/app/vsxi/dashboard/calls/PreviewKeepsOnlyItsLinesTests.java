package app.vsxi.dashboard.calls;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import app.vsxi.dashboard.gateway.CallsCsv;
import app.vsxi.dashboard.gateway.TableRow;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a preview keeps while it waits for its confirmation: the entries it will send and nothing else of the list,
 * and of each only what identifies it, since the confirmation reads the box again before it sends anything.
 */
class PreviewKeepsOnlyItsLinesTests {

	/** The four calls of {@link KillByCsvTests#CSV} as the JSON list gives them, numbers and addresses included. */
	private static final List<TableRow> LISTED = List.of(
			call(1001, "a1@198.51.100.1", "13125550199", "12125550100", "198.51.100.1", "203.0.113.2"),
			call(1002, "b2,x@198.51.100.1", "13125550198", "12125550101", "198.51.100.1", "203.0.113.2"),
			call(1003, "c3@198.51.100.1", "13125550197", "12125550102", "198.51.100.1", "203.0.113.3"),
			call(1004, "d4@198.51.100.4", "13125550196", "12125550103", "198.51.100.4", "203.0.113.2"));

	@Test
	void aKillOfOneCallOutOfManyKeepsThatCallOnlyBySlotAndCallId() {
		CsvLines lines = CsvLines.identify(CallsCsv.parse(KillByCsvTests.CSV), LISTED);
		Kill kill = Kill.byCsv(lines, List.of(LISTED.get(3)));

		PlannedKill plan = PlannedKill.of(KillFormat.CSV, kill.calls(), false);

		assertThat(kill.body()).isEqualTo(KillByCsvTests.HEADER + KillByCsvTests.LAST_WITHOUT_BREAK);
		assertThat(plan.calls()).hasSize(1);
		assertThat(plan.calls().get(0).fields()).containsExactly(Map.entry("ssm_index", 1004L),
				Map.entry("callID", "d4@198.51.100.4"));
		assertThat(plan.toString()).doesNotContain("13125550196", "12125550103", "203.0.113.2", "Jane",
				new String(KillByCsvTests.CSV, StandardCharsets.UTF_8).lines().findFirst().orElseThrow());
	}

	@Test
	void aBulkKillKeepsEachOfItsCallsAndNoOther() {
		PlannedKill plan = PlannedKill.of(KillFormat.XML, Kill.byXml(LISTED.subList(1, 3)).calls(), true);

		assertThat(plan.calls()).extracting(call -> call.text("ssm_index")).containsExactly("1002", "1003");
		assertThat(plan.calls()).allSatisfy(call -> assertThat(call.fields()).containsOnlyKeys("ssm_index", "callID"));
	}

	@Test
	void aRegistrationDeleteKeepsEachRegistrationByIdAndUserOnly() {
		Map<String, Object> fields = new LinkedHashMap<>();
		fields.put("id", "41");
		fields.put("username", "alice");
		fields.put("userDomain", "example.test");
		fields.put("userIp", "192.0.2.77");
		fields.put("trunkId", "11");

		RegistrationsService.PlannedDelete plan = RegistrationsService.PlannedDelete.of(List.of(new TableRow(fields)), false);

		assertThat(plan.registrations()).singleElement()
			.satisfies(kept -> assertThat(kept.fields()).containsExactly(Map.entry("id", "41"), Map.entry("username", "alice")));
	}

	@Test
	void aRefusedPreviewShowingTheFirstRowsOfALongMatchHoldsOnlyThoseRows() {
		List<TableRow> matched = new java.util.ArrayList<>(LISTED);
		RemovalPreview preview = RemovalPreview.refused(7, "sbc-7", "bulk", List.of("ssm_index"), matched.subList(0, 2), 1,
				"too many");
		matched.clear();

		assertThat(preview.entries()).hasSize(2);
	}

	private static TableRow call(long slot, String callId, String ani, String dnis, String origIp, String termIp) {
		Map<String, Object> fields = new LinkedHashMap<>();
		fields.put("ssm_index", slot);
		fields.put("orig_tid", "11");
		fields.put("dnis", dnis);
		fields.put("ani", ani);
		fields.put("orig_ip", origIp);
		fields.put("term_ip", termIp);
		fields.put("callID", callId);
		return new TableRow(fields);
	}

}
