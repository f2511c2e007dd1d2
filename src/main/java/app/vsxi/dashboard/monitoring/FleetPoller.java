package app.vsxi.dashboard.monitoring;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import app.vsxi.dashboard.cluster.Ownership;
import app.vsxi.dashboard.cluster.SbcLeases;
import app.vsxi.dashboard.fleet.FleetService;
import app.vsxi.dashboard.fleet.Sbc;
import app.vsxi.dashboard.gateway.GatewayError;
import app.vsxi.dashboard.gateway.GatewayProperties;
import app.vsxi.dashboard.gateway.GatewayResult;
import app.vsxi.dashboard.gateway.RealtimeStats;
import app.vsxi.dashboard.gateway.SbcEndpoint;
import app.vsxi.dashboard.gateway.StatsReads;
import app.vsxi.dashboard.gateway.SystemInfo;
import app.vsxi.dashboard.gateway.TableCommands;
import app.vsxi.dashboard.gateway.TableDocument;
import app.vsxi.dashboard.gateway.VsxiTable;
import reactor.core.publisher.Mono;

import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.FixedRateTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;

/**
 * Reads every endpoint of every SBC once per its interval ({@link Feed}), whoever watches: pages read the
 * {@link SnapshotStore} and {@link StatusBoard}, never an SBC. Each SBC has one queue of endpoints: they are asked
 * one after another, and an endpoint already waiting in the queue is not queued again, so a slow SBC is asked no
 * more often. Each poll then takes its turn in the gateway's one queue for that SBC with whatever operators send,
 * so a poll never overlaps an operator's write (real boxes refuse two requests that land at the same instant), and
 * between two polls an operator's request waits behind one poll at most. SBCs never wait for each other. {@code stats/realtime} is the probe: the other endpoints of an SBC are read
 * only while it answers, so an unreachable SBC gets one request per interval, which the gateway's circuit breaker
 * then holds back. Heavy endpoints (active calls, registrations) are read only while someone looked at them
 * within {@code watched-for}, at {@code idle-slowdown} times their interval after that, and not at all once nobody
 * looked for {@code forget-after}.
 *
 * <p>With several dashboard instances on one database, each polls only the SBCs it holds the lease of
 * ({@link SbcLeases}), publishes what it learns ({@link SharedPolls}), and applies what the others published for
 * the rest, so each SBC is asked once per interval however many instances run, and every instance shows all of it.
 * Only the owner records an SBC's changes of condition and has its polls evaluated for alarms.
 */
@Component
public class FleetPoller implements SchedulingConfigurer {

	private static final Logger log = LoggerFactory.getLogger(FleetPoller.class);

	private final FleetService fleet;

	private final StatsReads stats;

	private final TableCommands tables;

	private final StatusBoard board;

	private final SnapshotStore store;

	private final MonitoringProperties properties;

	private final Clock clock;

	private final Map<Long, SbcQueue> queues = new ConcurrentHashMap<>();

	private final Duration pause;

	private final List<PollListener> listeners;

	private final SbcLeases leases;

	private final SharedPolls shared;

	public FleetPoller(FleetService fleet, StatsReads stats, TableCommands tables, StatusBoard board, SnapshotStore store,
			MonitoringProperties properties, GatewayProperties gatewayProperties, List<PollListener> listeners,
			SbcLeases leases, SharedPolls shared, Clock clock) {
		this.fleet = fleet;
		this.stats = stats;
		this.tables = tables;
		this.board = board;
		this.store = store;
		this.properties = properties;
		this.pause = gatewayProperties.circuitBreaker().openFor();
		this.listeners = List.copyOf(listeners);
		this.leases = leases;
		this.shared = shared;
		this.clock = clock;
	}

	@Override
	public void configureTasks(ScheduledTaskRegistrar registrar) {
		registrar.addFixedRateTask(new FixedRateTask(this::tick, this.properties.tick(), Duration.ZERO));
	}

