package app.vsxi.dashboard.calls;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import app.vsxi.dashboard.audit.AuditEvent;
import app.vsxi.dashboard.audit.AuditLog;
import app.vsxi.dashboard.audit.AuditQuery;
import app.vsxi.dashboard.demo.DemoFleet;
import app.vsxi.dashboard.fleet.FleetService;
import app.vsxi.dashboard.gateway.GatewayResult;
import app.vsxi.dashboard.gateway.TableDocument;
import app.vsxi.dashboard.gateway.TableRow;
import app.vsxi.dashboard.gateway.VsxiGateway;
import app.vsxi.dashboard.gateway.VsxiTable;
import app.vsxi.dashboard.simulator.SimulatedVsxi;
import app.vsxi.dashboard.support.AuditScopes;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/** Killing calls on a simulated VSXi over HTTPS, each kill checked against the box itself. */
@SpringBootTest(properties = { "vsxi.calls.bulk-kill-max=25", "vsxi.gateway.read-timeout=15s" })
@ActiveProfiles({ "demo", "test" })
@WithMockUser(username = "noc-operator", roles = "ADMIN")
class CallKillsTests {

	@Autowired
	CallKills kills;

	@Autowired
	DemoFleet demo;

	@Autowired
	FleetService fleet;

	@Autowired
	VsxiGateway gateway;

	@Autowired
	AuditLog audit;

	private SimulatedVsxi box;

	private long sbcId;

	@BeforeEach
	void pickBox() {
		this.box = this.demo.box("demo-sbc-1");
		this.sbcId = this.fleet.everySbc().stream().filter(sbc -> sbc.name().equals("demo-sbc-1")).findFirst().orElseThrow().id();
	}

	@Test
	void killingOneCallEndsExactlyThatCallAndSaysItIsGone() {
		TableRow victim = calls().get(0);

		RemovalPreview preview = this.kills.prepareKill(this.sbcId, victim.text("ssm_index"), victim.text("callID"));
		assertThat(preview.token()).isNotNull();
		assertThat(preview.entries()).extracting(VsxiGateway::callKey).containsExactly(VsxiGateway.callKey(victim));
		assertThat(preview.body().lines().count()).isEqualTo(2);
		RemovalReport report = this.kills.kill(this.sbcId, preview.token(), null);

		assertThat(report.success()).as(report.sentence()).isTrue();
		assertThat(report.removal().gone()).isEqualTo(1);
		assertThat(report.sentence()).contains("gone");
		assertThat(calls()).extracting(VsxiGateway::callKey).doesNotContain(VsxiGateway.callKey(victim));
		assertThat(this.box.userAccessLog()).anyMatch(line -> line.contains("1 of 1 calls ended"));
		assertThat(events("CALL_KILL")).anySatisfy(event -> assertThat(event.detail()).contains("gone 1 of 1")
			.contains(victim.text("callID")).contains("200 OK"));
	}

	@Test
	void aBulkKillEndsExactlyTheFilteredCallsAndCountsThemFromTheReRead() {
		CallSearch search = smallGroup(2, 25);
		List<TableRow> before = calls();
		Set<String> targets = before.stream().filter(search.matcher()).map(VsxiGateway::callKey).collect(Collectors.toSet());

		RemovalPreview preview = this.kills.prepareBulkKill(this.sbcId, search);
		assertThat(preview.count()).isEqualTo(targets.size());
		RemovalReport wrongCount = this.kills.kill(this.sbcId, preview.token(), targets.size() + 1);
		assertThat(wrongCount.removal()).isNull();
		RemovalReport report = this.kills.kill(this.sbcId, preview.token(), targets.size());

		assertThat(report.removal().targeted()).isEqualTo(targets.size());
		assertThat(report.removal().gone()).isEqualTo(targets.size());
		assertThat(calls()).extracting(VsxiGateway::callKey).doesNotContainAnyElementsOf(targets);
		assertThat(this.box.userAccessLog())
			.anyMatch(line -> line.contains(targets.size() + " of " + targets.size() + " calls ended"));
		assertThat(events("CALL_BULK_KILL")).isNotEmpty();
	}

	@Test
	void aBulkKillAboveTheCapIsRefusedAndSendsNothing() {
		long deletesBefore = deletes();
		RemovalPreview preview = this.kills.prepareBulkKill(this.sbcId,
				new CallSearch(null, null, null, null, null, null, 0L, null, null, null, null));

		assertThat(calls().size()).isGreaterThan(25);
		assertThat(preview.token()).isNull();
		assertThat(preview.refusal()).contains("more than the 25");
		assertThat(deletes()).isEqualTo(deletesBefore);
	}

	@Test
	void anUnmatchedKillEndsNothingAndSaysSo() {
		int before = calls().size();
		long deletesBefore = deletes();

		RemovalPreview preview = this.kills.prepareKill(this.sbcId, "999999999", "no-such-call@example.invalid");
		RemovalReport forged = this.kills.kill(this.sbcId, "a-token-never-issued", null);
		RemovalPreview noFilter = this.kills.prepareBulkKill(this.sbcId, CallSearch.none());

		assertThat(preview.token()).isNull();
		assertThat(preview.refusal()).contains("No active call matches");
		assertThat(forged.sentence()).contains("nothing was sent");
		assertThat(noFilter.token()).isNull();
		assertThat(deletes()).isEqualTo(deletesBefore);
		assertThat(calls().size()).isGreaterThanOrEqualTo(before - 3);
	}

	@Test
	void xmlIsTheChoiceOfAnSbcSetToIt() {
		this.kills.chooseKillFormat(this.sbcId, KillFormat.XML);
		try {
			TableRow victim = calls().get(0);
			RemovalPreview preview = this.kills.prepareKill(this.sbcId, victim.text("ssm_index"), victim.text("callID"));

			assertThat(preview.format()).isEqualTo("XML");
			assertThat(preview.body()).contains("<ssm_index>" + victim.text("ssm_index") + "</ssm_index>")
				.doesNotContain("callID");
			assertThat(this.kills.kill(this.sbcId, preview.token(), null).removal().gone()).isEqualTo(1);
		}
		finally {
			this.kills.chooseKillFormat(this.sbcId, KillFormat.CSV);
		}
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
		GatewayResult<TableDocument> result = this.gateway.statsList(this.fleet.endpoint(this.fleet.get(this.sbcId)),
				VsxiTable.ACTIVE_CALLS).block();
		assertThat(result).isInstanceOf(GatewayResult.Ok.class);
		return ((GatewayResult.Ok<TableDocument>) result).value().rows();
	}

	private long deletes() {
		return this.box.requestCounts().getOrDefault("delete/active_calls", 0L);
	}

	private List<AuditEvent> events(String action) {
		return this.audit.search(new AuditQuery(null, null, action, null, null, null), AuditScopes.everything(), 50);
	}

}
