package app.vsxi.dashboard.calls;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;

import app.vsxi.dashboard.fleet.FleetService;
import app.vsxi.dashboard.support.SameApplication;
import app.vsxi.dashboard.support.SimulatedBox;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
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
 * The list a kill's or a delete's result sits above is the box's list read after it: the killed call and the
 * deleted registration are not in it, the others are. A box of its own, started fresh for each test, carries the
 * same first calls and registrations every time (the simulator draws them from its name), so they are named here.
 */
@SpringBootTest(properties = { "vsxi.calls.bulk-kill-max=25", "vsxi.gateway.read-timeout=15s" })
@AutoConfigureMockMvc
@ActiveProfiles({ "demo", "test" })
@WithMockUser(username = "noc-operator", roles = "ADMIN")
@ResourceLock(providers = SameApplication.class)
class ListAfterRemovalTests {

	private static final String BOX = "list-after-write";

	/** The box's first three calls, slot and Call-ID, as a fresh {@code list-after-write} lists them. */
	private static final String FIRST_CALL = "3deab811-1055@198.51.100.87";

	private static final String KILLED_SLOT = "4182";

	private static final String KILLED_CALL = "c6d6fe64-1056@198.51.100.149";

	private static final String THIRD_CALL = "c8499ae6-1057@198.51.100.101";

	private static final Pattern TOKEN = Pattern.compile("name=\"token\" value=\"([^\"]+)\"");

	@Autowired
	MockMvc mvc;

	@Autowired
	FleetService fleet;

	@Autowired
	UserDetailsService details;

	private SimulatedBox.InTheFleet inTheFleet;

	@BeforeEach
	void startBox() {
		this.inTheFleet = SimulatedBox.inTheFleet(BOX, this.fleet);
	}

	@AfterEach
	void stopBox() {
		this.inTheFleet.stop();
	}

	@Test
	void theCallsListUnderAKillsResultIsReadAfterTheKillAndNoLongerHoldsTheKilledCall() throws Exception {
		String before = onThePage(get("/sbcs/" + this.inTheFleet.sbcId() + "/calls/rows"));
		assertThat(before).contains(call(FIRST_CALL), call(KILLED_CALL), call(THIRD_CALL));
		String preview = onThePage(post("/sbcs/" + this.inTheFleet.sbcId() + "/calls/kill/preview").param("ssmIndex", KILLED_SLOT)
			.param("callId", KILLED_CALL));
		long deletes = this.inTheFleet.box().requestCounts().getOrDefault("delete/active_calls", 0L);

		String result = onThePage(post("/sbcs/" + this.inTheFleet.sbcId() + "/calls/kill").param("token", token(preview))
			.param("ani", "").param("dnisMatch", "prefix").param("dnis", "").param("trunkSide", "either")
			.param("trunk", "").param("ip", "").param("minDuration", "").param("maxDuration", "").param("sort", "")
			.param("dir", "").param("page", "1"));

		assertThat(this.inTheFleet.box().requestCounts().get("delete/active_calls")).isEqualTo(deletes + 1);
		int list = result.indexOf("id=\"call-table\"");
		assertThat(list).as(result).isPositive();
		String report = result.substring(0, list);
		String listed = result.substring(list);
		assertThat(report).contains("id=\"removal-report\"").contains("The call is gone");
		assertThat(listed).contains("hx-swap-oob=\"true\"").contains(call(FIRST_CALL), call(THIRD_CALL))
			.doesNotContain(KILLED_CALL);
	}

	@Test
	void theRegistrationsListUnderADeletesResultIsReadAfterTheDeleteAndNoLongerHoldsTheDeletedOne() throws Exception {
		String before = onThePage(get("/sbcs/" + this.inTheFleet.sbcId() + "/registrations/rows"));
		assertThat(before).contains(registration("77531"), registration("77532"), registration("77533"));
		String preview = onThePage(post("/sbcs/" + this.inTheFleet.sbcId() + "/registrations/delete/preview").param("ids", "77532"));
		assertThat(preview).contains("1 registration match now");

		String result = onThePage(post("/sbcs/" + this.inTheFleet.sbcId() + "/registrations/delete").param("token", token(preview))
			.param("state", "").param("text", "").param("trunk", "").param("sort", "").param("dir", ""));

		assertThat(this.inTheFleet.box().requestCounts().get("delete/sub_stats")).isEqualTo(1L);
		int list = result.indexOf("id=\"registration-table\"");
		assertThat(list).as(result).isPositive();
		assertThat(result.substring(0, list)).contains("id=\"removal-report\"").contains("The registration is gone");
		String listed = result.substring(list);
		assertThat(listed).contains("hx-swap-oob=\"true\"").contains(registration("77531"), registration("77533"))
			.doesNotContain(registration("77532")).containsPattern("Read \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d UTC\\.");
	}

	@Test
	void aKillWhoseListSearchCannotBeReadStillKillsAndShowsTheWholeList() throws Exception {
		String preview = onThePage(post("/sbcs/" + this.inTheFleet.sbcId() + "/calls/kill/preview").param("ssmIndex", KILLED_SLOT)
			.param("callId", KILLED_CALL));

		String result = onThePage(post("/sbcs/" + this.inTheFleet.sbcId() + "/calls/kill").param("token", token(preview))
			.param("minDuration", "soon"));

		assertThat(result).contains("The call is gone");
		String listed = result.substring(result.indexOf("id=\"call-table\""));
		assertThat(listed).contains(call(FIRST_CALL), call(THIRD_CALL)).doesNotContain(KILLED_CALL);
	}

	private static String call(String callId) {
		return "data-call=\"" + callId + "\"";
	}

	private static String registration(String id) {
		return "data-registration=\"" + id + "\"";
	}

	private static String token(String preview) {
		Matcher matcher = TOKEN.matcher(preview);
		assertThat(matcher.find()).as(preview).isTrue();
		return matcher.group(1);
	}

	/** What the page shows for a request of the demo's administrator, as a logged-in browser sends it. */
	private String onThePage(MockHttpServletRequestBuilder request) throws Exception {
		// the request ends the test's own user context, which the clean-up after it needs back
		org.springframework.security.core.context.SecurityContext own = org.springframework.security.test.context.TestSecurityContextHolder
			.getContext();
		try {
			return this.mvc.perform(request.with(csrf()).with(user(this.details.loadUserByUsername("admin"))))
				.andExpect(status().isOk())
				.andReturn()
				.getResponse()
				.getContentAsString();
		}
		finally {
			org.springframework.security.test.context.TestSecurityContextHolder.setContext(own);
		}
	}

}
