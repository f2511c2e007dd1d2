package app.vsxi.dashboard.access;

import java.util.List;

import org.junit.jupiter.api.AfterEach;
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
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.test.context.TestSecurityContextHolder;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;

/**
 * The password typed to confirm a whole-table replace is a guess like one at login: wrong ones lock the account,
 * a locked account confirms nothing, and the right one resets the count. Outside a transaction, as the audit is
 * asserted.
 */
@SpringBootTest(properties = { "vsxi.access.max-failed-logins=3", "vsxi.access.lock-duration=10m",
		"vsxi.access.max-failed-logins-per-address=50",
		// MockMvc hands a request its own MockHttpSession, which a session kept in the database cannot be: these
		// rules are checked on the container's session; the database's is checked across instances (TwoInstancesTests)
		"spring.autoconfigure.exclude=" + ContainerSessions.EXCLUDED })
@AutoConfigureMockMvc
@ActiveProfiles("test")
@ResourceLock(providers = SameApplication.class)
class ReplaceConfirmationLockoutTests {

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
	PasswordConfirmation confirmation;

	private String username;

	@BeforeEach
	void aUser() {
		this.username = "noc-" + System.nanoTime();
		this.users.save(AppUser.create(this.username, this.encoder.encode(PASSWORD), false, false));
	}

	@AfterEach
	void loggedOut() {
		TestSecurityContextHolder.clearContext();
	}

	@Test
	void wrongReplaceConfirmationsLockTheAccountSoTheNextLoginIsRefused() throws Exception {
		loggedIn();
		for (int i = 0; i < 3; i++) {
			assertThat(this.confirmation.problem("wrong-" + i)).hasValue("That is not your password");
		}
		assertThat(this.confirmation.problem(PASSWORD)).hasValueSatisfying(
				reason -> assertThat(reason).contains("locked"));
		TestSecurityContextHolder.clearContext();

		this.mvc.perform(formLogin().user(this.username).password(PASSWORD)).andExpect(unauthenticated());

		assertThat(this.users.findByUsername(this.username).orElseThrow().isLocked(java.time.Instant.now())).isTrue();
		assertThat(events("PASSWORD_CONFIRM", AuditOutcome.FAILED)).extracting(AuditEvent::detail)
			.containsExactly("Locked", "BadCredentials", "BadCredentials", "BadCredentials");
		assertThat(events("ACCOUNT_LOCKED", AuditOutcome.SUCCESS)).hasSize(1);
		assertThat(events("LOGIN", AuditOutcome.FAILED)).extracting(AuditEvent::detail).containsExactly("Locked");
	}

	@Test
	void theRightConfirmationResetsTheCountAsALoginDoes() throws Exception {
		loggedIn();
		assertThat(this.confirmation.problem("wrong-1")).isPresent();
		assertThat(this.confirmation.problem("wrong-2")).isPresent();
		assertThat(this.users.findByUsername(this.username).orElseThrow().failedLogins()).isEqualTo(2);

		assertThat(this.confirmation.problem(PASSWORD)).isEmpty();
		assertThat(this.users.findByUsername(this.username).orElseThrow().failedLogins()).isZero();

		assertThat(this.confirmation.problem("wrong-3")).isPresent();
		TestSecurityContextHolder.clearContext();
		this.mvc.perform(formLogin().user(this.username).password(PASSWORD)).andExpect(authenticated());
	}

	private void loggedIn() {
		DashboardUser user = DashboardUser.of(this.users.findByUsername(this.username).orElseThrow());
		TestSecurityContextHolder
			.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
	}

	private List<AuditEvent> events(String action, AuditOutcome outcome) {
		return this.audit.search(new AuditQuery(null, this.username, action, outcome, null, null),
				AuditScopes.everything(), 100);
	}

}
