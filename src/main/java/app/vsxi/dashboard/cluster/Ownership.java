package app.vsxi.dashboard.cluster;

import java.util.Map;

/**
 * What one lease round left this instance with.
 *
 * @param round counts the rounds that succeeded, so a reader tells a new one from the one it already used
 * @param fences the SBCs this instance polls, each with the fencing number of its lease
 * @param handedOver for SBCs taken in this round from an instance that handed them over: the schedule it left
 * @param databaseAheadMillis how far the database's clock is ahead of this instance's (negative: behind)
 * @param members how many instances are alive, this one included
 */
public record Ownership(long round, Map<Long, Long> fences, Map<Long, String> handedOver, long databaseAheadMillis,
		int members) {

	public Ownership {
		fences = Map.copyOf(fences);
		handedOver = Map.copyOf(handedOver);
	}

	/** Before the first round: nothing is owned yet. */
	public static Ownership none() {
		return new Ownership(0, Map.of(), Map.of(), 0, 1);
	}

	public boolean owns(long sbcId) {
		return this.fences.containsKey(sbcId);
	}

	/** The fencing number of this instance's lease on the SBC, null when it does not own it. */
	public Long fence(long sbcId) {
		return this.fences.get(sbcId);
	}

	/** Whether other instances are alive, who read what this one polls from the database. */
	public boolean shared() {
		return this.members > 1;
	}

}
