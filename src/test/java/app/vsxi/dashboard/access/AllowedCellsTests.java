package app.vsxi.dashboard.access;

import java.time.Duration;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;

import app.vsxi.dashboard.fleet.FleetService;
import app.vsxi.dashboard.simulator.SimulatedVsxi;
import app.vsxi.dashboard.simulator.SimulatorProperties;
import app.vsxi.dashboard.simulator.StatsGeneration;
import app.vsxi.dashboard.support.SameApplication;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.test.context.TestSecurityContextHolder;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * The allowed cells of the access matrix, called on real targets: a draft opened on a simulated box, a snapshot an
 * apply took, confirmation tokens a preview issued, a call and a registration the box lists. Each is called by the
 * least role its rule allows (a viewer, or an operator, of the box's group) and must answer its exact status and
 * have its effect: a 400 or a 404 is no longer "allowed". The box carries the same first calls and registrations
 * every run, as its name draws them, so they are named here by hand.
 */
@SpringBootTest(properties = { "vsxi.calls.bulk-kill-max=25", "vsxi.gateway.read-timeout=15s" })
@AutoConfigureMockMvc
@ActiveProfiles({ "demo", "test" })
@WithMockUser(username = "allowed-cells-setup", roles = "ADMIN")
@ResourceLock(providers = SameApplication.class)
class AllowedCellsTests {

	private static final String BOX = "list-after-write";

	private static final String GROUP = "Allowed cells";

	private static final String KILLED_SLOT = "4182";

	private static final String KILLED_CALL = "c6d6fe64-1056@198.51.100.149";

	private static final String OTHER_CALL = "3deab811-1055@198.51.100.87";

	private static final String OPERATOR_PASSWORD = "allowed-cells-pw-7";

	private static final Pattern TOKEN = Pattern.compile("name=\"token\" value=\"([^\"]+)\"");

	/** The key of a row, from the address its row is read back from (on read-only pages too). */
	private static final Pattern KEY = Pattern.compile("data-cancel=\"[^\"]*?[?&](?:amp;)?key=([^\"&]+)");

	@Autowired
	MockMvc mvc;

	@Autowired
	FleetService fleet;

	@Autowired
	AppUserRepository users;

	@Autowired
	UserGrantRepository grants;

	@Autowired
	DatabaseUserDetailsService details;

	@Autowired
	PasswordEncoder encoder;

	@Autowired
	JdbcTemplate jdbc;

	private SimulatedVsxi box;

	private long sbcId;

	private DashboardUser viewer;

	private DashboardUser operator;

	@BeforeEach
	void boxAndUsers() {
		this.box = new SimulatedVsxi(BOX, 0, new SimulatorProperties("admin", "admin", "127.0.0.1", StatsGeneration.OLDER))
			.start();
		this.sbcId = this.fleet.register(BOX, this.box.baseUrl(), "admin", "admin", "Lab A", GROUP,
				this.box.certificateFingerprint()).id();
		long group = this.fleet.get(this.sbcId).groupId();
		this.viewer = member("allowed-viewer", group, Role.VIEWER);
		this.operator = member("allowed-operator", group, Role.OPERATOR);
	}

	@AfterEach
	void stopBox() {
		// the requests left their caller in the test's security context; the fleet is changed by an administrator
		TestSecurityContextHolder.setAuthentication(new UsernamePasswordAuthenticationToken("allowed-cells-setup", null,
				AuthorityUtils.createAuthorityList("ROLE_ADMIN")));
		this.fleet.delete(this.sbcId);
		this.box.stop();
	}

	@Test
	void aViewerOfTheGroupSeesEveryPageOfTheSbc() throws Exception {
		for (String page : new String[] { "", "/calls", "/registrations", "/tables" }) {
			MockHttpServletResponse shown = call(this.viewer, get(sbc(page)));
			assertThat(shown.getStatus()).as("GET %s", sbc(page)).isEqualTo(200);
			assertThat(shown.getContentAsString()).as("GET %s names the box", sbc(page)).contains(BOX);
		}
		for (String fragment : new String[] { "/status", "/panels/realtime", "/trends" }) {
			assertThat(call(this.viewer, get(sbc(fragment))).getStatus()).as("GET %s", sbc(fragment)).isEqualTo(200);
		}
		assertThat(call(this.viewer, get(sbc("/calls/rows"))).getContentAsString()).contains(KILLED_CALL, OTHER_CALL);
		assertThat(call(this.viewer, get(sbc("/registrations/rows"))).getContentAsString())
			.contains("data-registration=\"77531\"");
		MockHttpServletResponse fleetCalls = call(this.viewer, get("/calls/sbcs/" + this.sbcId));
		assertThat(fleetCalls.getStatus()).isEqualTo(200);
		assertThat(fleetCalls.getContentAsString()).contains(KILLED_CALL);
	}

	@Test
	void aViewerOpensADraftAndBrowsesExportsAndPreviewsIt() throws Exception {
		MockHttpServletResponse opened = call(this.viewer, post(sbc("/tables/open")).param("table", "route"));
		assertThat(opened.getStatus()).isEqualTo(302);
		String opening = opened.getRedirectedUrl();
		assertThat(opening).startsWith(sbc("/tables/openings/"));

		MockHttpServletResponse progress = call(this.viewer, get(opening + "/progress"));
		assertThat(progress.getStatus()).isEqualTo(200);
		String draft = draftOf(this.viewer, opening);
		assertThat(call(this.viewer, get(opening + "/progress")).getHeader("HX-Redirect")).isEqualTo(draft);

		MockHttpServletResponse page = call(this.viewer, get(draft));
		assertThat(page.getStatus()).isEqualTo(200);
		String key = firstKey(page.getContentAsString());
		assertThat(call(this.viewer, get(draft + "/rows")).getStatus()).isEqualTo(200);
		MockHttpServletResponse row = call(this.viewer, get(draft + "/row").param("key", key));
		assertThat(row.getStatus()).isEqualTo(200);
		assertThat(firstKey(row.getContentAsString())).as("that very row").isEqualTo(key);

		MockHttpServletResponse export = call(this.viewer, get(draft + "/export").param("format", "csv"));
		assertThat(export.getStatus()).isEqualTo(200);
		assertThat(export.getContentType()).startsWith("text/csv");
		assertThat(export.getContentAsString().lines().count()).as("a header and the rows").isGreaterThan(1);

		MockHttpServletResponse preview = call(this.viewer, get(draft + "/preview"));
		assertThat(preview.getStatus()).isEqualTo(200);
		assertThat(preview.getContentAsString()).contains("None: the draft changes nothing.");
	}

	@Test
	void anOperatorAppliesADraftAndRollsItsSnapshotBack() throws Exception {
		String draft = open(this.operator);
		String key = firstKey(call(this.operator, get(draft)).getContentAsString());
		call(this.operator, post(draft + "/edit").param("key", key).param("v_maxLen", "39"));
		long snapshotsBefore = snapshots();

		MockHttpServletResponse applied = call(this.operator, post(draft + "/apply"));
		assertThat(applied.getStatus()).isEqualTo(200);
		assertThat(applied.getContentAsString()).contains("Applied and verified");
		assertThat(snapshots()).as("the apply took a snapshot").isEqualTo(snapshotsBefore + 1);
		long snapshot = this.jdbc.queryForObject("SELECT MAX(id) FROM table_snapshot WHERE sbc_id = ?", Long.class,
				this.sbcId);

		MockHttpServletResponse rolledBack = call(this.operator, post(sbc("/tables/snapshots/" + snapshot + "/rollback")));
		assertThat(rolledBack.getStatus()).isEqualTo(302);
		String restoring = rolledBack.getRedirectedUrl();
		assertThat(restoring).startsWith(sbc("/tables/drafts/"));
		long restoringId = Long.parseLong(restoring.substring(restoring.lastIndexOf('/') + 1));
		assertThat(this.jdbc.queryForObject("SELECT rollback_of FROM table_draft WHERE id = ?", Long.class, restoringId))
			.as("a draft that puts the snapshot back").isEqualTo(snapshot);
		MockHttpServletResponse preview = call(this.operator, get(restoring + "/preview"));
		assertThat(preview.getStatus()).isEqualTo(200);
		assertThat(preview.getContentAsString()).as("it changes back the field the apply changed").contains("maxLen");
	}

	@Test
	void anOperatorKillsACallThroughItsConfirmation() throws Exception {
		MockHttpServletResponse preview = call(this.operator, post(sbc("/calls/kill/preview")).param("ssmIndex", KILLED_SLOT)
			.param("callId", KILLED_CALL));
		assertThat(preview.getStatus()).isEqualTo(200);

		MockHttpServletResponse killed = call(this.operator, post(sbc("/calls/kill")).param("token",
				token(preview.getContentAsString())));

		assertThat(killed.getStatus()).isEqualTo(200);
		assertThat(killed.getContentAsString()).contains("The call is gone");
		assertThat(this.box.requestCounts().get("delete/active_calls")).isEqualTo(1L);
		String after = call(this.viewer, get(sbc("/calls/rows"))).getContentAsString();
		assertThat(after).contains(OTHER_CALL).doesNotContain(KILLED_CALL);
	}

	@Test
	void anOperatorDeletesARegistrationThroughItsConfirmation() throws Exception {
		MockHttpServletResponse preview = call(this.operator, post(sbc("/registrations/delete/preview")).param("ids", "77532"));
		assertThat(preview.getStatus()).isEqualTo(200);
		assertThat(preview.getContentAsString()).contains("1 registration match now");

		MockHttpServletResponse deleted = call(this.operator, post(sbc("/registrations/delete")).param("token",
				token(preview.getContentAsString())));

		assertThat(deleted.getStatus()).isEqualTo(200);
		assertThat(deleted.getContentAsString()).contains("The registration is gone");
		assertThat(this.box.requestCounts().get("delete/sub_stats")).isEqualTo(1L);
		String after = call(this.viewer, get(sbc("/registrations/rows"))).getContentAsString();
		assertThat(after).contains("data-registration=\"77531\"").doesNotContain("data-registration=\"77532\"");
	}

	@Test
	void anOperatorEditsChecksRevertsAndDeletesARowOfADraft() throws Exception {
		String draft = open(this.operator);
		String key = firstKey(call(this.operator, get(draft)).getContentAsString());

		MockHttpServletResponse refused = call(this.operator, post(draft + "/check").param("field", "maxLen")
			.param("v_maxLen", "forty"));
		assertThat(refused.getStatus()).isEqualTo(200);
		assertThat(refused.getContentAsString().strip()).isEqualTo("maxLen takes a whole number");
		MockHttpServletResponse taken = call(this.operator, post(draft + "/check").param("field", "maxLen")
			.param("v_maxLen", "39"));
		assertThat(taken.getStatus()).isEqualTo(200);
		assertThat(taken.getContentAsString()).isBlank();

		MockHttpServletResponse edited = call(this.operator, post(draft + "/edit").param("key", key).param("v_maxLen", "39"));
		assertThat(edited.getStatus()).isEqualTo(200);
		assertThat(edited.getContentAsString()).contains("class=\"changed\"", "<td>39</td>", "1 edited row in this draft;");
		assertThat(row(draft, key)).as("the draft keeps the edit").contains("class=\"changed\"", "<td>39</td>");

		MockHttpServletResponse reverted = call(this.operator, post(draft + "/revert").param("key", key));
		assertThat(reverted.getStatus()).isEqualTo(302);
		assertThat(reverted.getRedirectedUrl()).isEqualTo(draft);
		assertThat(row(draft, key)).as("the row is as the box sent it").doesNotContain("class=\"changed\"", "<td>39</td>");
		assertThat(call(this.operator, get(draft)).getContentAsString()).contains("0 edited rows in this draft;");

		MockHttpServletResponse deleted = call(this.operator, post(draft + "/delete").param("key", key));
		assertThat(deleted.getStatus()).isEqualTo(302);
		assertThat(deleted.getRedirectedUrl()).isEqualTo(draft);
		assertThat(row(draft, key)).as("the row is marked deleted").contains("class=\"deleted\"");
		assertThat(call(this.operator, get(draft)).getContentAsString()).contains("1 edited row in this draft;");
	}

	@Test
	void anOperatorCopiesAndClonesARowOfADraft() throws Exception {
		String draft = open(this.operator);
		String key = firstKey(call(this.operator, get(draft)).getContentAsString());
		String[] keyParts = key.split("\t", -1);

		MockHttpServletResponse copied = call(this.operator, post(draft + "/copy").param("key", key));
		assertThat(copied.getStatus()).isEqualTo(302);
		assertThat(copied.getRedirectedUrl()).startsWith(draft + "?page=2147483&added=");
		assertThat(call(this.operator, get(copied.getRedirectedUrl())).getContentAsString())
			.as("a new row at the end of the table").contains("class=\"added\"", "1 edited row in this draft;");

		MvcResult cloning = result(this.operator, post(draft + "/clone").param("key", key)
			.param("k_alias", "allowed-clone")
			.param("k_tableId", keyParts[2]));
		MockHttpServletResponse cloned = cloning.getResponse();
		assertThat(cloned.getStatus()).isEqualTo(302);
		assertThat(cloned.getRedirectedUrl()).isEqualTo(draft + "?page=2147483");
		assertThat(cloning.getFlashMap().get("notice")).asString().startsWith("Cloned ").contains("allowed-clone");
		String clone = row(draft, "0\tallowed-clone\t" + keyParts[2]);
		assertThat(clone).as("the clone is in the draft").contains("class=\"added\"", "<td>allowed-clone</td>");
		assertThat(call(this.operator, get(draft)).getContentAsString()).contains("2 edited rows in this draft;");
	}

	@Test
	void anOperatorImportsAFileIntoADraftAndDownloadsAnEmptyEntry() throws Exception {
		String draft = open(this.operator);
		String key = firstKey(call(this.operator, get(draft)).getContentAsString());
		List<String> lines = call(this.operator, get(draft + "/export").param("format", "csv")).getContentAsString()
			.lines()
			.toList();
		List<String> header = List.of(lines.get(0).split(",", -1));
		String[] first = lines.get(1).split(",", -1);
		first[header.indexOf("maxLen")] = "41";

		MvcResult importing = result(this.operator, multipart(draft + "/import").file(new MockMultipartFile(
				"file", "route.csv", "text/csv", (lines.get(0) + "\n" + String.join(",", first) + "\n")
					.getBytes(StandardCharsets.UTF_8))));
		MockHttpServletResponse imported = importing.getResponse();
		assertThat(imported.getStatus()).isEqualTo(302);
		assertThat(imported.getRedirectedUrl()).isEqualTo(draft);
		assertThat(importing.getFlashMap().get("notice")).isEqualTo("1 row imported into the draft.");
		assertThat(row(draft, key)).as("the imported row changed").contains("class=\"changed\"", "<td>41</td>");

		MockHttpServletResponse empty = call(this.operator, get(draft + "/empty-entry").param("format", "csv"));
		assertThat(empty.getStatus()).isEqualTo(200);
		assertThat(empty.getContentType()).startsWith("text/csv");
		List<String> entry = empty.getContentAsString().lines().toList();
		assertThat(entry).as("the box's header and one entry").hasSize(2);
		assertThat(entry.get(0)).isEqualTo(lines.get(0));
		assertThat(entry.get(1)).as("every value empty").matches(",*");
	}

	@Test
	void anOperatorDiscardsADraft() throws Exception {
		String draft = open(this.operator);
		long draftId = Long.parseLong(draft.substring(draft.lastIndexOf('/') + 1));

		MockHttpServletResponse question = call(this.operator, get(draft + "/discard"));
		assertThat(question.getStatus()).isEqualTo(200);
		assertThat(question.getContentAsString()).contains("Discard the draft of route of " + BOX + "?");

		MockHttpServletResponse discarded = call(this.operator, post(draft + "/discard").param("confirm", "yes"));
		assertThat(discarded.getStatus()).isEqualTo(302);
		assertThat(discarded.getRedirectedUrl()).isEqualTo(sbc("/tables"));
		assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM table_draft WHERE id = ?", Long.class, draftId))
			.as("the draft is gone").isZero();
	}

	@Test
	void anOperatorReplacesTheWholeTableWithTheirOwnPassword() throws Exception {
		String draft = open(this.operator);
		String key = firstKey(call(this.operator, get(draft)).getContentAsString());
		call(this.operator, post(draft + "/edit").param("key", key).param("v_maxLen", "39"));
		long snapshotsBefore = snapshots();

		MockHttpServletResponse form = call(this.operator, get(draft + "/replace"));
		assertThat(form.getStatus()).isEqualTo(200);
		assertThat(form.getContentAsString()).contains("The rows fit one plain upload", "upload/route with 472 entries");

		MockHttpServletResponse replaced = call(this.operator, post(draft + "/replace").param("confirmTable", "route")
			.param("password", OPERATOR_PASSWORD));

		assertThat(replaced.getStatus()).isEqualTo(200);
		assertThat(replaced.getContentAsString()).contains("Applied and verified");
		// 472 rows fit one plain upload, which the box takes whole; replaceLarge is only for tables above 5000
		assertThat(this.box.requestCounts().get("upload/route")).isEqualTo(1L);
		assertThat(this.box.requestCounts().get("replaceLarge/route")).isNull();
		assertThat(snapshots()).as("the table as it was is kept").isEqualTo(snapshotsBefore + 1);
		String reopened = open(this.viewer);
		assertThat(row(reopened, key)).as("the box holds the replaced row").contains("<td>39</td>")
			.doesNotContain("class=\"changed\"");
	}

	@Test
	void anOperatorKillsTheCallsAFilterMatchesThroughItsConfirmation() throws Exception {
		// the killed call's ANI, as the box lists it; the other call's is 12989401232
		MockHttpServletResponse preview = call(this.operator, post(sbc("/calls/bulk/preview")).param("ani", "13614195768"));
		assertThat(preview.getStatus()).isEqualTo(200);
		assertThat(preview.getContentAsString()).contains("Kill every matching call on " + BOX, KILLED_CALL,
				"Type the number of calls, <strong>1</strong>, to confirm");

		MockHttpServletResponse killed = call(this.operator, post(sbc("/calls/kill"))
			.param("token", token(preview.getContentAsString()))
			.param("typedCount", "1"));

		assertThat(killed.getStatus()).isEqualTo(200);
		assertThat(killed.getContentAsString()).contains("The call is gone");
		assertThat(this.box.requestCounts().get("delete/active_calls")).isEqualTo(1L);
		String after = call(this.viewer, get(sbc("/calls/rows"))).getContentAsString();
		assertThat(after).contains(OTHER_CALL).doesNotContain(KILLED_CALL);
	}

	@Test
	void aGroupAdminChoosesTheKillFormatOfTheirSbc() throws Exception {
		DashboardUser admin = member("allowed-group-admin", this.fleet.get(this.sbcId).groupId(), Role.GROUP_ADMIN);

		MockHttpServletResponse chosen = call(admin, post(sbc("/calls/kill-format")).param("format", "XML"));

		assertThat(chosen.getStatus()).isEqualTo(302);
		assertThat(chosen.getRedirectedUrl()).isEqualTo(sbc("/calls"));
		String preview = call(this.operator, post(sbc("/calls/kill/preview")).param("ssmIndex", KILLED_SLOT)
			.param("callId", KILLED_CALL)).getContentAsString();
		assertThat(preview).as("the next kill is named in XML").contains("DELETE delete/active_calls (application/xml)");
	}

	@Test
	void aGroupAdminGrantsAndRevokesARoleOnTheirGroup() throws Exception {
		long group = this.fleet.get(this.sbcId).groupId();
		DashboardUser admin = member("allowed-group-admin", group, Role.GROUP_ADMIN);
		AppUser newcomer = this.users.findByUsername("allowed-newcomer")
			.orElseGet(() -> this.users.save(AppUser.create("allowed-newcomer", this.encoder.encode(OPERATOR_PASSWORD),
					false, false)));
		this.grants.findByUserIdAndGroupId(newcomer.id(), group).ifPresent(this.grants::delete);

		assertThat(call(admin, get("/admin/users")).getContentAsString()).contains("allowed-newcomer");
		MockHttpServletResponse page = call(admin, get("/admin/users/" + newcomer.id()));
		assertThat(page.getStatus()).isEqualTo(200);
		assertThat(page.getContentAsString()).as("their group is offered").contains(GROUP);

		MvcResult granting = result(admin, post("/admin/users/" + newcomer.id() + "/grants")
			.param("groupId", String.valueOf(group))
			.param("role", "VIEWER"));
		assertThat(granting.getResponse().getStatus()).isEqualTo(302);
		assertThat(granting.getResponse().getRedirectedUrl()).isEqualTo("/admin/users/" + newcomer.id());
		assertThat(granting.getFlashMap().get("notice"))
			.isEqualTo("Role VIEWER granted to allowed-newcomer on " + GROUP + ".");
		assertThat(this.grants.findByUserIdAndGroupId(newcomer.id(), group)).map(UserGrant::role).contains(Role.VIEWER);

		MockHttpServletResponse revoked = call(admin, post("/admin/users/" + newcomer.id() + "/grants/" + group + "/revoke"));
		assertThat(revoked.getStatus()).isEqualTo(302);
		assertThat(revoked.getRedirectedUrl()).isEqualTo("/admin/users/" + newcomer.id());
		assertThat(this.grants.findByUserIdAndGroupId(newcomer.id(), group)).isEmpty();
	}

	@Test
	void aGroupAdminOpensAndTestsTheConnectionOfTheirSbc() throws Exception {
		DashboardUser admin = member("allowed-group-admin", this.fleet.get(this.sbcId).groupId(), Role.GROUP_ADMIN);

		MockHttpServletResponse form = call(admin, get("/admin/sbcs/" + this.sbcId));
		assertThat(form.getStatus()).isEqualTo(200);
		assertThat(form.getContentAsString()).contains(this.box.baseUrl());
		assertThat(call(admin, get("/admin/sbcs")).getContentAsString()).contains(BOX);

		MockHttpServletResponse tested = call(admin, post("/admin/sbcs/" + this.sbcId + "/test"));

		assertThat(tested.getStatus()).isEqualTo(200);
		assertThat(tested.getContentAsString()).as("the box answered with its state").contains("class=\"ok\"",
				"<dt>HA state</dt>", "<dt>Active calls</dt>");
	}

	@Test
	void aGroupAdminWritesTheBoxsOwnAccountsThroughADraft() throws Exception {
		DashboardUser admin = member("allowed-group-admin", this.fleet.get(this.sbcId).groupId(), Role.GROUP_ADMIN);
		MockHttpServletResponse opened = call(admin, post(sbc("/tables/open")).param("table", "users"));
		assertThat(opened.getStatus()).isEqualTo(302);
		String draft = draftOf(admin, opened.getRedirectedUrl());

		MvcResult importing = result(admin, multipart(draft + "/import").file(new MockMultipartFile("file", "users.xml",
				"application/xml", """
						<XBUserList><XBUser><username>noc-carol</username><password>Carol-pass-3</password>\
						<role>readOnly</role><description>NOC day shift</description></XBUser></XBUserList>"""
					.getBytes(StandardCharsets.UTF_8))));
		assertThat(importing.getResponse().getStatus()).isEqualTo(302);
		assertThat(importing.getFlashMap().get("notice")).isEqualTo("1 row imported into the draft.");

		MockHttpServletResponse applied = call(admin, post(draft + "/apply"));

		assertThat(applied.getStatus()).isEqualTo(200);
		assertThat(applied.getContentAsString()).contains("Sent to the SBC");
		assertThat(this.box.requestCounts().get("update/users")).isEqualTo(1L);
		assertThat(this.box.entries("users")).as("the box holds the new account")
			.anyMatch(user -> "noc-carol".equals(user.get("username")) && "readOnly".equals(user.get("role")));
	}

	@Test
	void aGroupAdminConfirmsTheCertificateTheirSbcPresents() throws Exception {
		DashboardUser admin = member("allowed-group-admin", this.fleet.get(this.sbcId).groupId(), Role.GROUP_ADMIN);
		// as an SBC stands when added without a certificate confirmed
		this.jdbc.update("UPDATE sbc SET certificate_fingerprint = NULL WHERE id = ?", this.sbcId);
		assertThat(call(admin, post("/admin/sbcs/" + this.sbcId + "/test")).getContentAsString())
			.contains("The SBC presents a certificate nobody has confirmed yet.");

		MockHttpServletResponse trusted = call(admin, post("/admin/sbcs/" + this.sbcId + "/trust")
			.param("fingerprint", this.box.certificateFingerprint()));

		assertThat(trusted.getStatus()).isEqualTo(200);
		assertThat(trusted.getContentAsString()).contains("class=\"ok\"", "<dt>Active calls</dt>");
		assertThat(this.jdbc.queryForObject("SELECT certificate_fingerprint FROM sbc WHERE id = ?", String.class,
				this.sbcId)).as("the certificate is pinned").isEqualTo(this.box.certificateFingerprint());
	}

	@Test
	void aViewerChangesTheirOwnPasswordWithTheirCurrentOne() throws Exception {
		DashboardUser changer = member("allowed-password-changer", this.fleet.get(this.sbcId).groupId(), Role.VIEWER);

		MvcResult changing = result(changer, post("/account/password").param("current", OPERATOR_PASSWORD)
			.param("replacement", "allowed-cells-new-pw-8")
			.param("confirmation", "allowed-cells-new-pw-8"));

		assertThat(changing.getResponse().getStatus()).isEqualTo(302);
		assertThat(changing.getResponse().getRedirectedUrl()).isEqualTo("/overview");
		assertThat(changing.getFlashMap().get("notice")).isEqualTo("Password changed.");
		AppUser changed = this.users.findByUsername("allowed-password-changer").orElseThrow();
		assertThat(this.encoder.matches("allowed-cells-new-pw-8", changed.passwordHash())).as("the new one works").isTrue();
		assertThat(this.encoder.matches(OPERATOR_PASSWORD, changed.passwordHash())).as("the old one no more").isFalse();
		// the next run starts from the password every member is made with
		this.users.save(changed.withPassword(this.encoder.encode(OPERATOR_PASSWORD), false));
	}

	private DashboardUser member(String name, long group, Role role) {
		AppUser user = this.users.findByUsername(name)
			.orElseGet(() -> this.users.save(AppUser.create(name, this.encoder.encode(OPERATOR_PASSWORD), false, false)));
		if (this.grants.findByUserIdAndGroupId(user.id(), group).isEmpty()) {
			this.grants.save(new UserGrant(null, user.id(), group, role, "test", Instant.now()));
		}
		return this.details.loadUserByUsername(name);
	}

	/** Opens route as the user and waits for its draft; the draft's address. */
	private String open(DashboardUser who) throws Exception {
		return draftOf(who, call(who, post(sbc("/tables/open")).param("table", "route")).getRedirectedUrl());
	}

	private String draftOf(DashboardUser who, String opening) {
		String[] draft = new String[1];
		await().atMost(Duration.ofSeconds(60)).until(() -> {
			MockHttpServletResponse page = call(who, get(opening));
			draft[0] = page.getRedirectedUrl();
			return draft[0] != null && draft[0].startsWith(sbc("/tables/drafts/"));
		});
		return draft[0];
	}

	private MockHttpServletResponse call(DashboardUser who, AbstractMockHttpServletRequestBuilder<?> request)
			throws Exception {
		return result(who, request).getResponse();
	}

	private MvcResult result(DashboardUser who, AbstractMockHttpServletRequestBuilder<?> request) throws Exception {
		return this.mvc.perform(request.with(csrf()).with(user(who))).andReturn();
	}

	private String sbc(String rest) {
		return "/sbcs/" + this.sbcId + rest;
	}

	private long snapshots() {
		return this.jdbc.queryForObject("SELECT COUNT(*) FROM table_snapshot WHERE sbc_id = ?", Long.class, this.sbcId);
	}

	private String row(String draft, String key) throws Exception {
		MockHttpServletResponse row = call(this.viewer, get(draft + "/row").param("key", key));
		assertThat(row.getStatus()).as("GET the row %s", key).isEqualTo(200);
		return row.getContentAsString();
	}

	private static String firstKey(String page) {
		Matcher matcher = KEY.matcher(page);
		assertThat(matcher.find()).as(page).isTrue();
		return java.net.URLDecoder.decode(matcher.group(1), java.nio.charset.StandardCharsets.UTF_8);
	}

	private static String token(String preview) {
		Matcher matcher = TOKEN.matcher(preview);
		assertThat(matcher.find()).as(preview).isTrue();
		return matcher.group(1);
	}

}
