package app.vsxi.dashboard.fleet;

/**
 * What "test connection" found.
 *
 * @param presentedFingerprint the certificate the SBC presents now, if it could be read
 * @param pinnedFingerprint the certificate confirmed before, if any
 */
public record ConnectionTest(Outcome outcome, String message, String presentedFingerprint, String pinnedFingerprint,
		String uptime, Long activeCalls, String haState) {

	public enum Outcome {

		/** Connected over the pinned certificate and read the box's stats. */
		OK,

		/** The SBC presents a certificate nobody has confirmed yet. */
		CERTIFICATE_TO_CONFIRM,

		/** The SBC presents another certificate than the confirmed one. */
		CERTIFICATE_CHANGED,

		/** No usable answer. */
		FAILED

	}

	public boolean needsConfirmation() {
		return this.outcome == Outcome.CERTIFICATE_TO_CONFIRM || this.outcome == Outcome.CERTIFICATE_CHANGED;
	}

	static ConnectionTest failed(String message, String presented, String pinned) {
		return new ConnectionTest(Outcome.FAILED, message, presented, pinned, null, null, null);
	}

}
