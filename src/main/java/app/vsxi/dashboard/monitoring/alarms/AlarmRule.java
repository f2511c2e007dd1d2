package app.vsxi.dashboard.monitoring.alarms;

import java.time.Instant;

/**
 * Thresholds of one metric for the fleet ({@code groupId} and {@code sbcId} null), a group or one SBC.
 *
 * @param id null for a built-in default
 * @param hold polls in a row a level must hold before it is raised, and polls without it before it clears
 */
public record AlarmRule(Long id, Long groupId, Long sbcId, AlarmMetric metric, double warning, double critical,
		int hold, boolean enabled, String changedBy, Instant changedAt) {

	public boolean builtIn() {
		return this.id == null;
	}

	/** The warning threshold with its unit, whole numbers whole: {@code 80 %}. */
	public String warningText() {
		return Alarm.withUnit(this.warning, this.metric.unit());
	}

	/** The critical threshold with its unit, whole numbers whole: {@code 90 %}. */
	public String criticalText() {
		return Alarm.withUnit(this.critical, this.metric.unit());
	}

	/** Where it applies, in words. */
	public String scope(java.util.Map<Long, String> groupNames, java.util.function.LongFunction<String> sbcNames) {
		if (this.sbcId != null) {
			return "SBC " + sbcNames.apply(this.sbcId);
		}
		if (this.groupId != null) {
			return "group " + groupNames.getOrDefault(this.groupId, "#" + this.groupId);
		}
		return this.builtIn() ? "built in" : "whole fleet";
	}

}
