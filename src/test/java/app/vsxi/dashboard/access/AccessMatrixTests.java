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

import app.vsxi.dashboard.fleet.CredentialCipher;
import app.vsxi.dashboard.fleet.Sbc;
import app.vsxi.dashboard.fleet.SbcGroup;
import app.vsxi.dashboard.fleet.SbcGroupRepository;
import app.vsxi.dashboard.fleet.SbcRepository;
import app.vsxi.dashboard.support.SameApplication;
import app.vsxi.dashboard.support.StartEarly;
import app.vsxi.dashboard.support.TestUsers;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpMethod;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.RequestMappingInfoHandlerMapping;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

/**
 * Every endpoint of the dashboard against every kind of user. The endpoint list comes from the handler mappings,
 * so a new endpoint fails {@link #everyEndpointHasARule()} until it is given one here.
 */
@StartEarly
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
@Transactional
@ResourceLock(providers = SameApplication.class)
class AccessMatrixTests {

	enum Who {

		ANONYMOUS, VIEWER_A, OPERATOR_A, GROUP_ADMIN_A, VIEWER_B, ADMIN, OPERATOR_B, GROUP_ADMIN_B

	}

	private static final Set<Who> ANYONE = EnumSet.allOf(Who.class);

	private static final Set<Who> LOGGED_IN = EnumSet.complementOf(EnumSet.of(Who.ANONYMOUS));

	private static final Set<Who> VIEWERS_OF_A = EnumSet.of(Who.VIEWER_A, Who.OPERATOR_A, Who.GROUP_ADMIN_A, Who.ADMIN);

	private static final Set<Who> MANAGERS_OF_A = EnumSet.of(Who.GROUP_ADMIN_A, Who.ADMIN);

	/** Pages every group administrator has, each showing their own groups' SBCs and users. */
	private static final Set<Who> ANY_MANAGER = EnumSet.of(Who.GROUP_ADMIN_A, Who.GROUP_ADMIN_B, Who.ADMIN);

	private static final Set<Who> ADMIN_ONLY = EnumSet.of(Who.ADMIN);

	private static final Set<Who> OPERATORS_OF_A = EnumSet.of(Who.OPERATOR_A, Who.GROUP_ADMIN_A, Who.ADMIN);

	/** Who may call each endpoint, with the parameters that make the call valid. */
	private static final Map<String, Rule> RULES = new LinkedHashMap<>();

