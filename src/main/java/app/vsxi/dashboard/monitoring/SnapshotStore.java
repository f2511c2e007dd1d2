package app.vsxi.dashboard.monitoring;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import app.vsxi.dashboard.gateway.RealtimeStats;
import app.vsxi.dashboard.gateway.SystemInfo;
import app.vsxi.dashboard.gateway.TableDocument;

import org.springframework.stereotype.Component;

/**
 * The latest answer of every endpoint of every SBC, and a bounded history of the figures drawn from them. Written
 * by the poller only; pages read it and never cause a request to an SBC. Each SBC holds at most one snapshot per
 * endpoint (the full answer of the last poll) and a fixed number of series ({@link #seriesNames}, plus the ASR of
 * at most {@code maxTrunks} trunks), each a ring of {@code historySamples} timed values.
 */
@Component
public class SnapshotStore {

	/** The fleet-wide series kept for every SBC. */
	public static final List<String> SBC_SERIES = List.of("calls", "cps", "cpu", "registrations");

	private final Map<Long, Boxes> boxes = new ConcurrentHashMap<>();

	private final int samples;

	private final int maxTrunks;

	public SnapshotStore(MonitoringProperties properties) {
		this.samples = properties.historySamples();
		this.maxTrunks = Math.max(0, properties.maxTrunks());
	}

	/** The last answer of one endpoint, null before any. */
	public FeedSnapshot latest(long sbcId, Feed feed) {
		Boxes box = this.boxes.get(sbcId);
		return box == null ? null : box.latest.get(feed);
	}

	/** When someone last looked at this endpoint of this SBC, null if never. */
	public Instant watched(long sbcId, Feed feed) {
		Boxes box = this.boxes.get(sbcId);
		return box == null ? null : box.watched.get(feed);
	}

	/** A panel or page showing this endpoint was open: heavy endpoints are read while this is recent. */
	public void watch(long sbcId, Feed feed, Instant at) {
		box(sbcId).watched.put(feed, at);
	}

	/** Looked at through another instance: kept if later than what this one knows. */
	void watchedElsewhere(long sbcId, Feed feed, Instant at) {
		box(sbcId).watched.merge(feed, at, (mine, theirs) -> theirs.isAfter(mine) ? theirs : mine);
	}

	/** Every endpoint looked at, by SBC, and when last. */
	Map<Long, Map<Feed, Instant>> watches() {
		Map<Long, Map<Feed, Instant>> all = new java.util.HashMap<>();
		this.boxes.forEach((sbcId, box) -> {
			if (!box.watched.isEmpty()) {
				all.put(sbcId, Map.copyOf(box.watched));
			}
		});
		return all;
	}

	/** One series of one SBC, oldest first; empty if none. */
	public List<Series.Sample> series(long sbcId, String name) {
		Boxes box = this.boxes.get(sbcId);
		Series series = box == null ? null : box.series.get(name);
		return series == null ? List.of() : series.samples();
	}

	/** The names of the series kept for an SBC. */
	public Set<String> seriesNames(long sbcId) {
		Boxes box = this.boxes.get(sbcId);
		return box == null ? Set.of() : Set.copyOf(box.series.keySet());
	}

	/** The endpoint's answer, replacing the last. */
	public void answered(long sbcId, Feed feed, FeedValue value, Instant at) {
		box(sbcId).latest.put(feed, FeedSnapshot.answered(feed, value, at));
	}

	public void answered(long sbcId, Feed feed, RealtimeStats stats, Instant at) {
		answered(sbcId, feed, new FeedValue.Realtime(stats), at);
	}

	public void answered(long sbcId, Feed feed, Map<String, List<Map<String, String>>> dump, Instant at) {
		answered(sbcId, feed, new FeedValue.Dump(dump), at);
	}

	public void answered(long sbcId, Feed feed, TableDocument document, Instant at) {
		answered(sbcId, feed, new FeedValue.Document(document), at);
	}

	public void answered(long sbcId, Feed feed, SystemInfo info, Instant at) {
		answered(sbcId, feed, new FeedValue.Info(info), at);
	}

	public void failed(long sbcId, Feed feed, app.vsxi.dashboard.gateway.GatewayError error, Instant at) {
		box(sbcId).latest.compute(feed, (key, before) -> (before == null
				? new FeedSnapshot(feed, null, null, at, error) : before.failed(error, at)));
	}

	/** Adds a sample to an SBC's series; a trunk series beyond {@code maxTrunks} is not started. */
	void record(long sbcId, String name, Instant at, double value) {
		Boxes box = box(sbcId);
		Series series = box.series.get(name);
		if (series == null) {
			if (name.startsWith("asr:") && box.trunkSeries() >= this.maxTrunks) {
				return;
			}
			series = box.series.computeIfAbsent(name, key -> new Series(this.samples));
		}
		series.add(at, value);
	}

	/** Forgets the last answer of an endpoint no longer read. */
	void drop(long sbcId, Feed feed) {
		Boxes box = this.boxes.get(sbcId);
		if (box != null) {
			box.latest.remove(feed);
		}
	}

	void retainOnly(Collection<Long> sbcIds) {
		Set<Long> keep = Set.copyOf(sbcIds);
		this.boxes.keySet().removeIf(id -> !keep.contains(id));
	}

	/** The most series an SBC may hold. */
	public int maxSeriesPerSbc() {
		return SBC_SERIES.size() + this.maxTrunks;
	}

	public int samplesPerSeries() {
		return this.samples;
	}

	private Boxes box(long sbcId) {
		return this.boxes.computeIfAbsent(sbcId, id -> new Boxes());
	}

	private static final class Boxes {

		final Map<Feed, FeedSnapshot> latest = new ConcurrentHashMap<>();

		final Map<Feed, Instant> watched = new ConcurrentHashMap<>();

		final Map<String, Series> series = new ConcurrentHashMap<>();

		int trunkSeries() {
			return (int) this.series.keySet().stream().filter(name -> name.startsWith("asr:")).count();
		}

	}

}
