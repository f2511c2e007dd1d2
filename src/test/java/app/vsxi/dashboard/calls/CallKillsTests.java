package app.vsxi.dashboard.calls;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import app.vsxi.dashboard.audit.AuditEvent;
import app.vsxi.dashboard.audit.AuditLog;
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
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Killing calls on a simulated VSXi over HTTPS, each kill checked against the box itself, under each reading the
 * sources leave open: a calls CSV with or without a header line, and slots that a new call may take at once.
 */
@SpringBootTest(properties = { "vsxi.calls.bulk-kill-max=25", "vsxi.gateway.read-timeout=15s" })
@AutoConfigureMockMvc
@ActiveProfiles({ "demo", "test" })
@WithMockUser(username = "noc-operator", roles = "ADMIN")
@ResourceLock(providers = SameApplication.class)
class CallKillsTests {

	/** Seconds a call has lasted for a small group to count it. */
	private static final long SETTLED = 60;

	@Autowired
	CallKills kills;

	@Autowired
	MockMvc mvc;

	@Autowired
	org.springframework.security.core.userdetails.UserDetailsService details;

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

	@BeforeEach
	void pickBox() {
		this.box = this.demo.box("demo-sbc-1");
		this.sbcId = DemoSbcs.id(this.fleet, "demo-sbc-1");
	}

	@AfterEach
	void defaultBox() {
		this.box.quirks(Map.of("callsCsvHeader", true, "reuseCallSlots", false));
	}

	@ParameterizedTest(name = "callsCsvHeader={0}")
	@ValueSource(booleans = { true, false })
	void killingOneCallEndsExactlyThatCallAndSaysItIsGone(boolean csvHeader) {
		this.box.quirks(Map.of("callsCsvHeader", csvHeader));
		TableRow victim = calls().get(0);

		RemovalPreview preview = this.kills.prepareKill(this.sbcId, victim.text("ssm_index"), victim.text("callID"));
		assertThat(preview.token()).as(String.valueOf(preview.refusal()) + preview.notes()).isNotNull();
		assertThat(preview.entries()).extracting(CallIdentity::key).containsExactly(CallIdentity.key(victim));
		assertThat(preview.body().lines().count()).isEqualTo(csvHeader ? 2 : 1);
		assertThat(preview.body()).contains(victim.text("callID"));
		assertThat(preview.sending()).contains(csvHeader ? "the box's header line" : "without a header line");
		RemovalReport report = this.kills.kill(this.sbcId, preview.token(), null);

		assertThat(report.success()).as(report.sentence()).isTrue();
		assertThat(report.sending()).isEqualTo(preview.sending());
		assertThat(report.removal().gone()).isEqualTo(1);
		assertThat(report.sentence()).contains("gone");
		assertThat(calls()).extracting(CallIdentity::key).doesNotContain(CallIdentity.key(victim));
		assertThat(this.box.userAccessLog()).anyMatch(line -> line.contains("1 of 1 calls ended"));
		assertThat(events("CALL_KILL")).anySatisfy(event -> assertThat(event.detail()).contains("gone 1 of 1")
			.contains(victim.text("callID")).contains("200 OK"));
	}

