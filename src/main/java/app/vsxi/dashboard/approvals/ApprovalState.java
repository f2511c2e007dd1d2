package app.vsxi.dashboard.approvals;

/** Where a request stands. Stored by name. */
public enum ApprovalState {

	/** Waiting for a second person. */
	PENDING,
	/** Approved, not sent yet: it goes out only as approved, and only until it expires. */
	APPROVED,
	/** Sent as approved. */
	SENT,
	/** Closed by one rejection. */
	REJECTED,
	/** Closed because what it asked to send changed (an edit, or the box changed), or by its requester. */
	WITHDRAWN,
	/** Closed unsent when its time ran out. */
	EXPIRED,
	/** Sent without approval by an administrator, flagged for review. */
	BROKEN_GLASS;

	/** Still able to lead to a send. */
	public boolean open() {
		return this == PENDING || this == APPROVED;
	}

}
