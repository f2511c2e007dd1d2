package app.vsxi.dashboard.monitoring;

import java.time.Duration;
import java.time.Instant;

import app.vsxi.dashboard.fleet.Sbc;
import app.vsxi.dashboard.gateway.GatewayError;
import app.vsxi.dashboard.gateway.RealtimeStats;

/**
 * What the dashboard last learned about one SBC.
 *
 * @param error why the last poll failed, null when it succeeded; kept typed so that badges, colours and alarms
 * follow its kind, while its sentence is only shown
 * @param stats the last stats read, kept when a later poll fails so operators still see the last known figures
 * @param lastPolled when the last poll finished
 * @param lastReached when a poll last succeeded
 */
public record SbcStatus(long sbcId, String name, String siteLabel, long groupId, State state, GatewayError error,
		RealtimeStats stats, String uptime, Instant lastPolled, Instant lastReached) {

	public enum State {

		/** Not polled yet. */
		WAITING,

		/** Answered the last poll. */
		UP,

		/** Did not answer: refused, timed out, or being left alone after repeated failures. */
		DOWN,

		/** Answered, but not usefully: credentials refused, certificate not trusted, unreadable answer. */
		ERROR

	}

	static SbcStatus waiting(Sbc sbc) {
		return new SbcStatus(sbc.id(), sbc.name(), sbc.siteLabel(), sbc.groupId(), State.WAITING, null, null, null,
				null, null);
	}

	/** Name, site and group are taken afresh from the registry, so an edit shows on the next poll. */
	SbcStatus reached(Sbc sbc, RealtimeStats stats, String uptime, Instant at) {
		return new SbcStatus(this.sbcId, sbc.name(), sbc.siteLabel(), sbc.groupId(), State.UP, null, stats, uptime, at,
				at);
	}

	/** A paused poll keeps the state and cause known before: the SBC is only being left alone for a while. */
	SbcStatus failed(Sbc sbc, GatewayError error, Instant at) {
		boolean paused = error instanceof GatewayError.CircuitOpen;
		GatewayError cause = paused && this.error != null ? this.error : error;
		State state = Trouble.of(cause).silent() || (paused && this.state != State.ERROR) ? State.DOWN : State.ERROR;
		return new SbcStatus(this.sbcId, sbc.name(), sbc.siteLabel(), sbc.groupId(), state, cause, this.stats,
				this.uptime, at, this.lastReached);
	}

	/** The kind of trouble, null while the SBC answers or has not been polled. */
	public Trouble trouble() {
		return this.error == null ? null : Trouble.of(this.error);
	}

	/** The operator's sentence for the trouble; shown, never compared. */
	public String problem() {
		return this.error == null ? null : this.error.message();
	}

	/** The badge an operator reads first: what kind of trouble, before the detail. */
	public String badge() {
		if (this.state == State.UP) {
			return "Reachable";
		}
		if (this.state == State.WAITING) {
			return "Waiting";
		}
		return trouble().badge();
	}

	/** Seconds since the last successful poll, for "last seen 2 min ago". */
	public Long secondsSinceReached(Instant now) {
		return this.lastReached == null ? null : Duration.between(this.lastReached, now).toSeconds();
	}

}
