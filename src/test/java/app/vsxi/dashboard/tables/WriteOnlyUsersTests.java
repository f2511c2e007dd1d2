package app.vsxi.dashboard.tables;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;

import app.vsxi.dashboard.demo.DemoFleet;
import app.vsxi.dashboard.fleet.FleetService;
import app.vsxi.dashboard.fleet.Sbc;
import app.vsxi.dashboard.simulator.SimulatedVsxi;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.test.context.support.TestExecutionEvent;
import org.springframework.security.test.context.support.WithUserDetails;
import org.springframework.test.context.ActiveProfiles;
import app.vsxi.dashboard.support.SameApplication;
import app.vsxi.dashboard.tables.engine.RowKey;
import app.vsxi.dashboard.tables.engine.TableDiff;
import app.vsxi.dashboard.tables.engine.WriteAction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * The users table, which the API writes but never reads, through a draft filled from an imported file, against a
 * simulated demo box over real HTTPS; what the box then holds is read from the simulator itself.
 */
@SpringBootTest
@ActiveProfiles({ "demo", "test" })
@AutoConfigureMockMvc
@WithUserDetails(value = "admin", setupBefore = TestExecutionEvent.TEST_METHOD)
@ResourceLock(providers = SameApplication.class)
class WriteOnlyUsersTests {

	private static final String BOX = "demo-sbc-2";

	private static final String TWO_USERS = """
			<XBUserList>
			  <XBUser><username>noc-alice</username><password>Alice-pass-1</password><role>readOnly</role><description>NOC night shift</description></XBUser>
			  <XBUser><username>noc-bob</username><password>Bob-pass-2</password><role>readWrite</role><description>provisioning</description></XBUser>
			</XBUserList>
			""";

	@Autowired
	DraftOpening draftOpening;

	@Autowired
	DraftEdits draftEdits;

	@Autowired
	DraftFiles draftFiles;

	@Autowired
	DraftAccess draftAccess;

	@Autowired
	TableApplier applier;

	@Autowired
	FleetService fleet;

	@Autowired
	DemoFleet demo;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	MockMvc mvc;

	@AfterEach
	void removeTestUsers() {
		// leave the box's users as they were for other tests: delete ours through the API again
		long sbcId = sbc().id();
		List<Map<String, Object>> ours = box().entries("users")
			.stream()
			.filter(user -> String.valueOf(user.get("username")).startsWith("noc-"))
			.toList();
		for (Map<String, Object> user : ours) {
			long draftId = open(sbcId);
			this.draftFiles.importRows(sbcId, draftId, "left.json", file("{\"XBUserList\":{\"XBUser\":[" + json(user) + "]}}"));
			this.draftEdits.delete(sbcId, draftId, new RowKey(List.of(String.valueOf(user.get("username"))), 0));
			this.applier.apply(sbcId, draftId, Map.of());
		}
	}

