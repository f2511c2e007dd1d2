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

	public FleetPoller(FleetService fleet, StatsReads stats, TableCommands tables, StatusBoard board, SnapshotStore store,
			MonitoringProperties properties, GatewayProperties gatewayProperties, List<PollListener> listeners,
			Clock clock) {
		this.fleet = fleet;
		this.stats = stats;
		this.tables = tables;
		this.board = board;
		this.store = store;
		this.properties = properties;
		this.pause = gatewayProperties.circuitBreaker().openFor();
		this.listeners = List.copyOf(listeners);
		this.clock = clock;
	}

	@Override
	public void configureTasks(ScheduledTaskRegistrar registrar) {
		registrar.addFixedRateTask(new FixedRateTask(this::tick, this.properties.tick(), Duration.ZERO));
	}

	/** Queues every endpoint that is due on every SBC and starts the queues that are idle. */
	public void tick() {
		List<Sbc> sbcs = this.fleet.everySbc();
		List<Long> ids = sbcs.stream().map(Sbc::id).toList();
		this.board.retainOnly(ids);
		this.store.retainOnly(ids);
		this.queues.keySet().retainAll(Set.copyOf(ids));
		Map<Long, String> names = new HashMap<>();
		sbcs.forEach(sbc -> names.put(sbc.id(), sbc.name()));
		Instant now = this.clock.instant();
		Duration staleAfter = this.properties.pollInterval().multipliedBy(2);
		for (Sbc sbc : sbcs) {
			this.board.update(sbc.id(), SbcStatus.waiting(sbc), status -> status.checkedAt(now, staleAfter));
			SbcQueue queue = this.queues.computeIfAbsent(sbc.id(), id -> new SbcQueue());
			for (Feed feed : Feed.values()) {
				Duration interval = interval(sbc.id(), feed, now);
				if (interval != null) {
					queue.offerIfDue(feed, now, interval, this.properties.tick());
				}
				else {
					queue.forget(feed);
					// nobody looks any more: the last list of calls or registrations goes too
					this.store.drop(sbc.id(), feed);
				}
			}
			drain(queue, sbc, names);
		}
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

	private void drain(SbcQueue queue, Sbc sbc, Map<Long, String> names) {
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
			poll = poll(sbc, feed, names);
		}
		poll.doFinally(signal -> {
			queue.finish();
			drain(queue, sbc, names);
		}).subscribe();
	}

	private boolean answering(long sbcId) {
		FeedSnapshot realtime = this.store.latest(sbcId, Feed.REALTIME);
		return realtime != null && realtime.value() != null && realtime.error() == null;
	}

	private Mono<Void> poll(Sbc sbc, Feed feed, Map<Long, String> names) {
		SbcEndpoint endpoint;
		try {
			endpoint = this.fleet.endpoint(sbc, names::get);
		}
		catch (RuntimeException ex) {
			failed(sbc, feed, new GatewayError.UnexpectedResponse(0, "cannot use the stored credentials: " + ex.getMessage()));
			return Mono.empty();
		}
		return request(endpoint, feed).doOnNext(result -> result.fold(value -> {
			answered(sbc, feed, value);
			return null;
		}, error -> {
			failed(sbc, feed, error);
			return null;
		})).onErrorResume(ex -> {
			log.warn("Poll of {} on {} failed unexpectedly", feed.path(), sbc.name(), ex);
			failed(sbc, feed, new GatewayError.UnexpectedResponse(0, "internal error while polling: " + ex.getMessage()));
			return Mono.empty();
		}).then();
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

	private void answered(Sbc sbc, Feed feed, FeedValue value) {
		Instant now = this.clock.instant();
		this.store.answered(sbc.id(), feed, value, now);
		if (value instanceof FeedValue.Realtime realtime) {
			RealtimeStats stats = realtime.stats();
			this.board.update(sbc.id(), SbcStatus.waiting(sbc),
					status -> status.reached(sbc, stats, status.uptime(), now));
			this.store.record(sbc.id(), "calls", now, stats.activeSessions());
			this.store.record(sbc.id(), "cps", now, stats.currentCps());
			this.store.record(sbc.id(), "cpu", now, 100 - stats.cpuIdlePercent());
		}
		else if (value instanceof FeedValue.Info info) {
			String uptime = info.info().hardwareUptime();
			this.board.update(sbc.id(), SbcStatus.waiting(sbc), status -> status.withUptime(uptime));
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
		this.listeners.forEach(listener -> listener.polled(sbc, feed));
	}

	private void failed(Sbc sbc, Feed feed, GatewayError error) {
		Instant now = this.clock.instant();
		this.store.failed(sbc.id(), feed, error, now);
		if (feed == Feed.REALTIME) {
			this.board.update(sbc.id(), SbcStatus.waiting(sbc), status -> status.failed(sbc, error, now, this.pause));
		}
		this.listeners.forEach(listener -> listener.polled(sbc, feed));
	}

	/** Told after every poll of an endpoint, answered or not (alarms, metrics). */
	public interface PollListener {

		void polled(Sbc sbc, Feed feed);

	}

	/** One SBC's queue of endpoints waiting to be read, and when each is next due. */
	static final class SbcQueue {

		private final Set<Feed> waiting = new LinkedHashSet<>();

		private final Map<Feed, Instant> nextDue = new EnumMap<>(Feed.class);

		private boolean running;

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
			if (this.running || this.waiting.isEmpty()) {
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
