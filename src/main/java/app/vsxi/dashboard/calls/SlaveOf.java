package app.vsxi.dashboard.calls;

/**
 * An SBC paired in the fleet as a Load-Balance slave: it takes no kills or deletes, its master does.
 *
 * @param masterName the master's name, or null when the fleet no longer names it
 * @param masterId the master, when the user may open its pages; null otherwise (no link is offered then)
 */
public record SlaveOf(String masterName, Long masterId) {

	/** The master as a sentence names it: "its master, nyc-1", or "its master" when the fleet does not name it. */
	public String master() {
		return this.masterName == null ? "its master" : "its master, " + this.masterName;
	}

	/** Why nothing was or will be sent, e.g. {@code refusal("Kill calls", "nothing was sent")}. */
	String refusal(String doing, String consequence) {
		return "This SBC is a Load-Balance slave: read-only. " + doing + " on " + master() + "; " + consequence + ".";
	}

}
