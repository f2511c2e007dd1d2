package app.vsxi.dashboard.access;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import app.vsxi.dashboard.audit.Actor;
import app.vsxi.dashboard.audit.AuditAction;
import app.vsxi.dashboard.audit.AuditLog;
import app.vsxi.dashboard.audit.AuditOutcome;
import app.vsxi.dashboard.fleet.Sbc;
import app.vsxi.dashboard.fleet.SbcGroup;
import app.vsxi.dashboard.fleet.SbcGroupRepository;
import app.vsxi.dashboard.fleet.SbcRepository;
import app.vsxi.dashboard.web.RefusedException;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Users and their grants. Administrators manage users; a group administrator grants and revokes roles only in
 * the groups they administer, and never the global administrator role. Every change and every refused attempt is
 * audited.
 */
@Service
public class UserAdministration {

	private final AppUserRepository users;

	private final UserGrantRepository grants;

	private final SbcGroupRepository groups;

	private final PasswordEncoder encoder;

	private final SbcRepository sbcs;

	private final AccessService access;

	private final AuditLog audit;

	private final LoginAttempts attempts;

	private final PasswordRules rules;

	UserAdministration(AppUserRepository users, UserGrantRepository grants, SbcGroupRepository groups,
			PasswordEncoder encoder, SbcRepository sbcs, AccessService access, AuditLog audit, LoginAttempts attempts,
			PasswordRules rules) {
		this.attempts = attempts;
		this.rules = rules;
		this.sbcs = sbcs;
		this.users = users;
		this.grants = grants;
		this.groups = groups;
		this.encoder = encoder;
		this.access = access;
		this.audit = audit;
	}

	/** Everyone a user may grant to: administrators and group administrators see the user list. */
	@PreAuthorize("@access.managesAnyGroup()")
	public List<AppUser> users() {
		return this.users.findAll().stream().sorted((a, b) -> a.username().compareToIgnoreCase(b.username())).toList();
	}

	@PreAuthorize("@access.managesAnyGroup() or #id == @access.currentUserId().orElse(-1L)")
	public AppUser user(long id) {
		return this.users.findById(id).orElseThrow(() -> new UnknownUserException(id));
	}

	@PreAuthorize("hasRole('ADMIN')")
	@Transactional
	public AppUser create(String username, String temporaryPassword, boolean admin) {
		List<String> problems = new ArrayList<>();
		if (this.users.findByUsername(username).isPresent()) {
			problems.add("a user called " + username + " exists already");
		}
		problems.addAll(this.rules.problems(temporaryPassword));
		PasswordRules.refuseIfAny(problems);
		AppUser user = this.users.save(AppUser.create(username, this.encoder.encode(temporaryPassword), admin, true));
		this.audit.record(AuditAction.USER_CREATE, username, null, AuditOutcome.SUCCESS, admin ? "administrator" : null);
		return user;
	}

	/** An account that signs in only through single sign-on: no local password, linked at its first sign-on. */
	@PreAuthorize("hasRole('ADMIN')")
	@Transactional
	public AppUser createSsoOnly(String username, boolean admin) {
		if (this.users.findByUsername(username).isPresent()) {
			throw new RefusedException("a user called " + username + " exists already");
		}
		AppUser user = this.users.save(AppUser.create(username, null, admin, false));
		this.audit.record(AuditAction.USER_CREATE, username, null, AuditOutcome.SUCCESS,
				"single sign-on only" + (admin ? ", administrator" : ""));
		return user;
	}

	/**
	 * Binds the account to one identity of the provider (issuer and subject, as the provider's ID token names
	 * them) and drops its local password, so the provider's checks cannot be bypassed.
	 */
	@PreAuthorize("hasRole('ADMIN')")
	@Transactional
	public void linkSso(long id, String issuer, String subject) {
		if (issuer == null || issuer.isBlank() || subject == null || subject.isBlank()) {
			throw new RefusedException("give both the issuer and the subject");
		}
		AppUser user = user(id);
		this.users.findByOidcIssuerAndOidcSubject(issuer.trim(), subject.trim())
			.filter(other -> !other.id().equals(user.id()))
			.ifPresent(other -> {
				throw new RefusedException("that identity is linked to another account already");
			});
		this.users.save(user.withSso(issuer.trim(), subject.trim()));
		this.audit.record(AuditAction.USER_SSO_LINK, user.username(), null, AuditOutcome.SUCCESS,
				issuer.trim() + " " + subject.trim() + "; local password removed");
	}

	@PreAuthorize("hasRole('ADMIN')")
	@Transactional
	public void setEnabled(long id, boolean enabled) {
		AppUser user = user(id);
		if (!enabled && this.access.currentUserId().map(me -> me == id).orElse(false)) {
			throw new RefusedException("you cannot disable your own account");
		}
		this.users.save(user.withEnabled(enabled));
		this.audit.record(enabled ? AuditAction.USER_ENABLE : AuditAction.USER_DISABLE, user.username(), null, AuditOutcome.SUCCESS, null);
	}

	/** Sets a temporary password the user must change at the next login; also lifts a lockout. */
	@PreAuthorize("hasRole('ADMIN')")
	@Transactional
	public void resetPassword(long id, String temporaryPassword) {
		this.rules.check(temporaryPassword);
		AppUser user = user(id);
		if (user.isSsoOnly()) {
			throw new RefusedException("this account signs in through single sign-on and has no local password");
		}
		this.users.save(user.withPassword(this.encoder.encode(temporaryPassword), true));
		this.audit.record(AuditAction.USER_PASSWORD_RESET, user.username(), null, AuditOutcome.SUCCESS,
				"must change it at next login");
	}