	/**
	 * Renews this instance's leases when due, applies what the other instances polled, then queues every endpoint
	 * that is due on every SBC this instance owns and starts the queues that are idle.
	 */
	public void tick() {
		List<Sbc> sbcs = this.fleet.everySbc();
		List<Long> ids = sbcs.stream().map(Sbc::id).toList();
		this.board.retainOnly(ids);
		this.store.retainOnly(ids);
		Map<Long, Sbc> byId = new HashMap<>();
		sbcs.forEach(sbc -> byId.put(sbc.id(), sbc));
		Ownership before = this.leases.current();
		Ownership now = this.leases.refresh(ids, this::schedule);
		// SBCs that went to another instance: what waits in their queues is that instance's to ask now
		this.queues.entrySet().removeIf(entry -> {
			if (now.owns(entry.getKey())) {
				return false;
			}
			entry.getValue().close();
			return true;
		});
		if (now.round() != before.round()) {
			now.handedOver().forEach((sbcId, schedule) -> this.queues.put(sbcId,
					SbcQueue.handedOver(schedule, now.databaseAheadMillis())));
		}
		if (now.shared()) {
			share(now, byId);
		}
		Instant at = this.clock.instant();
		Duration staleAfter = this.properties.pollInterval().multipliedBy(2);
		for (Sbc sbc : sbcs) {
			boolean mine = now.owns(sbc.id());
			this.board.update(sbc.id(), SbcStatus.waiting(sbc), status -> status.checkedAt(at, staleAfter), mine);
			// a queue closed for a hand-over the database then did not take (its round failed) starts afresh
			SbcQueue queue = mine ? this.queues.compute(sbc.id(),
					(id, current) -> current == null || current.closed() ? new SbcQueue() : current) : null;
			for (Feed feed : Feed.values()) {
				Duration interval = interval(sbc.id(), feed, at);
				if (interval == null) {
					if (queue != null) {
						queue.forget(feed);
					}
					// nobody looks any more: the last list of calls or registrations goes too
					this.store.drop(sbc.id(), feed);
				}
				else if (queue != null) {
					queue.offerIfDue(feed, at, interval, this.properties.tick());
				}
			}
			if (queue != null) {
				drain(queue, sbc, byId);
			}
		}
	}

	/** Applies what the other instances polled, and tells the owners what is watched here. */
	private void share(Ownership now, Map<Long, Sbc> byId) {
		for (SharedPolls.Published outcome : this.shared.newSince(now)) {
			Sbc sbc = byId.get(outcome.sbcId());
			if (sbc != null) {
				apply(sbc, outcome.feed(), outcome.record(), false);
			}
		}
		this.shared.exchangeWatches(this.store.watches(), now)
			.forEach((sbcId, feeds) -> feeds.forEach((feed, at) -> this.store.watchedElsewhere(sbcId, feed, at)));
		this.listeners.forEach(PollListener::othersMayHaveChanged);
	}

	/** When each endpoint of an SBC is next due, as the database's milliseconds, for the instance it goes to. */
	String schedule(long sbcId) {
		SbcQueue queue = this.queues.get(sbcId);
		if (queue == null) {
			return null;
		}
		// closed first: a read that would start after the schedule was written would be asked again by the next owner
		queue.close();
		return queue.schedule(this.leases.current().databaseAheadMillis());
	}

	/** The interval an endpoint is read at now, null while it is not read at all. */
	Duration interval(long sbcId, Feed feed, Instant now) {
		Duration interval = feed.interval(this.properties);
		if (!feed.heavy()) {
			return interval;
		}
		Instant watched = this.store.watched(sbcId, feed);
		if (watched == null) {
			return null;
		}
		Duration since = Duration.between(watched, now);
		if (since.compareTo(this.properties.watchedFor()) <= 0) {
			return interval;
		}
		return since.compareTo(this.properties.forgetAfter()) <= 0
				? interval.multipliedBy(Math.max(1, this.properties.idleSlowdown())) : null;
	}

	private void drain(SbcQueue queue, Sbc sbc, Map<Long, Sbc> fleet) {
		Feed feed = queue.start(this.clock.instant());
		if (feed == null) {
			return;
		}
		Mono<Void> poll;
		if (feed != Feed.REALTIME && !answering(sbc.id())) {
			// the SBC does not answer its probe: leave the rest until it does
			queue.forget(feed);
			poll = Mono.empty();
		}
		else {
			log.debug("Asking {} for {}", sbc.name(), feed.path());
			poll = poll(sbc, feed, fleet);
		}
		poll.doFinally(signal -> {
			queue.finish();
			drain(queue, sbc, fleet);
		}).subscribe();
	}

	private boolean answering(long sbcId) {
		FeedSnapshot realtime = this.store.latest(sbcId, Feed.REALTIME);
		return realtime != null && realtime.value() != null && realtime.error() == null;
	}

	private Mono<Void> poll(Sbc sbc, Feed feed, Map<Long, Sbc> fleet) {
		SbcEndpoint endpoint;
		try {
			endpoint = this.fleet.endpoint(sbc, id -> {
				Sbc other = fleet.get(id);
				return other == null ? null : other.name();
			});
		}
		catch (RuntimeException ex) {
			polled(sbc, feed, new PollRecord(this.clock.instant(), null,
					new GatewayError.UnexpectedResponse(0, "cannot use the stored credentials: " + ex.getMessage())));
			return Mono.empty();
		}
		return request(endpoint, feed).doOnNext(result -> polled(sbc, feed, result.fold(
				value -> new PollRecord(this.clock.instant(), value, null),
				error -> new PollRecord(this.clock.instant(), null, error))))
			.onErrorResume(ex -> {
				log.warn("Poll of {} on {} failed unexpectedly", feed.path(), sbc.name(), ex);
				polled(sbc, feed, new PollRecord(this.clock.instant(), null,
						new GatewayError.UnexpectedResponse(0, "internal error while polling: " + ex.getMessage())));
				return Mono.empty();
			})
			.then();
	}

