package app.vsxi.dashboard.access;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;

import app.vsxi.dashboard.audit.AuditEvent;
import app.vsxi.dashboard.audit.AuditLog;
import app.vsxi.dashboard.audit.AuditOutcome;
import app.vsxi.dashboard.audit.AuditQuery;
import app.vsxi.dashboard.support.AuditScopes;
import app.vsxi.dashboard.support.ContainerSessions;
import app.vsxi.dashboard.support.SameApplication;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.core.env.Environment;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Login hardening: lockout, audit of every attempt, forced password change, session handling, CSRF. */
@SpringBootTest(properties = { "vsxi.access.max-failed-logins=3", "vsxi.access.lock-duration=10m",
		"vsxi.access.max-failed-logins-per-address=10", "vsxi.access.metrics.password=scrape-secret-1",
		// MockMvc hands a request its own MockHttpSession, which a session kept in the database cannot be: these
		// rules are checked on the container's session; the database's is checked across instances (TwoInstancesTests)
		"spring.autoconfigure.exclude=" + ContainerSessions.EXCLUDED })
@AutoConfigureMockMvc
@ActiveProfiles("test")
@ResourceLock(providers = SameApplication.class)
class LoginSecurityTests {

	private static final String PASSWORD = "correct-horse-42";

	@Autowired
	MockMvc mvc;

	@Autowired
	AppUserRepository users;

	@Autowired
	PasswordEncoder encoder;

	@Autowired
	AuditLog audit;

	@Autowired
	Environment environment;

	private String username;

	@BeforeEach
	void aUser() {
		this.username = "noc-" + System.nanoTime();
		this.users.save(AppUser.create(this.username, this.encoder.encode(PASSWORD), false, false));
	}

	@Test
	void repeatedWrongPasswordsLockTheAccountEvenAgainstTheRightOne() throws Exception {
		for (int i = 0; i < 3; i++) {
			this.mvc.perform(formLogin().user(this.username).password("wrong-" + i))
				.andExpect(unauthenticated())
				.andExpect(redirectedUrl("/login?error"));
		}

		this.mvc.perform(formLogin().user(this.username).password(PASSWORD)).andExpect(unauthenticated());

		AppUser locked = this.users.findByUsername(this.username).orElseThrow();
		assertThat(locked.isLocked(java.time.Instant.now())).isTrue();
		assertThat(events("LOGIN", AuditOutcome.FAILED)).hasSize(4)
			.extracting(AuditEvent::detail)
			.containsExactly("Locked", "BadCredentials", "BadCredentials", "BadCredentials");
		assertThat(events("ACCOUNT_LOCKED", AuditOutcome.SUCCESS)).hasSize(1);
	}

	@Test
	void aSuccessfulLoginIsAuditedAndResetsTheFailureCount() throws Exception {
		this.mvc.perform(formLogin().user(this.username).password("wrong")).andExpect(unauthenticated());
		this.mvc.perform(formLogin().user(this.username).password(PASSWORD)).andExpect(authenticated());

		assertThat(this.users.findByUsername(this.username).orElseThrow().failedLogins()).isZero();
		assertThat(events("LOGIN", AuditOutcome.SUCCESS)).hasSize(1);
	}

	@Test
	void loginGivesANewSessionIdSoAPlantedSessionIsUseless() throws Exception {
		MockHttpSession planted = new MockHttpSession();
		String before = planted.getId();

		MvcResult result = this.mvc
			.perform(post("/login").session(planted).with(csrf()).param("username", this.username)
				.param("password", PASSWORD))
			.andExpect(authenticated())
			.andReturn();

		assertThat(result.getRequest().getSession(false).getId()).isNotEqualTo(before);
	}

