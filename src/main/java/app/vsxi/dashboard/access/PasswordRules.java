package app.vsxi.dashboard.access;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import app.vsxi.dashboard.web.RefusedException;

import org.springframework.security.authentication.password.CompromisedPasswordChecker;

/**
 * What a dashboard password must be: long enough to resist guessing, short enough to hash, and not one that
 * leaked lists give guessers first.
 */
final class PasswordRules {

	static final int MIN_LENGTH = 10;

	static final String LEAKED = "that password is on a list of common and leaked passwords that attackers try "
			+ "first; choose another";

	private final CompromisedPasswordChecker leaked;

	PasswordRules(CompromisedPasswordChecker leaked) {
		this.leaked = leaked;
	}

	void check(String password) {
		refuseIfAny(problems(password));
	}

	/** Every rule the password breaks, so a form can name them all at once. */
	List<String> problems(String password) {
		List<String> problems = new ArrayList<>();
		if (password == null || password.length() < MIN_LENGTH) {
			problems.add("a password needs at least " + MIN_LENGTH + " characters");
		}
		else if (password.getBytes(StandardCharsets.UTF_8).length > 72) {
			problems.add("a password may have at most 72 bytes");
		}
		if (password != null && !password.isEmpty() && this.leaked.check(password).isCompromised()) {
			problems.add(LEAKED);
		}
		return problems;
	}

	/** One refusal naming every problem found, or nothing when there is none. */
	static void refuseIfAny(List<String> problems) {
		if (!problems.isEmpty()) {
			throw new RefusedException(String.join("; ", problems));
		}
	}

}
