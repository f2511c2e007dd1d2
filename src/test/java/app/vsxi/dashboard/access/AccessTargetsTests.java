package app.vsxi.dashboard.access;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import app.vsxi.dashboard.audit.AuditEvent;
import app.vsxi.dashboard.audit.AuditLog;
import app.vsxi.dashboard.audit.AuditOutcome;
import app.vsxi.dashboard.audit.AuditQuery;
import app.vsxi.dashboard.fleet.CredentialCipher;
import app.vsxi.dashboard.fleet.Sbc;
import app.vsxi.dashboard.fleet.SbcGroup;
import app.vsxi.dashboard.fleet.SbcGroupRepository;
import app.vsxi.dashboard.fleet.SbcRepository;
import app.vsxi.dashboard.support.AuditScopes;
import app.vsxi.dashboard.support.SameApplication;
import app.vsxi.dashboard.support.TestUsers;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.servlet.mvc.method.RequestMappingInfoHandlerMapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

/**
 * The access matrix about targets and effects: every endpoint that names an SBC or a group, called on an SBC of
 * the caller's own group and on one of a foreign group, by a viewer, an operator and a group administrator. A
 * refused cell is a 403 that changed nothing and left exactly one refusal in the audit trail; an allowed cell that
 * changes something is checked for its change.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
@Transactional
@ResourceLock(providers = SameApplication.class)
class AccessTargetsTests {

	/** Who calls: a viewer of A, and an operator and a group administrator of the second group, B. */
	enum Who {

		VIEWER_A("A", Role.VIEWER), OPERATOR_B("B", Role.OPERATOR), GROUP_ADMIN_B("B", Role.GROUP_ADMIN);

		final String group;

		final Role role;

		Who(String group, Role role) {
			this.group = group;
			this.role = role;
		}

	}

	/** The least role on the target's group an endpoint takes. */
	private static final Map<String, Target> TARGETED = new LinkedHashMap<>();

	static {
		view("GET /sbcs/{id}");
		view("GET /sbcs/{id}/status");
		view("GET /sbcs/{id}/panels/{feed}");
		view("GET /sbcs/{id}/trends");
		view("GET /calls/sbcs/{id}");
		view("GET /sbcs/{id}/calls");
		view("GET /sbcs/{id}/calls/rows");
		view("GET /sbcs/{id}/registrations");
		view("GET /sbcs/{id}/registrations/rows");
		view("GET /sbcs/{id}/tables");
		view("POST /sbcs/{id}/tables/open", "table", "route");
		view("GET /sbcs/{id}/backups");
		view("GET /sbcs/{id}/backups/{subject}");
		view("GET /sbcs/{id}/backups/{subject}/diff", "to", "999999");
		view("GET /sbcs/{id}/backups/query");
		operate("POST /sbcs/{id}/backups/now");
		operate("POST /sbcs/{id}/backups/drift/{versionId}/seen");
		operate("POST /sbcs/{id}/backups/{subject}/versions/{versionId}/restore");
		manage("POST /sbcs/{id}/backups/schedule", "scope", "SBC", "every", "1d");
		manage("GET /sbcs/{id}/backups/{subject}/versions/{versionId}/file");
		view("GET /sbcs/{id}/tables/drafts/{draftId}");
		view("GET /sbcs/{id}/tables/drafts/{draftId}/rows");
		view("GET /sbcs/{id}/tables/drafts/{draftId}/row", "key", "0\tr1\t1");
		view("GET /sbcs/{id}/tables/drafts/{draftId}/export", "format", "csv");
		view("GET /sbcs/{id}/tables/drafts/{draftId}/preview");
		operate("POST /sbcs/{id}/calls/kill/preview", "ssmIndex", "1", "callId", "x@198.51.100.1");
		operate("POST /sbcs/{id}/calls/bulk/preview", "trunk", "1");
		operate("POST /sbcs/{id}/calls/kill", "token", "not-a-token", "typedCount", "1");
		operate("POST /sbcs/{id}/registrations/delete/preview", "username", "alice");
		operate("POST /sbcs/{id}/registrations/delete", "token", "not-a-token");
		operate("POST /sbcs/{id}/tables/snapshots/{snapshotId}/rollback");
		operate("POST /sbcs/{id}/tables/drafts/{draftId}/edit", "key", "0\tr1\t1", "v_alias", "r2");
		operate("POST /sbcs/{id}/tables/drafts/{draftId}/delete", "key", "0\tr1\t1");
		operate("POST /sbcs/{id}/tables/drafts/{draftId}/revert", "key", "0\tr1\t1");
		operate("POST /sbcs/{id}/tables/drafts/{draftId}/copy", "key", "0\tr1\t1");
		operate("POST /sbcs/{id}/tables/drafts/{draftId}/import");
		operate("GET /sbcs/{id}/tables/drafts/{draftId}/empty-entry", "format", "csv");
		operate("GET /sbcs/{id}/tables/drafts/{draftId}/discard");
		operate("POST /sbcs/{id}/tables/drafts/{draftId}/discard");
		operate("POST /sbcs/{id}/tables/drafts/{draftId}/apply");
		operate("GET /sbcs/{id}/tables/drafts/{draftId}/replace");
		operate("POST /sbcs/{id}/tables/drafts/{draftId}/replace", "confirmTable", "route", "password", "wrong-password");
		operate("POST /sbcs/{id}/tables/drafts/{draftId}/clone", "key", "0\tr1\t1", "k_alias", "r9");
		operate("POST /sbcs/{id}/tables/drafts/{draftId}/check", "field", "minLen", "v_minLen", "x");
		view("GET /sbcs/{id}/tables/openings/{openingId}");
		view("GET /sbcs/{id}/tables/openings/{openingId}/progress");
		manage("POST /sbcs/{id}/calls/kill-format", "format", "XML");
		manage("GET /admin/sbcs/{id}");
		manage("POST /admin/sbcs/{id}", "name", "{name}", "address", "127.0.0.1:1", "username", "api", "password", "",
				"groupId", "{group}");
		manage("POST /admin/sbcs/{id}/delete");
		manage("POST /admin/sbcs/{id}/test");
		manage("POST /admin/sbcs/{id}/trust", "fingerprint", "AA:BB");
		// the target is the group named by groupId
		manage("POST /admin/sbcs", "name", "created-in-{group}", "address", "127.0.0.1:2", "username", "api", "password",
				"secret", "groupId", "{group}");
		manage("POST /admin/users/{user}/grants", "groupId", "{group}", "role", "VIEWER");
		manage("POST /admin/users/{user}/grants/{group}/revoke");
	}

	@Autowired
	MockMvc mvc;

	@Autowired
	List<RequestMappingInfoHandlerMapping> mappings;

	@Autowired
	AppUserRepository users;

	@Autowired
	UserGrantRepository grants;

	@Autowired
	SbcGroupRepository groups;

	@Autowired
	SbcRepository sbcs;

	@Autowired
	CredentialCipher cipher;

	@Autowired
	DatabaseUserDetailsService userDetails;

	@Autowired
	AuditLog audit;

	@Autowired
	JdbcTemplate jdbc;

	private final Map<Who, DashboardUser> principals = new LinkedHashMap<>();

	private final Map<String, Long> groupIds = new LinkedHashMap<>();

	private final Map<String, Long> sbcIds = new LinkedHashMap<>();

	/** A user with a role on both groups, whose grants are granted and revoked. */
	private long member;

	@BeforeEach
	void fixtures() {
		for (String group : List.of("A", "B", "C")) {
			long id = this.groups.save(new SbcGroup(null, "Targets " + group, null, Instant.now())).id();
			this.groupIds.put(group, id);
			this.sbcIds.put(group, this.sbcs.save(sbc(name(group), id)).id());
		}
		for (Who who : Who.values()) {
			AppUser user = testUsers().user("targets-" + who.name().toLowerCase(), this.groupIds.get(who.group), who.role);
			this.principals.put(who, this.userDetails.loadUserByUsername(user.username()));
		}
		this.member = testUsers().user("targets-member").id();
		testUsers().grant(this.member, this.groupIds.get("A"), Role.VIEWER);
		testUsers().grant(this.member, this.groupIds.get("B"), Role.OPERATOR);
	}

	@Test
	void everyEndpointNamingAnSbcOrAGroupIsInTheTable() {
		Set<String> targeted = new TreeSet<>();
		for (String endpoint : AccessMatrixTests.endpoints(this.mappings)) {
			// change sets and approval requests are named by ids of their own, and decided on every SBC they
			// concern: AccessMatrixTests and their own tests cover them
			if (endpoint.contains("{id}") && !endpoint.contains("/admin/groups/") && !endpoint.contains("/admin/users/")
					&& !endpoint.startsWith("GET /changes/") && !endpoint.startsWith("POST /changes/")
					&& !endpoint.contains(" /approvals/")
					|| endpoint.contains("{groupId}") || endpoint.equals("POST /admin/sbcs")
					|| endpoint.equals("POST /admin/users/{id}/grants")) {
				targeted.add(endpoint.replace("/admin/users/{id}", "/admin/users/{user}").replace("{groupId}", "{group}"));
			}
		}
		assertThat(new TreeSet<>(TARGETED.keySet())).isEqualTo(targeted);
	}

	@ParameterizedTest(name = "{0} as {1} on group {2}")
	@MethodSource("cells")
	void eachCellIsAllowedOrRefusedForItsTarget(String endpoint, Who who, String group) throws Exception {
		Target target = TARGETED.get(endpoint);
		boolean allowed = who.group.equals(group) && who.role.compareTo(target.least()) >= 0;
		Map<String, Object> before = state();
		String line = requestLine(endpoint, group);
		int refusals = refusals(who, line);

		MockHttpServletResponse response = call(endpoint, who, group);

		if (allowed) {
			assertThat(response.getStatus()).as("%s as %s on %s: %d", endpoint, who, group, response.getStatus())
				.isNotIn(401, 403)
				.isLessThan(500);
			// a confirmation with a token never issued is refused by the service itself, and audited once like any refusal
			int tokenRefused = List.of(target.params()).contains("not-a-token") ? 1 : 0;
			assertThat(refusals(who, line)).as("refusals audited: %s", latestRefusals(who))
				.isEqualTo(refusals + tokenRefused);
		}
		else {
			assertThat(response.getStatus()).as("%s as %s on %s: %d %s", endpoint, who, group, response.getStatus(),
					response.getRedirectedUrl()).isEqualTo(403);
			assertThat(state()).as("nothing changed").isEqualTo(before);
			assertThat(refusals(who, line)).as("exactly one refusal audited: %s", latestRefusals(who))
				.isEqualTo(refusals + 1);
		}
	}

	static Stream<Arguments> cells() {
		List<Arguments> cells = new ArrayList<>();
		TARGETED.keySet()
			.forEach(endpoint -> EnumSet.allOf(Who.class)
				.forEach(who -> List.of("A", "B").forEach(group -> cells.add(Arguments.of(endpoint, who, group)))));
		return cells.stream();
	}

	@Test
	void aGroupAdministratorEditsAnSbcOfTheirGroup() throws Exception {
		MockHttpServletResponse response = call("POST /admin/sbcs/{id}", Who.GROUP_ADMIN_B, "B", "name", "renamed-b");

		assertThat(response.getStatus()).isEqualTo(302);
		assertThat(response.getRedirectedUrl()).isEqualTo("/admin/sbcs/" + this.sbcIds.get("B"));
		assertThat(this.sbcs.findById(this.sbcIds.get("B")).orElseThrow().name()).isEqualTo("renamed-b");
	}

	@Test
	void aGroupAdministratorCannotMoveTheirSbcIntoAForeignGroup() throws Exception {
		refusedWithoutChange(Who.GROUP_ADMIN_B, requestLine("POST /admin/sbcs/{id}", "B"), () -> call("POST /admin/sbcs/{id}", Who.GROUP_ADMIN_B, "B", "groupId",
				String.valueOf(this.groupIds.get("A"))));
		assertThat(this.sbcs.findById(this.sbcIds.get("B")).orElseThrow().groupId()).isEqualTo(this.groupIds.get("B"));
	}

	@Test
	void aGroupAdministratorCannotPullAForeignSbcIntoTheirGroup() throws Exception {
		refusedWithoutChange(Who.GROUP_ADMIN_B, requestLine("POST /admin/sbcs/{id}", "A"), () -> call("POST /admin/sbcs/{id}", Who.GROUP_ADMIN_B, "A", "groupId",
				String.valueOf(this.groupIds.get("B"))));
		assertThat(this.sbcs.findById(this.sbcIds.get("A")).orElseThrow().groupId()).isEqualTo(this.groupIds.get("A"));
	}

	@Test
	void aGroupAdministratorCreatesAnSbcInTheirGroupOnly() throws Exception {
		MockHttpServletResponse created = call("POST /admin/sbcs", Who.GROUP_ADMIN_B, "B");

		assertThat(created.getStatus()).isEqualTo(302);
		Sbc sbc = this.sbcs.findAll().stream().filter(each -> each.name().equals("created-in-B")).findFirst().orElseThrow();
		assertThat(created.getRedirectedUrl()).isEqualTo("/admin/sbcs/" + sbc.id());
		assertThat(sbc.groupId()).isEqualTo(this.groupIds.get("B"));

		refusedWithoutChange(Who.GROUP_ADMIN_B, requestLine("POST /admin/sbcs", "A"), () -> call("POST /admin/sbcs", Who.GROUP_ADMIN_B, "A"));
		assertThat(this.sbcs.findAll()).extracting(Sbc::name).doesNotContain("created-in-A");
	}

	@Test
	void aGroupAdministratorRemovesAnSbcOfTheirGroup() throws Exception {
		MockHttpServletResponse response = call("POST /admin/sbcs/{id}/delete", Who.GROUP_ADMIN_B, "B");

		assertThat(response.getStatus()).isEqualTo(302);
		assertThat(response.getRedirectedUrl()).isEqualTo("/admin/sbcs");
		assertThat(this.sbcs.findById(this.sbcIds.get("B"))).isEmpty();
		assertThat(this.sbcs.findById(this.sbcIds.get("A"))).isPresent();
	}

	@Test
	void aGroupAdministratorGrantsAndRevokesOnTheirGroupOnly() throws Exception {
		MockHttpServletResponse revoked = call("POST /admin/users/{user}/grants/{group}/revoke", Who.GROUP_ADMIN_B, "B");
		assertThat(revoked.getStatus()).isEqualTo(302);
		assertThat(revoked.getRedirectedUrl()).isEqualTo("/admin/users/" + this.member);
		assertThat(this.grants.findByUserIdAndGroupId(this.member, this.groupIds.get("B"))).isEmpty();

		MockHttpServletResponse granted = call("POST /admin/users/{user}/grants", Who.GROUP_ADMIN_B, "B");
		assertThat(granted.getStatus()).isEqualTo(302);
		assertThat(granted.getRedirectedUrl()).isEqualTo("/admin/users/" + this.member);
		assertThat(this.grants.findByUserIdAndGroupId(this.member, this.groupIds.get("B")).orElseThrow().role())
			.isEqualTo(Role.VIEWER);

		refusedWithoutChange(Who.GROUP_ADMIN_B, requestLine("POST /admin/users/{user}/grants/{group}/revoke", "A"), () -> call("POST /admin/users/{user}/grants/{group}/revoke",
				Who.GROUP_ADMIN_B, "A"));
		assertThat(this.grants.findByUserIdAndGroupId(this.member, this.groupIds.get("A"))).isPresent();
	}

	@Test
	void aGroupAdministratorChoosesTheKillFormatOfTheirSbc() throws Exception {
		MockHttpServletResponse response = call("POST /sbcs/{id}/calls/kill-format", Who.GROUP_ADMIN_B, "B");

		assertThat(response.getStatus()).isEqualTo(302);
		assertThat(response.getRedirectedUrl()).isEqualTo("/sbcs/" + this.sbcIds.get("B") + "/calls");
		assertThat(this.jdbc.queryForList("SELECT * FROM call_kill_setting WHERE sbc_id = ?", this.sbcIds.get("B")))
			.hasSize(1);
	}

	@Test
	void listsShowExactlyTheSbcsOfTheUsersGroups() throws Exception {
		for (Who who : Who.values()) {
			// the overview lists what the poller reports, so its scope is checked on committed SBCs (OverviewScopeTests)
			List<String> pages = new ArrayList<>(List.of("/calls"));
			if (who.role == Role.GROUP_ADMIN) {
				pages.add("/admin/sbcs");
			}
			for (String page : pages) {
				MockHttpServletResponse response = this.mvc.perform(request(HttpMethod.GET, page).with(user(this.principals.get(who))))
					.andReturn()
					.getResponse();
				assertThat(response.getStatus()).as("%s as %s", page, who).isEqualTo(200);
				List<String> others = new ArrayList<>(List.of(name("A"), name("B"), name("C")));
				others.remove(name(who.group));
				assertThat(response.getContentAsString()).as("%s as %s", page, who)
					.contains(name(who.group))
					.doesNotContain(others);
			}
		}
	}

	private void refusedWithoutChange(Who who, String requestLine, Call call) throws Exception {
		Map<String, Object> before = state();
		int refusals = refusals(who, requestLine);

		MockHttpServletResponse response = call.call();

		assertThat(response.getStatus()).as("refused: %s", response.getRedirectedUrl()).isEqualTo(403);
		assertThat(state()).as("nothing changed").isEqualTo(before);
		assertThat(refusals(who, requestLine)).as("exactly one refusal audited: %s", latestRefusals(who))
			.isEqualTo(refusals + 1);
	}

	@FunctionalInterface
	private interface Call {

		MockHttpServletResponse call() throws Exception;

	}

	/** What a call could change: the fleet, the grants, drafts and snapshots, the kill settings. */
	private Map<String, Object> state() {
		Map<String, Object> state = new LinkedHashMap<>();
		for (String table : List.of("sbc", "sbc_group", "user_grant", "table_draft", "table_draft_edit", "table_snapshot",
				"call_kill_setting")) {
			state.put(table, this.jdbc.queryForList("SELECT * FROM " + table + " ORDER BY 1"));
		}
		return state;
	}

	private List<String> latestRefusals(Who who) {
		return this.audit.search(new AuditQuery(null, this.principals.get(who).getUsername(), null, AuditOutcome.DENIED,
				null, null), AuditScopes.everything(), 3).stream().map(AuditEvent::toString).toList();
	}

	/**
	 * The refusals audited for this request: those naming it, and those a service wrote under its own name while
	 * serving a request. A refusal naming another request, or written off any request (work an earlier request left
	 * running in the background, which cannot see this test's uncommitted fixtures), is not this request's.
	 */
	private int refusals(Who who, String requestLine) {
		List<AuditEvent> events = this.audit.search(new AuditQuery(null, this.principals.get(who).getUsername(), null,
				AuditOutcome.DENIED, null, null), AuditScopes.everything(), 1000);
		return (int) events.stream()
			.filter(event -> event.sourceIp() != null)
			.filter(event -> event.target() == null || !event.target().matches("(GET|POST) /.*")
					|| event.target().equals(requestLine) || event.target().startsWith(requestLine + " "))
			.count();
	}

	/** The request line an endpoint is called with on a group's target, as the audit trail names it. */
	private String requestLine(String endpoint, String group) {
		String[] parts = endpoint.split(" ", 2);
		return parts[0] + " " + path(parts[1], group);
	}

	private String path(String pattern, String group) {
		return pattern.replace("{user}", String.valueOf(this.member))
			.replace("{draftId}", "999999")
			.replace("{snapshotId}", "999999")
			.replace("{versionId}", "999999")
			.replace("{subject}", "route")
			.replace("{openingId}", "no-such-download")
			.replace("{feed}", "realtime")
			.replace("{id}", String.valueOf(this.sbcIds.get(group)))
			.replace("{group}", String.valueOf(this.groupIds.get(group)));
	}

	private MockHttpServletResponse call(String endpoint, Who who, String group, String... overrides) throws Exception {
		Target target = TARGETED.get(endpoint);
		String[] parts = endpoint.split(" ", 2);
		String path = path(parts[1], group);
		Map<String, String> params = new LinkedHashMap<>();
		for (int i = 0; i + 1 < target.params().length; i += 2) {
			params.put(target.params()[i], target.params()[i + 1].replace("{group}", String.valueOf(this.groupIds.get(group)))
				.replace("{name}", name(group)));
		}
		if (endpoint.equals("POST /admin/sbcs")) {
			params.put("name", "created-in-" + group);
		}
		for (int i = 0; i + 1 < overrides.length; i += 2) {
			params.put(overrides[i], overrides[i + 1]);
		}
		MockHttpServletRequestBuilder request = request(HttpMethod.valueOf(parts[0]), path).with(csrf())
			.with(user(this.principals.get(who)));
		params.forEach(request::param);
		return this.mvc.perform(request).andReturn().getResponse();
	}

	private static String name(String group) {
		return "targets-sbc-" + group.toLowerCase();
	}

	private Sbc sbc(String name, long group) {
		return Sbc.builder()
			.name(name)
			.baseUrl("https://127.0.0.1:1")
			.username("api")
			.passwordCipher(this.cipher.encrypt("pw"))
			.groupId(group)
			.build();
	}

	private static void view(String endpoint, String... params) {
		TARGETED.put(endpoint, new Target(Role.VIEWER, params));
	}

	private static void operate(String endpoint, String... params) {
		TARGETED.put(endpoint, new Target(Role.OPERATOR, params));
	}

	private static void manage(String endpoint, String... params) {
		TARGETED.put(endpoint, new Target(Role.GROUP_ADMIN, params));
	}

	private record Target(Role least, String[] params) {
	}

	private TestUsers testUsers() {
		return new TestUsers(this.users, this.grants);
	}

}
