package app.vsxi.dashboard.access;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;

import app.vsxi.dashboard.audit.AuditEvent;
import app.vsxi.dashboard.audit.AuditLog;
import app.vsxi.dashboard.audit.AuditOutcome;
import app.vsxi.dashboard.audit.AuditQuery;
import app.vsxi.dashboard.fleet.SbcGroup;
import app.vsxi.dashboard.fleet.SbcGroupRepository;
import app.vsxi.dashboard.support.AuditScopes;
import app.vsxi.dashboard.support.SameApplication;
import app.vsxi.dashboard.web.RefusedException;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.test.context.support.TestExecutionEvent;
import org.springframework.security.test.context.support.WithUserDetails;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Refusals and failures stay in the audit trail although the refused change is rolled back. Deliberately without
 * a test transaction around each test: one would roll back everything alike and hide the difference.
 */
@SpringBootTest
// unused here, but the same set-up as the other tests outside demo mode lets this class share their application
@AutoConfigureMockMvc
@ActiveProfiles("test")
@WithUserDetails(value = "refused-delegate", setupBefore = TestExecutionEvent.TEST_EXECUTION)
@ResourceLock(providers = SameApplication.class)
class RefusalAuditTests {

	private static final String PASSWORD = "delegate-passphrase";

	@Autowired
	UserAdministration administration;

	@Autowired
	AppUserRepository users;

	@Autowired
	UserGrantRepository grants;

	@Autowired
	SbcGroupRepository groups;

	@Autowired
	PasswordEncoder encoder;

	@Autowired
	AuditLog audit;

	private long theirs;

	private long colleague;

	@BeforeEach
	void aGroupAdministratorOfOneGroup() {
		long mine = group("Refusal mine");
		this.theirs = group("Refusal theirs");
		AppUser delegate = this.users.findByUsername("refused-delegate")
			.orElseGet(() -> this.users.save(AppUser.create("refused-delegate", this.encoder.encode(PASSWORD), false, false)));
		if (this.grants.findByUserIdAndGroupId(delegate.id(), mine).isEmpty()) {
			this.grants.save(new UserGrant(null, delegate.id(), mine, Role.GROUP_ADMIN, "admin", Instant.now()));
		}
		this.colleague = this.users.findByUsername("refused-colleague")
			.orElseGet(() -> this.users.save(AppUser.create("refused-colleague", "$2a$12$x", false, false)))
			.id();
	}

	@Test
	void aGrantOnAForeignGroupIsRefusedAndTheRefusalStays() {
		assertThatExceptionOfType(AccessDeniedException.class)
			.isThrownBy(() -> this.administration.grant(this.colleague, this.theirs, Role.VIEWER));

		assertThat(events("GRANT", AuditOutcome.DENIED)).isNotEmpty();
	}

	@Test
	void anAttemptedAdministratorGrantStays() {
		assertThatExceptionOfType(AccessDeniedException.class)
			.isThrownBy(() -> this.administration.grantAdmin(this.colleague));

		assertThat(events("ADMIN_GRANT", AuditOutcome.DENIED)).isNotEmpty();
	}

	@Test
	void aWrongCurrentPasswordStaysAndCountsTowardsTheLockout() {
		int before = this.users.findByUsername("refused-delegate").orElseThrow().failedLogins();

		assertThatExceptionOfType(RefusedException.class)
			.isThrownBy(() -> this.administration.changeOwnPassword("not-my-password", "another-passphrase"));

		assertThat(events("PASSWORD_CHANGE", AuditOutcome.FAILED)).isNotEmpty();
		assertThat(this.users.findByUsername("refused-delegate").orElseThrow().failedLogins()).isEqualTo(before + 1);
	}

	private long group(String name) {
		return this.groups.findByName(name)
			.orElseGet(() -> this.groups.save(new SbcGroup(null, name, null, Instant.now())))
			.id();
	}

	private List<AuditEvent> events(String action, AuditOutcome outcome) {
		return this.audit.search(new AuditQuery(null, "refused-delegate", action, outcome, null, null),
				AuditScopes.everything(), 100);
	}

}
