package app.vsxi.dashboard.calls;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;

import app.vsxi.dashboard.access.AppUserRepository;
import app.vsxi.dashboard.access.Role;
import app.vsxi.dashboard.access.UserGrantRepository;
import app.vsxi.dashboard.audit.AuditEvent;
import app.vsxi.dashboard.audit.AuditLog;
import app.vsxi.dashboard.audit.AuditOutcome;
import app.vsxi.dashboard.audit.AuditQuery;
import app.vsxi.dashboard.demo.DemoFleet;
import app.vsxi.dashboard.fleet.FleetService;
import app.vsxi.dashboard.fleet.Sbc;
import app.vsxi.dashboard.fleet.SbcRepository;
import app.vsxi.dashboard.gateway.GatewayResult;
import app.vsxi.dashboard.gateway.StatsReads;
import app.vsxi.dashboard.gateway.TableDocument;
import app.vsxi.dashboard.gateway.TableRow;
import app.vsxi.dashboard.gateway.VsxiTable;
import app.vsxi.dashboard.simulator.SimulatedVsxi;
import app.vsxi.dashboard.support.AuditScopes;
import app.vsxi.dashboard.support.DemoSbcs;
import app.vsxi.dashboard.support.SameApplication;
import app.vsxi.dashboard.support.TestUsers;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * An SBC paired in the fleet as a Load-Balance slave of another (demo-sbc-2 of demo-sbc-1 here, the box itself
 * switched to slave mode as well): its calls and registrations pages offer no kill or delete and name the master,
 * and a kill or delete asked for anyway is refused and audited before anything reaches the box.
 */
@SpringBootTest(properties = { "vsxi.calls.bulk-kill-max=25", "vsxi.gateway.read-timeout=15s" })
@AutoConfigureMockMvc
@ActiveProfiles({ "demo", "test" })
@WithMockUser(username = "noc-operator", roles = "ADMIN")
@ResourceLock(providers = SameApplication.class)
class SlaveSbcTests {

	private static final Pattern TOKEN = Pattern.compile("name=\"token\" value=\"([^\"]+)\"");

	@Autowired
	MockMvc mvc;

	@Autowired
	DemoFleet demo;

	@Autowired
	FleetService fleet;

	@Autowired
	SbcRepository sbcs;

	@Autowired
	StatsReads gateway;

	@Autowired
	AuditLog audit;

	@Autowired
	UserDetailsService details;

	@Autowired
	AppUserRepository users;

	@Autowired
	UserGrantRepository grants;

	private SimulatedVsxi box;

	private long slaveId;

	private long masterId;

	@BeforeEach
	void pickBoxes() {
		this.box = this.demo.box("demo-sbc-2");
		this.slaveId = idOf("demo-sbc-2");
		this.masterId = idOf("demo-sbc-1");
	}

	@AfterEach
	void unpair() {
		pairWith(null);
		this.box.slaveMode(false);
	}

	@Test
	void aSlavesCallsPageOffersNoKillAndNamesItsMasterWithALink() throws Exception {
		String master = onThePage(admin(), get("/sbcs/" + this.masterId + "/calls"));
		assertThat(master).as("the master offers kills").contains("class=\"danger kill\"").contains("id=\"bulk-kill\"")
			.doesNotContain("Load-Balance slave");
		slave();

		String page = onThePage(admin(), get("/sbcs/" + this.slaveId + "/calls"));
		String rows = onThePage(admin(), get("/sbcs/" + this.slaveId + "/calls/rows"));

		assertThat(page).contains("data-call=").contains("This SBC is a Load-Balance slave: read-only. Kill calls on")
			.contains("its master, <a href=\"/sbcs/" + this.masterId + "/calls\">demo-sbc-1</a>.");
		assertThat(page).doesNotContain("class=\"danger kill\"", "id=\"bulk-kill\"", "/calls/kill/preview",
				"/calls/bulk/preview", "Kill…");
		assertThat(rows).as("the list's refresh brings no kill back").contains("data-call=")
			.doesNotContain("class=\"danger kill\"", "/calls/kill/preview");
	}

