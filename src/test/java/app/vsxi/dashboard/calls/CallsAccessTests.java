package app.vsxi.dashboard.calls;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;

import app.vsxi.dashboard.access.AppUserRepository;
import app.vsxi.dashboard.access.Role;
import app.vsxi.dashboard.access.UserGrantRepository;
import app.vsxi.dashboard.demo.DemoFleet;
import app.vsxi.dashboard.fleet.FleetService;
import app.vsxi.dashboard.fleet.Sbc;
import app.vsxi.dashboard.gateway.GatewayResult;
import app.vsxi.dashboard.gateway.StatsReads;
import app.vsxi.dashboard.gateway.TableDocument;
import app.vsxi.dashboard.gateway.TableRow;
import app.vsxi.dashboard.gateway.VsxiTable;
import app.vsxi.dashboard.simulator.SimulatedVsxi;
import app.vsxi.dashboard.support.DemoSbcs;
import app.vsxi.dashboard.support.SameApplication;
import app.vsxi.dashboard.support.TestUsers;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Users without the kill right on an SBC's group: no kill buttons, and a hand-made request with a valid CSRF token
 * is refused before anything reaches the box.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles({ "demo", "test" })
@ResourceLock(providers = SameApplication.class)
class CallsAccessTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	DemoFleet demo;

	@Autowired
	FleetService fleet;

	@Autowired
	AppUserRepository users;

	@Autowired
	UserGrantRepository grants;

	@Autowired
	UserDetailsService details;

	@Autowired
	StatsReads gateway;

	private Sbc east;

	private UserDetails viewer;

	private UserDetails westOperator;

	@BeforeEach
	void users() {
		this.east = DemoSbcs.named(this.fleet, "demo-sbc-1");
		long west = DemoSbcs.named(this.fleet, "demo-sbc-3").groupId();
		this.viewer = newUser("calls-viewer-" + System.nanoTime(), Map.of(this.east.groupId(), Role.VIEWER));
		this.westOperator = newUser("calls-west-operator-" + System.nanoTime(), Map.of(west, Role.OPERATOR));
	}

	@Test
	void aViewerSeesCallsButNoKillButton() throws Exception {
		String page = this.mvc.perform(get("/sbcs/" + this.east.id() + "/calls").with(user(this.viewer)))
			.andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString();

		assertThat(page).contains("Active calls on demo-sbc-1").doesNotContain("Kill…").doesNotContain("Kill all matching");
		// the open page's refresh sends every field of the search form, empty ones included
		this.mvc.perform(get("/sbcs/" + this.east.id() + "/calls/rows").param("ani", "").param("dnis", "")
			.param("minDuration", "").param("maxDuration", "").param("page", "").param("sort", "").with(user(this.viewer)))
			.andExpect(status().isOk());
	}

	@Test
	void aViewerGets403OnEveryKillAndDeleteEvenWithAValidCsrfToken() throws Exception {
		SimulatedVsxi box = this.demo.box("demo-sbc-1");
		long before = box.requestCounts().entrySet().stream().filter(e -> e.getKey().startsWith("delete/")).mapToLong(Map.Entry::getValue).sum();
		String base = "/sbcs/" + this.east.id();

		for (UserDetails who : new UserDetails[] { this.viewer, this.westOperator }) {
			this.mvc.perform(post(base + "/calls/kill/preview").param("ssmIndex", "1").param("callId", "x").with(csrf()).with(user(who)))
				.andExpect(status().isForbidden());
			this.mvc.perform(post(base + "/calls/kill").param("token", "guessed").with(csrf()).with(user(who)))
				.andExpect(status().isForbidden());
			this.mvc.perform(post(base + "/calls/bulk/preview").param("trunk", "1").with(csrf()).with(user(who)))
				.andExpect(status().isForbidden());
			this.mvc.perform(post(base + "/registrations/delete/preview").param("username", "x").with(csrf()).with(user(who)))
				.andExpect(status().isForbidden());
			this.mvc.perform(post(base + "/registrations/delete").param("token", "guessed").with(csrf()).with(user(who)))
				.andExpect(status().isForbidden());
		}

		long after = box.requestCounts().entrySet().stream().filter(e -> e.getKey().startsWith("delete/")).mapToLong(Map.Entry::getValue).sum();
		assertThat(after).isEqualTo(before);
	}

	@Test
	void anOperatorOfAnotherGroupCannotEvenSeeTheCalls() throws Exception {
		this.mvc.perform(get("/sbcs/" + this.east.id() + "/calls").with(user(this.westOperator)))
			.andExpect(status().isForbidden());
		this.mvc.perform(get("/calls").with(user(this.westOperator)))
			.andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("demo-sbc-1"))));
	}

	@Test
	void theOperatorOfTheSbcsGroupKillsACallThroughThePagesAndTheBoxNoLongerHasIt() throws Exception {
		Sbc west = DemoSbcs.named(this.fleet, "demo-sbc-3");
		TableRow victim = calls(west).get(0);
		String base = "/sbcs/" + west.id();

		String preview = this.mvc.perform(post(base + "/calls/kill/preview").param("ssmIndex", victim.text("ssm_index"))
			.param("callId", victim.text("callID")).with(csrf()).with(user(this.westOperator)))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		java.util.regex.Matcher token = java.util.regex.Pattern.compile("name=\"token\" value=\"([^\"]+)\"").matcher(preview);
		assertThat(token.find()).as("the preview offers the kill").isTrue();
		String report = this.mvc.perform(post(base + "/calls/kill").param("token", token.group(1)).with(csrf())
			.with(user(this.westOperator))).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

		assertThat(report).contains("gone").contains("Sent as <span class=\"removal-format\">CSV: ");
		assertThat(calls(west)).extracting(CallIdentity::key).doesNotContain(CallIdentity.key(victim));
	}

	@Test
	void theOperatorOfTheSbcsGroupDeletesARegistrationThroughThePagesAndTheBoxNoLongerHasIt() throws Exception {
		Sbc west = DemoSbcs.named(this.fleet, "demo-sbc-3");
		String username = stats(west, VsxiTable.SUB_STATS).get(0).text("username");
		String base = "/sbcs/" + west.id();

		String preview = this.mvc.perform(post(base + "/registrations/delete/preview").param("username", username)
			.with(csrf()).with(user(this.westOperator)))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		java.util.regex.Matcher token = java.util.regex.Pattern.compile("name=\"token\" value=\"([^\"]+)\"").matcher(preview);
		assertThat(token.find()).as("the preview offers the delete").isTrue();
		java.util.regex.Matcher count = java.util.regex.Pattern.compile("Type the number of registrations, <strong>(\\d+)</strong>")
			.matcher(preview);
		assertThat(count.find()).as("a filter's delete asks for the number typed back").isTrue();
		this.mvc.perform(post(base + "/registrations/delete").param("token", token.group(1))
			.param("typedCount", count.group(1)).with(csrf()).with(user(this.westOperator))).andExpect(status().isOk());

		assertThat(stats(west, VsxiTable.SUB_STATS)).extracting(row -> row.text("username")).doesNotContain(username);
	}

	private List<TableRow> calls(Sbc sbc) {
		return stats(sbc, VsxiTable.ACTIVE_CALLS);
	}

	private List<TableRow> stats(Sbc sbc, VsxiTable table) {
		GatewayResult<TableDocument> result = this.gateway.statsList(this.fleet.endpoint(sbc), table).block();
		assertThat(result).isInstanceOf(GatewayResult.Ok.class);
		return ((GatewayResult.Ok<TableDocument>) result).value().rows();
	}

	private UserDetails newUser(String name, Map<Long, Role> roles) {
		testUsers().user(name, roles);
		return this.details.loadUserByUsername(name);
	}

	private TestUsers testUsers() {
		return new TestUsers(this.users, this.grants);
	}

}
