package app.vsxi.dashboard.monitoring;

import java.time.Instant;

/**
 * One alarm, raised and perhaps cleared.
 *
 * @param subject the trunk or media server it is about, empty for the SBC itself
 * @param reading the figure that raised it
 */
public record Alarm(long id, long sbcId, AlarmMetric metric, String subject, AlarmLevel level, Double reading,
		String detail, Instant raisedAt, Instant clearedAt, String acknowledgedBy, Instant acknowledgedAt) {

	public boolean open() {
		return this.clearedAt == null;
	}

	public boolean acknowledged() {
		return this.acknowledgedAt != null;
	}

	Alarm acknowledged(String by, Instant at) {
		return new Alarm(this.id, this.sbcId, this.metric, this.subject, this.level, this.reading, this.detail,
				this.raisedAt, this.clearedAt, by, at);
	}

	Alarm cleared(Instant at) {
		return new Alarm(this.id, this.sbcId, this.metric, this.subject, this.level, this.reading, this.detail,
				this.raisedAt, at, this.acknowledgedBy, this.acknowledgedAt);
	}

}
