package app.vsxi.dashboard.access;

import java.util.Optional;

import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Asks the logged-in user for their own password again before an action that cannot be taken back, such as
 * replacing a whole table on an SBC: a session left open is not enough for that.
 */
@Component
public class PasswordConfirmation {

	private final AccessService access;

	private final AppUserRepository users;

	private final PasswordEncoder encoder;

	PasswordConfirmation(AccessService access, AppUserRepository users, PasswordEncoder encoder) {
		this.access = access;
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
		if (password == null || password.isEmpty() || !this.encoder.matches(password, user.get().passwordHash())) {
			return Optional.of("That is not your password");
		}
		return Optional.empty();
	}

}
