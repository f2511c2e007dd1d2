package app.vsxi.dashboard.calls;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;

import app.vsxi.dashboard.audit.AuditEvent;
import app.vsxi.dashboard.audit.AuditLog;
import app.vsxi.dashboard.audit.AuditOutcome;
import app.vsxi.dashboard.audit.AuditQuery;
import app.vsxi.dashboard.demo.DemoFleet;
import app.vsxi.dashboard.fleet.FleetService;
import app.vsxi.dashboard.gateway.GatewayResult;
import app.vsxi.dashboard.gateway.StatsReads;
import app.vsxi.dashboard.gateway.TableDocument;
import app.vsxi.dashboard.gateway.TableRow;
import app.vsxi.dashboard.gateway.VsxiTable;
import app.vsxi.dashboard.simulator.SimulatedVsxi;
import app.vsxi.dashboard.support.AuditScopes;
import app.vsxi.dashboard.support.DemoSbcs;
import app.vsxi.dashboard.support.SameApplication;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Confirmations of kills and registration deletes that send nothing: each says why and leaves exactly one refusal
 * in the audit trail. A user keeps two previews of each kind here, and a preview may be confirmed within 5 s.
 * Without a test transaction, so the audit trail is read as it stays.
 */
@SpringBootTest(properties = { "vsxi.calls.pending-per-user=2", "vsxi.calls.confirm-within=5s",
		"vsxi.calls.bulk-kill-max=25", "vsxi.gateway.read-timeout=15s" })
@ActiveProfiles({ "demo", "test" })
@WithMockUser(username = "confirming-operator", roles = "ADMIN")
@ResourceLock(providers = SameApplication.class)
class RefusedConfirmationsTests {

	private static final String ACTOR = "confirming-operator";

	@Autowired
	CallKills kills;

	@Autowired
	RegistrationsService registrations;

	@Autowired
	DemoFleet demo;

	@Autowired
	FleetService fleet;

	@Autowired
	StatsReads gateway;

	@Autowired
	AuditLog audit;

	private SimulatedVsxi box;

	private long sbcId;

	private long registrarId;

	@BeforeEach
	void pickBoxes() {
		this.box = this.demo.box("demo-sbc-1");
		this.sbcId = idOf("demo-sbc-1");
		this.registrarId = idOf("demo-sbc-2");
	}

	@Test
	void aThirdKillPreviewReplacesTheFirstWhoseConfirmationIsRefusedAndAuditedWhileTheSecondStillKills() {
		List<TableRow> calls = calls();
		RemovalPreview first = preview(calls.get(0));
		RemovalPreview second = preview(calls.get(1));
		preview(calls.get(2));
		long deletesBefore = deletes();
		int refusalsBefore = refusals().size();

		RemovalReport refused = this.kills.kill(this.sbcId, first.token(), null);

		assertThat(refused.removal()).isNull();
		assertThat(refused.sentence()).isEqualTo("This preview was replaced by newer previews: each user keeps only "
				+ "the latest 2. Nothing was sent; preview the kill again.");
		assertThat(deletes()).isEqualTo(deletesBefore);
		assertOneRefusal(refusalsBefore, "CALL_KILL", "replaced by newer previews");
		assertThat(calls()).extracting(CallIdentity::key).contains(CallIdentity.key(calls.get(0)));

		RemovalReport killed = this.kills.kill(this.sbcId, second.token(), null);

		assertThat(killed.success()).as(killed.sentence()).isTrue();
		assertThat(calls()).extracting(CallIdentity::key).doesNotContain(CallIdentity.key(calls.get(1)));
	}

	@Test
	void aNeverIssuedKillConfirmationIsRefusedAndAuditedOnce() {
		int before = refusals().size();

		RemovalReport report = this.kills.kill(this.sbcId, "0123456789abcdef0123456789abcdef", null);

		assertThat(report.sentence()).contains("unknown").contains("nothing was sent");
		assertOneRefusal(before, "CALL_KILL", "unknown");
	}