	static {
		rule("GET /login", ANYONE);
		rule("GET /error", ANYONE);
		// a mapping without a method answers any: probed with GET and POST
		rule("POST /error", ANYONE);
		// actuator: health for anyone (details for administrators), the rest for administrators
		rule("GET /actuator/health", ANYONE);
		rule("GET /actuator/health/**", ANYONE);
		rule("GET /actuator", ADMIN_ONLY);
		rule("GET /actuator/info", ADMIN_ONLY);
		rule("GET /actuator/metrics", ADMIN_ONLY);
		rule("GET /actuator/metrics/{requiredMetricName}", ADMIN_ONLY);
		rule("GET /actuator/prometheus", ADMIN_ONLY);
		rule("GET /", LOGGED_IN);
		rule("GET /overview", LOGGED_IN);
		rule("GET /overview/rows", LOGGED_IN);
		rule("GET /sbcs/{id}", VIEWERS_OF_A);
		rule("GET /sbcs/{id}/status", VIEWERS_OF_A);
		rule("GET /audit", LOGGED_IN);
		rule("GET /audit.csv", LOGGED_IN);
		rule("GET /account/password", LOGGED_IN);
		rule("POST /account/password", LOGGED_IN, "current", "wrong-password", "replacement", "0123456789ab",
				"confirmation", "0123456789ab");
		rule("GET /admin/sbcs", ANY_MANAGER);
		rule("GET /admin/sbcs/new", ANY_MANAGER);
		rule("POST /admin/sbcs", MANAGERS_OF_A, "name", "new-sbc", "address", "127.0.0.1:1", "username", "api",
				"password", "secret", "groupId", "{groupA}");
		rule("GET /admin/sbcs/{id}", MANAGERS_OF_A);
		rule("POST /admin/sbcs/{id}", MANAGERS_OF_A, "name", "sbc-a", "address", "127.0.0.1:1", "username", "api",
				"password", "", "groupId", "{groupA}");
		rule("POST /admin/sbcs/{id}/delete", MANAGERS_OF_A);
		rule("POST /admin/sbcs/{id}/test", MANAGERS_OF_A);
		rule("POST /admin/sbcs/{id}/trust", MANAGERS_OF_A, "fingerprint", "AA:BB");
		rule("GET /admin/users", ANY_MANAGER);
		rule("POST /admin/users", ADMIN_ONLY, "username", "fresh-user", "password", "0123456789ab");
		// any group administrator opens any user, to grant them a role on a group of their own
		rule("GET /admin/users/{id}", ANY_MANAGER);
		rule("POST /admin/users/{id}/grants", MANAGERS_OF_A, "groupId", "{groupA}", "role", "VIEWER");
		rule("POST /admin/users/{id}/grants/{groupId}/revoke", MANAGERS_OF_A);
		rule("POST /admin/users/{id}/enabled", ADMIN_ONLY, "enabled", "false");
		rule("POST /admin/users/{id}/admin", ADMIN_ONLY, "admin", "true");
		rule("POST /admin/users/{id}/password", ADMIN_ONLY, "password", "0123456789ab");
		rule("POST /admin/users/{id}/force-password-change", ADMIN_ONLY);
		rule("POST /admin/users/{id}/sso", ADMIN_ONLY, "issuer", "https://idp.example.test", "subject", "s-1");
		rule("GET /audit/chain", ADMIN_ONLY);
		rule("GET /admin/groups", ADMIN_ONLY);
		rule("POST /admin/groups", ADMIN_ONLY, "name", "Fresh group");
		rule("POST /admin/groups/{id}/delete", ADMIN_ONLY);
		rule("GET /calls", LOGGED_IN);
		rule("GET /calls/sbcs/{id}", VIEWERS_OF_A);
		rule("GET /sbcs/{id}/calls", VIEWERS_OF_A);
		rule("GET /sbcs/{id}/calls/rows", VIEWERS_OF_A);
		rule("POST /sbcs/{id}/calls/kill/preview", OPERATORS_OF_A, "ssmIndex", "1", "callId", "x@198.51.100.1");
		rule("POST /sbcs/{id}/calls/bulk/preview", OPERATORS_OF_A, "trunk", "1");
		rule("POST /sbcs/{id}/calls/kill", OPERATORS_OF_A, "token", "not-a-token", "typedCount", "1");
		rule("POST /sbcs/{id}/calls/kill-format", MANAGERS_OF_A, "format", "XML");
		rule("GET /sbcs/{id}/backups", VIEWERS_OF_A);
		rule("POST /sbcs/{id}/backups/now", OPERATORS_OF_A);
		rule("POST /sbcs/{id}/backups/schedule", MANAGERS_OF_A, "scope", "SBC", "every", "1d");
		rule("POST /sbcs/{id}/backups/drift/{versionId}/seen", OPERATORS_OF_A);
		rule("GET /sbcs/{id}/backups/{subject}", VIEWERS_OF_A);
		rule("GET /sbcs/{id}/backups/{subject}/diff", VIEWERS_OF_A, "to", "999999");
		rule("POST /sbcs/{id}/backups/{subject}/versions/{versionId}/restore", OPERATORS_OF_A);
		rule("GET /sbcs/{id}/backups/{subject}/versions/{versionId}/file", MANAGERS_OF_A);
		rule("GET /sbcs/{id}/backups/query", VIEWERS_OF_A);
		rule("GET /backups/search", LOGGED_IN, "table", "route", "value", "1212");
		// fleet-wide change sets: a finished one made on sbc-a and aimed at it, so no call starts work
		rule("GET /changes", LOGGED_IN);
		rule("GET /changes/new", LOGGED_IN);
		rule("POST /changes", OPERATORS_OF_A, "sbc", "{sbcA}", "draft", "999999");
		rule("GET /changes/{id}", VIEWERS_OF_A);
		rule("GET /changes/{id}/progress", VIEWERS_OF_A);
		rule("POST /changes/{id}/targets", OPERATORS_OF_A, "sbc", "{sbcA}");
		rule("POST /changes/{id}/waves", OPERATORS_OF_A, "size", "2", "maxFailures", "0");
		rule("POST /changes/{id}/preview", OPERATORS_OF_A);
		rule("POST /changes/{id}/start", OPERATORS_OF_A);
		rule("POST /changes/{id}/pause", OPERATORS_OF_A);
		rule("POST /changes/{id}/rollback", OPERATORS_OF_A);
		// approvals: a pending request of another user's write on sbc-a; whoever may see it may call its actions,
		// and those who may not approve, reject, withdraw or review it are told why (not a 403)
		rule("GET /approvals", LOGGED_IN);
		rule("GET /approvals/{id}", VIEWERS_OF_A);
		rule("POST /approvals/{id}/approve", VIEWERS_OF_A);
		rule("POST /approvals/{id}/reject", VIEWERS_OF_A, "reason", "not now");
		rule("POST /approvals/{id}/withdraw", VIEWERS_OF_A);
		rule("POST /approvals/{id}/review", VIEWERS_OF_A);
		rule("GET /approvals/settings", ADMIN_ONLY);
		rule("POST /approvals/settings", ADMIN_ONLY, "replace", "true", "applyRowsOver", "5");
		rule("GET /sbcs/{id}/registrations", VIEWERS_OF_A);
		rule("GET /sbcs/{id}/registrations/rows", VIEWERS_OF_A);
		rule("POST /sbcs/{id}/registrations/delete/preview", OPERATORS_OF_A, "username", "alice");
		rule("POST /sbcs/{id}/registrations/delete", OPERATORS_OF_A, "token", "not-a-token");
		// table editor: viewers of the SBC's group browse, preview and export; operators change
		rule("GET /sbcs/{id}/tables", VIEWERS_OF_A);
		rule("POST /sbcs/{id}/tables/open", VIEWERS_OF_A, "table", "route");
		rule("POST /sbcs/{id}/tables/snapshots/{snapshotId}/rollback", OPERATORS_OF_A);
		rule("GET /sbcs/{id}/tables/drafts/{draftId}", VIEWERS_OF_A);
		rule("GET /sbcs/{id}/tables/drafts/{draftId}/rows", VIEWERS_OF_A);
		rule("GET /sbcs/{id}/tables/drafts/{draftId}/row", VIEWERS_OF_A, "key", "0\tr1\t1");
		rule("POST /sbcs/{id}/tables/drafts/{draftId}/edit", OPERATORS_OF_A, "key", "0\tr1\t1", "v_alias", "r2");
		rule("POST /sbcs/{id}/tables/drafts/{draftId}/delete", OPERATORS_OF_A, "key", "0\tr1\t1");
		rule("POST /sbcs/{id}/tables/drafts/{draftId}/revert", OPERATORS_OF_A, "key", "0\tr1\t1");
		rule("POST /sbcs/{id}/tables/drafts/{draftId}/copy", OPERATORS_OF_A, "key", "0\tr1\t1");
		rule("POST /sbcs/{id}/tables/drafts/{draftId}/import", OPERATORS_OF_A);
		rule("GET /sbcs/{id}/tables/drafts/{draftId}/export", VIEWERS_OF_A, "format", "csv");
		rule("GET /sbcs/{id}/tables/drafts/{draftId}/empty-entry", OPERATORS_OF_A, "format", "csv");
		rule("GET /sbcs/{id}/tables/drafts/{draftId}/discard", OPERATORS_OF_A);
		rule("POST /sbcs/{id}/tables/drafts/{draftId}/discard", OPERATORS_OF_A);
		rule("GET /sbcs/{id}/tables/drafts/{draftId}/preview", VIEWERS_OF_A);
		rule("POST /sbcs/{id}/tables/drafts/{draftId}/apply", OPERATORS_OF_A);
		// table editors: whole-table replace, clone and checking a value as it is typed
		rule("GET /sbcs/{id}/tables/drafts/{draftId}/replace", OPERATORS_OF_A);
		rule("POST /sbcs/{id}/tables/drafts/{draftId}/replace", OPERATORS_OF_A, "confirmTable", "route", "password",
				"wrong-password");
		rule("POST /sbcs/{id}/tables/drafts/{draftId}/clone", OPERATORS_OF_A, "key", "0\tr1\t1", "k_alias", "r9");
		rule("POST /sbcs/{id}/tables/drafts/{draftId}/check", OPERATORS_OF_A, "field", "minLen", "v_minLen", "x");
		rule("GET /sbcs/{id}/tables/openings/{openingId}", VIEWERS_OF_A);
		rule("GET /sbcs/{id}/tables/openings/{openingId}/progress", VIEWERS_OF_A);
		// monitoring: panels and trends of an SBC for its group's viewers; alarms and the wallboard list only the
		// SBCs of one's groups; operators acknowledge; rules are changed by the group's administrators
		rule("GET /sbcs/{id}/panels/{feed}", VIEWERS_OF_A);
		rule("GET /sbcs/{id}/trends", VIEWERS_OF_A);
		rule("GET /alarms", LOGGED_IN);
		rule("GET /alarms/list", LOGGED_IN);
		rule("POST /alarms/{alarmId}/acknowledge", OPERATORS_OF_A);
		rule("POST /alarms/acknowledge", OPERATORS_OF_A, "alarmId", "{alarmA}");
		rule("GET /alarms/rules", ANY_MANAGER);
		rule("POST /alarms/rules", MANAGERS_OF_A, "metric", "CPU", "scope", "group:{groupA}", "warning", "70",
				"critical", "85", "hold", "2", "enabled", "true");
		rule("POST /alarms/rules/{ruleId}/delete", MANAGERS_OF_A);
		rule("GET /wallboard", LOGGED_IN);
		rule("GET /wallboard/tiles", LOGGED_IN);
	}

