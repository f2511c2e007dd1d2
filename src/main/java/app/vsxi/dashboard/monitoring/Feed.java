package app.vsxi.dashboard.monitoring;

import java.time.Duration;

/**
 * One endpoint the poller reads from every SBC. Heavy feeds (a box's whole list of calls or registrations) are read
 * only while someone has looked at them recently.
 */
public enum Feed {

	REALTIME("stats/realtime", "Realtime", false),

	RESOURCE("stats/resource", "Trunk counters", false),

	RESOURCE_DETAIL("stats/resource_detail", "Trunk detail", false),

	SIP_STATS("stats/sip_stats", "SIP counters", false),

	MEDIA_SERVER("stats/media_server", "Media servers", false),

	SUB_STATS("stats/sub_stats", "Registrations", true),

	ACTIVE_CALLS("stats/active_calls", "Active calls", true),

	SYSTEM("system/realtime", "System", false),

	CAPACITY("download/resource", "Trunk limits", false);

	private final String path;

	private final String title;

	private final boolean heavy;

	Feed(String path, String title, boolean heavy) {
		this.path = path;
		this.title = title;
		this.heavy = heavy;
	}

	/** As in the URL after {@code webresources/}. */
	public String path() {
		return this.path;
	}

	public String title() {
		return this.title;
	}

	/** Read only while watched. */
	public boolean heavy() {
		return this.heavy;
	}

	/** For URLs and element ids, e.g. {@code active-calls}. */
	public String slug() {
		return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
	}

	public static Feed ofSlug(String slug) {
		for (Feed feed : values()) {
			if (feed.slug().equals(slug)) {
				return feed;
			}
		}
		throw new IllegalArgumentException("no such panel: " + slug);
	}

	/** The configured interval of this feed. */
	public Duration interval(MonitoringProperties properties) {
		MonitoringProperties.Intervals every = properties.intervals();
		return switch (this) {
			case REALTIME -> properties.pollInterval();
			case RESOURCE -> every.resource();
			case RESOURCE_DETAIL -> every.resourceDetail();
			case SIP_STATS -> every.sipStats();
			case MEDIA_SERVER -> every.mediaServer();
			case SUB_STATS -> every.subStats();
			case ACTIVE_CALLS -> every.activeCalls();
			case SYSTEM -> every.system();
			case CAPACITY -> every.capacity();
		};
	}

}
