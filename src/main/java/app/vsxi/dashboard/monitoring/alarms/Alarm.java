package app.vsxi.dashboard.monitoring.alarms;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;

import app.vsxi.dashboard.monitoring.AlarmLevel;
import app.vsxi.dashboard.monitoring.RaisedAlarm;

/**
 * One alarm, raised and perhaps cleared.
 *
 * @param subject the trunk or media server it is about, empty for the SBC itself
 * @param reading the figure that raised it
 * @param threshold the rule's threshold it crossed, null for alarms raised before thresholds were kept
 */
public record Alarm(long id, long sbcId, AlarmMetric metric, String subject, AlarmLevel level, Double reading,
		Double threshold, String detail, Instant raisedAt, Instant clearedAt, String acknowledgedBy,
		Instant acknowledgedAt) implements RaisedAlarm {

	@Override
	public String title() {
		return this.metric.title();
	}

	public boolean open() {
		return this.clearedAt == null;
	}

	public boolean acknowledged() {
		return this.acknowledgedAt != null;
	}

	/** The figure against its threshold, e.g. {@code 31 % below 40 %}; the figure alone without a threshold. */
	public String valueAndThreshold() {
		if (this.reading == null) {
			return "";
		}
		String value = withUnit(this.reading, this.metric.unit());
		if (this.threshold == null) {
			return value;
		}
		String relation = this.metric.below() ? "below" : this.reading > this.threshold ? "above" : "at";
		return value + " " + relation + " " + withUnit(this.threshold, this.metric.unit());
	}

	/** A figure as people write it: whole numbers whole ({@code 80}, not {@code 80.0}), else at most two decimals. */
	public static String figure(double value) {
		if (Double.isNaN(value) || Double.isInfinite(value)) {
			return Double.toString(value);
		}
		String text = BigDecimal.valueOf(value).setScale(2, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
		return "-0".equals(text) ? "0" : text;
	}

	static String withUnit(double value, String unit) {
		return unit == null || unit.isEmpty() ? figure(value) : figure(value) + " " + unit;
	}

	Alarm acknowledged(String by, Instant at) {
		return new Alarm(this.id, this.sbcId, this.metric, this.subject, this.level, this.reading, this.threshold,
				this.detail, this.raisedAt, this.clearedAt, by, at);
	}

	Alarm cleared(Instant at) {
		return new Alarm(this.id, this.sbcId, this.metric, this.subject, this.level, this.reading, this.threshold,
				this.detail, this.raisedAt, at, this.acknowledgedBy, this.acknowledgedAt);
	}

}
