package app.vsxi.dashboard.monitoring;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;

import static org.awaitility.Awaitility.await;

/**
 * Ticks the poller by hand in a context whose own schedule ticks once at start and then not for an hour
 (tick=1h, every interval 1s): each tick comes at least one interval after the last and waits until the given SBCs have
 * finished what it queued, so each tick is exactly one poll of every endpoint due.
 */
public final class PollTicks {

	private final FleetPoller poller;

	private final SnapshotStore store;

	private Instant last;

	public PollTicks(FleetPoller poller, SnapshotStore store) {
		this.poller = poller;
		this.store = store;
	}

	/** One tick; waits until each SBC has polled every endpoint it reads (heavy ones only while watched). */
	public Instant tick(Collection<Long> sbcIds) throws InterruptedException {
		if (this.last != null) {
			long wait = 1_100 - Duration.between(this.last, Instant.now()).toMillis();
			if (wait > 0) {
				Thread.sleep(wait);
			}
		}
		Instant ticked = Instant.now();
		this.poller.tick();
		await().atMost(Duration.ofSeconds(20)).until(() -> sbcIds.stream().allMatch(id -> Arrays.stream(Feed.values())
			.filter(feed -> this.poller.interval(id, feed, Instant.now()) != null)
			.allMatch(feed -> polledSince(id, feed, ticked))));
		this.last = ticked;
		return ticked;
	}

	public boolean polledSince(long id, Feed feed, Instant at) {
		FeedSnapshot snapshot = this.store.latest(id, feed);
		return snapshot != null && !snapshot.polledAt().isBefore(at);
	}

}
