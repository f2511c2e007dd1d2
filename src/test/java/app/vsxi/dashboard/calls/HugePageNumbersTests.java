package app.vsxi.dashboard.calls;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;

import app.vsxi.dashboard.fleet.FleetService;
import app.vsxi.dashboard.fleet.Sbc;
import app.vsxi.dashboard.support.SameApplication;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.security.test.context.support.TestExecutionEvent;
import org.springframework.security.test.context.support.WithUserDetails;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/** A page number far past the last, even past an int, shows the last page of calls and registrations. */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles({ "demo", "test" })
@WithUserDetails(value = "admin", setupBefore = TestExecutionEvent.TEST_METHOD)
@ResourceLock(providers = SameApplication.class)
class HugePageNumbersTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	FleetService fleet;

	private long sbc() {
		return this.fleet.visible().stream().filter(sbc -> sbc.name().equals("demo-sbc-1")).map(Sbc::id).findFirst()
			.orElseThrow();
	}

	@Test
	void callsAndRegistrationsAnswerTheirLastPageForAHugePageNumber() throws Exception {
		// read before any request: a request's filters clear the test's signed-in context afterwards
		long sbcId = sbc();
		for (String page : new String[] { "99999999999", "2147483647", "99999999999999999999999" }) {
			MvcResult calls = this.mvc.perform(get("/sbcs/{id}/calls", sbcId).param("page", page)).andReturn();
			assertThat(calls.getResponse().getStatus()).as("calls, page=" + page).isEqualTo(200);
			CallsPage shown = (CallsPage) calls.getModelAndView().getModel().get("calls");
			assertThat(shown.page()).as("calls, page=" + page).isEqualTo(shown.pages());

			MvcResult registrations = this.mvc.perform(get("/sbcs/{id}/registrations", sbcId).param("page", page))
				.andReturn();
			assertThat(registrations.getResponse().getStatus()).as("registrations, page=" + page).isEqualTo(200);
			RegistrationsPage listed = (RegistrationsPage) registrations.getModelAndView().getModel().get("registrations");
			assertThat(listed.page()).as("registrations, page=" + page).isEqualTo(listed.pages());

			assertThat(this.mvc.perform(get("/calls").param("page", page)).andReturn().getResponse().getStatus())
				.as("fleet calls, page=" + page)
				.isEqualTo(200);
		}
	}

}
