package app.vsxi.dashboard.tables;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSetMetaData;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;

import app.vsxi.dashboard.access.AppUserRepository;
import app.vsxi.dashboard.access.Role;
import app.vsxi.dashboard.access.UserGrantRepository;
import app.vsxi.dashboard.demo.DemoFleet;
import app.vsxi.dashboard.fleet.FleetService;
import app.vsxi.dashboard.fleet.Sbc;
import app.vsxi.dashboard.simulator.Faults;
import app.vsxi.dashboard.simulator.SimulatedVsxi;
import app.vsxi.dashboard.support.DemoSbcs;
import app.vsxi.dashboard.support.SameApplication;
import app.vsxi.dashboard.support.TestUsers;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import app.vsxi.dashboard.tables.engine.RowKey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Secrets in the tables: the box's own accounts (users) only for the group's administrators, their passwords
 * sealed and shown nowhere but sent to the box; SIP passwords masked below operator; opening, exporting and
 * discarding audited. Against the simulated demo boxes over real HTTPS, without a test transaction, so the audit
 * trail is what a real request leaves.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles({ "demo", "test" })
@ResourceLock(providers = SameApplication.class)
class TableSecretsTests {

	private static final String USERS_BOX = "demo-sbc-2";

	private static final String SUBSCRIBER_BOX = "demo-sbc-1";

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
	JdbcTemplate jdbc;

	private final String literal = "Lit3ral-Pw-" + System.nanoTime();

	private final String account = "sec-" + System.nanoTime();

	private Sbc usersBox;

	private Sbc subscriberBox;

	private UserDetails operator;

	private UserDetails administrator;

	private UserDetails viewer;

	@BeforeEach
	void people() {
		this.usersBox = sbc(USERS_BOX);
		this.subscriberBox = sbc(SUBSCRIBER_BOX);
		Map<Long, Role> operating = new java.util.HashMap<>();
		operating.put(this.usersBox.groupId(), Role.OPERATOR);
		operating.put(this.subscriberBox.groupId(), Role.OPERATOR);
		this.operator = newUser("sec-operator-" + System.nanoTime(), operating);
		this.administrator = newUser("sec-admin-" + System.nanoTime(), Map.of(this.usersBox.groupId(), Role.GROUP_ADMIN));
		this.viewer = newUser("sec-viewer-" + System.nanoTime(), Map.of(this.subscriberBox.groupId(), Role.VIEWER));
	}

	@AfterEach
	void removeTheAccountFromTheBox() throws Exception {
		box(USERS_BOX).faults(Faults.NONE);
		if (box(USERS_BOX).entries("users").stream().noneMatch(user -> this.account.equals(user.get("username")))) {
			return;
		}
		String draft = open(this.usersBox, "users", this.administrator);
		importUsers(draft, this.administrator, "gone");
		this.mvc.perform(post(draft + "/delete").param("key", key()).with(csrf()).with(user(this.administrator)));
		this.mvc.perform(post(draft + "/apply").with(csrf()).with(user(this.administrator)));
	}

