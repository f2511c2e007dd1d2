package app.vsxi.dashboard.web;

import org.springframework.stereotype.Component;

/**
 * A count and its noun, singular for one and plural otherwise: "1 entry", "2 entries", "0 entries". Pages call it
 * as {@code ${@plural.of(n, 'entry', 'entries')}}; Java calls {@link #count}.
 */
@Component("plural")
public class Plural {

	/** "1 entry", "2 entries". */
	public static String count(long n, String one, String many) {
		return n + " " + noun(n, one, many);
	}

	/** The noun alone, for a sentence that puts the count elsewhere. */
	public static String noun(long n, String one, String many) {
		return n == 1 || n == -1 ? one : many;
	}

	/** For templates: see {@link #count}. */
	public String of(long n, String one, String many) {
		return count(n, one, many);
	}

	/** For templates: see {@link #noun}. */
	public String word(long n, String one, String many) {
		return noun(n, one, many);
	}

}
