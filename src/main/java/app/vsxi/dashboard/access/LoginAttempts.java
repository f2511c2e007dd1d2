package app.vsxi.dashboard.access;

import java.time.Instant;

import app.vsxi.dashboard.audit.AuditAction;
import app.vsxi.dashboard.audit.AuditLog;
import app.vsxi.dashboard.audit.AuditOutcome;

import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Audits every login attempt and locks an account for a while after too many wrong passwords in a row, so a
 * password cannot be guessed at speed.
 */
@Component
class LoginAttempts {

	private final AppUserRepository users;

	private final AuditLog audit;

	private final AccessProperties properties;

	LoginAttempts(AppUserRepository users, AuditLog audit, AccessProperties properties) {
		this.users = users;
		this.audit = audit;
		this.properties = properties;
	}

	@EventListener
	@Transactional
	public void succeeded(AuthenticationSuccessEvent event) {
		String username = event.getAuthentication().getName();
		this.users.findByUsername(username)
			.filter(user -> user.failedLogins() > 0)
			.ifPresent(user -> this.users.save(user.withFailedLogins(0, null)));
		this.audit.recordAs(username, AuditAction.LOGIN, username, null, AuditOutcome.SUCCESS, null);
	}

	@EventListener
	@Transactional
	public void failed(AbstractAuthenticationFailureEvent event) {
		String typed = String.valueOf(event.getAuthentication().getPrincipal());
		String reason = event.getException().getClass().getSimpleName().replace("Exception", "");
		this.audit.recordAs(typed, AuditAction.LOGIN, typed, null, AuditOutcome.FAILED, reason);
		if (event instanceof AuthenticationFailureBadCredentialsEvent) {
			this.users.findByUsername(typed).ifPresent(this::countFailure);
		}
	}

	private void countFailure(AppUser user) {
		// a lock that has run out starts a fresh count
		boolean lockExpired = user.lockedUntil() != null && !user.isLocked(Instant.now());
		int failures = (lockExpired ? 0 : user.failedLogins()) + 1;
		Instant lockedUntil = null;
		if (failures >= this.properties.maxFailedLogins()) {
			lockedUntil = Instant.now().plus(this.properties.lockDuration());
			this.audit.recordAs(user.username(), AuditAction.ACCOUNT_LOCKED, user.username(), null, AuditOutcome.SUCCESS,
					failures + " failed logins in a row; locked until " + lockedUntil);
		}
		this.users.save(user.withFailedLogins(failures, lockedUntil));
	}

}