	/** This instance polled: apply, share with the other instances while any is alive, and tell the listeners. */
	private void polled(Sbc sbc, Feed feed, PollRecord outcome) {
		apply(sbc, feed, outcome, true);
		Ownership now = this.leases.current();
		Long fence = now.fence(sbc.id());
		if (fence != null && now.shared()) {
			this.shared.publish(sbc.id(), feed, fence, outcome);
		}
		this.listeners.forEach(listener -> listener.polled(sbc, feed));
	}

	private Mono<GatewayResult<FeedValue>> request(SbcEndpoint endpoint, Feed feed) {
		return switch (feed) {
			case REALTIME -> typed(this.stats.realtimeStats(endpoint), FeedValue.Realtime::new);
			case RESOURCE -> typed(this.stats.statsDump(endpoint, VsxiTable.RESOURCE), FeedValue.Dump::new);
			case RESOURCE_DETAIL -> typed(this.stats.statsDump(endpoint, VsxiTable.RESOURCE_DETAIL), FeedValue.Dump::new);
			case SIP_STATS -> typed(this.stats.statsDump(endpoint, VsxiTable.SIP_STATS), FeedValue.Dump::new);
			case MEDIA_SERVER -> typed(this.stats.statsList(endpoint, VsxiTable.MEDIA_SERVER), FeedValue.Document::new);
			case SUB_STATS -> typed(this.stats.statsList(endpoint, VsxiTable.SUB_STATS), FeedValue.Document::new);
			case ACTIVE_CALLS -> typed(this.stats.statsList(endpoint, VsxiTable.ACTIVE_CALLS), FeedValue.Document::new);
			case SYSTEM -> typed(this.stats.systemInfo(endpoint), FeedValue.Info::new);
			case CAPACITY -> typed(this.tables.download(endpoint, VsxiTable.RESOURCE), FeedValue.Document::new);
		};
	}

	/** The gateway's answer as the kind of value its endpoint gives; nothing when there is no call to make. */
	private static <T> Mono<GatewayResult<FeedValue>> typed(Mono<GatewayResult<T>> call,
			Function<? super T, ? extends FeedValue> kind) {
		return call == null ? Mono.empty() : call.map(result -> result.map(kind));
	}

	/**
	 * Takes an endpoint's outcome into the store and the board, whether this instance polled it or another did;
	 * {@code owner}: this instance polled it, so it keeps the SBC's changes of condition.
	 */
	private void apply(Sbc sbc, Feed feed, PollRecord outcome, boolean owner) {
		if (outcome.error() != null) {
			failed(sbc, feed, outcome.error(), outcome.at(), owner);
		}
		else {
			answered(sbc, feed, outcome.value(), outcome.at(), owner);
		}
	}

	private void answered(Sbc sbc, Feed feed, FeedValue value, Instant now, boolean owner) {
		this.store.answered(sbc.id(), feed, value, now);
		if (value instanceof FeedValue.Realtime realtime) {
			RealtimeStats stats = realtime.stats();
			this.board.update(sbc.id(), SbcStatus.waiting(sbc),
					status -> status.reached(sbc, stats, status.uptime(), now), owner);
			this.store.record(sbc.id(), "calls", now, stats.activeSessions());
			this.store.record(sbc.id(), "cps", now, stats.currentCps());
			this.store.record(sbc.id(), "cpu", now, 100 - stats.cpuIdlePercent());
		}
		else if (value instanceof FeedValue.Info info) {
			String uptime = info.info().hardwareUptime();
			this.board.update(sbc.id(), SbcStatus.waiting(sbc), status -> status.withUptime(uptime), owner);
		}
		else if (feed == Feed.SUB_STATS && value instanceof FeedValue.Document registrations) {
			this.store.record(sbc.id(), "registrations", now, registrations.document().rows().size());
		}
		else if (feed == Feed.RESOURCE) {
			// the resource answer was stored above: the trunks are those the Monitor tab shows
			for (TrunkKpis.Trunk trunk : TrunkFigures.of(this.store, sbc.id())) {
				Double asr = trunk.combined(TrunkKpis.Span.MIN15).asr();
				if (asr != null) {
					this.store.record(sbc.id(), "asr:" + trunk.trunkId(), now, asr);
				}
			}
		}
	}