	@Test
	void thePasswordFormNamesEveryProblemAtOnce() throws Exception {
		MockHttpSession session = (MockHttpSession) this.mvc
			.perform(formLogin().user(this.username).password(PASSWORD))
			.andReturn()
			.getRequest()
			.getSession(false);

		MvcResult refused = this.mvc
			.perform(post("/account/password").session(session).with(csrf()).header("Referer", "/account/password")
				.param("current", "not-the-password")
				.param("replacement", "short")
				.param("confirmation", "different"))
			.andExpect(redirectedUrl("/account/password"))
			.andReturn();

		assertThat(String.valueOf(refused.getFlashMap().get("failure"))).contains("the current password is wrong",
				"the new password and its confirmation differ", "at least 10 characters");
	}

	@Test
	void aPasswordFromTheLeakedListsIsRefusedAsTheNewOneAndAStrongOneIsTaken() throws Exception {
		MockHttpSession session = (MockHttpSession) this.mvc
			.perform(formLogin().user(this.username).password(PASSWORD))
			.andReturn()
			.getRequest()
			.getSession(false);

		MvcResult refused = this.mvc
			.perform(post("/account/password").session(session).with(csrf()).header("Referer", "/account/password")
				.param("current", PASSWORD)
				.param("replacement", "password1234")
				.param("confirmation", "password1234"))
			.andExpect(redirectedUrl("/account/password"))
			.andReturn();
		assertThat(String.valueOf(refused.getFlashMap().get("failure")))
			.contains("that password is on a list of common and leaked passwords");
		assertThat(this.encoder.matches(PASSWORD, this.users.findByUsername(this.username).orElseThrow().passwordHash()))
			.isTrue();

		String strong = java.util.UUID.randomUUID().toString();
		this.mvc
			.perform(post("/account/password").session(session).with(csrf()).param("current", PASSWORD)
				.param("replacement", strong)
				.param("confirmation", strong))
			.andExpect(redirectedUrl("/overview"));
		assertThat(this.encoder.matches(strong, this.users.findByUsername(this.username).orElseThrow().passwordHash()))
			.isTrue();
	}

	@Test
	void aUserWhoMustChangeTheirPasswordSeesOnlyThePasswordPageUntilTheyDo() throws Exception {
		AppUser user = this.users.findByUsername(this.username).orElseThrow();
		this.users.save(user.withPassword(this.encoder.encode(PASSWORD), true));
		MockHttpSession session = (MockHttpSession) this.mvc
			.perform(formLogin().user(this.username).password(PASSWORD))
			.andReturn()
			.getRequest()
			.getSession(false);

		this.mvc.perform(get("/overview").session(session)).andExpect(redirectedUrl("/account/password"));
		this.mvc.perform(get("/overview/rows").session(session).header("HX-Request", "true"))
			.andExpect(status().isNoContent());

		this.mvc.perform(post("/account/password").session(session).with(csrf())
			.param("current", PASSWORD)
			.param("replacement", "a-new-passphrase")
			.param("confirmation", "a-new-passphrase")).andExpect(redirectedUrl("/overview"));

		this.mvc.perform(get("/overview").session(session)).andExpect(status().isOk());
		assertThat(this.users.findByUsername(this.username).orElseThrow().mustChangePassword()).isFalse();
	}

	@Test
	void disablingAUserEndsTheirSessionAtTheNextRequest() throws Exception {
		MockHttpSession session = (MockHttpSession) this.mvc
			.perform(formLogin().user(this.username).password(PASSWORD))
			.andReturn()
			.getRequest()
			.getSession(false);
		this.mvc.perform(get("/overview").session(session)).andExpect(status().isOk());

		AppUser user = this.users.findByUsername(this.username).orElseThrow();
		this.users.save(user.withEnabled(false));

		this.mvc.perform(get("/overview").session(session)).andExpect(redirectedUrl("/login?disabled"));
	}

