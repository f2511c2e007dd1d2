package app.vsxi.dashboard.access;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import app.vsxi.dashboard.audit.AuditAction;
import app.vsxi.dashboard.audit.AuditLog;
import app.vsxi.dashboard.audit.AuditOutcome;

import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Audits every login attempt and locks an account for a while after too many wrong passwords in a row, so a
 * password cannot be guessed at speed. Counts are kept by the database in one statement each, so parallel
 * guesses cannot overwrite each other's count.
 */
@Component
class LoginAttempts {

	/** The reason a failed login is audited with for a wrong password (from BadCredentialsException). */
	static final String BAD_CREDENTIALS = "BadCredentials";

	/** The reason for an attempt on a locked account (from LockedException). */
	static final String LOCKED = "Locked";

	private final AppUserRepository users;

	private final JdbcTemplate jdbc;

	private final AuditLog audit;

	private final AccessProperties properties;

	private final LoginThrottle throttle;

	private final TransactionTemplate independently;

	LoginAttempts(AppUserRepository users, JdbcTemplate jdbc, AuditLog audit, AccessProperties properties,
			LoginThrottle throttle, PlatformTransactionManager transactions) {
		this.users = users;
		this.jdbc = jdbc;
		this.audit = audit;
		this.properties = properties;
		this.throttle = throttle;
		this.independently = new TransactionTemplate(transactions);
		this.independently.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
	}

	@EventListener
	public void succeeded(AuthenticationSuccessEvent event) {
		String username = event.getAuthentication().getName();
		this.jdbc.update("UPDATE app_user SET failed_logins = 0, locked_until = NULL WHERE username = ? AND failed_logins > 0",
				username);
		this.audit.recordAs(username, AuditAction.LOGIN, username, null, AuditOutcome.SUCCESS, null);
	}

	@EventListener
	public void failed(AbstractAuthenticationFailureEvent event) {
		String typed = String.valueOf(event.getAuthentication().getPrincipal());
		Optional<AppUser> user = this.users.findByUsername(typed);
		// what was typed into the user field may be a password: only a known name is written as typed
		String who = user.map(AppUser::username).orElseGet(() -> unknown(typed));
		String reason = event.getException().getClass().getSimpleName().replace("Exception", "");
		this.audit.recordAs(who, AuditAction.LOGIN, who, null, AuditOutcome.FAILED, reason);
		if (event.getAuthentication().getDetails() instanceof WebAuthenticationDetails details) {
			this.throttle.failed(details.getRemoteAddress());
		}
		if (event instanceof AuthenticationFailureBadCredentialsEvent && user.isPresent()) {
			countFailure(user.get());
		}
	}

	/**
	 * A password typed to confirm an action that cannot be taken back is a guess like one at login: audited the
	 * same way, counted towards the lockout, and from the same address towards its throttle.
	 */
	void confirmationFailed(AppUser user, String reason, String address) {
		this.audit.recordAs(user.username(), AuditAction.PASSWORD_CONFIRM, user.username(), null, AuditOutcome.FAILED,
				reason);
		this.throttle.failed(address);
		if (BAD_CREDENTIALS.equals(reason)) {
			countFailure(user);
		}
	}

	/** The right password resets the count, as a login does. */
	void confirmationSucceeded(AppUser user) {
		this.jdbc.update("UPDATE app_user SET failed_logins = 0, locked_until = NULL WHERE id = ? AND failed_logins > 0",
				user.id());
	}

	/** A wrong password given anywhere, at login or to confirm a change; may lock the account. */
	void countFailure(AppUser user) {
		this.independently.executeWithoutResult(status -> {
			Timestamp now = Timestamp.from(Instant.now());
			// a lock that has run out starts a fresh count
			this.jdbc.update("UPDATE app_user SET failed_logins = 0, locked_until = NULL WHERE id = ? AND locked_until <= ?",
					user.id(), now);
			this.jdbc.update("UPDATE app_user SET failed_logins = failed_logins + 1 WHERE id = ?", user.id());
			List<Integer> count = this.jdbc.queryForList("SELECT failed_logins FROM app_user WHERE id = ?", Integer.class,
					user.id());
			int failures = count.isEmpty() ? 0 : count.get(0);
			if (failures >= this.properties.maxFailedLogins()) {
				Instant until = Instant.now().plus(this.properties.lockDuration());
				int locked = this.jdbc.update("UPDATE app_user SET locked_until = ? WHERE id = ? AND locked_until IS NULL",
						Timestamp.from(until), user.id());
				if (locked == 1) {
					this.audit.recordAs(user.username(), AuditAction.ACCOUNT_LOCKED, user.username(), null,
							AuditOutcome.SUCCESS, failures + " failed logins in a row; locked until " + until);
				}
			}
		});
	}

	/** The same typed name always gives the same label, so repeated tries can be told apart and counted. */
	static String unknown(String typed) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(typed.getBytes(StandardCharsets.UTF_8));
			return "unknown user #" + HexFormat.of().formatHex(digest, 0, 4);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
