package app.vsxi.dashboard.calls;

import java.util.List;
import java.util.stream.Collectors;

/**
 * What came of a confirmed kill or registration delete, from a re-read of the box.
 *
 * @param noun {@code call} or {@code registration}
 * @param failure why nothing (or nothing known) happened, or null
 * @param sending what was sent, in words (which format), or null when nothing was
 * @param notes entries of the preview that were not sent, and why
 */
public record RemovalReport(String sbcName, String noun, VerifiedRemoval removal, String failure, String sending,
		List<String> notes) {

	/** Other entries named in one sentence at most. */
	private static final int NAMED = 5;

	public RemovalReport {
		notes = notes == null ? List.of() : List.copyOf(notes);
	}

	static RemovalReport failed(String sbcName, String noun, String failure) {
		return new RemovalReport(sbcName, noun, null, failure, null, List.of());
	}

	/** Nothing was left to send once the box was read again; the notes say why. */
	static RemovalReport nothingLeft(String sbcName, String noun, List<String> notes) {
		return new RemovalReport(sbcName, noun, VerifiedRemoval.nothingSent(), null, null, notes);
	}

	public boolean success() {
		return this.failure == null && this.removal.allGone() && this.removal.targeted() > 0;
	}

	/** One sentence for the operator. */
	public String sentence() {
		if (this.failure != null) {
			return this.failure;
		}
		VerifiedRemoval r = this.removal;
		if (r.targeted() == 0) {
			return this.notes.isEmpty() ? "Nothing was ended: no " + this.noun + " matched, so nothing was sent."
					: "Nothing was sent: no " + this.noun + " of the preview was left to end.";
		}
		String targets = r.targeted() == 1 ? "the " + this.noun : r.targeted() + " " + this.noun + "s";
		if (!r.verified()) {
			return "Sent; " + this.sbcName + " answered \"" + r.vsxiMessage() + "\", but it could not be re-read ("
					+ r.recheckFailure() + "), so whether " + targets + " went is not known.";
		}
		String result;
		if (r.allGone()) {
			result = r.targeted() == 1 ? "The " + this.noun + " is gone: " + this.sbcName + " no longer lists it."
					: "All " + r.targeted() + " " + this.noun + "s are gone: " + this.sbcName + " no longer lists them.";
		}
		else {
			result = r.gone() + " of " + r.targeted() + " " + this.noun + (r.targeted() == 1 ? "" : "s") + " went; "
					+ (r.targeted() - r.gone()) + " still listed by " + this.sbcName + " although it answered \""
					+ r.vsxiMessage() + "\".";
		}
		return r.othersGone().isEmpty() ? result : result + " " + othersSentence();
	}

	/** What else left the list between the reads, said calmly: calls end and registrations lapse on their own. */
	String othersSentence() {
		List<String> others = this.removal.othersGone();
		int n = others.size();
		String named = others.stream().limit(NAMED).map(this::label).collect(Collectors.joining(", "))
				+ (n > NAMED ? " and " + (n - NAMED) + " more" : "");
		if ("call".equals(this.noun)) {
			return "Meanwhile " + n + " other call" + (n == 1 ? "" : "s") + " ended on " + (n == 1 ? "its" : "their")
					+ " own, as calls do; the kill did not name " + (n == 1 ? "it" : "them") + ": " + named + ".";
		}
		return "Meanwhile " + n + " other registration" + (n == 1 ? "" : "s") + " left the list, as registrations "
				+ "expire and renew on their own; the delete did not name " + (n == 1 ? "it" : "them") + ": " + named + ".";
	}

	private String label(String key) {
		if ("call".equals(this.noun)) {
			int bar = key.indexOf('|');
			return bar < 0 ? key : "slot " + key.substring(0, bar) + " (Call-ID " + key.substring(bar + 1) + ")";
		}
		return "id " + key;
	}

	/**
	 * For the audit trail: which entries, named by {@code targets} (slot and Call-ID, or registration id and user),
	 * the box's answer and what the re-read showed. Not the body sent, which carries a call's numbers and addresses.
	 */
	String auditDetail(List<String> targets) {
		String named = targets.isEmpty() ? "" : String.join(", ", targets) + ": ";
		String left = this.notes.isEmpty() ? "" : "; not sent: " + String.join(" ", this.notes);
		if (this.removal == null) {
			return named + this.failure + left;
		}
		VerifiedRemoval r = this.removal;
		return named + "gone " + r.gone() + " of " + r.targeted()
				+ (r.verified() ? "" : " (not re-read: " + r.recheckFailure() + ")")
				+ (r.othersGone().isEmpty() ? "" : "; others gone meanwhile: " + String.join(", ",
						r.othersGone().stream().map(this::label).toList()))
				+ "; box answered: " + r.vsxiMessage() + left;
	}

}
