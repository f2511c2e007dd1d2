package app.vsxi.dashboard.tables;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;

import app.vsxi.dashboard.fleet.FleetService;
import app.vsxi.dashboard.fleet.Sbc;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.test.context.TestSecurityContextHolder;
import org.springframework.security.test.context.support.TestExecutionEvent;
import org.springframework.security.test.context.support.WithUserDetails;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import app.vsxi.dashboard.support.SameApplication;
import app.vsxi.dashboard.tables.engine.ApplyPlan;
import app.vsxi.dashboard.tables.engine.TableDiff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;

/**
 * Files an operator should not be able to slip into a draft of an ordinary table (the routes of a simulated demo
 * box), sent as the draft page's import form sends them. Each is refused with a reason an operator can act on, and
 * the draft keeps exactly the one row imported before it.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles({ "demo", "test" })
@WithUserDetails(value = "admin", setupBefore = TestExecutionEvent.TEST_METHOD)
@ResourceLock(providers = SameApplication.class)
class MalformedImportTests {

	@Autowired
	DraftOpening draftOpening;

	@Autowired
	DraftFiles draftFiles;

	@Autowired
	DraftAccess draftAccess;

	@Autowired
	DraftRepository draftRepository;

	@Autowired
	TableApplier applier;

	@Autowired
	FleetService fleet;

	@Autowired
	MockMvc mvc;

	private long sbcId;

	private long draftId;

	private String kept;

	private int baseRows;

	@BeforeEach
	void draftWithOneImportedRow() {
		this.sbcId = this.fleet.visible().stream().filter(sbc -> sbc.name().equals("demo-sbc-3")).map(Sbc::id)
			.findFirst().orElseThrow();
		this.draftId = ((DraftOpening.Opened.Draft) this.draftOpening.open(this.sbcId, "route")).id();
		this.baseRows = this.draftAccess.draft(this.sbcId, this.draftId).baseRows();
		this.kept = "KEPT-" + System.nanoTime();
		String file = "<XBRouteList>" + route(this.kept, "1") + "</XBRouteList>";
		assertThat(this.draftFiles.importRows(this.sbcId, this.draftId, "one.xml",
				new ByteArrayInputStream(file.getBytes(StandardCharsets.UTF_8)))).isEqualTo(1);
	}

	@AfterEach
	void discardDraft() {
		SecurityContextHolder.setContext(TestSecurityContextHolder.getContext());
		this.draftOpening.discard(this.sbcId, this.draftId);
	}

	@Test
	void aTruncatedXmlFileIsRefusedAsUnreadableAndNoneOfItsEntriesGoIn() throws Exception {
		// the first entry is whole, the second is cut in the middle of a field
		String file = "<XBRouteList>" + route("CUT-1", "1") + "<XBRoute><alias>CUT-2</alias><tableId>1";

		MvcResult answer = upload("cut.xml", file);

		assertThat(answer.getResponse().getStatus()).isEqualTo(422);
		assertThat(answer.getResponse().getContentAsString())
			.contains("The file cannot be read: not well-formed XML: ");
		assertDraftUnchanged();
	}

	@Test
	void aFileOfAnotherTableIsRefusedNamingTheFieldsItLacksAndAdds() throws Exception {
		// a route table's file: it shares alias and tableId with routes, and nothing else
		String file = "<XBRouteTableList><XBRouteTable><tableId>9</tableId><alias>Other table</alias>"
				+ "<description>Routes for elsewhere</description></XBRouteTable></XBRouteTableList>";

		MvcResult answer = upload("routetable.xml", file);

		assertThat(answer.getResponse().getStatus()).isEqualTo(302);
		assertThat(answer.getResponse().getRedirectedUrl()).isEqualTo(draftPath());
		assertThat(answer.getFlashMap().get("failure")).isEqualTo("Not done: Not imported: the file's entries do not "
				+ "have the fields of the box's rows: missing in 1 entry: digitMatch, minLen, maxLen, startTod, endTod, "
				+ "groupId, policy, resourceId1, resourceId2, resourceId3, resourceId4, resourceId5, resourceId6, "
				+ "resourceId7, resourceId8; not in the box's rows: description (1 entry). Download an empty entry "
				+ "from the draft to see the fields each entry needs.");
		assertDraftUnchanged();
	}

	@Test
	void aFileNestingTooDeepIsRefusedAsUnreadable() throws Exception {
		String file = "<XBRouteList>" + route("DEEP", "1").replace("<digitMatch></digitMatch>",
				"<digitMatch>" + "<a>".repeat(40) + "1" + "</a>".repeat(40) + "</digitMatch>") + "</XBRouteList>";

		MvcResult answer = upload("deep.xml", file);

		assertThat(answer.getResponse().getStatus()).isEqualTo(422);
		assertThat(answer.getResponse().getContentAsString())
			.contains("The file cannot be read: entries nest deeper than 32 elements");
		assertDraftUnchanged();
	}

	/**
	 * A key twice in one file is taken into the draft, each row as an occurrence of its own (the draft must diff row
	 * by row), and it is applying that is refused: the box keeps one row per key.
	 */
	@Test
	void aFileHoldingOneKeyTwiceGoesInButCannotBeApplied() throws Exception {
		String twice = "TWICE-" + System.nanoTime();
		String file = "<XBRouteList>" + route(twice, "1") + route(twice, "1").replace("<policy></policy>",
				"<policy>2</policy>") + "</XBRouteList>";

		MvcResult answer = upload("twice.xml", file);

		assertThat(answer.getResponse().getStatus()).isEqualTo(302);
		assertThat(answer.getFlashMap().get("notice")).isEqualTo("2 rows imported into the draft.");
		TableDiff diff = new StoredDraft(this.draftRepository, this.draftAccess.draft(this.sbcId, this.draftId)).changes();
		assertThat(diff.added()).extracting(added -> added.key().label())
			.containsExactlyInAnyOrder(this.kept + " / 1", twice + " / 1", twice + " / 1 (#2)");
		assertThat(this.applier.preview(this.sbcId, this.draftId).plan()).isEqualTo(new ApplyPlan.Refused(
				"the intended table holds key " + twice + " / 1 more than once; the box keeps one row per key"));
	}

	/** The draft holds the one row imported before, and the box's rows as they were. */
	private void assertDraftUnchanged() {
		Draft draft = this.draftAccess.draft(this.sbcId, this.draftId);
		assertThat(draft.baseRows()).isEqualTo(this.baseRows);
		TableDiff diff = new StoredDraft(this.draftRepository, draft).changes();
		assertThat(diff.added()).extracting(added -> added.key().label()).containsExactly(this.kept + " / 1");
		assertThat(diff.changed()).isEmpty();
		assertThat(diff.removed()).isEmpty();
	}

	private MvcResult upload(String name, String content) throws Exception {
		try {
			return this.mvc.perform(multipart(draftPath() + "/import")
				.file(new MockMultipartFile("file", name, "application/xml", content.getBytes(StandardCharsets.UTF_8)))
				.header("Referer", "http://localhost" + draftPath())
				.with(csrf())).andReturn();
		}
		finally {
			// a request done, the service's callers lose the test's user: put it back
			SecurityContextHolder.setContext(TestSecurityContextHolder.getContext());
		}
	}

	private String draftPath() {
		return "/sbcs/" + this.sbcId + "/tables/drafts/" + this.draftId;
	}

	/** A route with every field the box's routes have, all empty but its key. */
	private static String route(String alias, String tableId) {
		StringBuilder route = new StringBuilder("<XBRoute><alias>" + alias + "</alias><tableId>" + tableId
				+ "</tableId>");
		for (String field : List.of("digitMatch", "minLen", "maxLen", "startTod", "endTod", "groupId", "policy",
				"resourceId1", "resourceId2", "resourceId3", "resourceId4", "resourceId5", "resourceId6", "resourceId7",
				"resourceId8")) {
			route.append('<').append(field).append("></").append(field).append('>');
		}
		return route.append("</XBRoute>").toString();
	}

}