	@Test
	void aBackgroundRefreshWithoutSessionSendsThePageToLoginAndIsNotTheReturnPage() throws Exception {
		MockHttpSession session = new MockHttpSession();
		this.mvc.perform(get("/overview/rows").session(session).header("HX-Request", "true"))
			.andExpect(status().isUnauthorized())
			.andExpect(result -> assertThat(result.getResponse().getHeader("HX-Redirect")).isEqualTo("/login"));

		this.mvc.perform(post("/login").session(session).with(csrf()).param("username", this.username)
			.param("password", PASSWORD)).andExpect(redirectedUrl("/overview"));
	}

	@Test
	void aStateChangingHtmxRequestWithoutCsrfTokenIsRefused() throws Exception {
		MockHttpSession session = (MockHttpSession) this.mvc
			.perform(formLogin().user(this.username).password(PASSWORD))
			.andReturn()
			.getRequest()
			.getSession(false);

		this.mvc.perform(post("/account/password").session(session).header("HX-Request", "true")
			.param("current", PASSWORD)
			.param("replacement", "another-passphrase")
			.param("confirmation", "another-passphrase")).andExpect(status().isForbidden());

		assertThat(this.encoder.matches(PASSWORD, this.users.findByUsername(this.username).orElseThrow().passwordHash()))
			.isTrue();
	}

	@Test
	void thePasswordIsCheckedBeforeTheLockSoEveryRefusalCostsTheSameHashing() throws Exception {
		AppUser user = this.users.findByUsername(this.username).orElseThrow();
		this.users.save(new AppUser(user.id(), user.username(), user.passwordHash(), true, false, user.createdAt(), false, 3,
				Instant.now().plusSeconds(600), null, null, null));

		this.mvc.perform(formLogin().user(this.username).password("wrong")).andExpect(unauthenticated());
		this.mvc.perform(formLogin().user(this.username).password(PASSWORD)).andExpect(unauthenticated());

		// a wrong password on a locked account is answered as wrong: the password was hashed and compared first
		assertThat(events("LOGIN", AuditOutcome.FAILED)).extracting(AuditEvent::detail)
			.containsExactly("Locked", "BadCredentials");
	}

	@Test
	void anUnknownUserNameIsNotWrittenAsTypedBecauseItMayBeAPassword() throws Exception {
		this.mvc.perform(formLogin().user("Tr0ub4dor&3-" + this.username).password("x")).andExpect(unauthenticated());

		assertThat(this.audit.search(new AuditQuery("Tr0ub4dor", null, null, null, null, null), AuditScopes.everything(), 10))
			.isEmpty();
		assertThat(this.audit.search(new AuditQuery(LoginAttempts.unknown("Tr0ub4dor&3-" + this.username), null, "LOGIN",
				AuditOutcome.FAILED, null, null), AuditScopes.everything(), 10)).hasSize(1);
	}

	@Test
	void theSessionKeepsNoPasswordHash() throws Exception {
		MockHttpSession session = logIn();

		SecurityContext context = (SecurityContext) session.getAttribute("SPRING_SECURITY_CONTEXT");
		assertThat(((DashboardUser) context.getAuthentication().getPrincipal()).getPassword()).isNull();
	}

	@Test
	void oneSourceAddressIsStoppedAfterTooManyFailuresWhateverTheAccounts() throws Exception {
		for (int i = 0; i < 10; i++) {
			this.mvc.perform(loginFrom("198.51.100.7", "nobody-" + i, "x"));
		}

		this.mvc.perform(loginFrom("198.51.100.7", this.username, PASSWORD))
			.andExpect(unauthenticated())
			.andExpect(redirectedUrl("/login?throttled"));
		this.mvc.perform(loginFrom("198.51.100.8", this.username, PASSWORD))
			.andExpect(authenticated());
	}

	@Test
	void wrongCurrentPasswordsOnThePasswordPageLockTheAccountLikeFailedLogins() throws Exception {
		MockHttpSession session = logIn();
		for (int i = 0; i < 3; i++) {
			this.mvc.perform(post("/account/password").session(session).with(csrf())
				.param("current", "guess-" + i)
				.param("replacement", "a-new-passphrase")
				.param("confirmation", "a-new-passphrase"));
		}

		assertThat(this.users.findByUsername(this.username).orElseThrow().isLocked(Instant.now())).isTrue();
	}