	@Test
	void importedUsersAreWrittenWithEveryFieldAndAMarkedRowIsDeletedWhole() {
		long sbcId = sbc().id();
		long draftId = open(sbcId);
		Draft draft = this.draftAccess.draft(sbcId, draftId);
		assertThat(draft.baseUnknown()).isTrue();
		assertThat(draft.baseRows()).isZero();

		assertThat(this.draftFiles.importRows(sbcId, draftId, "users.xml", file(TWO_USERS))).isEqualTo(2);
		DraftView.Page page = this.draftOpening.page(sbcId, draftId, new DraftView.Request(Map.of(), null, false, 0, 10))
			.page();
		assertThat(page.columns()).containsExactly("username", "password", "role", "description");
		assertThat(page.rows()).extracting(row -> row.key().label()).containsExactly("noc-alice", "noc-bob");
		DraftEdits.EditResult edited = this.draftEdits.edit(sbcId, draftId, new RowKey(List.of("noc-bob"), 0),
				"description", "provisioning, weekends");
		assertThat(edited.problem()).isNull();

		TableApplier.Preview preview = this.applier.preview(sbcId, draftId);
		assertThat(preview.diff().summary()).isEqualTo(new TableDiff.Summary(2, 0, 0, 0));
		assertThat(preview.payloads()).hasSize(1);
		assertThat(preview.payloads().get(0).action()).isEqualTo(WriteAction.UPDATE);
		assertThat(preview.payloads().get(0).body()).as("the body as sent, but no password in it").isEqualTo(
				"<?xml version='1.0' encoding='UTF-8'?><XBUserList><XBUser><username>noc-alice</username>"
						+ "<password>password set</password><role>readOnly</role><description>NOC night shift</description>"
						+ "</XBUser><XBUser><username>noc-bob</username><password>password set</password><role>readWrite</role>"
						+ "<description>provisioning, weekends</description></XBUser></XBUserList>");

		TableApplier.ApplyOutcome outcome = this.applier.apply(sbcId, draftId, Map.of());

		assertThat(outcome).isInstanceOf(TableApplier.ApplyOutcome.Written.class);
		TableApplier.ApplyOutcome.Written written = (TableApplier.ApplyOutcome.Written) outcome;
		assertThat(written.calls()).extracting(TableApplier.CallReport::action).containsExactly(WriteAction.UPDATE);
		assertThat(written.calls().get(0).answer()).startsWith("200");
		assertThat(ours()).containsExactly(
				entry("noc-alice", "Alice-pass-1", "readOnly", "NOC night shift"),
				entry("noc-bob", "Bob-pass-2", "readWrite", "provisioning, weekends"));
		assertThat(box().entries("users")).as("the box's own API user is untouched")
			.anyMatch(user -> "admin".equals(user.get("username")));
		assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM audit_event WHERE action = 'TABLE_APPLY' AND "
				+ "target = ? AND outcome = 'SUCCESS' AND detail LIKE '%update 2 rows → 200%'", Integer.class,
				BOX + " users")).isEqualTo(1);
		assertThat(this.draftOpening.overview(sbcId).drafts()).noneMatch(left -> left.id() == draftId);

		long deleting = open(sbcId);
		this.draftFiles.importRows(sbcId, deleting, "alice.csv",
				file("username,password,role,description\r\nnoc-alice,Alice-pass-1,readOnly,NOC night shift\r\n"));
		this.draftEdits.delete(sbcId, deleting, new RowKey(List.of("noc-alice"), 0));
		TableApplier.Preview removal = this.applier.preview(sbcId, deleting);
		assertThat(removal.payloads()).extracting(TableApplier.Payload::action).containsExactly(WriteAction.DELETE);
		assertThat(removal.payloads().get(0).body()).as("delete carries the whole entry").isEqualTo(
				"<?xml version='1.0' encoding='UTF-8'?><XBUserList><XBUser><username>noc-alice</username>"
						+ "<password>password set</password><role>readOnly</role><description>NOC night shift</description>"
						+ "</XBUser></XBUserList>");

		assertThat(this.applier.apply(sbcId, deleting, Map.of())).isInstanceOf(TableApplier.ApplyOutcome.Written.class);

		assertThat(ours()).containsExactly(entry("noc-bob", "Bob-pass-2", "readWrite", "provisioning, weekends"));
	}

	@Test
	void copiesAndClonesOfImportedRowsGoOutWithTheirFields() {
		long sbcId = sbc().id();
		long draftId = open(sbcId);
		this.draftFiles.importRows(sbcId, draftId, "users.xml", file(TWO_USERS));
		DraftEdits.EditResult clone = this.draftEdits.cloneRow(sbcId, draftId, new RowKey(List.of("noc-alice"), 0),
				Map.of("username", "noc-carol"));
		assertThat(clone.problem()).isNull();
		this.draftEdits.delete(sbcId, draftId, new RowKey(List.of("noc-bob"), 0));

		TableDiff diff = this.applier.preview(sbcId, draftId).diff();
		assertThat(diff.added()).extracting(added -> added.key().label()).containsExactly("noc-alice", "noc-carol");
		assertThat(diff.removed()).extracting(removed -> removed.row())
			.containsExactly(row("noc-bob", SecretFields.SET, "readWrite", "provisioning"));
	}

	@Test
	void aFileWhoseRowsDifferFromTheFirstOrLackTheKeyIsRefusedWhole() {
		long sbcId = sbc().id();
		long draftId = open(sbcId);
		assertThatThrownBy(() -> this.draftFiles.importRows(sbcId, draftId, "uneven.json",
				file("{\"XBUserList\":{\"XBUser\":[{\"username\":\"noc-x\",\"password\":\"p\",\"role\":\"readOnly\"},"
						+ "{\"username\":\"noc-y\",\"password\":\"p\"}]}}")))
			.isInstanceOf(TableEditorException.class)
			.hasMessageContaining("do not have the fields of the first imported row: missing in 1 entry: role");
		assertThatThrownBy(() -> this.draftFiles.importRows(sbcId, draftId, "nokey.csv", file("name,password\r\nx,p\r\n")))
			.isInstanceOf(TableEditorException.class)
			.hasMessageContaining("need the field username");
		assertThat(this.draftAccess.draft(sbcId, draftId).baseRows()).isZero();
		assertThat(this.applier.apply(sbcId, draftId, Map.of())).isInstanceOf(TableApplier.ApplyOutcome.Refused.class);
	}

	@Test
	void thePagesSayTheBoxCannotBeReadAndShowEachAnswer() throws Exception {
		SecurityContext signedIn = SecurityContextHolder.getContext();
		try {
			walkThePages(sbc().id());
		}
		finally {
			// the request's filters clear the thread's context; the clean-up after the test needs it again
			SecurityContextHolder.setContext(signedIn);
		}
	}

	private void walkThePages(long sbcId) throws Exception {
		String opening = this.mvc.perform(post("/sbcs/{id}/tables/open", sbcId).param("table", "users").with(csrf()))
			.andReturn()
			.getResponse()
			.getRedirectedUrl();
		String draft = this.mvc.perform(get(opening)).andReturn().getResponse().getRedirectedUrl();
		assertThat(draft).contains("/tables/drafts/");
		assertThat(this.mvc.perform(get(draft)).andReturn().getResponse().getContentAsString())
			.contains("The box cannot be read: the API has no download of users.");
		this.mvc.perform(multipart(draft + "/import")
			.file(new MockMultipartFile("file", "users.xml", "application/xml", TWO_USERS.getBytes(StandardCharsets.UTF_8)))
			.with(csrf()));
		String page = this.mvc.perform(get(draft)).andReturn().getResponse().getContentAsString();
		assertThat(page).contains("2 rows imported by admin").contains("noc-alice").contains("noc-bob");
		String preview = this.mvc.perform(get(draft + "/preview")).andReturn().getResponse().getContentAsString();
		assertThat(preview).contains("update/users with 2 entries")
			.contains("&lt;username&gt;noc-bob&lt;/username&gt;")
			.contains("nothing is merged, kept as a snapshot or verified after");

		String applied = this.mvc.perform(post(draft + "/apply").with(csrf())).andReturn().getResponse()
			.getContentAsString();

		assertThat(applied).contains("Sent to the SBC")
			.contains("The box cannot be read back; the answer of each call is all there is.")
			.contains("No snapshot was kept");
		assertThat(ours()).hasSize(2);
	}

	private long open(long sbcId) {
		DraftOpening.Opened opened = this.draftOpening.open(sbcId, "users");
		assertThat(opened).isInstanceOf(DraftOpening.Opened.Draft.class);
		return ((DraftOpening.Opened.Draft) opened).id();
	}

	private List<Map<String, Object>> ours() {
		return box().entries("users")
			.stream()
			.filter(user -> String.valueOf(user.get("username")).startsWith("noc-"))
			.toList();
	}

	private SimulatedVsxi box() {
		return this.demo.box(BOX);
	}

	private Sbc sbc() {
		return this.fleet.visible().stream().filter(sbc -> sbc.name().equals(BOX)).findFirst().orElseThrow();
	}

	private static Map<String, Object> entry(String username, String password, String role, String description) {
		Map<String, Object> entry = new LinkedHashMap<>();
		entry.put("username", username);
		entry.put("password", password);
		entry.put("role", role);
		entry.put("description", description);
		return entry;
	}

	private static app.vsxi.dashboard.gateway.TableRow row(String username, String password, String role,
			String description) {
		return new app.vsxi.dashboard.gateway.TableRow(new LinkedHashMap<>(entry(username, password, role, description)));
	}

	private static String json(Map<String, Object> user) {
		StringBuilder json = new StringBuilder("{");
		user.forEach((name, value) -> json.append(json.length() > 1 ? "," : "")
			.append('"').append(name).append("\":\"").append(value).append('"'));
		return json.append('}').toString();
	}

	private static ByteArrayInputStream file(String text) {
		return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
	}

}
