package app.vsxi.dashboard.access;

import java.nio.charset.StandardCharsets;

import app.vsxi.dashboard.web.RefusedException;

/** What a dashboard password must be: long enough to resist guessing, short enough to hash. */
final class PasswordRules {

	static final int MIN_LENGTH = 10;

	private PasswordRules() {
	}

	static void check(String password) {
		if (password == null || password.length() < MIN_LENGTH) {
			throw new RefusedException("a password needs at least " + MIN_LENGTH + " characters");
		}
		if (password.getBytes(StandardCharsets.UTF_8).length > 72) {
			throw new RefusedException("a password may have at most 72 bytes");
		}
	}

}
