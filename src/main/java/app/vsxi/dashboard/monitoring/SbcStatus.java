package app.vsxi.dashboard.monitoring;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

import app.vsxi.dashboard.fleet.Sbc;
import app.vsxi.dashboard.gateway.GatewayError;
import app.vsxi.dashboard.gateway.RealtimeStats;

/**
 * What the dashboard last learned about one SBC.
 *
 * @param error why the polls fail, null while they succeed; kept typed so that badges, colours and alarms follow
 * its kind, while its sentence is only shown. While polling is paused it is the last real cause.
 * @param stats the last stats read, kept when a later poll fails so operators still see the last known figures
 * @param lastPolled when the last poll finished
 * @param lastReached when a poll last succeeded
 * @param since when the SBC came into its present {@link #condition()}; while polls fail, when the first of them
 * failed: one outage is one incident, whatever the breaker does meanwhile and whichever failure each poll met
 * @param failures polls in a row that failed, those the breaker held back included
 * @param nextTry while paused, when the gateway lets calls through to the SBC again
 */
public record SbcStatus(long sbcId, String name, String siteLabel, long groupId, State state, GatewayError error,
		RealtimeStats stats, String uptime, Instant lastPolled, Instant lastReached, Instant since, int failures,
		Instant nextTry) {

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneOffset.UTC);

	public enum State {

		/** Not polled yet. */
		WAITING,

		/** Answered the last poll. */
		UP,

		/** Answered once, but not for more than two poll intervals, and no poll has failed yet. */
		STALE,

		/** Did not answer: refused or timed out. */
		DOWN,

		/** Failed so often that the gateway holds calls back for a while: still the same outage. */
		PAUSED,

		/** Answered, but not usefully: credentials refused, certificate not trusted, unreadable answer. */
		ERROR

	}

	static SbcStatus waiting(Sbc sbc) {
		return new SbcStatus(sbc.id(), sbc.name(), sbc.siteLabel(), sbc.groupId(), State.WAITING, null, null, null,
				null, null, null, 0, null);
	}

	/** Name, site and group are taken afresh from the registry, so an edit shows on the next poll. */
	SbcStatus reached(Sbc sbc, RealtimeStats stats, String uptime, Instant at) {
		SbcStatus next = new SbcStatus(this.sbcId, sbc.name(), sbc.siteLabel(), sbc.groupId(), State.UP, null, stats,
				uptime, at, at, this.since, 0, null);
		return next.sinceIfChangedFrom(this, at);
	}

	/** The uptime {@code system/realtime} last gave; everything else as it was. */
	SbcStatus withUptime(String uptime) {
		return new SbcStatus(this.sbcId, this.name, this.siteLabel, this.groupId, this.state, this.error, this.stats,
				uptime, this.lastPolled, this.lastReached, this.since, this.failures, this.nextTry);
	}

	/**
	 * A poll the breaker held back keeps the last real cause (or takes the one the gateway remembered): the SBC is
	 * only being left alone until {@code pause} after the failure that stopped the calls.
	 */
	SbcStatus failed(Sbc sbc, GatewayError error, Instant at, Duration pause) {
		SbcStatus next;
		if (error instanceof GatewayError.CircuitOpen open) {
			Instant nextTry = this.state == State.PAUSED && this.nextTry != null && this.nextTry.isAfter(at)
					? this.nextTry : (this.state == State.PAUSED || this.lastPolled == null ? at : this.lastPolled).plus(pause);
			GatewayError cause = failing() && this.error != null && !(this.error instanceof GatewayError.CircuitOpen)
					? this.error : open.lastCause() != null ? open.lastCause() : this.error != null ? this.error : error;
			next = new SbcStatus(this.sbcId, sbc.name(), sbc.siteLabel(), sbc.groupId(), State.PAUSED, cause,
					this.stats, this.uptime, at, this.lastReached, this.since, this.failures + 1, nextTry);
		}
		else {
			State state = Condition.of(error).silent() ? State.DOWN : State.ERROR;
			next = new SbcStatus(this.sbcId, sbc.name(), sbc.siteLabel(), sbc.groupId(), state, error, this.stats,
					this.uptime, at, this.lastReached, this.since, this.failures + 1, null);
		}
		if (failing()) {
			// the same outage goes on: it keeps its start
			return next;
		}
		return next.sinceIfChangedFrom(this, at);
	}

	/** Whether polls fail: an outage is under way, whether or not the breaker holds calls back. */
	public boolean failing() {
		return this.state == State.DOWN || this.state == State.ERROR || this.state == State.PAUSED;
	}

	/** An SBC that answered before but not for longer than {@code staleAfter} is stale from then on. */
	SbcStatus checkedAt(Instant now, Duration staleAfter) {
		if (this.state != State.UP || this.lastReached == null || !this.lastReached.plus(staleAfter).isBefore(now)) {
			return this;
		}
		return new SbcStatus(this.sbcId, this.name, this.siteLabel, this.groupId, State.STALE, null, this.stats,
				this.uptime, this.lastPolled, this.lastReached, this.lastReached.plus(staleAfter), this.failures, null);
	}

	private SbcStatus sinceIfChangedFrom(SbcStatus before, Instant at) {
		if (before.since != null && before.condition() == condition()) {
			return this;
		}
		return new SbcStatus(this.sbcId, this.name, this.siteLabel, this.groupId, this.state, this.error, this.stats,
				this.uptime, this.lastPolled, this.lastReached, at, this.failures, this.nextTry);
	}

	/** What the row says, from the state and the kind of error; never from a sentence. */
	public Condition condition() {
		return switch (this.state) {
			case WAITING -> Condition.WAITING;
			case UP -> ha() != null && ha().slave() ? Condition.SLAVE : Condition.UP;
			case STALE -> Condition.STALE;
			case DOWN, ERROR, PAUSED -> this.error == null ? Condition.UNREACHABLE : Condition.of(this.error);
		};
	}

	/**
	 * Slave mode read from {@code slave_stat} rather than from the box refusing a change: an inference, since no
	 * source defines that field (API reference §11.6).
	 */
	public boolean slaveInferred() {
		return this.state == State.UP && ha() != null && ha().slave();
	}

	/** The HA fields of the last stats read, null before any. */
	public HaState ha() {
		return this.stats == null ? null : HaState.of(this.stats);
	}

	/** The operator's sentence for the trouble; shown, never compared. */
	public String problem() {
		return this.error == null ? null : this.error.message();
	}

	/** The badge an operator reads first: what kind of trouble, before the detail. */
	public String badge() {
		return condition().badge();
	}

	/**
	 * A short note on the condition, where the badge alone would mislead: since when a stale SBC is silent, when
	 * the next try is while the breaker holds calls back (a detail: the sentence beside it is the real cause), and
	 * that a slave takes no changes.
	 */
	public String note(Instant now) {
		if (this.state == State.PAUSED) {
			return this.nextTry == null ? "polls held back" : "next try in " + secondsToNextTry(now) + " s";
		}
		return switch (condition()) {
			case STALE -> "no answer since " + TIME.format(this.lastReached) + " UTC";
			case SLAVE -> slaveInferred() ? "Load-Balance slave (inferred from slave_stat): takes no changes"
					: "Load-Balance slave: takes no changes";
			default -> null;
		};
	}

	/** Seconds since the last successful poll, for "last seen 2 min ago". */
	public Long secondsSinceReached(Instant now) {
		return this.lastReached == null ? null : Duration.between(this.lastReached, now).toSeconds();
	}

	/** Seconds the SBC has been in its present condition. */
	public Long secondsInCondition(Instant now) {
		return this.since == null ? null : Duration.between(this.since, now).toSeconds();
	}

	/** Seconds until the next try while paused, never below zero. */
	public Long secondsToNextTry(Instant now) {
		return this.nextTry == null ? null : Math.max(0, Duration.between(now, this.nextTry).toSeconds());
	}

}
