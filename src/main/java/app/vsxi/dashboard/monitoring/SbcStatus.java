package app.vsxi.dashboard.monitoring;

import java.time.Duration;
import java.time.Instant;

import app.vsxi.dashboard.gateway.RealtimeStats;

/**
 * What the dashboard last learned about one SBC.
 *
 * @param problem why the last poll failed, null when it succeeded
 * @param stats the last stats read, kept when a later poll fails so operators still see the last known figures
 * @param lastPolled when the last poll finished
 * @param lastReached when a poll last succeeded
 */
public record SbcStatus(long sbcId, String name, String siteLabel, State state, String problem, RealtimeStats stats,
		String uptime, Instant lastPolled, Instant lastReached) {

	public enum State {

		WAITING, UP, DOWN

	}

	static SbcStatus waiting(long id, String name, String siteLabel) {
		return new SbcStatus(id, name, siteLabel, State.WAITING, null, null, null, null, null);
	}

	SbcStatus reached(String name, String siteLabel, RealtimeStats stats, String uptime, Instant at) {
		return new SbcStatus(this.sbcId, name, siteLabel, State.UP, null, stats, uptime, at, at);
	}

	SbcStatus failed(String name, String siteLabel, String problem, Instant at) {
		return new SbcStatus(this.sbcId, name, siteLabel, State.DOWN, problem, this.stats, this.uptime, at,
				this.lastReached);
	}

	public boolean isUp() {
		return this.state == State.UP;
	}

	/** Seconds since the last successful poll, for "last seen 2 min ago". */
	public Long secondsSinceReached(Instant now) {
		return this.lastReached == null ? null : Duration.between(this.lastReached, now).toSeconds();
	}

}
