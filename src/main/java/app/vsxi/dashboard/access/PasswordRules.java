package app.vsxi.dashboard.access;

/** What a dashboard password must be: long enough to resist guessing, short enough to hash. */
final class PasswordRules {

	static final int MIN_LENGTH = 10;

	private PasswordRules() {
	}

	static void check(String password) {
		if (password == null || password.length() < MIN_LENGTH) {
			throw new IllegalArgumentException("a password needs at least " + MIN_LENGTH + " characters");
		}
		if (password.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > 72) {
			throw new IllegalArgumentException("a password may have at most 72 bytes");
		}
	}

}
