package app.vsxi.dashboard.access;

import java.time.Instant;
import java.util.Optional;

import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Asks the logged-in user for their own password again before an action that cannot be taken back, such as
 * replacing a whole table on an SBC: a session left open is not enough for that. Each try counts like a login:
 * wrong passwords lock the account, a locked account confirms nothing, and the right one resets the count.
 */
@Component
public class PasswordConfirmation {

	private final AccessService access;

	private final AppUserRepository users;

	private final PasswordEncoder encoder;

	private final LoginAttempts attempts;

	PasswordConfirmation(AccessService access, AppUserRepository users, PasswordEncoder encoder,
			LoginAttempts attempts) {
		this.access = access;
		this.attempts = attempts;
		this.users = users;
		this.encoder = encoder;
	}

	/** Empty when {@code password} is the current user's; otherwise the sentence that says why it is refused. */
	public Optional<String> problem(String password) {
		Optional<AppUser> user = this.access.currentUserId().flatMap(this.users::findById);
		if (user.isEmpty()) {
			return Optional.of("No logged-in dashboard user to confirm");
		}
		if (user.get().isSsoOnly()) {
			return Optional.of("Your account signs in through single sign-on and has no dashboard password to "
					+ "confirm this with; ask a user with a local password to do it");
		}
		if (user.get().isLocked(Instant.now())) {
			this.attempts.confirmationFailed(user.get(), LoginAttempts.LOCKED, sourceAddress());
			return Optional.of("Your account is locked after too many wrong passwords; try again later or ask an "
					+ "administrator to reset your password");
		}
		if (password == null || password.isEmpty() || !this.encoder.matches(password, user.get().passwordHash())) {
			this.attempts.confirmationFailed(user.get(), LoginAttempts.BAD_CREDENTIALS, sourceAddress());
			return Optional.of("That is not your password");
		}
		this.attempts.confirmationSucceeded(user.get());
		return Optional.empty();
	}

	private static String sourceAddress() {
		return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes
				? attributes.getRequest().getRemoteAddr() : null;
	}

}
