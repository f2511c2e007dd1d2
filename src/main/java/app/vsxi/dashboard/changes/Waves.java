package app.vsxi.dashboard.changes;

/**
 * How a change set's targets go out: the first (the canary) alone, then waves of {@code size}; after each wave the
 * run stops if more of its SBCs failed than {@code maxFailures} allows (the canary allows none).
 */
public record Waves(int size, int maxFailures) {

	public Waves {
		if (size < 1) {
			throw new IllegalArgumentException("A wave holds at least one SBC");
		}
		if (maxFailures < 0) {
			throw new IllegalArgumentException("The failures a wave may have cannot be negative");
		}
	}

	/** The wave of the target at this place in the order: 0 for the canary, then 1, 2, … */
	public int waveOf(int position) {
		return position == 0 ? 0 : 1 + (position - 1) / this.size;
	}

	/** Whether a wave with this many failures stops the run. */
	public boolean stops(int wave, int failures) {
		return wave == 0 ? failures > 0 : failures > this.maxFailures;
	}

}
