package app.vsxi.dashboard.monitoring;

import java.util.List;

/**
 * An SBC's trunks as its last {@code stats/resource}, {@code stats/realtime} and {@code download/resource} answers
 * make them: the one read model of trunk figures. The poller records each trunk's ASR from it, the alarms and the
 * metrics read it, and the Monitor tab presents it; none of them reads trunks from another's page.
 */
public final class TrunkFigures {

	private TrunkFigures() {
	}

	/** The SBC's trunks, busiest first; none before the SBC first answered {@code stats/resource}. */
	public static List<TrunkKpis.Trunk> of(SnapshotStore store, long sbcId) {
		FeedSnapshot resource = store.latest(sbcId, Feed.RESOURCE);
		FeedSnapshot realtime = store.latest(sbcId, Feed.REALTIME);
		FeedSnapshot capacity = store.latest(sbcId, Feed.CAPACITY);
		return TrunkKpis.of(resource == null ? null : resource.dump(), realtime == null ? null : realtime.realtime(),
				capacity == null ? null : capacity.document());
	}

}