	private void failed(Sbc sbc, Feed feed, GatewayError error, Instant now, boolean owner) {
		this.store.failed(sbc.id(), feed, error, now);
		if (feed == Feed.REALTIME) {
			this.board.update(sbc.id(), SbcStatus.waiting(sbc), status -> status.failed(sbc, error, now, this.pause),
					owner);
		}
	}

	/** Told after every poll of an endpoint, answered or not (alarms, metrics). */
	public interface PollListener {

		void polled(Sbc sbc, Feed feed);

		/** Other instances are alive and may have changed what is shared in the database (alarms, say). */
		default void othersMayHaveChanged() {
		}

	}

	/** One SBC's queue of endpoints waiting to be read, and when each is next due. */
	static final class SbcQueue {

		private final Set<Feed> waiting = new LinkedHashSet<>();

		private final Map<Feed, Instant> nextDue = new EnumMap<>(Feed.class);

		private boolean running;

		private boolean closed;

		/** The SBC went to another instance: nothing more is started from this queue, even when a read in flight ends. */
		synchronized void close() {
			this.closed = true;
		}

		synchronized boolean closed() {
			return this.closed;
		}

		/** Handed over by the instance that polled the SBC before: each endpoint is first read when it said. */
		static SbcQueue handedOver(String schedule, long databaseAheadMillis) {
			SbcQueue queue = new SbcQueue();
			if (schedule == null) {
				return queue;
			}
			for (String part : schedule.split(";")) {
				int equals = part.indexOf('=');
				if (equals <= 0) {
					continue;
				}
				try {
					Feed feed = Feed.valueOf(part.substring(0, equals));
					long due = Long.parseLong(part.substring(equals + 1)) - databaseAheadMillis;
					queue.nextDue.put(feed, Instant.ofEpochMilli(due));
				}
				catch (IllegalArgumentException ex) {
					// an endpoint this instance does not know, or a garbled time: read it when it is due here
				}
			}
			return queue;
		}

		/** When each endpoint is next due, as the database's milliseconds: FEED=millis;FEED=millis. */
		synchronized String schedule(long databaseAheadMillis) {
			StringBuilder text = new StringBuilder();
			this.nextDue.forEach((feed, next) -> {
				if (!text.isEmpty()) {
					text.append(';');
				}
				// one still waiting was not asked: it is due when it was queued, an interval before its next time
				Duration interval = this.intervals.get(feed);
				Instant due = this.waiting.contains(feed) && interval != null ? next.minus(interval) : next;
				text.append(feed.name()).append('=').append(due.toEpochMilli() + databaseAheadMillis);
			});
			return text.isEmpty() ? null : text.toString();
		}

		/**
		 * Queues the endpoint if its time has come (within half a tick, as ticks drift by milliseconds) and it is not
		 * already waiting; its next time is one interval after the one just met, or after now when the queue fell
		 * behind.
		 */
		synchronized void offerIfDue(Feed feed, Instant now, Duration interval, Duration tick) {
			Instant due = this.nextDue.get(feed);
			if (due != null && now.plus(tick.dividedBy(2)).isBefore(due)) {
				return;
			}
			if (!this.waiting.add(feed)) {
				return;
			}
			this.intervals.put(feed, interval);
			Instant next = (due == null ? now : due).plus(interval);
			this.nextDue.put(feed, next.isAfter(now) ? next : now.plus(interval));
		}

		/** The interval each waiting endpoint was queued at. */
		private final Map<Feed, Duration> intervals = new EnumMap<>(Feed.class);

		/** Not read for now; read at once when it is wanted again. */
		synchronized void forget(Feed feed) {
			this.nextDue.remove(feed);
		}

		/**
		 * The next endpoint to read, null if one is in flight or none waits. One read so late that its next time
		 * is less than half an interval away has that time moved to a whole interval after now: an SBC that fell
		 * behind is read once per interval again, not twice in quick succession to make up for it (which, on a
		 * dashboard behind because it is busy, would only add to its work).
		 */
		synchronized Feed start(Instant now) {
			if (this.running || this.closed || this.waiting.isEmpty()) {
				return null;
			}
			Iterator<Feed> first = this.waiting.iterator();
			Feed feed = first.next();
			first.remove();
			this.running = true;
			Instant next = this.nextDue.get(feed);
			Duration interval = this.intervals.get(feed);
			if (next != null && interval != null && next.isBefore(now.plus(interval.dividedBy(2)))) {
				this.nextDue.put(feed, now.plus(interval));
			}
			return feed;
		}

		synchronized void finish() {
			this.running = false;
		}

	}

}
