package app.vsxi.dashboard.changes;

import java.time.Instant;

/**
 * One SBC of a change set: its place (0 is the canary) and wave, its preview and what became of it.
 *
 * @param draftId the editor's draft holding the change laid over this SBC's table
 * @param payloadHash the hash of the calls previewed for it: it is sent only while they are still exactly those
 * @param rows the rows those calls add, change or delete
 * @param snapshotId the table as it was before the apply, to roll back to
 */
public record ChangeTarget(long changeSetId, long sbcId, String sbcName, int position, int wave, State state,
		Long draftId, String payloadHash, Integer rows, String preview, String notes, Long snapshotId, String message,
		Instant updatedAt) {

	public enum State {

		PENDING, PREVIEWING, PREVIEWED,
		/** Every edit is already so on this SBC, or names rows it does not hold: nothing to send. */
		NOTHING,
		/** It cannot be previewed or written (unreachable, a slave, a write the API refuses). */
		REFUSED, SENDING, VERIFIED, FAILED,
		/** Left untouched: a wave before it failed more than allowed. */
		SKIPPED,
		/** The box changed since its preview: preview it again (which asks for approval again). */
		STALE, ROLLING_BACK, ROLLED_BACK, ROLLBACK_FAILED;

		/** Still to be sent when the run goes on. */
		public boolean toSend() {
			return this == PREVIEWED;
		}

		/** A write went out to it: it may be rolled back. */
		public boolean written() {
			return this == VERIFIED || this == FAILED || this == ROLLBACK_FAILED;
		}

	}

	public boolean canary() {
		return this.position == 0;
	}

}
