package app.vsxi.dashboard.tables;

import java.util.List;

import app.vsxi.dashboard.fleet.Sbc;

/**
 * Asked before a write the editor planned goes out: whether it may go now (and under which change), or must wait
 * for someone's approval. The editor knows nothing of approvals; whoever decides implements this.
 */
public interface WriteGate {

	/** Whether the write may go out now. */
	Clearance clear(WriteRequest request);

	/** Told once a write that was let through with a request behind it went out, whatever the box answered. */
	void sent(Clearance.Go go);

	/** Lets every write through, under no change: where nothing decides otherwise. */
	WriteGate OPEN = new WriteGate() {

		@Override
		public Clearance clear(WriteRequest request) {
			return new Clearance.Go(null, null);
		}

		@Override
		public void sent(Clearance.Go go) {
		}

	};

	/** What a write is, in the words of the settings that decide which writes need approval. */
	enum Kind {

		/** An apply (or a roll back) of a draft: {@code rows} rows added, changed or deleted. */
		APPLY,
		/** The whole table replaced by the draft. */
		REPLACE,
		/** A roll back to a backup version. */
		RESTORE

	}

	/**
	 * One write as it will be sent.
	 *
	 * @param subject what the write is of ("draft:12"), the same for every try of it
	 * @param hash of exactly the calls that will go out, in order (see {@code PlanHash})
	 * @param preview the calls as the requester saw them, secrets masked
	 * @param boxAccounts the table holds the box's own accounts: only those who administer the SBC may write it
	 * @param breakGlass why an administrator asks to send it without approval; null when nobody asks that
	 */
	record WriteRequest(Sbc sbc, String table, Kind kind, String subject, int rows, String hash, String preview,
			boolean boxAccounts, List<String> editors, String breakGlass) {

		public WriteRequest {
			editors = List.copyOf(editors);
		}

	}

	sealed interface Clearance {

		/** It may go: under {@code changeId} where a request lies behind it ({@code requestId}), else both null. */
		record Go(String changeId, Long requestId) implements Clearance {
		}

		/** It waits: {@code reason} says for what, {@code requestId} is the request that waits. */
		record Held(String reason, long requestId, String changeId) implements Clearance {
		}

	}

}
