package app.vsxi.dashboard.backups;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import app.vsxi.dashboard.web.RefusedException;

/** A schedule as people write it: "12h", "1d", "30m", "7d". */
final class Durations {

	private static final Pattern SIMPLE = Pattern.compile("\\s*(\\d{1,6})\\s*([mhd])\\s*");

	private Durations() {
	}

	static Duration parse(String text) {
		Matcher matcher = SIMPLE.matcher(text.toLowerCase());
		if (!matcher.matches()) {
			throw new RefusedException("Write a schedule as a number and m, h or d, e.g. 12h or 1d");
		}
		long amount = Long.parseLong(matcher.group(1));
		return switch (matcher.group(2)) {
			case "m" -> Duration.ofMinutes(amount);
			case "h" -> Duration.ofHours(amount);
			default -> Duration.ofDays(amount);
		};
	}

	/** "1d", "12h", "90m": the largest whole unit. */
	static String text(Duration duration) {
		long minutes = duration.toMinutes();
		if (minutes % (24 * 60) == 0) {
			return minutes / (24 * 60) + "d";
		}
		return minutes % 60 == 0 ? minutes / 60 + "h" : minutes + "m";
	}

	/** An age for people: "45 s", "12 min", "3 h 5 min", "2 d 4 h". */
	static String age(Duration age) {
		long seconds = Math.max(0, age.toSeconds());
		if (seconds < 60) {
			return seconds + " s";
		}
		long minutes = seconds / 60;
		if (minutes < 60) {
			return minutes + " min";
		}
		long hours = minutes / 60;
		if (hours < 24) {
			return hours + " h" + (minutes % 60 == 0 ? "" : " " + minutes % 60 + " min");
		}
		return hours / 24 + " d" + (hours % 24 == 0 ? "" : " " + hours % 24 + " h");
	}

}
