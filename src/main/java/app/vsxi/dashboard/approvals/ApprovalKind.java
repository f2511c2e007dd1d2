package app.vsxi.dashboard.approvals;

/** What a request asks to send. Stored by name. */
public enum ApprovalKind {

	APPLY("Apply"), REPLACE("Whole-table replace"), RESTORE("Restore of a backup"), BULK_KILL("Bulk kill"),
	FLEET_CHANGE("Fleet-wide change");

	private final String label;

	ApprovalKind(String label) {
		this.label = label;
	}

	public String label() {
		return this.label;
	}

}
