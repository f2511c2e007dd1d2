package app.vsxi.dashboard.gateway;

/**
 * A well-formed answer that lacks what was asked for: no tables, or entries replaced by "Max recursion depth
 * reached". Real boxes give these when requests overlap or during an HA failover, so a read is worth repeating.
 */
class IncompleteAnswerException extends TableFormatException {

	static final String RECURSION = "Max recursion depth reached";

	IncompleteAnswerException(String message) {
		super(message);
	}

	/** Refuses an entry that is the box's recursion message instead of data. */
	static void refuseRecursion(String entry) {
		if (entry != null && entry.contains(RECURSION)) {
			throw new IncompleteAnswerException("\"" + RECURSION + "\" in place of an entry");
		}
	}

}