	@Test
	void anExpiredKillConfirmationIsRefusedAndAuditedOnce() throws InterruptedException {
		RemovalPreview preview = preview(calls().get(0));
		Thread.sleep(5_500);
		long deletesBefore = deletes();
		int before = refusals().size();

		RemovalReport report = this.kills.kill(this.sbcId, preview.token(), null);

		assertThat(report.sentence()).contains("expired").contains("within 5 s").contains("preview the kill again");
		assertThat(deletes()).isEqualTo(deletesBefore);
		assertOneRefusal(before, "CALL_KILL", "expired");
	}

	@Test
	void aKillConfirmationUsedTwiceSendsOnceAndTheSecondIsRefusedAndAuditedOnce() {
		RemovalPreview preview = preview(calls().get(0));
		assertThat(this.kills.kill(this.sbcId, preview.token(), null).removal()).isNotNull();
		long deletesBefore = deletes();
		int before = refusals().size();

		RemovalReport again = this.kills.kill(this.sbcId, preview.token(), null);

		assertThat(again.sentence()).contains("already used");
		assertThat(deletes()).isEqualTo(deletesBefore);
		assertOneRefusal(before, "CALL_KILL", "already used");
	}

	@Test
	void aBulkKillWithTheWrongNumberTypedBackIsRefusedAndAuditedOnce() {
		RemovalPreview preview = this.kills.prepareBulkKill(this.sbcId, smallGroup(2, 25));
		assertThat(preview.token()).as(String.valueOf(preview.refusal())).isNotNull();
		long deletesBefore = deletes();
		int before = refusals().size();

		RemovalReport report = this.kills.kill(this.sbcId, preview.token(), preview.count() + 1);

		assertThat(report.sentence()).isEqualTo("The number typed (" + (preview.count() + 1)
				+ ") is not the number of calls (" + preview.count() + "); nothing was sent.");
		assertThat(deletes()).isEqualTo(deletesBefore);
		assertOneRefusal(before, "CALL_BULK_KILL", "The number typed");
	}

	@Test
	void theKillAuditNamesTheCallBySlotAndCallIdButNotItsNumbersOrAddresses() {
		Map<String, Object> victim = this.box.answerCall();
		String slot = victim.get("ssm_index").toString();
		String callId = victim.get("callID").toString();
		RemovalPreview preview = this.kills.prepareKill(this.sbcId, slot, callId);
		assertThat(preview.token()).as(String.valueOf(preview.refusal()) + preview.notes()).isNotNull();
		assertThat(preview.body()).as("the kill sends the call's line, numbers and addresses included")
			.contains(victim.get("ani").toString(), victim.get("term_ip").toString());

		RemovalReport report = this.kills.kill(this.sbcId, preview.token(), null);

		assertThat(report.success()).as(report.sentence()).isTrue();
		AuditEvent event = this.audit.search(new AuditQuery(null, ACTOR, "CALL_KILL", AuditOutcome.SUCCESS, null, null),
				AuditScopes.everything(), 1).get(0);
		assertThat(event.detail()).contains("slot " + slot + " (Call-ID " + callId + ")").contains("gone 1 of 1");
		// a Call-ID carries a host of its own; what is left without them must name none of the call's parties
		String rest = event.detail().replaceAll("\\(Call-ID [^)]*\\)", "");
		List<String> parties = java.util.stream.Stream.of("ani", "dnis", "orig_ip", "term_ip", "caller_name")
			.map(field -> java.util.Objects.toString(victim.get(field), "")).filter(value -> !value.isBlank()).toList();
		assertThat(parties).hasSizeGreaterThanOrEqualTo(4);
		assertThat(parties).allSatisfy(party -> assertThat(rest).doesNotContain(party));
	}

