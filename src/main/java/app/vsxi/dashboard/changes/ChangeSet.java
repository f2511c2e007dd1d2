package app.vsxi.dashboard.changes;

import java.time.Instant;
import java.util.List;

/**
 * A change set as stored.
 *
 * @param payloadHash the hash of every target's previewed calls and the waves: what an approval binds
 * @param startedHash the hash it was last started (or resumed) under, once approved
 * @param pauseAsked someone asked the run to pause; it does before its next SBC, on whichever instance runs it
 */
public record ChangeSet(long id, String changeId, String table, String title, Long sourceSbcId, ChangeEdits edits,
		String createdBy, Instant createdAt, List<String> editors, int waveSize, int maxFailures, State state,
		boolean pauseAsked, String runner, String payloadHash, String startedHash, String message, Instant updatedAt) {

	public ChangeSet {
		editors = List.copyOf(editors);
	}

	public enum State {

		/** Being put together: edits, targets, waves. */
		DRAFT,
		/** Each target's table being read and its calls worked out. */
		PREVIEWING,
		/** Every target previewed; ready to start (with approval where the settings ask for it). */
		PREVIEWED,
		RUNNING,
		PAUSED,
		/** A wave failed more than allowed: the SBCs after it were left untouched. */
		STOPPED,
		DONE,
		ROLLING_BACK,
		ROLLED_BACK;

		/** Edits, targets and waves may still change. */
		public boolean editable() {
			return this == DRAFT || this == PREVIEWED;
		}

		/** Work runs in the background: the page follows it. */
		public boolean busy() {
			return this == PREVIEWING || this == RUNNING || this == ROLLING_BACK;
		}

	}

	public Waves waves() {
		return new Waves(this.waveSize, this.maxFailures);
	}

}
