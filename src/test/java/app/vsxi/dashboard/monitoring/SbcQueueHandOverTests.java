package app.vsxi.dashboard.monitoring;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An SBC that moves to another instance takes its schedule along: what was asked is next due an interval later,
 * what waited unasked is due at once, and the old queue starts nothing more.
 */
class SbcQueueHandOverTests {

	private static final Instant T0 = Instant.parse("2026-12-06T01:00:00Z");

	private static final Duration TICK = Duration.ofMillis(500);

	@Test
	void anEndpointAskedIsHandedOverAsDueOneIntervalLaterOneWaitingAsDueWhenItWasQueued() {
		FleetPoller.SbcQueue queue = new FleetPoller.SbcQueue();
		queue.offerIfDue(Feed.REALTIME, T0, Duration.ofSeconds(2), TICK);
		queue.offerIfDue(Feed.RESOURCE, T0, Duration.ofSeconds(15), TICK);

		assertThat(queue.start(T0)).isEqualTo(Feed.REALTIME);

		// the database's clock runs 250 ms ahead of this instance's
		assertThat(queue.schedule(250)).isEqualTo("REALTIME=" + (T0.toEpochMilli() + 2_250) + ";RESOURCE="
				+ (T0.toEpochMilli() + 250));
	}

	@Test
	void aClosedQueueStartsNothingMoreEvenWhenTheReadInFlightEnds() {
		FleetPoller.SbcQueue queue = new FleetPoller.SbcQueue();
		queue.offerIfDue(Feed.REALTIME, T0, Duration.ofSeconds(2), TICK);
		queue.offerIfDue(Feed.SYSTEM, T0, Duration.ofSeconds(60), TICK);
		assertThat(queue.start(T0)).isEqualTo(Feed.REALTIME);

		queue.close();
		queue.finish();

		assertThat(queue.start(T0.plusMillis(100))).isNull();
		assertThat(queue.closed()).isTrue();
	}

	@Test
	void theNextOwnerAsksEachEndpointWhenTheScheduleSaysAndNotBefore() {
		String schedule = "REALTIME=" + (T0.toEpochMilli() + 2_250) + ";RESOURCE=" + (T0.toEpochMilli() + 250)
				+ ";NO_SUCH_FEED=5;SYSTEM=garbled";
		FleetPoller.SbcQueue queue = FleetPoller.SbcQueue.handedOver(schedule, 250);

		queue.offerIfDue(Feed.REALTIME, T0.plusSeconds(1), Duration.ofSeconds(2), TICK);
		queue.offerIfDue(Feed.RESOURCE, T0.plusSeconds(1), Duration.ofSeconds(15), TICK);
		queue.offerIfDue(Feed.SYSTEM, T0.plusSeconds(1), Duration.ofSeconds(60), TICK);
		assertThat(queue.start(T0.plusSeconds(1))).isEqualTo(Feed.RESOURCE);
		queue.finish();
		// an endpoint the schedule does not name, or names garbled, is asked as on a queue of its own
		assertThat(queue.start(T0.plusSeconds(1))).isEqualTo(Feed.SYSTEM);
		queue.finish();
		assertThat(queue.start(T0.plusSeconds(1))).isNull();

		queue.offerIfDue(Feed.REALTIME, T0.plusSeconds(2), Duration.ofSeconds(2), TICK);
		assertThat(queue.start(T0.plusSeconds(2))).isEqualTo(Feed.REALTIME);
	}

	@Test
	void noScheduleMeansEverythingIsAskedAtOnce() {
		FleetPoller.SbcQueue queue = FleetPoller.SbcQueue.handedOver(null, 0);
		queue.offerIfDue(Feed.REALTIME, T0, Duration.ofSeconds(2), TICK);

		assertThat(queue.start(T0)).isEqualTo(Feed.REALTIME);
		assertThat(new FleetPoller.SbcQueue().schedule(0)).isNull();
	}

}