	@Test
	void refusedRegistrationDeleteConfirmationsAreEachAuditedOnce() {
		List<TableRow> listed = registrations();
		RemovalPreview byUser = this.registrations.prepareDelete(this.registrarId, null,
				Map.of("username", listed.get(0).text("username")));
		assertThat(byUser.token()).as(String.valueOf(byUser.refusal())).isNotNull();
		int sameUser = byUser.count();

		int before = refusals().size();
		RemovalReport unknown = this.registrations.delete(this.registrarId, "no-such-token", null);
		assertThat(unknown.sentence()).contains("unknown").contains("preview the delete again");
		assertOneRefusal(before, "REGISTRATION_DELETE", "unknown");

		before = refusals().size();
		RemovalReport mistyped = this.registrations.delete(this.registrarId, byUser.token(), sameUser + 1);
		assertThat(mistyped.sentence()).contains("is not the number of registrations (" + sameUser + ")");
		assertOneRefusal(before, "REGISTRATION_DELETE", "The number typed");

		RemovalPreview second = this.registrations.prepareDelete(this.registrarId, List.of(listed.get(1).text("id")), Map.of());
		this.registrations.prepareDelete(this.registrarId, List.of(listed.get(2).text("id")), Map.of());
		before = refusals().size();
		RemovalReport replaced = this.registrations.delete(this.registrarId, byUser.token(), sameUser);
		assertThat(replaced.sentence()).contains("replaced by newer previews").contains("preview the delete again");
		assertOneRefusal(before, "REGISTRATION_DELETE", "replaced by newer previews");

		assertThat(this.registrations.delete(this.registrarId, second.token(), null).removal()).isNotNull();
		before = refusals().size();
		RemovalReport reused = this.registrations.delete(this.registrarId, second.token(), null);
		assertThat(reused.sentence()).contains("already used");
		assertOneRefusal(before, "REGISTRATION_DELETE", "already used");
	}

	/** Exactly one more refusal by this user than before, the newest, of this action and saying this. */
	private void assertOneRefusal(int before, String action, String saying) {
		List<AuditEvent> refusals = refusals();
		assertThat(refusals).hasSize(before + 1);
		assertThat(refusals.get(0).action()).isEqualTo(action);
		assertThat(refusals.get(0).outcome()).isEqualTo(AuditOutcome.DENIED);
		assertThat(refusals.get(0).detail()).contains(saying);
	}

	private List<AuditEvent> refusals() {
		return this.audit.search(new AuditQuery(null, ACTOR, null, AuditOutcome.DENIED, null, null),
				AuditScopes.everything(), 500);
	}

	private RemovalPreview preview(TableRow call) {
		RemovalPreview preview = this.kills.prepareKill(this.sbcId, call.text("ssm_index"), call.text("callID"));
		assertThat(preview.token()).as(String.valueOf(preview.refusal()) + preview.notes()).isNotNull();
		return preview;
	}

	/** A filter (an originating trunk and the other leg's address) that matches between min and max calls now. */
	private CallSearch smallGroup(int min, int max) {
		Map<String, Integer> counts = new HashMap<>();
		for (TableRow call : calls()) {
			counts.merge(call.text("orig_tid") + " " + call.text("term_ip"), 1, Integer::sum);
		}
		String pair = counts.entrySet().stream().filter(entry -> entry.getValue() >= min && entry.getValue() <= max)
			.map(Map.Entry::getKey).findFirst().orElseThrow(() -> new AssertionError("no small group of calls in " + counts));
		String[] parts = pair.split(" ");
		return new CallSearch(null, null, null, parts[0], "orig", parts[1], null, null, null, null, null);
	}

	private List<TableRow> calls() {
		return rows(this.sbcId, VsxiTable.ACTIVE_CALLS);
	}

	private List<TableRow> registrations() {
		return rows(this.registrarId, VsxiTable.SUB_STATS);
	}

	private List<TableRow> rows(long sbc, VsxiTable table) {
		GatewayResult<TableDocument> result = this.gateway.statsList(this.fleet.endpoint(this.fleet.get(sbc)), table)
			.block();
		assertThat(result).isInstanceOf(GatewayResult.Ok.class);
		return ((GatewayResult.Ok<TableDocument>) result).value().rows();
	}

	private long deletes() {
		return this.box.requestCounts().getOrDefault("delete/active_calls", 0L);
	}

	private long idOf(String name) {
		return DemoSbcs.id(this.fleet, name);
	}

}