	@Test
	void aPasswordChangeEndsTheUsersOtherSessionsButNotTheOneThatChangedIt() throws Exception {
		MockHttpSession elsewhere = logIn();
		MockHttpSession here = logIn();

		this.mvc.perform(post("/account/password").session(here).with(csrf())
			.param("current", PASSWORD)
			.param("replacement", "a-new-passphrase")
			.param("confirmation", "a-new-passphrase")).andExpect(redirectedUrl("/overview"));

		this.mvc.perform(get("/overview").session(here)).andExpect(status().isOk());
		this.mvc.perform(get("/overview").session(elsewhere)).andExpect(redirectedUrl("/login?expired"));
	}

	@Test
	void aSessionEndsAfterTwelveHoursHoweverActive() throws Exception {
		MockHttpSession session = logIn();
		this.mvc.perform(get("/overview").session(session)).andExpect(status().isOk());

		session.setAttribute(AccountStateFilter.LOGGED_IN_AT, Instant.now().minus(Duration.ofHours(12).plusMinutes(1)));

		this.mvc.perform(get("/overview").session(session)).andExpect(redirectedUrl("/login?expired"));
	}

	@Test
	void overHttpsTheBrowserIsToldToStayOnHttpsAndTheSessionCookieIsSecure() throws Exception {
		this.mvc.perform(get("/login").secure(true))
			.andExpect(header().string("Strict-Transport-Security", "max-age=31536000 ; includeSubDomains"));
		assertThat(this.environment.getProperty("server.servlet.session.cookie.secure", Boolean.class)).isTrue();
	}

	@Test
	void healthDetailsAreForAdministratorsOnly() throws Exception {
		this.mvc.perform(get("/actuator/health"))
			.andExpect(status().isOk())
			.andExpect(content().string(not(containsString("components"))));
		AppUser admin = this.users.save(AppUser.create("admin-" + System.nanoTime(), this.encoder.encode(PASSWORD), true, false));
		MockHttpSession session = (MockHttpSession) this.mvc.perform(formLogin().user(admin.username()).password(PASSWORD))
			.andReturn()
			.getRequest()
			.getSession(false);
		this.mvc.perform(get("/actuator/health").session(session)).andExpect(content().string(containsString("components")));
	}

	@Test
	void prometheusScrapesWithItsOwnCredentialsAndNothingElseTakesThem() throws Exception {
		this.mvc.perform(get("/actuator/prometheus").with(httpBasic("prometheus", "scrape-secret-1")))
			.andExpect(status().isOk());
		this.mvc.perform(get("/actuator/prometheus").with(httpBasic("prometheus", "wrong")))
			.andExpect(status().isUnauthorized());
		this.mvc.perform(get("/actuator/prometheus").with(httpBasic(this.username, PASSWORD)))
			.andExpect(status().isUnauthorized());
		int elsewhere = this.mvc.perform(get("/overview").with(httpBasic("prometheus", "scrape-secret-1")))
			.andReturn()
			.getResponse()
			.getStatus();
		assertThat(elsewhere).isNotEqualTo(200);
	}

	private MockHttpSession logIn() throws Exception {
		return (MockHttpSession) this.mvc.perform(formLogin().user(this.username).password(PASSWORD))
			.andExpect(authenticated())
			.andReturn()
			.getRequest()
			.getSession(false);
	}

	private static MockHttpServletRequestBuilder loginFrom(String address, String user, String password) {
		return post("/login").with(csrf()).param("username", user).param("password", password).with(request -> {
			request.setRemoteAddr(address);
			return request;
		});
	}

	private List<AuditEvent> events(String action, AuditOutcome outcome) {
		return this.audit.search(new AuditQuery(null, this.username, action, outcome, null, null), AuditScopes.everything(), 100);
	}

}
