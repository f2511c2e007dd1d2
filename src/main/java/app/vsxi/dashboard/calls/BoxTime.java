package app.vsxi.dashboard.calls;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.Locale;

/**
 * A time a box sends on its calls and registrations, {@code MM-dd-yyyy HH:mm:ss} on its own clock, and the same
 * time in the product's form {@code yyyy-MM-dd HH:mm:ss}. The zone is the box's, which it does not say, so the time
 * is reordered, never shifted. A value in any other form is kept as the box sent it.
 *
 * @param raw the text as the box sent it
 * @param iso the same time as {@code yyyy-MM-dd HH:mm:ss}, null when the text is not a box time
 */
public record BoxTime(String raw, String iso) {

	private static final DateTimeFormatter BOX = DateTimeFormatter.ofPattern("MM-dd-uuuu HH:mm:ss", Locale.ROOT)
		.withResolverStyle(ResolverStyle.STRICT);

	private static final DateTimeFormatter ISO = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss", Locale.ROOT);

	public static BoxTime of(String raw) {
		if (raw == null || raw.isBlank()) {
			return new BoxTime(raw, null);
		}
		try {
			return new BoxTime(raw, ISO.format(LocalDateTime.parse(raw.strip(), BOX)));
		}
		catch (DateTimeParseException ex) {
			return new BoxTime(raw, null);
		}
	}

	/** What a page shows: the time in the product's form, or the box's text when it is not a time. */
	public String text() {
		return this.iso != null ? this.iso : this.raw;
	}

	/** A tooltip with the box's own text, null when nothing was changed. */
	public String title() {
		return this.iso != null ? "As the SBC sent it, on its own clock: " + this.raw : null;
	}

}
