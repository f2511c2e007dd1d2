package app.vsxi.dashboard.access;

import java.security.SecureRandom;
import java.util.Base64;

import org.junit.jupiter.api.Test;

import app.vsxi.dashboard.web.RefusedException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatNoException;

/** The password rules with the offline leaked-password list behind them, as the application wires them. */
class PasswordRulesTests {

	private final PasswordRules rules = new PasswordRules(new LeakedPasswords());

	@Test
	void aPasswordFromTheLeakedListIsRefusedWithASentenceSayingSo() {
		// long enough for the length rule: only the list can refuse them
		for (String leaked : new String[] { "password1234", "qwertyuiop", "Password123", "PASSWORD1234" }) {
			assertThatExceptionOfType(RefusedException.class).isThrownBy(() -> this.rules.check(leaked))
				.withMessage("that password is on a list of common and leaked passwords that attackers try first; "
						+ "choose another");
		}
	}

	@Test
	void aStrongRandomPasswordIsAccepted() {
		byte[] random = new byte[18];
		new SecureRandom().nextBytes(random);
		String strong = Base64.getEncoder().encodeToString(random);

		assertThatNoException().isThrownBy(() -> this.rules.check(strong));
		assertThat(new LeakedPasswords().check(strong).isCompromised()).isFalse();
	}

	@Test
	void aShortLeakedPasswordIsToldBothProblems() {
		assertThat(this.rules.problems("123456")).containsExactly("a password needs at least 10 characters",
				PasswordRules.LEAKED);
	}

}
