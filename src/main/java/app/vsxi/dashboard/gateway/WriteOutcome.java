package app.vsxi.dashboard.gateway;

/** What a VSXi did with a change it accepted. */
public sealed interface WriteOutcome {

	/** The box's own words, e.g. {@code 200 OK - uploadXmlFile success}. */
	String vsxiMessage();

	/** Applied as sent. */
	record Applied(String vsxiMessage) implements WriteOutcome {
	}

	/**
	 * 300 from a {@code *Large} action: the valid entries were applied, the invalid ones dropped and written to
	 * the box's User Access Log.
	 */
	record AppliedWithErrors(String vsxiMessage) implements WriteOutcome {
	}

}
