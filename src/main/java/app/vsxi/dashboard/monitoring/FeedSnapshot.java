package app.vsxi.dashboard.monitoring;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import app.vsxi.dashboard.gateway.GatewayError;
import app.vsxi.dashboard.gateway.RealtimeStats;
import app.vsxi.dashboard.gateway.SystemInfo;
import app.vsxi.dashboard.gateway.TableDocument;

/**
 * What one endpoint of one SBC last answered.
 *
 * @param value the last useful answer (kept when a later poll fails), null before any
 * @param answeredAt when {@code value} arrived
 * @param polledAt when the last poll of this endpoint finished, answered or not
 * @param error why the last poll failed, null when it was answered
 */
public record FeedSnapshot(Feed feed, FeedValue value, Instant answeredAt, Instant polledAt, GatewayError error) {

	static FeedSnapshot answered(Feed feed, FeedValue value, Instant at) {
		return new FeedSnapshot(feed, value, at, at, null);
	}

	FeedSnapshot failed(GatewayError error, Instant at) {
		return new FeedSnapshot(this.feed, this.value, this.answeredAt, at, error);
	}

	/** The last {@code stats/realtime}, null before any or for another endpoint. */
	public RealtimeStats realtime() {
		return this.value instanceof FeedValue.Realtime realtime ? realtime.stats() : null;
	}

	/** The last stats dump, table name to rows; null before any or for another endpoint. */
	public Map<String, List<Map<String, String>>> dump() {
		return this.value instanceof FeedValue.Dump dump ? dump.tables() : null;
	}

	/** The last list of rows, null before any or for another endpoint. */
	public TableDocument document() {
		return this.value instanceof FeedValue.Document document ? document.document() : null;
	}

	/** The last {@code system/realtime}, null before any or for another endpoint. */
	public SystemInfo system() {
		return this.value instanceof FeedValue.Info info ? info.info() : null;
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
