package app.vsxi.dashboard.support;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A clock a test moves by hand instead of waiting: either standing at a given instant until moved, or running with
 * real time ahead of it by what the test has moved it so far. It only ever moves forward with {@link #move}.
 * Every application a test starts reads one of these as its clock ({@link MovableClockCustomizerFactory}).
 */
public final class MovableClock extends Clock {

	private final Clock base;

	private final AtomicLong aheadNanos = new AtomicLong();

	private MovableClock(Clock base) {
		this.base = base;
	}

	/** Stands at the given instant until moved. */
	public static MovableClock at(Instant start) {
		return new MovableClock(Clock.fixed(start, ZoneOffset.UTC));
	}

	/** Runs with real time, ahead of it by what it has been moved. */
	public static MovableClock running() {
		return new MovableClock(Clock.systemUTC());
	}

	/** Moves the clock forward. */
	public void move(Duration by) {
		if (by.isNegative()) {
			throw new IllegalArgumentException("a clock only moves forward: " + by);
		}
		this.aheadNanos.addAndGet(by.toNanos());
	}

	/** Moves the clock forward to the given instant, if it is not there yet. */
	public void moveTo(Instant at) {
		Duration by = Duration.between(instant(), at);
		if (!by.isNegative()) {
			move(by);
		}
	}

	@Override
	public Instant instant() {
		return this.base.instant().plusNanos(this.aheadNanos.get());
	}

	@Override
	public ZoneId getZone() {
		return ZoneOffset.UTC;
	}

	@Override
	public Clock withZone(ZoneId zone) {
		return this;
	}

}
