package app.vsxi.dashboard.monitoring;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.function.Function;

import app.vsxi.dashboard.support.MovableClock;

import static org.awaitility.Awaitility.await;

/**
 * Ticks the poller by hand in an application whose own schedule ticks once at start and then not for an hour
 * ({@code tick=1h}): each tick moves the application's clock to one poll interval after the last tick (1.1 s, for
 * intervals of 1 s) instead of waiting for it, then waits until the given SBCs have finished what it queued, so
 * each tick is exactly one poll of every endpoint due.
 */
public final class PollTicks {

	/** Past an interval of one second, whatever the clock's resolution. */
	private static final Duration SPACING = Duration.ofMillis(1_100);

	private final FleetPoller poller;

	private final SnapshotStore store;

	private final MovableClock clock;

	private Instant last;

	public PollTicks(FleetPoller poller, SnapshotStore store, MovableClock clock) {
		this.poller = poller;
		this.store = store;
		this.clock = clock;
	}

	/** One tick; waits until each SBC has polled every endpoint it reads (heavy ones only while watched). */
	public Instant tick(Collection<Long> sbcIds) {
		return tick(sbcIds, at -> Arrays.stream(Feed.values())
			.filter(feed -> sbcIds.stream().anyMatch(id -> this.poller.interval(id, feed, at) != null))
			.toList());
	}

	/** One tick; waits until each SBC has polled the given endpoints. */
	public Instant tick(Collection<Long> sbcIds, Feed... feeds) {
		return tick(sbcIds, at -> List.of(feeds));
	}

	/** One tick that does not wait for what it queued; when it ticked. */
	public Instant tickOnly() {
		if (this.last != null) {
			// a poll interval after the last tick, as a real wait would make it: not an interval on top of the time
			// the test took since, which could make the SBC look stale
			this.clock.moveTo(this.last.plus(SPACING));
		}
		Instant at = this.clock.instant();
		this.poller.tick();
		this.last = at;
		return at;
	}

	private Instant tick(Collection<Long> sbcIds, Function<Instant, List<Feed>> awaited) {
		Instant at = tickOnly();
		await().atMost(Duration.ofSeconds(20))
			.until(() -> sbcIds.stream()
				.allMatch(id -> awaited.apply(at)
					.stream()
					.filter(feed -> this.poller.interval(id, feed, at) != null)
					.allMatch(feed -> polledSince(id, feed, at))));
		return at;
	}

	public boolean polledSince(long id, Feed feed, Instant at) {
		FeedSnapshot snapshot = this.store.latest(id, feed);
		return snapshot != null && !snapshot.polledAt().isBefore(at);
	}

}
