package app.vsxi.dashboard.fleet;

import java.time.Duration;

/**
 * How "test connection" fails on a private address: one sentence whatever went wrong (refused, unanswered, not
 * TLS), never sooner than a fixed minimum, so that the test cannot be used to map the network it can reach.
 */
final class QuietFailure {

	static final String SENTENCE = "No SBC answered over TLS at this address. On a private network the dashboard "
			+ "does not tell why (refused, unanswered or not TLS), so that this test cannot map the network.";

	private final Duration minimum;

	QuietFailure(Duration minimum) {
		this.minimum = minimum;
	}

	/** The one answer, given once {@code minimum} has passed since {@code startedNanos} (System.nanoTime()). */
	ConnectionTest answer(long startedNanos, String pinned) {
		long left = this.minimum.toNanos() - (System.nanoTime() - startedNanos);
		if (left > 0) {
			try {
				Thread.sleep(Duration.ofNanos(left).toMillis() + 1);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
		return ConnectionTest.failed(SENTENCE, null, pinned);
	}

}