	@Test
	void aSlavesRegistrationsPageOffersNoDeleteAndNamesItsMasterWithALink() throws Exception {
		String master = onThePage(admin(), get("/sbcs/" + this.masterId + "/registrations"));
		assertThat(master).as("the master offers deletes").contains("name=\"ids\"").contains("id=\"registration-entry\"");
		slave();

		String page = onThePage(admin(), get("/sbcs/" + this.slaveId + "/registrations"));
		String rows = onThePage(admin(), get("/sbcs/" + this.slaveId + "/registrations/rows"));

		assertThat(page).contains("data-registration=")
			.contains("This SBC is a Load-Balance slave: read-only. Delete registrations on")
			.contains("its master, <a href=\"/sbcs/" + this.masterId + "/registrations\">demo-sbc-1</a>.");
		assertThat(page).doesNotContain("name=\"ids\"", "id=\"registration-entry\"", "/registrations/delete/preview",
				"Preview delete");
		assertThat(rows).contains("data-registration=").doesNotContain("name=\"ids\"", "/registrations/delete/preview");
	}

	@Test
	void aMasterTheUserMayNotSeeIsNamedWithoutALink() throws Exception {
		long west = idOf("demo-sbc-3");
		pairWith(west);
		this.box.slaveMode(true);
		UserDetails eastOperator = eastOperator();

		String calls = onThePage(eastOperator, get("/sbcs/" + this.slaveId + "/calls"));
		String registrations = onThePage(eastOperator, get("/sbcs/" + this.slaveId + "/registrations"));

		assertThat(calls).contains("This SBC is a Load-Balance slave: read-only. Kill calls on")
			.contains("its master, demo-sbc-3.").doesNotContain("href=\"/sbcs/" + west)
			.doesNotContain("class=\"danger kill\"");
		assertThat(registrations).contains("its master, demo-sbc-3.").doesNotContain("href=\"/sbcs/" + west)
			.doesNotContain("name=\"ids\"");
	}

	@Test
	void killsAskedOfASlaveAreRefusedAndAuditedAndNothingReachesTheBox() throws Exception {
		TableRow call = listed(VsxiTable.ACTIVE_CALLS).get(0);
		String callKey = CallIdentity.key(call);
		// shown while the SBC was no slave; confirmed after it was paired as one
		String shown = onThePage(admin(), post("/sbcs/" + this.slaveId + "/calls/kill/preview")
			.param("ssmIndex", call.text("ssm_index")).param("callId", call.text("callID")));
		slave();
		long deletes = deletes("delete/active_calls");
		int refusals = refusals("CALL_KILL").size();

		String preview = onThePage(admin(), post("/sbcs/" + this.slaveId + "/calls/kill/preview")
			.param("ssmIndex", call.text("ssm_index")).param("callId", call.text("callID")));
		String bulk = onThePage(admin(), post("/sbcs/" + this.slaveId + "/calls/bulk/preview").param("ani", "1"));
		String confirmed = onThePage(admin(), post("/sbcs/" + this.slaveId + "/calls/kill").param("token", token(shown)));

		assertThat(preview).contains("This SBC is a Load-Balance slave: read-only. Kill calls on its master, "
				+ "demo-sbc-1; nothing will be sent.").doesNotContain("name=\"token\"");
		assertThat(bulk).contains("Kill calls on its master, demo-sbc-1; nothing will be sent.")
			.doesNotContain("name=\"token\"");
		assertThat(confirmed).contains("This SBC is a Load-Balance slave: read-only. Kill calls on its master, "
				+ "demo-sbc-1; nothing was sent.");
		assertThat(deletes("delete/active_calls")).isEqualTo(deletes);
		assertThat(listed(VsxiTable.ACTIVE_CALLS)).extracting(CallIdentity::key).contains(callKey);
		List<AuditEvent> refused = refusals("CALL_KILL");
		assertThat(refused).hasSize(refusals + 1);
		assertThat(refused.get(0).detail()).isEqualTo(
				"This SBC is a Load-Balance slave: read-only. Kill calls on its master, demo-sbc-1; nothing was sent.");
	}

