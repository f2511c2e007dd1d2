package app.vsxi.dashboard.monitoring;

import java.time.Duration;
import java.time.Instant;

import app.vsxi.dashboard.gateway.GatewayError;

/**
 * What one endpoint of one SBC last answered.
 *
 * @param value the last useful answer (kept when a later poll fails): {@code RealtimeStats}, a stats dump
 * ({@code Map} of table name to rows), a {@code TableDocument} or {@code SystemInfo}; null before any
 * @param answeredAt when {@code value} arrived
 * @param polledAt when the last poll of this endpoint finished, answered or not
 * @param error why the last poll failed, null when it was answered
 */
public record FeedSnapshot(Feed feed, Object value, Instant answeredAt, Instant polledAt, GatewayError error) {

	static FeedSnapshot answered(Feed feed, Object value, Instant at) {
		return new FeedSnapshot(feed, value, at, at, null);
	}

	FeedSnapshot failed(GatewayError error, Instant at) {
		return new FeedSnapshot(this.feed, this.value, this.answeredAt, at, error);
	}

	/** The last poll failed, so what is shown is older than it looks. */
	public boolean stale() {
		return this.error != null;
	}

	/** Seconds since the data shown arrived, null before any. */
	public Long ageSeconds(Instant now) {
		return this.answeredAt == null ? null : Math.max(0, Duration.between(this.answeredAt, now).toSeconds());
	}

	public String problem() {
		return this.error == null ? null : this.error.message();
	}

}
