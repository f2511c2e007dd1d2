package app.vsxi.dashboard.access;

import java.util.Locale;
import java.util.Map;

import me.gosimple.nbvcxz.resources.ConfigurationBuilder;
import me.gosimple.nbvcxz.resources.Dictionary;

import org.springframework.security.authentication.password.CompromisedPasswordChecker;
import org.springframework.security.authentication.password.CompromisedPasswordDecision;

/**
 * Offline check against nbvcxz's list of the 100,000 most common leaked passwords. It stands behind Spring
 * Security's {@link CompromisedPasswordChecker}, so an online one (e.g. Have I Been Pwned's) can replace it.
 */
final class LeakedPasswords implements CompromisedPasswordChecker {

	/** The name nbvcxz gives its leaked-password dictionary among its default ones. */
	static final String DICTIONARY = "passwords";

	@Override
	public CompromisedPasswordDecision check(String password) {
		if (password == null || password.isEmpty()) {
			return new CompromisedPasswordDecision(false);
		}
		Map<String, Integer> leaked = Holder.LEAKED;
		// the list holds a few capitalised forms only; a capital letter does not make a leaked password new
		return new CompromisedPasswordDecision(
				leaked.containsKey(password) || leaked.containsKey(password.toLowerCase(Locale.ROOT)));
	}

	/** Loaded at the first check, not with the application: reading the dictionaries takes a second or two. */
	private static final class Holder {

		static final Map<String, Integer> LEAKED = ConfigurationBuilder.getDefaultDictionaries()
			.stream()
			.filter(dictionary -> DICTIONARY.equals(dictionary.getDictionaryName()))
			.map(Dictionary::getDictonary)
			.findFirst()
			.orElseThrow(() -> new IllegalStateException("nbvcxz ships no '" + DICTIONARY + "' dictionary"));

	}

}
