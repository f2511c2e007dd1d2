package app.vsxi.dashboard.calls;

import app.vsxi.dashboard.gateway.VerifiedRemoval;

/**
 * What came of a confirmed kill or registration delete, from a re-read of the box.
 *
 * @param noun {@code call} or {@code registration}
 * @param failure why nothing (or nothing known) happened, or null
 */
public record RemovalReport(String sbcName, String noun, VerifiedRemoval removal, String failure) {

	static RemovalReport failed(String sbcName, String noun, String failure) {
		return new RemovalReport(sbcName, noun, null, failure);
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
			return "Nothing was ended: no " + this.noun + " matched, so nothing was sent.";
		}
		String targets = r.targeted() == 1 ? "the " + this.noun : r.targeted() + " " + this.noun + "s";
		if (!r.verified()) {
			return "Sent; " + this.sbcName + " answered \"" + r.vsxiMessage() + "\", but it could not be re-read ("
					+ r.recheckFailure() + "), so whether " + targets + " went is not known.";
		}
		if (r.allGone()) {
			return r.targeted() == 1 ? "The " + this.noun + " is gone: " + this.sbcName + " no longer lists it."
					: "All " + r.targeted() + " " + this.noun + "s are gone: " + this.sbcName + " no longer lists them.";
		}
		return r.gone() + " of " + r.targeted() + " " + this.noun + (r.targeted() == 1 ? "" : "s") + " went; "
				+ (r.targeted() - r.gone()) + " still listed by " + this.sbcName + " although it answered \""
				+ r.vsxiMessage() + "\".";
	}

	/** For the audit trail: what was sent, the box's answer and what the re-read showed. */
	String auditDetail() {
		if (this.removal == null) {
			return this.failure;
		}
		VerifiedRemoval r = this.removal;
		return "gone " + r.gone() + " of " + r.targeted() + (r.verified() ? "" : " (not re-read: " + r.recheckFailure() + ")")
				+ "; box answered: " + r.vsxiMessage() + "; sent: " + r.sent();
	}

}