	@Test
	void anOperatorWhoIsNotGroupAdministratorIsRefusedAUsersDraftAndEachRefusalIsAuditedOnce() throws Exception {
		MockHttpServletResponse opened = this.mvc
			.perform(post("/sbcs/{id}/tables/open", this.usersBox.id()).param("table", "users").with(csrf())
				.with(user(this.operator)))
			.andReturn().getResponse();
		assertThat(opened.getStatus()).isEqualTo(403);
		assertThat(refusalsOf(this.operator)).as("one refusal for opening").isEqualTo(1);

		String draft = open(this.usersBox, "users", this.administrator);
		MockHttpServletResponse imported = this.mvc.perform(multipart(draft + "/import").file(usersFile(this.literal))
			.with(csrf()).with(user(this.operator))).andReturn().getResponse();
		assertThat(imported.getStatus()).isEqualTo(403);
		assertThat(refusalsOf(this.operator)).as("one more for importing").isEqualTo(2);

		importUsers(draft, this.administrator, this.literal);
		MockHttpServletResponse applied = this.mvc.perform(post(draft + "/apply").with(csrf()).with(user(this.operator)))
			.andReturn().getResponse();
		assertThat(applied.getStatus()).isEqualTo(403);
		assertThat(refusalsOf(this.operator)).as("one more for applying").isEqualTo(3);

		assertThat(this.mvc.perform(get(draft).with(user(this.operator))).andReturn().getResponse().getStatus())
			.isEqualTo(403);
		assertThat(refusalsOf(this.operator)).as("one more for looking").isEqualTo(4);
		assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM audit_event WHERE actor = ? AND action = 'ACCESS_DENIED' "
				+ "AND target = ? AND outcome = 'DENIED'", Integer.class, this.operator.getUsername(), USERS_BOX + " users"))
			.isEqualTo(4);
		assertThat(box(USERS_BOX).entries("users")).noneMatch(user -> this.account.equals(user.get("username")));
	}

	@Test
	void theLiteralPasswordOfAnImportedUsersFileShowsNowhereButReachesTheBox() throws Exception {
		String draft = open(this.usersBox, "users", this.administrator);
		importUsers(draft, this.administrator, this.literal);
		List<String> shown = new ArrayList<>();
		shown.add(text(get(draft)));
		shown.add(text(get(draft + "/rows")));
		shown.add(text(get(draft + "/row").param("key", key())));
		shown.add(text(get(draft + "/row").param("key", key()).param("edit", "true")));
		// the edit form sends the mask back untouched with a changed description: the password must survive it
		shown.add(text(post(draft + "/edit").param("key", key()).param("v_username", this.account)
			.param("v_password", SecretFields.SET).param("v_role", "readOnly").param("v_description", "night shift")
			.with(csrf())));
		String preview = text(get(draft + "/preview"));
		shown.add(preview);
		for (String format : List.of("csv", "xml", "json")) {
			shown.add(text(get(draft + "/export").param("format", format)));
		}

		assertThat(shown).allSatisfy(body -> assertThat(body).doesNotContain(this.literal));
		assertThat(shown.get(0)).contains(this.account);
		assertThat(preview).contains("&lt;password&gt;password set&lt;/password&gt;");
		assertThat(stored()).as("sealed at rest").doesNotContain(this.literal);
		assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM table_draft_edit", Integer.class))
			.as("the edit is stored too").isPositive();

		String applied = text(post(draft + "/apply").with(csrf()));

		assertThat(applied).doesNotContain(this.literal).contains("Sent to the SBC");
		assertThat(box(USERS_BOX).entries("users"))
			.anySatisfy(user -> assertThat(user).containsEntry("username", this.account)
				.containsEntry("password", this.literal)
				.containsEntry("description", "night shift"));
		assertThat(draftsOf(draft)).as("purged once applied").isZero();
		assertThat(stored()).doesNotContain(this.literal);
	}

	@Test
	void aUsersDraftWhoseApplyFailsIsPurgedAndItsPasswordNeverStored() throws Exception {
		String draft = open(this.usersBox, "users", this.administrator);
		importUsers(draft, this.administrator, this.literal);
		box(USERS_BOX).faults(new Faults(0, 500, false, false));

		String applied = text(post(draft + "/apply").with(csrf()));

		box(USERS_BOX).faults(Faults.NONE);
		assertThat(applied).doesNotContain(this.literal);
		assertThat(draftsOf(draft)).as("purged after a failed apply").isZero();
		assertThat(stored()).doesNotContain(this.literal);
	}

	@Test
	void aViewerSeesSubscriberPasswordsMaskedMayNotExportThemAndTheOpeningIsAudited() throws Exception {
		List<String> passwords = box(SUBSCRIBER_BOX).entries("subscriber").stream()
			.map(entry -> String.valueOf(entry.get("password")))
			.filter(password -> password.length() >= 6)
			.toList();
		assertThat(passwords).isNotEmpty();
		String draft = open(this.subscriberBox, "subscriber", this.viewer);

		String page = this.mvc.perform(get(draft).with(user(this.viewer))).andReturn().getResponse().getContentAsString();
		String filtered = this.mvc.perform(get(draft).param("f_password", passwords.get(0)).with(user(this.viewer)))
			.andReturn().getResponse().getContentAsString();
		MockHttpServletResponse export = this.mvc.perform(get(draft + "/export").param("format", "csv")
			.with(user(this.viewer))).andReturn().getResponse();

		assertThat(page).contains(SecretFields.SET);
		assertThat(passwords).allSatisfy(password -> assertThat(page).doesNotContain(password));
		int rows = box(SUBSCRIBER_BOX).entries("subscriber").size();
		assertThat(filtered).as("a filter on the password tells nothing").contains(">" + rows + " rows match.<");
		assertThat(export.getStatus()).isEqualTo(403);
		assertThat(passwords).allSatisfy(password -> assertThat(export.getContentAsString()).doesNotContain(password));
		assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM audit_event WHERE actor = ? AND action = 'ACCESS_DENIED' "
				+ "AND target = ?", Integer.class, this.viewer.getUsername(), SUBSCRIBER_BOX + " subscriber"))
			.isEqualTo(1);
		assertThat(audited(this.viewer, "TABLE_OPEN", SUBSCRIBER_BOX + " subscriber")).containsExactly(rows + " rows, xml");

		String operatorsPage = this.mvc.perform(get(draft).with(user(this.operator))).andReturn().getResponse()
			.getContentAsString();
		assertThat(operatorsPage).as("an operator sees them").contains(passwords.get(0));
	}

	@Test
	void subscriberPasswordsAreSealedInTheStoredBaseTheEditsAndTheSnapshotYetAnOperatorStillSeesAndWritesThem()
			throws Exception {
		List<Map<String, Object>> subscribers = box(SUBSCRIBER_BOX).entries("subscriber");
		List<String> passwords = subscribers.stream()
			.map(entry -> String.valueOf(entry.get("password")))
			.filter(password -> password.length() >= 6)
			.toList();
		assertThat(passwords).isNotEmpty();
		Map<String, Object> first = subscribers.get(0);
		String key = new RowKey(List.of(String.valueOf(first.get("username")), String.valueOf(first.get("userDomain"))),
				0).text();
		String draft = open(this.subscriberBox, "subscriber", this.operator);
		this.mvc.perform(post(draft + "/edit").param("key", key).param("v_password", this.literal).with(csrf())
			.with(user(this.operator)));
		String page = this.mvc.perform(get(draft).with(user(this.operator))).andReturn().getResponse()
			.getContentAsString();

		String applied = this.mvc.perform(post(draft + "/apply").with(csrf()).with(user(this.operator))).andReturn()
			.getResponse().getContentAsString();

		assertThat(page).as("an operator sees the passwords").contains(this.literal)
			.contains(passwords.get(passwords.size() - 1));
		assertThat(applied).contains("Applied");
		assertThat(box(SUBSCRIBER_BOX).entries("subscriber"))
			.anySatisfy(entry -> assertThat(entry).containsEntry("password", this.literal));
		assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM table_snapshot WHERE table_name = 'subscriber'",
				Integer.class)).as("the apply kept a snapshot").isPositive();
		String stored = stored("table_draft", "table_draft_edit", "table_snapshot", "audit_event");
		assertThat(stored).doesNotContain(this.literal);
		assertThat(passwords).allSatisfy(password -> assertThat(stored).doesNotContain(password));
	}

	@Test
	void theAuditOfAnApplyThatChangesASubscriberPasswordSaysPasswordChangedWithoutEitherValue() throws Exception {
		Map<String, Object> first = box(SUBSCRIBER_BOX).entries("subscriber").stream()
			.filter(entry -> String.valueOf(entry.get("password")).length() >= 6)
			.findFirst().orElseThrow();
		String old = String.valueOf(first.get("password"));
		String row = first.get("username") + " / " + first.get("userDomain");
		String key = new RowKey(List.of(String.valueOf(first.get("username")), String.valueOf(first.get("userDomain"))),
				0).text();
		String draft = open(this.subscriberBox, "subscriber", this.operator);
		this.mvc.perform(post(draft + "/edit").param("key", key).param("v_password", this.literal).with(csrf())
			.with(user(this.operator)));

		this.mvc.perform(post(draft + "/apply").with(csrf()).with(user(this.operator)));

		List<String> applied = audited(this.operator, "TABLE_APPLY", SUBSCRIBER_BOX + " subscriber");
		assertThat(applied).hasSize(1);
		assertThat(applied.get(0)).contains("; changes: " + row + ": password changed")
			.doesNotContain(this.literal)
			.doesNotContain(old);
	}

	@Test
	void openingExportingAndDiscardingADraftAreAuditedWithSbcTableRowsAndFormat() throws Exception {
		int rows = box(SUBSCRIBER_BOX).entries("subscriber").size();
		String draft = open(this.subscriberBox, "subscriber", this.operator);
		MockHttpServletResponse export = this.mvc.perform(get(draft + "/export").param("format", "csv")
			.with(user(this.operator))).andReturn().getResponse();
		assertThat(export.getStatus()).isEqualTo(200);
		this.mvc.perform(post(draft + "/discard").param("confirm", "yes").with(csrf()).with(user(this.operator)));

		String target = SUBSCRIBER_BOX + " subscriber";
		assertThat(audited(this.operator, "TABLE_OPEN", target)).containsExactly(rows + " rows, xml");
		assertThat(audited(this.operator, "TABLE_EXPORT", target)).containsExactly(rows + " rows, csv");
		assertThat(audited(this.operator, "TABLE_DISCARD", target))
			.containsExactly(rows + " rows, 0 edited, xml (draft " + draft.substring(draft.lastIndexOf('/') + 1) + ")");
		assertThat(draftsOf(draft)).isZero();
	}

	/** Opens a table as {@code who}, waiting for its download, and returns the draft's path. */
	private String open(Sbc sbc, String table, UserDetails who) throws Exception {
		String opening = this.mvc.perform(post("/sbcs/{id}/tables/open", sbc.id()).param("table", table).with(csrf())
			.with(user(who))).andReturn().getResponse().getRedirectedUrl();
		assertThat(opening).isNotNull();
		for (int i = 0; i < 200; i++) {
			String draft = this.mvc.perform(get(opening).with(user(who))).andReturn().getResponse().getRedirectedUrl();
			if (draft != null && draft.contains("/tables/drafts/")) {
				return draft;
			}
			Thread.sleep(100);
		}
		throw new AssertionError("the draft of " + table + " did not open");
	}

	private void importUsers(String draft, UserDetails who, String password) throws Exception {
		MockHttpServletResponse response = this.mvc.perform(multipart(draft + "/import").file(usersFile(password))
			.with(csrf()).with(user(who))).andReturn().getResponse();
		assertThat(response.getRedirectedUrl()).endsWith(draft);
	}

	private MockMultipartFile usersFile(String password) {
		String xml = "<XBUserList><XBUser><username>" + this.account + "</username><password>" + password
				+ "</password><role>readOnly</role><description>secrets test</description></XBUser></XBUserList>";
		return new MockMultipartFile("file", "users.xml", "application/xml", xml.getBytes(StandardCharsets.UTF_8));
	}

	/** A page, fragment or file as the group administrator gets it. */
	private String text(org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request)
			throws Exception {
		MockHttpServletResponse response = this.mvc.perform(request.with(user(this.administrator))).andReturn()
			.getResponse();
		assertThat(response.getStatus()).as(response.getContentAsString()).isLessThan(400);
		return response.getContentAsString(StandardCharsets.UTF_8);
	}

	private String key() {
		return new RowKey(List.of(this.account), 0).text();
	}

	/** Every column of the drafts, their edits and the audit trail, as text; compressed data unpacked. */
	private String stored() {
		return stored("table_draft", "table_draft_edit", "audit_event");
	}

	private String stored(String... tables) {
		StringBuilder all = new StringBuilder();
		for (String table : tables) {
			this.jdbc.query("SELECT * FROM " + table, rs -> {
				ResultSetMetaData columns = rs.getMetaData();
				for (int i = 1; i <= columns.getColumnCount(); i++) {
					int type = columns.getColumnType(i);
					if (type == Types.BLOB || type == Types.BINARY || type == Types.VARBINARY
							|| type == Types.LONGVARBINARY) {
						byte[] bytes = rs.getBytes(i);
						if (bytes != null) {
							all.append(new String(bytes, StandardCharsets.ISO_8859_1)).append(gunzipped(bytes));
						}
					}
					else {
						all.append(rs.getString(i)).append('\n');
					}
				}
			});
		}
		return all.toString();
	}

	private static String gunzipped(byte[] bytes) {
		try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(bytes))) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			return "";
		}
	}

	private int draftsOf(String draft) {
		return this.jdbc.queryForObject("SELECT COUNT(*) FROM table_draft WHERE id = ?", Integer.class,
				Long.parseLong(draft.substring(draft.lastIndexOf('/') + 1)));
	}

	private int refusalsOf(UserDetails who) {
		return this.jdbc.queryForObject("SELECT COUNT(*) FROM audit_event WHERE actor = ? AND outcome = 'DENIED'",
				Integer.class, who.getUsername());
	}

	private List<String> audited(UserDetails who, String action, String target) {
		return this.jdbc.queryForList("SELECT detail FROM audit_event WHERE actor = ? AND action = ? AND target = ? "
				+ "AND outcome = 'SUCCESS' ORDER BY id", String.class, who.getUsername(), action, target);
	}

	private SimulatedVsxi box(String name) {
		return this.demo.box(name);
	}

	private Sbc sbc(String name) {
		return DemoSbcs.named(this.fleet, name);
	}

	private UserDetails newUser(String name, Map<Long, Role> roles) {
		testUsers().user(name, roles);
		return this.details.loadUserByUsername(name);
	}

	private TestUsers testUsers() {
		return new TestUsers(this.users, this.grants);
	}

}