	@Autowired
	MockMvc mvc;

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mappings;

	@Autowired
	List<RequestMappingInfoHandlerMapping> allMappings;

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

	private final Map<Who, DashboardUser> principals = new LinkedHashMap<>();

	private long groupA;

	private long sbcA;

	private long targetUser;

	private long emptyGroup;

	private long alarmA;

	private long ruleA;

	@Autowired
	org.springframework.jdbc.core.JdbcTemplate jdbc;

	@BeforeEach
	void fixtures() {
		this.groupA = this.groups.save(new SbcGroup(null, "Group A", null, Instant.now())).id();
		long groupB = this.groups.save(new SbcGroup(null, "Group B", null, Instant.now())).id();
		this.emptyGroup = this.groups.save(new SbcGroup(null, "Empty", null, Instant.now())).id();
		this.sbcA = this.sbcs.save(sbc("sbc-a", this.groupA)).id();
		this.sbcs.save(sbc("sbc-b", groupB));
		createUser(Who.VIEWER_A, false, Map.of(this.groupA, Role.VIEWER));
		createUser(Who.OPERATOR_A, false, Map.of(this.groupA, Role.OPERATOR));
		createUser(Who.GROUP_ADMIN_A, false, Map.of(this.groupA, Role.GROUP_ADMIN));
		createUser(Who.VIEWER_B, false, Map.of(groupB, Role.VIEWER));
		createUser(Who.ADMIN, true, Map.of());
		createUser(Who.OPERATOR_B, false, Map.of(groupB, Role.OPERATOR));
		createUser(Who.GROUP_ADMIN_B, false, Map.of(groupB, Role.GROUP_ADMIN));
		this.targetUser = this.users.save(AppUser.create("target", "$2a$12$x", false, false)).id();
		this.grants.save(new UserGrant(null, this.targetUser, this.groupA, Role.VIEWER, "test", Instant.now()));
		java.sql.Timestamp now = java.sql.Timestamp.from(Instant.now());
		this.jdbc.update("INSERT INTO alarm (sbc_id, metric, subject, level, raised_at) VALUES (?, 'CPU', '', "
				+ "'CRITICAL', ?)", this.sbcA, now);
		this.alarmA = this.jdbc.queryForObject("SELECT MAX(id) FROM alarm", Long.class);
		this.jdbc.update("INSERT INTO alarm_rule (group_id, metric, warning, critical, hold_polls, enabled, "
				+ "changed_by, changed_at) VALUES (?, 'CPU', 70, 85, 2, TRUE, 'test', ?)", this.groupA, now);
		this.ruleA = this.jdbc.queryForObject("SELECT MAX(id) FROM alarm_rule", Long.class);
		this.jdbc.update("INSERT INTO change_set (change_id, table_name, title, source_sbc_id, edits, created_by, "
				+ "created_at, editors, wave_size, max_failures, state, updated_at) VALUES ('C-MATRIX', 'route', "
				+ "'matrix change', ?, '[]', 'someone', ?, 'someone', 1, 0, 'DONE', ?)", this.sbcA, now, now);
		this.changeA = this.jdbc.queryForObject("SELECT MAX(id) FROM change_set", Long.class);
		this.jdbc.update("INSERT INTO change_target (change_set_id, sbc_id, position, wave, state, updated_at) "
				+ "VALUES (?, ?, 0, 0, 'PREVIEWED', ?)", this.changeA, this.sbcA, now);
		this.jdbc.update("INSERT INTO approval_request (change_id, kind, subject, sbc_id, title, payload_hash, preview, "
				+ "permission, requested_by, editors, state, created_at, expires_at) VALUES ('C-MATRIX2', 'APPLY', "
				+ "'draft:999999', ?, 'Apply: route on sbc-a', 'hash', 'calls', 'OPERATE', 'someone', 'someone', "
				+ "'PENDING', ?, ?)", this.sbcA, now, java.sql.Timestamp.from(Instant.now().plusSeconds(3600)));
		this.requestA = this.jdbc.queryForObject("SELECT MAX(id) FROM approval_request", Long.class);
		this.jdbc.update("INSERT INTO approval_target (request_id, sbc_id) VALUES (?, ?)", this.requestA, this.sbcA);
	}