	@Test
	void registrationDeletesAskedOfASlaveAreRefusedAndAuditedAndNothingReachesTheBox() throws Exception {
		String id = listed(VsxiTable.SUB_STATS).get(0).text("id");
		String shown = onThePage(admin(), post("/sbcs/" + this.slaveId + "/registrations/delete/preview").param("ids", id));
		slave();
		long deletes = deletes("delete/sub_stats");
		int refusals = refusals("REGISTRATION_DELETE").size();

		String preview = onThePage(admin(),
				post("/sbcs/" + this.slaveId + "/registrations/delete/preview").param("ids", id));
		String confirmed = onThePage(admin(), post("/sbcs/" + this.slaveId + "/registrations/delete")
			.param("token", token(shown)));

		assertThat(preview).contains("This SBC is a Load-Balance slave: read-only. Delete registrations on its master, "
				+ "demo-sbc-1; nothing will be sent.").doesNotContain("name=\"token\"");
		assertThat(confirmed).contains("Delete registrations on its master, demo-sbc-1; nothing was sent.");
		assertThat(deletes("delete/sub_stats")).isEqualTo(deletes);
		assertThat(listed(VsxiTable.SUB_STATS)).extracting(row -> row.text("id")).contains(id);
		List<AuditEvent> refused = refusals("REGISTRATION_DELETE");
		assertThat(refused).hasSize(refusals + 1);
		assertThat(refused.get(0).detail()).isEqualTo("This SBC is a Load-Balance slave: read-only. Delete "
				+ "registrations on its master, demo-sbc-1; nothing was sent.");
	}

	/** demo-sbc-2 becomes demo-sbc-1's Load-Balance slave, in the fleet and on the box. */
	private void slave() {
		pairWith(this.masterId);
		this.box.slaveMode(true);
	}

	private void pairWith(Long master) {
		Sbc sbc = this.sbcs.findById(this.slaveId).orElseThrow();
		this.sbcs.save(sbc.toBuilder().haMasterId(master).build());
	}

	/** An operator of demo-sbc-2's group only, who cannot see demo-sbc-3's. */
	private UserDetails eastOperator() {
		String name = "slave-east-operator-" + System.nanoTime();
		long east = this.sbcs.findById(this.slaveId).orElseThrow().groupId();
		testUsers().user(name, east, Role.OPERATOR);
		return this.details.loadUserByUsername(name);
	}

	private UserDetails admin() {
		return this.details.loadUserByUsername("admin");
	}

	private List<TableRow> listed(VsxiTable table) {
		GatewayResult<TableDocument> result = this.gateway.statsList(this.fleet.endpoint(this.fleet.get(this.slaveId)),
				table).block();
		assertThat(result).isInstanceOf(GatewayResult.Ok.class);
		return ((GatewayResult.Ok<TableDocument>) result).value().rows();
	}

	private long deletes(String command) {
		return this.box.requestCounts().getOrDefault(command, 0L);
	}

	private List<AuditEvent> refusals(String action) {
		return this.audit.search(new AuditQuery(null, "admin", action, AuditOutcome.DENIED, null, null),
				AuditScopes.everything(), 500);
	}

	private long idOf(String name) {
		return DemoSbcs.id(this.fleet, name);
	}

	private static String token(String preview) {
		Matcher matcher = TOKEN.matcher(preview);
		assertThat(matcher.find()).as(preview).isTrue();
		return matcher.group(1);
	}

	/** What the page shows for this user's request, as a logged-in browser sends it. */
	private String onThePage(UserDetails who, MockHttpServletRequestBuilder request) throws Exception {
		// the request ends the test's own user context, which the checks after it need back
		org.springframework.security.core.context.SecurityContext own = org.springframework.security.test.context.TestSecurityContextHolder
			.getContext();
		try {
			return this.mvc.perform(request.with(csrf()).with(user(who)))
				.andExpect(status().isOk())
				.andReturn()
				.getResponse()
				.getContentAsString();
		}
		finally {
			org.springframework.security.test.context.TestSecurityContextHolder.setContext(own);
		}
	}

	private TestUsers testUsers() {
		return new TestUsers(this.users, this.grants);
	}

}
