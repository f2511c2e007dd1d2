package app.vsxi.dashboard.monitoring.alarms;

import app.vsxi.dashboard.monitoring.AlarmLevel;
import app.vsxi.dashboard.monitoring.Feed;

/**
 * What an alarm rule watches, with its built-in thresholds. A rule stored for the fleet, a group or an SBC
 * replaces these. {@code below} metrics alarm when the figure falls under the threshold.
 */
public enum AlarmMetric {

	CPU("CPU use", "%", false, 80, 90, 3, Feed.REALTIME, false),

	SESSIONS("Session use (calls vs max_session_allowed)", "%", false, 80, 90, 3, Feed.REALTIME, false),

	MEDIA_SESSIONS("Media-server session use", "%", false, 80, 90, 3, Feed.MEDIA_SERVER, true),

	TRUNK_UTILISATION("Trunk utilisation", "%", false, 80, 90, 3, Feed.REALTIME, true),

	TRUNK_FAILURE("Trunk failure ratio, 15 min", "%", false, 5, 15, 2, Feed.RESOURCE, true),

	TRUNK_ASR("Trunk ASR, 15 min", "%", true, 70, 50, 2, Feed.RESOURCE, true),

	TRUNK_PDD("Trunk average PDD, 15 min", "s", false, 3, 5, 2, Feed.RESOURCE, true),

	/** Thresholds in poll intervals without an answer; the built-in rule takes them from the setting instead. */
	UNREACHABLE("SBC unreachable", "poll intervals without answer", false, 3, 3, 1, Feed.REALTIME, false),

	CERTIFICATE_CHANGED("Certificate changed", "", false, 1, 1, 1, Feed.REALTIME, false),

	HA_CHANGED("HA role changed (warning) or HA status code not 0, where the SBC opts in (critical)", "", false, 1, 2, 1,
			Feed.REALTIME, false),

	MEDIA_SERVER_DOWN("Media server down", "servers", false, 1, 1, 1, Feed.MEDIA_SERVER, true),

	/** Read from the SBC's backups ({@link AlarmFigures}), evaluated with each realtime poll. */
	BACKUP_AGE("Last good backup older than", "h", false, 26, 50, 1, Feed.REALTIME, false),

	/** Read from the SBC's backups: tables found changed on the box that no dashboard apply explains. */
	DRIFT("Table changed on the box, not by the dashboard", "tables", false, 1, 1, 1, Feed.REALTIME, false);

	private final String title;

	private final String unit;

	private final boolean below;

	private final double warning;

	private final double critical;

	private final int hold;

	private final Feed feed;

	private final boolean perSubject;

	AlarmMetric(String title, String unit, boolean below, double warning, double critical, int hold, Feed feed,
			boolean perSubject) {
		this.title = title;
		this.unit = unit;
		this.below = below;
		this.warning = warning;
		this.critical = critical;
		this.hold = hold;
		this.feed = feed;
		this.perSubject = perSubject;
	}

	public String title() {
		return this.title;
	}

	public String unit() {
		return this.unit;
	}

	/** Alarms when the figure is under the thresholds (ASR), not over them. */
	public boolean below() {
		return this.below;
	}

	/** The endpoint whose polls this metric is evaluated on. */
	public Feed feed() {
		return this.feed;
	}

	/** One alarm per trunk or media server rather than one per SBC. */
	public boolean perSubject() {
		return this.perSubject;
	}

	/** The built-in rule, applying where nobody stored one. */
	public AlarmRule defaultRule() {
		return new AlarmRule(null, null, null, this, this.warning, this.critical, this.hold, true, null, null);
	}

	/** The level a figure reaches under these thresholds, null when none. */
	public AlarmLevel level(double value, double warning, double critical) {
		if (this.below) {
			return value < critical ? AlarmLevel.CRITICAL : value < warning ? AlarmLevel.WARNING : null;
		}
		return value >= critical ? AlarmLevel.CRITICAL : value >= warning ? AlarmLevel.WARNING : null;
	}

}