	private long changeA;

	private long requestA;

	@Test
	void everyEndpointHasARule() {
		assertThat(this.mappings).as("the application's own mappings are among those read")
			.isIn(this.allMappings);
		assertThat(new TreeSet<>(RULES.keySet())).as("endpoints with an access rule").isEqualTo(endpoints(this.allMappings));
	}

	/**
	 * Every endpoint of every handler mapping (the application's and actuator's), as "METHOD pattern"; a mapping
	 * without a method answers any, so it is probed with GET and with POST.
	 */
	static Set<String> endpoints(List<RequestMappingInfoHandlerMapping> mappings) {
		Set<String> endpoints = new TreeSet<>();
		for (RequestMappingInfoHandlerMapping mapping : mappings) {
			for (RequestMappingInfo info : mapping.getHandlerMethods().keySet()) {
				Set<String> methods = info.getMethodsCondition().getMethods().isEmpty() ? Set.of("GET", "POST")
						: info.getMethodsCondition().getMethods().stream().map(Enum::name).collect(java.util.stream.Collectors.toSet());
				for (String pattern : info.getPatternValues()) {
					methods.forEach(method -> endpoints.add(method + " " + pattern));
				}
			}
		}
		return endpoints;
	}

	@ParameterizedTest(name = "{0} as {1}")
	@MethodSource("cases")
	void onlyTheAllowedMayCallIt(String endpoint, Who who) throws Exception {
		Rule rule = RULES.get(endpoint);
		MockHttpServletResponse response = call(endpoint, rule, who);

		boolean allowed = response.getStatus() != 403 && response.getStatus() != 401
				&& !String.valueOf(response.getRedirectedUrl()).endsWith("/login");
		assertThat(allowed).as("%s as %s answered %d %s", endpoint, who, response.getStatus(),
				response.getRedirectedUrl()).isEqualTo(rule.allowed().contains(who));
		if (!endpoint.endsWith(" /error")) {
			// a page that breaks for a user who may see it is a bug too
			assertThat(response.getStatus()).as("%s as %s must not break", endpoint, who).isLessThan(500);
		}
	}

