package app.vsxi.dashboard.audit;

import java.security.SecureRandom;
import java.util.HexFormat;

/** New change ids: "C-" and eight random hex digits, short enough to read out over a bridge call. */
public final class ChangeIds {

	private static final SecureRandom RANDOM = new SecureRandom();

	private ChangeIds() {
	}

	public static String next() {
		byte[] bytes = new byte[4];
		RANDOM.nextBytes(bytes);
		return "C-" + HexFormat.of().withUpperCase().formatHex(bytes);
	}

}
