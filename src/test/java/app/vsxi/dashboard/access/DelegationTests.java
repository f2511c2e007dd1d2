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

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.test.context.support.TestExecutionEvent;
import org.springframework.security.test.context.support.WithUserDetails;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.annotation.Transactional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** What a group administrator may delegate, and that every refused attempt is audited. */
@SpringBootTest
// unused here, but the same set-up as the other tests outside demo mode lets this class share their application
@AutoConfigureMockMvc
@ActiveProfiles("test")
@Transactional
@WithUserDetails(value = "delegate", setupBefore = TestExecutionEvent.TEST_EXECUTION)
@ResourceLock(providers = SameApplication.class)
class DelegationTests {

	@Autowired
	UserAdministration administration;

	@Autowired
	AppUserRepository users;

	@Autowired
	UserGrantRepository grants;

	@Autowired
	SbcGroupRepository groups;

	@Autowired
	AuditLog audit;

	private long mine;

	private long theirs;

	private long colleague;

	@BeforeEach
	void aGroupAdministratorOfOneGroup() {
		this.mine = this.groups.save(new SbcGroup(null, "Mine", null, Instant.now())).id();
		this.theirs = this.groups.save(new SbcGroup(null, "Theirs", null, Instant.now())).id();
		long delegate = this.users.save(AppUser.create("delegate", "$2a$12$x", false, false)).id();
		this.grants.save(new UserGrant(null, delegate, this.mine, Role.GROUP_ADMIN, "admin", Instant.now()));
		this.colleague = this.users.save(AppUser.create("colleague", "$2a$12$x", false, false)).id();
	}

	@Test
	void grantsAnyRoleUpToTheirOwnInTheirGroup() {
		this.administration.grant(this.colleague, this.mine, Role.OPERATOR);
		this.administration.grant(this.colleague, this.mine, Role.GROUP_ADMIN);

		assertThat(this.grants.findByUserIdAndGroupId(this.colleague, this.mine)).get()
			.extracting(UserGrant::role, UserGrant::grantedBy)
			.containsExactly(Role.GROUP_ADMIN, "delegate");
		assertThat(events("GRANT", AuditOutcome.SUCCESS)).hasSize(2);
	}

	@Test
	void cannotGrantInAnotherGroupAndTheAttemptIsAudited() {
		assertThatExceptionOfType(AccessDeniedException.class)
			.isThrownBy(() -> this.administration.grant(this.colleague, this.theirs, Role.VIEWER));

		assertThat(this.grants.findByUserId(this.colleague)).isEmpty();
		assertThat(events("GRANT", AuditOutcome.DENIED)).singleElement().satisfies(event -> {
			assertThat(event.actor()).isEqualTo("delegate");
			assertThat(event.target()).isEqualTo("colleague");
			assertThat(event.detail()).isEqualTo("VIEWER on Theirs");
		});
	}

	@Test
	void cannotMakeAnyoneAdministratorAndTheAttemptIsAudited() {
		assertThatExceptionOfType(AccessDeniedException.class)
			.isThrownBy(() -> this.administration.grantAdmin(this.colleague));
		assertThatExceptionOfType(AccessDeniedException.class)
			.isThrownBy(() -> this.administration.setAdmin(this.colleague, true));

		assertThat(this.users.findById(this.colleague)).get().extracting(AppUser::admin).isEqualTo(false);
		assertThat(events("ADMIN_GRANT", AuditOutcome.DENIED)).hasSize(1);
		assertThat(events("ACCESS_DENIED", AuditOutcome.DENIED))
			.anySatisfy(event -> assertThat(event.target()).isEqualTo("(UserAdministration.setAdmin)"));
	}

	@Test
	void cannotRevokeInAnotherGroup() {
		this.grants.save(new UserGrant(null, this.colleague, this.theirs, Role.VIEWER, "admin", Instant.now()));

		assertThatExceptionOfType(AccessDeniedException.class)
			.isThrownBy(() -> this.administration.revoke(this.colleague, this.theirs));

		assertThat(this.grants.findByUserIdAndGroupId(this.colleague, this.theirs)).isPresent();
		assertThat(events("REVOKE", AuditOutcome.DENIED)).hasSize(1);
	}

	@Test
	void cannotCreateUsersOrResetPasswords() {
		assertThatExceptionOfType(AccessDeniedException.class)
			.isThrownBy(() -> this.administration.create("new-one", "0123456789ab", false));
		assertThatExceptionOfType(AccessDeniedException.class)
			.isThrownBy(() -> this.administration.resetPassword(this.colleague, "0123456789ab"));

		assertThat(this.users.findByUsername("new-one")).isEmpty();
	}

	private List<AuditEvent> events(String action, AuditOutcome outcome) {
		// refusals outlive the test transaction, so other classes' events may be there: only this delegate's count
		return this.audit.search(new AuditQuery(null, "delegate", action, outcome, null, null), AuditScopes.everything(), 100);
	}


}