	/**
	 * users, the box's own accounts, which the API writes but never reads, opens without a download into a draft
	 * only those who manage the SBC's credentials open or see: a viewer or operator of the group gets 403 on opening
	 * it and on the draft its administrator opened.
	 */
	@ParameterizedTest(name = "users draft as {0}")
	@org.junit.jupiter.params.provider.EnumSource(Who.class)
	void onlyManagersOpenOrSeeAUsersDraft(Who who) throws Exception {
		MockHttpServletResponse opened = call("POST /sbcs/{id}/tables/open", new Rule(Set.of(), new String[] { "table", "users" }), who);
		boolean allowed = opened.getStatus() != 403 && opened.getStatus() != 401
				&& !String.valueOf(opened.getRedirectedUrl()).endsWith("/login");
		assertThat(allowed).as("open users as %s answered %d", who, opened.getStatus())
			.isEqualTo(MANAGERS_OF_A.contains(who));

		String opening = this.mvc.perform(request(HttpMethod.POST, "/sbcs/" + this.sbcA + "/tables/open").with(csrf())
			.param("table", "users")
			.with(user(this.principals.get(Who.GROUP_ADMIN_A)))).andReturn().getResponse().getRedirectedUrl();
		String draft = this.mvc.perform(request(HttpMethod.GET, opening).with(user(this.principals.get(Who.GROUP_ADMIN_A))))
			.andReturn()
			.getResponse()
			.getRedirectedUrl();
		assertThat(draft).as("the draft is there at once, nothing to download").contains("/tables/drafts/");
		MockHttpServletRequestBuilder page = request(HttpMethod.GET, draft);
		if (who != Who.ANONYMOUS) {
			page.with(user(this.principals.get(who)));
		}
		MockHttpServletResponse shown = this.mvc.perform(page).andReturn().getResponse();
		boolean seen = shown.getStatus() == 200;
		assertThat(seen).as("users draft page as %s answered %d", who, shown.getStatus())
			.isEqualTo(MANAGERS_OF_A.contains(who));
		assertThat(shown.getStatus()).isLessThan(500);
	}

