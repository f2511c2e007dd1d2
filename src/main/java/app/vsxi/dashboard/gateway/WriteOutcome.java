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
	 *
	 * @param details the lines the box wrote after its message, if any (a box may name each discarded entry
	 * there; the documented answer has none, the reasons being in its User Access Log only)
	 */
	record AppliedWithErrors(String vsxiMessage, java.util.List<String> details) implements WriteOutcome {

		public AppliedWithErrors {
			details = java.util.List.copyOf(details);
		}

		public AppliedWithErrors(String vsxiMessage) {
			this(vsxiMessage, java.util.List.of());
		}

	}

}