	@ParameterizedTest(name = "callsCsvHeader={0}")
	@ValueSource(booleans = { true, false })
	void aBulkKillEndsExactlyTheFilteredCallsAndCountsThemFromTheReRead(boolean csvHeader) {
		this.box.quirks(Map.of("callsCsvHeader", csvHeader));
		CallSearch search = smallGroup(2, 25);
		List<TableRow> before = calls();
		Set<String> targets = before.stream().filter(search.matcher()).map(CallIdentity::key).collect(Collectors.toSet());

		RemovalPreview preview = this.kills.prepareBulkKill(this.sbcId, search);
		assertThat(preview.count()).isEqualTo(targets.size());
		RemovalReport wrongCount = this.kills.kill(this.sbcId, preview.token(), targets.size() + 1);
		assertThat(wrongCount.removal()).isNull();
		RemovalReport report = this.kills.kill(this.sbcId, preview.token(), targets.size());

		assertThat(report.removal().targeted()).isEqualTo(targets.size());
		assertThat(report.removal().gone()).isEqualTo(targets.size());
		assertThat(calls()).extracting(CallIdentity::key).doesNotContainAnyElementsOf(targets);
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
			assertThat(preview.body()).contains("<ssm_index>" + victim.text("ssm_index") + "</ssm_index><callID>"
					+ victim.text("callID") + "</callID>");
			assertThat(this.kills.kill(this.sbcId, preview.token(), null).removal().gone()).isEqualTo(1);
		}
		finally {
			this.kills.chooseKillFormat(this.sbcId, KillFormat.CSV);
		}
	}

	@ParameterizedTest(name = "kill format {0}, callsCsvHeader={1}")
	@CsvSource({ "CSV, true", "CSV, false", "XML, true" })
	void aCallWhoseSlotANewCallTookBetweenPreviewAndConfirmIsNotKilledAndThePageSaysWhy(KillFormat format,
			boolean csvHeader) throws Exception {
		this.box.quirks(Map.of("reuseCallSlots", true, "callsCsvHeader", csvHeader));
		this.kills.chooseKillFormat(this.sbcId, format);
		try {
			Map<String, Object> victim = this.box.answerCall();
			String slot = victim.get("ssm_index").toString();
			String preview = onThePage("/sbcs/" + this.sbcId + "/calls/kill/preview", "ssmIndex", slot, "callId",
					victim.get("callID").toString());
			java.util.regex.Matcher token = java.util.regex.Pattern.compile("name=\"token\" value=\"([^\"]+)\"")
				.matcher(preview);
			assertThat(token.find()).as("the preview offers the kill: " + preview).isTrue();

			assertThat(this.box.hangUp(slot)).isTrue();
			for (int i = 0; i < 50 && holderOf(slot) == null; i++) {
				this.box.answerCall();
			}
			TableRow successor = holderOf(slot);
			assertThat(successor).as("a new call holds slot " + slot).isNotNull();
			assertThat(successor.text("callID")).isNotEqualTo(victim.get("callID"));
			long deletesBefore = deletes();

			String page = onThePage("/sbcs/" + this.sbcId + "/calls/kill", "token", token.group(1));

			assertThat(deletes()).isEqualTo(deletesBefore);
			assertThat(calls()).extracting(CallIdentity::key).contains(CallIdentity.key(successor));
			assertThat(page).contains("Nothing was sent")
				.contains("The call in slot " + slot + " (Call-ID " + victim.get("callID")
						+ ") ended on its own before the kill was sent")
				.contains("its slot now holds another call (Call-ID " + successor.text("callID") + "), which was left alone");
		}
		finally {
			this.kills.chooseKillFormat(this.sbcId, KillFormat.CSV);
		}
	}

	@ParameterizedTest(name = "callsCsvHeader={0}")
	@ValueSource(booleans = { true, false })
	void aCallThatEndedOnItsOwnBetweenPreviewAndConfirmIsNamedAndTheOthersStillGo(boolean csvHeader) {
		this.box.quirks(Map.of("callsCsvHeader", csvHeader));
		CallSearch search = smallGroup(2, 25);
		RemovalPreview preview = this.kills.prepareBulkKill(this.sbcId, search);
		assertThat(preview.token()).as(String.valueOf(preview.refusal()) + preview.notes()).isNotNull();
		TableRow ended = preview.entries().get(0);
		assertThat(this.box.hangUp(ended.text("ssm_index"))).isTrue();

		RemovalReport report = this.kills.kill(this.sbcId, preview.token(), preview.count());

		assertThat(report.removal().targeted()).isEqualTo(preview.count() - 1);
		assertThat(report.removal().gone()).isEqualTo(preview.count() - 1);
		assertThat(report.notes()).singleElement().asString().contains("The call in slot " + ended.text("ssm_index"))
			.contains("ended on its own before the kill was sent; nothing was sent for it.");
		assertThat(report.removal().sent()).doesNotContain(ended.text("callID"));
		assertThat(this.box.userAccessLog()).anyMatch(line -> line.contains(
				(preview.count() - 1) + " of " + (preview.count() - 1) + " calls ended"));
	}

	/** What the page shows for a request of the demo's administrator, as a logged-in browser sends it. */
	private String onThePage(String path, String... parameters) throws Exception {
		org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request = post(path).with(csrf())
			.with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors
				.user(this.details.loadUserByUsername("admin")));
		for (int i = 0; i < parameters.length; i += 2) {
			request.param(parameters[i], parameters[i + 1]);
		}
		// the request ends the test's own user context, which the service calls after it need back
		org.springframework.security.core.context.SecurityContext own = org.springframework.security.test.context.TestSecurityContextHolder
			.getContext();
		try {
			return org.springframework.web.util.HtmlUtils.htmlUnescape(this.mvc.perform(request)
				.andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
		}
		finally {
			org.springframework.security.test.context.TestSecurityContextHolder.setContext(own);
		}
	}

	private TableRow holderOf(String slot) {
		return calls().stream().filter(call -> slot.equals(call.text("ssm_index"))).findFirst().orElse(null);
	}

	/** A filter (an originating trunk and the other leg's address) that matches between min and max calls now. */
	/**
	 * A trunk and far-end address that between {@code min} and {@code max} calls share, counting only calls of a
	 * minute or more and searching for those only: a call the box answers while the test runs never joins the group
	 * between the test's own read and the kill's.
	 */
	private CallSearch smallGroup(int min, int max) {
		Map<String, Integer> counts = new HashMap<>();
		for (TableRow call : calls()) {
			if (Long.parseLong(call.text("duration")) >= SETTLED) {
				counts.merge(call.text("orig_tid") + " " + call.text("term_ip"), 1, Integer::sum);
			}
		}
		String pair = counts.entrySet().stream().filter(entry -> entry.getValue() >= min && entry.getValue() <= max)
			.map(Map.Entry::getKey).findFirst().orElseThrow(() -> new AssertionError("no small group of calls in " + counts));
		String[] parts = pair.split(" ");
		return new CallSearch(null, null, null, parts[0], "orig", parts[1], SETTLED, null, null, null, null);
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
