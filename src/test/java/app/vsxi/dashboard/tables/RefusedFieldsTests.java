package app.vsxi.dashboard.tables;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;

import app.vsxi.dashboard.fleet.FleetService;
import app.vsxi.dashboard.support.ContainerSessions;
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
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * A value the editor refuses comes back on the field it is about: the field marked invalid, the reason tied to it
 * by its id, the cursor put there, and what was typed still in the form.
 */
// MockMvc hands the redirect's flash attributes over itself, to the container's session; a browser carries them in
// the database's session (checked in MonitoringBrowserTests)
@SpringBootTest(properties = "spring.autoconfigure.exclude=" + ContainerSessions.EXCLUDED)
@AutoConfigureMockMvc
@ActiveProfiles({ "demo", "test" })
@WithUserDetails(value = "admin", setupBefore = TestExecutionEvent.TEST_METHOD)
@ResourceLock(providers = SameApplication.class)
class RefusedFieldsTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	DraftOpening draftOpening;

	@Autowired
	FleetService fleet;

	private String draft;

	private String key;

	@BeforeEach
	void openRoutes() {
		long sbcId = this.fleet.visible().stream().filter(sbc -> sbc.name().equals("demo-sbc-1")).findFirst()
			.orElseThrow().id();
		DraftOpening.Opened opened = this.draftOpening.open(sbcId, "route");
		assertThat(opened).isInstanceOf(DraftOpening.Opened.Draft.class);
		long draftId = ((DraftOpening.Opened.Draft) opened).id();
		this.draft = "/sbcs/" + sbcId + "/tables/drafts/" + draftId;
		// the demo boxes key routes on alias and tableId
		this.key = this.draftOpening.page(sbcId, draftId, new DraftView.Request(Map.of("alias", "R0000007"), null, false, 0, 10))
			.page().rows().get(0).key().text();
	}

	@Test
	void aRefusedRowEditMarksTheFieldTiesTheReasonAndKeepsWhatWasTyped() throws Exception {
		String html = this.mvc.perform(post(this.draft + "/edit").param("key", this.key).param("v_minLen", "x")
			.param("v_maxLen", "12").with(csrf())).andReturn().getResponse().getContentAsString();

		String minLen = tag(html, "input", "name=\"v_minLen\"");
		assertThat(minLen).contains("aria-invalid=\"true\"", "autofocus", "value=\"x\"");
		assertThat(text(html, describedBy(minLen, 1))).isEqualTo("minLen takes a whole number");
		// typed after the refused field, so not saved: still in the form for the next try
		assertThat(tag(html, "input", "name=\"v_maxLen\"")).contains("value=\"12\"").doesNotContain("aria-invalid");
		assertThat(html).doesNotContain("role=\"alert\"");
	}

	@Test
	void aCloneOntoATakenKeyOpensTheRowsCloneFormAgainWithTheKeyMarked() throws Exception {
		MvcResult refused = this.mvc.perform(post(this.draft + "/clone").param("key", this.key)
			.param("k_alias", "R0000008").param("k_tableId", "1").with(csrf())).andReturn();
		assertThat(refused.getResponse().getRedirectedUrl()).isEqualTo(this.draft + "?f_alias=R0000007&f_tableId=4");

		String html = this.mvc.perform(get(this.draft).param("f_alias", "R0000007").param("f_tableId", "4")
			.flashAttrs(Map.copyOf(refused.getFlashMap())))
			.andReturn().getResponse().getContentAsString();
		assertThat(tag(html, "details", "class=\"clone inline\"")).contains(" open");
		String alias = tag(html, "input", "name=\"k_alias\"");
		assertThat(alias).contains("aria-invalid=\"true\"", "autofocus", "value=\"R0000008\"");
		assertThat(text(html, describedBy(alias, 0))).isEqualTo("Another row already has the key R0000008 / 1");
		assertThat(html).contains("Not cloned: Another row already has the key R0000008 / 1");
	}

	/** The first element of this name whose opening tag holds the given text. */
	private static String tag(String html, String name, String holding) {
		Matcher tag = Pattern.compile("<" + name + "\\b[^>]*>").matcher(html);
		while (tag.find()) {
			if (tag.group().contains(holding)) {
				return tag.group();
			}
		}
		throw new AssertionError("no <" + name + "> with " + holding + " in " + html);
	}

	private static String describedBy(String tag, int which) {
		Matcher ids = Pattern.compile("aria-describedby=\"([^\"]*)\"").matcher(tag);
		assertThat(ids.find()).as("aria-describedby in %s", tag).isTrue();
		String[] each = ids.group(1).split(" ");
		assertThat(each).as("aria-describedby in %s", tag).hasSizeGreaterThan(which);
		return each[which];
	}

	/** The text of the element with this id. */
	private static String text(String html, String id) {
		Matcher element = Pattern.compile("<(\\w+)[^>]*\\bid=\"" + Pattern.quote(id) + "\"[^>]*>([^<]*)</\\1>").matcher(html);
		assertThat(element.find()).as("an element with id %s", id).isTrue();
		return element.group(2).strip();
	}

}
