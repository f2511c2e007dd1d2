package app.vsxi.dashboard.calls;

import java.util.List;

/**
 * What a kill or a registration delete did, as far as a re-read of the box shows: a VSXi answers 200 whatever
 * matched (reference §10.4), so its answer alone proves nothing. The re-read looks both ways: which targets went,
 * and what else the box no longer lists that it listed just before the send.
 *
 * @param sent the body as it went to the box
 * @param vsxiMessage the box's answer
 * @param targeted how many calls or registrations the request was meant to end
 * @param gone how many of those the re-read no longer shows
 * @param recheckFailure why the box could not be re-read, or null when it was
 * @param othersGone what else was listed just before the send and is not after it (call keys or registration ids)
 */
public record VerifiedRemoval(String sent, String vsxiMessage, int targeted, int gone, String recheckFailure,
		List<String> othersGone) {

	public VerifiedRemoval {
		othersGone = othersGone == null ? List.of() : List.copyOf(othersGone);
	}

	/** Nothing was sent because nothing was targeted. */
	public static VerifiedRemoval nothingSent() {
		return new VerifiedRemoval("", "nothing sent: no call or registration was chosen", 0, 0, null, List.of());
	}

	public boolean verified() {
		return this.recheckFailure == null;
	}

	public boolean allGone() {
		return verified() && this.gone == this.targeted;
	}

}