	/** Keeps the password but makes the user replace it at the next request or login. */
	@PreAuthorize("hasRole('ADMIN')")
	@Transactional
	public void forcePasswordChange(long id) {
		AppUser user = user(id);
		this.users.save(user.withMustChangePassword());
		this.audit.record(AuditAction.USER_FORCE_PASSWORD_CHANGE, user.username(), null, AuditOutcome.SUCCESS, null);
	}

	@PreAuthorize("hasRole('ADMIN')")
	@Transactional
	public void setAdmin(long id, boolean admin) {
		AppUser user = user(id);
		if (!admin && this.access.currentUserId().map(me -> me == id).orElse(false)) {
			throw new RefusedException("you cannot take the administrator role from yourself");
		}
		this.users.save(user.withAdmin(admin));
		this.audit.record(admin ? AuditAction.ADMIN_GRANT : AuditAction.ADMIN_REVOKE, user.username(), null, AuditOutcome.SUCCESS, null);
	}

	/** Grants a role on a group, replacing the user's previous role there. */
	@PreAuthorize("isAuthenticated()")
	@Transactional
	public void grant(long userId, long groupId, Role role) {
		AppUser user = user(userId);
		SbcGroup group = group(groupId);
		String what = role + " on " + group.name();
		if (!this.access.canInGroup(Permission.ADMINISTER.name(), groupId)) {
			this.audit.record(AuditAction.GRANT, user.username(), groupId, AuditOutcome.DENIED, what);
			throw new AccessDeniedException("You may grant roles only in groups you administer");
		}
		UserGrant grant = this.grants.findByUserIdAndGroupId(userId, groupId)
			.map(existing -> new UserGrant(existing.id(), userId, groupId, role, Actor.current(), Instant.now()))
			.orElseGet(() -> new UserGrant(null, userId, groupId, role, Actor.current(), Instant.now()));
		this.grants.save(grant);
		this.audit.record(AuditAction.GRANT, user.username(), groupId, AuditOutcome.SUCCESS, what);
	}

	/** Refused and audited like any other change: the global role is not a group role to delegate. */
	@PreAuthorize("isAuthenticated()")
	@Transactional
	public void grantAdmin(long userId) {
		AppUser user = user(userId);
		if (!this.access.isAdmin()) {
			this.audit.record(AuditAction.ADMIN_GRANT, user.username(), null, AuditOutcome.DENIED, null);
			throw new AccessDeniedException("Only an administrator may make another user administrator");
		}
		setAdmin(userId, true);
	}

	@PreAuthorize("isAuthenticated()")
	@Transactional
	public void revoke(long userId, long groupId) {
		AppUser user = user(userId);
		SbcGroup group = group(groupId);
		if (!this.access.canInGroup(Permission.ADMINISTER.name(), groupId)) {
			this.audit.record(AuditAction.REVOKE, user.username(), groupId, AuditOutcome.DENIED, "on " + group.name());
			throw new AccessDeniedException("You may revoke roles only in groups you administer");
		}
		this.grants.findByUserIdAndGroupId(userId, groupId).ifPresent(grant -> {
			this.grants.delete(grant);
			this.audit.record(AuditAction.REVOKE, user.username(), groupId, AuditOutcome.SUCCESS, grant.role() + " on " + group.name());
		});
	}

	/** The user's own password change, also the way out of a forced change. */
	@PreAuthorize("isAuthenticated()")
	@Transactional
	public void changeOwnPassword(String current, String replacement) {
		changeOwnPassword(current, replacement, replacement);
	}

	/** The same from the form, which also asks for the new password twice; every problem is named at once. */
	@PreAuthorize("isAuthenticated()")
	@Transactional
	public void changeOwnPassword(String current, String replacement, String confirmation) {
		long me = this.access.currentUserId().orElseThrow(() -> new AccessDeniedException("not logged in"));
		AppUser user = user(me);
		if (user.isSsoOnly()) {
			throw new RefusedException("your account signs in through single sign-on and has no password here");
		}
		List<String> problems = new ArrayList<>();
		boolean currentRight = this.encoder.matches(current, user.passwordHash());
		if (!currentRight) {
			// a guess here is a guess at login: it counts towards the lockout
			this.audit.record(AuditAction.PASSWORD_CHANGE, user.username(), null, AuditOutcome.FAILED, "wrong current password");
			this.attempts.countFailure(user);
			problems.add("the current password is wrong");
		}
		if (!replacement.equals(confirmation)) {
			problems.add("the new password and its confirmation differ");
		}
		problems.addAll(this.rules.problems(replacement));
		if (currentRight && this.encoder.matches(replacement, user.passwordHash())) {
			problems.add("choose a password other than the current one");
		}
		PasswordRules.refuseIfAny(problems);
		this.users.save(user.withPassword(this.encoder.encode(replacement), false));
		this.audit.record(AuditAction.PASSWORD_CHANGE, user.username(), null, AuditOutcome.SUCCESS, null);
	}

	/** What the user may do, group by group, for the "what can this user do" view. */
	@PreAuthorize("hasRole('ADMIN') or #id == @access.currentUserId().orElse(-1L)")
	public List<Capability> capabilities(long id) {
		AppUser user = user(id);
		java.util.Map<Long, Role> roles = this.access.rolesOf(id);
		return this.groups.findAllByOrderByNameAsc()
			.stream()
			.filter(group -> user.admin() || roles.containsKey(group.id()))
			.map(group -> Capability.of(group, user.admin() ? null : roles.get(group.id()),
					this.sbcs.findByGroupIdOrderByNameAsc(group.id()).stream().map(Sbc::name).toList()))
			.toList();
	}

	private SbcGroup group(long groupId) {
		return this.groups.findById(groupId).orElseThrow(() -> new RefusedException("no such group"));
	}

}
