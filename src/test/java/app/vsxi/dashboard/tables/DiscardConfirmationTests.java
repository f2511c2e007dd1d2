package app.vsxi.dashboard.tables;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;

import app.vsxi.dashboard.fleet.FleetService;
import app.vsxi.dashboard.fleet.Sbc;
import app.vsxi.dashboard.support.SameApplication;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.test.context.support.TestExecutionEvent;
import org.springframework.security.test.context.support.WithUserDetails;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/** Discarding a draft cannot be undone, so it asks first: a page with a box to tick, no script needed. */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles({ "demo", "test" })
@WithUserDetails(value = "admin", setupBefore = TestExecutionEvent.TEST_METHOD)
@ResourceLock(providers = SameApplication.class)
class DiscardConfirmationTests {

	@Autowired
	DraftOpening draftOpening;

	@Autowired
	FleetService fleet;

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void theDraftPageLeadsToAQuestionAndOnlyATickedAnswerDiscardsTheDraft() throws Exception {
		long sbcId = this.fleet.visible().stream().filter(sbc -> sbc.name().equals("demo-sbc-2")).map(Sbc::id)
			.findFirst().orElseThrow();
		long draftId = ((DraftOpening.Opened.Draft) this.draftOpening.open(sbcId, "route")).id();
		String draft = "/sbcs/" + sbcId + "/tables/drafts/" + draftId;

		String page = this.mvc.perform(get(draft)).andReturn().getResponse().getContentAsString();
		String question = this.mvc.perform(get(draft + "/discard")).andReturn().getResponse().getContentAsString();
		this.mvc.perform(post(draft + "/discard").with(csrf()));
		int afterUnticked = drafts(draftId);
		this.mvc.perform(post(draft + "/discard").param("confirm", "yes").with(csrf()));

		assertThat(page).contains("href=\"" + draft + "/discard\"").doesNotContain("action=\"" + draft + "/discard\"");
		assertThat(question).contains("Discard the draft of route of demo-sbc-2?")
			.contains("<input type=\"checkbox\" name=\"confirm\" value=\"yes\" required>");
		assertThat(afterUnticked).as("not discarded without the tick").isEqualTo(1);
		assertThat(drafts(draftId)).isZero();
	}

	private int drafts(long draftId) {
		return this.jdbc.queryForObject("SELECT COUNT(*) FROM table_draft WHERE id = ?", Integer.class, draftId);
	}

}
