package app.vsxi.dashboard.simulator;

/**
 * One API request a simulated box answered: from its arrival to the moment its answer started to go, on
 * {@link System#nanoTime()}'s clock.
 *
 * @param command {@code action/table}
 * @param status the HTTP status it was answered with
 */
public record RequestTiming(String command, long arrivedNanos, long answeredNanos, int status) {

	/** Whether the two were being served at the same time. */
	public boolean overlaps(RequestTiming other) {
		return this.arrivedNanos < other.answeredNanos && other.arrivedNanos < this.answeredNanos;
	}

}