	static Stream<Arguments> cases() {
		List<Arguments> cases = new ArrayList<>();
		RULES.keySet().forEach(endpoint -> EnumSet.allOf(Who.class).forEach(who -> cases.add(Arguments.of(endpoint, who))));
		return cases.stream();
	}

	private MockHttpServletResponse call(String endpoint, Rule rule, Who who) throws Exception {
		String[] parts = endpoint.split(" ", 2);
		String path = parts[1].replace("/admin/users/{id}", "/admin/users/" + this.targetUser)
			.replace("/admin/groups/{id}", "/admin/groups/" + this.emptyGroup)
			.replace("{draftId}", "999999")
			.replace("{snapshotId}", "999999")
			.replace("{versionId}", "999999")
			.replace("{subject}", "route")
			.replace("{openingId}", "no-such-download")
			.replace("/changes/{id}", "/changes/" + this.changeA)
			.replace("/approvals/{id}", "/approvals/" + this.requestA)
			.replace("{alarmId}", String.valueOf(this.alarmA))
			.replace("{ruleId}", String.valueOf(this.ruleA))
			.replace("{feed}", "realtime")
			.replace("{id}", String.valueOf(this.sbcA))
			.replace("{groupId}", String.valueOf(this.groupA))
			.replace("{requiredMetricName}", "jvm.memory.used")
			.replace("/**", "/liveness");
		MockHttpServletRequestBuilder request = request(HttpMethod.valueOf(parts[0]), path).with(csrf());
		for (int i = 0; i + 1 < rule.params().length; i += 2) {
			request.param(rule.params()[i], rule.params()[i + 1].replace("{groupA}", String.valueOf(this.groupA))
				.replace("{sbcA}", String.valueOf(this.sbcA))
				.replace("{alarmA}", String.valueOf(this.alarmA)));
		}
		if (who != Who.ANONYMOUS) {
			request.with(user(this.principals.get(who)));
		}
		return this.mvc.perform(request).andReturn().getResponse();
	}

	private void createUser(Who who, boolean admin, Map<Long, Role> roles) {
		AppUser user = testUsers().user("matrix-" + who.name().toLowerCase(), TestUsers.NO_PASSWORD, admin);
		roles.forEach((group, role) -> testUsers().grant(user.id(), group, role));
		this.principals.put(who, this.userDetails.loadUserByUsername(user.username()));
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

	private static void rule(String endpoint, Set<Who> allowed, String... params) {
		RULES.put(endpoint, new Rule(allowed, params));
	}

	private record Rule(Set<Who> allowed, String[] params) {
	}

	private TestUsers testUsers() {
		return new TestUsers(this.users, this.grants);
	}

}
