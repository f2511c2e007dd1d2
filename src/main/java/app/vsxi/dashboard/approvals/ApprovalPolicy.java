package app.vsxi.dashboard.approvals;

/**
 * Which writes need a second person's approval.
 *
 * @param applyRowsOver an apply needs approval when it adds, changes and deletes more rows than this
 * @param bulkKillOver a bulk kill needs approval when it ends more calls than this
 */
public record ApprovalPolicy(boolean replace, boolean applyRows, int applyRowsOver, boolean bulkKill,
		int bulkKillOver, boolean fleetChange, boolean restore) {

	public ApprovalPolicy {
		applyRowsOver = Math.max(0, applyRowsOver);
		bulkKillOver = Math.max(0, bulkKillOver);
	}

	static ApprovalPolicy of(ApprovalsProperties defaults) {
		boolean on = defaults.requiredByDefault();
		return new ApprovalPolicy(on, on, defaults.applyRowsOver(), on, defaults.bulkKillOver(), on, on);
	}

	/** Whether a write of this kind and size needs approval. */
	public boolean requires(ApprovalKind kind, int size) {
		return switch (kind) {
			case APPLY -> this.applyRows && size > this.applyRowsOver;
			case REPLACE -> this.replace;
			case RESTORE -> this.restore;
			case BULK_KILL -> this.bulkKill && size > this.bulkKillOver;
			// size: the most rows it writes on one SBC, so a change set never sends unapproved what an apply could not
			case FLEET_CHANGE -> this.fleetChange || (this.applyRows && size > this.applyRowsOver);
		};
	}

	/** The settings in words, for the audit trail. */
	String text() {
		return "replace " + onOff(this.replace) + ", apply of more than " + this.applyRowsOver + " rows "
				+ onOff(this.applyRows) + ", bulk kill of more than " + this.bulkKillOver + " calls "
				+ onOff(this.bulkKill) + ", fleet-wide change " + onOff(this.fleetChange) + ", restore "
				+ onOff(this.restore);
	}

	private static String onOff(boolean on) {
		return on ? "needs approval" : "free";
	}

}
