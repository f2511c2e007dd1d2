package app.vsxi.dashboard.approvals;

import java.time.Instant;
import java.util.List;

/**
 * A request for approval, as stored.
 *
 * @param subject what it asks to send, the same for every try of it ("draft:12", "change:4", "kill:…")
 * @param payloadHash the hash of exactly what will be sent
 * @param preview what the requester saw, secrets masked
 * @param permission the right an approver needs on every SBC of the request
 * @param editors everyone who made or edited what it sends: none of them may approve it
 */
public record ApprovalRequest(long id, String changeId, ApprovalKind kind, String subject, Long sbcId, String title,
		String payloadHash, String preview, String permission, String requestedBy, List<String> editors,
		ApprovalState state, Instant createdAt, Instant expiresAt, String decidedBy, Instant decidedAt, String reason,
		boolean breakGlass, String reviewedBy) {

	public ApprovalRequest {
		editors = List.copyOf(editors);
	}

	public boolean expiredAt(Instant now) {
		return this.state.open() && !now.isBefore(this.expiresAt);
	}

	/** A break-glass send no administrator has reviewed yet. */
	public boolean awaitingReview() {
		return this.breakGlass && this.reviewedBy == null;
	}

}
