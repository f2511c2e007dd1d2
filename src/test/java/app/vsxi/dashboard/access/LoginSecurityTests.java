package app.vsxi.dashboard.access;

import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import app.vsxi.dashboard.audit.AuditEvent;
import app.vsxi.dashboard.audit.AuditLog;
import app.vsxi.dashboard.audit.AuditOutcome;
import app.vsxi.dashboard.audit.AuditQuery;
import app.vsxi.dashboard.support.AuditScopes;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Login hardening: lockout, audit of every attempt, forced password change, session handling, CSRF. */
@SpringBootTest(properties = { "vsxi.access.max-failed-logins=3", "vsxi.access.lock-duration=10m" })
@AutoConfigureMockMvc
@ActiveProfiles("test")
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

	private List<AuditEvent> events(String action, AuditOutcome outcome) {
		return this.audit.search(new AuditQuery(null, this.username, action, outcome, null, null), AuditScopes.everything(), 100);
	}

}
