package app.vsxi.dashboard.monitoring.alarms;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import app.vsxi.dashboard.audit.Actor;
import app.vsxi.dashboard.audit.AuditAction;
import app.vsxi.dashboard.audit.AuditLog;
import app.vsxi.dashboard.audit.AuditOutcome;
import app.vsxi.dashboard.fleet.Sbc;
import app.vsxi.dashboard.gateway.RealtimeStats;
import app.vsxi.dashboard.monitoring.AlarmLevel;
import app.vsxi.dashboard.monitoring.Feed;
import app.vsxi.dashboard.monitoring.FeedSnapshot;
import app.vsxi.dashboard.monitoring.FleetPoller;
import app.vsxi.dashboard.monitoring.HaState;
import app.vsxi.dashboard.monitoring.MonitoringProperties;
import app.vsxi.dashboard.monitoring.OpenAlarms;
import app.vsxi.dashboard.monitoring.SbcStatus;
import app.vsxi.dashboard.monitoring.SnapshotStore;
import app.vsxi.dashboard.monitoring.StatusBoard;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;

/**
 * Raises and clears alarms after each poll. A level must hold for the rule's {@code hold} polls in a row before it
 * is raised, and its absence as many polls before it clears, so a figure wavering at a threshold does not flap.
 * A change of level clears the alarm and raises one at the new level. Evaluation runs on a thread of its own, in
 * the order polls finish, so no poll waits for the database; every raise, clear and acknowledgement goes to the
 * audit trail.
 */
@Component
public class AlarmBoard implements FleetPoller.PollListener, OpenAlarms, DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(AlarmBoard.class);

	private final AlarmStore store;

	private final AlarmRules rules;

	private final SnapshotStore snapshots;

	private final StatusBoard board;

	private final AuditLog audit;

	private final MonitoringProperties properties;

	private final Clock clock;

	/** Open alarms by SBC, so one SBC's poll looks at that SBC's alarms, not the fleet's. */
	private final Map<Long, Map<Key, Alarm>> open = new ConcurrentHashMap<>();

	/** Dampers by SBC, likewise; touched by the evaluator thread only. */
	private final Map<Long, Map<Key, Damper>> dampers = new ConcurrentHashMap<>();

	private final Map<Long, String> roles = new ConcurrentHashMap<>();

	private final Map<Long, Instant> roleChangedAt = new ConcurrentHashMap<>();

	private volatile boolean loaded;

	/** Alarms of other instances' SBCs are read again at most this often: an acknowledgement shows everywhere within it. */
	private static final long RELOAD_EVERY_NANOS = TimeUnit.SECONDS.toNanos(2);

	private volatile long lastReload = System.nanoTime() - RELOAD_EVERY_NANOS;

	private final ExecutorService evaluator = Executors.newSingleThreadExecutor(task -> {
		Thread thread = new Thread(task, "alarm-evaluator");
		thread.setDaemon(true);
		return thread;
	});

	AlarmBoard(AlarmStore store, AlarmRules rules, SnapshotStore snapshots, StatusBoard board, AuditLog audit,
			MonitoringProperties properties, Clock clock, ObjectProvider<AlarmFigures> figures) {
		this.clock = clock;
		this.figures = figures;
		this.store = store;
		this.rules = rules;
		this.snapshots = snapshots;
		this.board = board;
		this.audit = audit;
		this.properties = properties;
	}

	/** Figures some metrics read from outside the polls (an SBC's backups). */
	private final ObjectProvider<AlarmFigures> figures;

	record Key(long sbcId, AlarmMetric metric, String subject) {
	}

	/** Consecutive polls that read the same level other than the open one. */
	private static final class Damper {

		AlarmLevel candidate;

		int count;

	}

	@Override
	public void polled(Sbc sbc, Feed feed) {
		this.evaluator.execute(() -> {
			try {
				evaluate(sbc, feed);
			}
			catch (RuntimeException ex) {
				log.warn("Could not evaluate the alarms of {}: {}", sbc.name(), ex.getMessage(), ex);
			}
		});
	}

	/**
	 * Other instances raise, clear and acknowledge alarms of the SBCs they poll: the open ones are read again from
	 * the database, on the evaluator's thread, so a read never lands between this board's own write and its note of
	 * it.
	 */
	@Override
	public void othersMayHaveChanged() {
		long now = System.nanoTime();
		if (now - this.lastReload < RELOAD_EVERY_NANOS) {
			return;
		}
		this.lastReload = now;
		this.evaluator.execute(() -> {
			try {
				reload();
			}
			catch (RuntimeException ex) {
				log.warn("Could not read the open alarms again: {}", ex.getMessage());
			}
		});
	}

	/** Open alarms, worst and newest first. */
	@Override
	public List<Alarm> openAlarms() {
		load();
		List<Alarm> alarms = new ArrayList<>();
		this.open.values().forEach(ofSbc -> alarms.addAll(ofSbc.values()));
		alarms.sort((a, b) -> a.level() != b.level() ? b.level().compareTo(a.level()) : b.raisedAt().compareTo(a.raisedAt()));
		return alarms;
	}

	/** The worst level of an SBC's open alarms nobody acknowledged yet, null without one. */
	public AlarmLevel worst(long sbcId) {
		load();
		return this.open.getOrDefault(sbcId, Map.of()).values().stream().filter(alarm -> !alarm.acknowledged())
			.map(Alarm::level).max(Enum::compareTo).orElse(null);
	}

	/** Open alarms of an SBC nobody acknowledged yet: an acknowledged one is in hand and counts no more. */
	@Override
	public int unacknowledgedCount(long sbcId) {
		load();
		return (int) this.open.getOrDefault(sbcId, Map.of()).values().stream().filter(alarm -> !alarm.acknowledged())
			.count();
	}

	/** Records the acknowledgement; false if it was acknowledged already or is unknown. */
	boolean acknowledge(Alarm alarm, String by) {
		Instant now = this.clock.instant();
		if (!this.store.acknowledge(alarm.id(), by, now)) {
			return false;
		}
		openOf(alarm.sbcId()).replaceAll((key, value) -> value.id() == alarm.id() ? value.acknowledged(by, now) : value);
		return true;
	}

	/** Waits until the polls handed in so far are evaluated; for tests. */
	public void flush() throws Exception {
		this.evaluator.submit(() -> {
		}).get(10, TimeUnit.SECONDS);
	}

	private void evaluate(Sbc sbc, Feed feed) {
		load();
		SbcStatus status = this.board.get(sbc.id());
		if (status == null) {
			return;
		}
		boolean haChanged = feed == Feed.REALTIME && haChanged(sbc.id());
		for (AlarmMetric metric : AlarmMetric.values()) {
			if (metric.feed() != feed) {
				continue;
			}
			AlarmRule rule = this.rules.effective(sbc, metric);
			List<AlarmEvaluator.Reading> readings = rule.enabled() ? AlarmEvaluator.read(metric, this.snapshots, status,
					haChanged, sbc.haStatusAlarm(), Math.max(1, this.properties.maxTrunks()), this.clock.instant(),
					this.properties) : List.of();
			if (rule.enabled()) {
				List<AlarmEvaluator.Reading> outside = new ArrayList<>(readings);
				this.figures.orderedStream().forEach(source -> outside.addAll(source.read(metric, sbc.id(),
						this.clock.instant())));
				readings = outside;
			}
			Set<Key> seen = new HashSet<>();
			for (AlarmEvaluator.Reading reading : readings) {
				Key key = new Key(sbc.id(), metric, reading.subject());
				seen.add(key);
				AlarmLevel target = reading.value() == null ? null
						: metric.level(reading.value(), rule.warning(), rule.critical());
				step(sbc, key, target, reading, rule);
			}
			for (Key key : Set.copyOf(dampersOf(sbc.id()).keySet())) {
				if (key.metric() == metric && !seen.contains(key)) {
					step(sbc, key, null, null, rule);
				}
			}
			for (Key key : Set.copyOf(openOf(sbc.id()).keySet())) {
				if (key.metric() == metric && !seen.contains(key) && !dampersOf(sbc.id()).containsKey(key)) {
					step(sbc, key, null, null, rule);
				}
			}
		}
	}

	private void step(Sbc sbc, Key key, AlarmLevel target, AlarmEvaluator.Reading reading, AlarmRule rule) {
		int hold = rule.hold();
		Map<Key, Alarm> open = openOf(key.sbcId());
		Map<Key, Damper> dampers = dampersOf(key.sbcId());
		Alarm current = open.get(key);
		AlarmLevel now = current == null ? null : current.level();
		Damper damper = dampers.computeIfAbsent(key, k -> new Damper());
		if (Objects.equals(target, now)) {
			damper.candidate = null;
			damper.count = 0;
			if (target == null) {
				dampers.remove(key);
			}
			return;
		}
		if (Objects.equals(damper.candidate, target) && damper.count > 0) {
			damper.count++;
		}
		else {
			damper.candidate = target;
			damper.count = 1;
		}
		if (damper.count < Math.max(1, hold)) {
			return;
		}
		Instant at = this.clock.instant();
		if (current != null) {
			this.store.clear(current.id(), at);
			open.remove(key);
			this.audit.recordAs(Actor.SYSTEM, AuditAction.ALARM_CLEARED, target(sbc, key), sbc.groupId(),
					AuditOutcome.SUCCESS, current.level().label() + " " + key.metric().title() + " cleared");
		}
		if (target != null) {
			Alarm raised;
			try {
				raised = this.store.raise(sbc.id(), key.metric(), key.subject(), target, reading.value(),
						target == AlarmLevel.CRITICAL ? rule.critical() : rule.warning(), reading.detail(), at);
			}
			catch (DuplicateKeyException ex) {
				// the database keeps one open alarm per SBC, metric and subject: another instance, which polled this
				// SBC a moment ago, raised it; take theirs
				this.store.open().stream()
					.filter(alarm -> alarm.sbcId() == key.sbcId() && alarm.metric() == key.metric()
							&& alarm.subject().equals(key.subject()))
					.findFirst()
					.ifPresent(theirs -> open.put(key, theirs));
				dampers.remove(key);
				return;
			}
			open.put(key, raised);
			this.audit.recordAs(Actor.SYSTEM, AuditAction.ALARM_RAISED, target(sbc, key), sbc.groupId(),
					AuditOutcome.SUCCESS, target.label() + " " + key.metric().title() + ": " + raised.valueAndThreshold());
		}
		dampers.remove(key);
	}

	private Map<Key, Alarm> openOf(long sbcId) {
		return this.open.computeIfAbsent(sbcId, id -> new ConcurrentHashMap<>());
	}

	private Map<Key, Damper> dampersOf(long sbcId) {
		return this.dampers.computeIfAbsent(sbcId, id -> new ConcurrentHashMap<>());
	}

	private static String target(Sbc sbc, Key key) {
		return sbc.name() + " " + key.metric().name() + (key.subject().isEmpty() ? "" : " " + key.subject());
	}

	/**
	 * Whether the SBC's HA role changed within the last twelve poll intervals, or changed into a Load-Balance slave
	 * that is still one: the alarm holds as long as the state that raised it.
	 */
	private boolean haChanged(long sbcId) {
		FeedSnapshot realtime = this.snapshots.latest(sbcId, Feed.REALTIME);
		Instant now = this.clock.instant();
		boolean stillSlave = false;
		if (realtime != null && !realtime.stale() && realtime.realtime() != null) {
			RealtimeStats stats = realtime.realtime();
			String before = this.roles.put(sbcId, stats.haState());
			if (before != null && !before.equals(stats.haState())) {
				this.roleChangedAt.put(sbcId, now);
			}
			stillSlave = this.roleChangedAt.containsKey(sbcId) && HaState.of(stats).slave();
		}
		Instant changed = this.roleChangedAt.get(sbcId);
		return changed != null && (stillSlave
				|| Duration.between(changed, now).compareTo(this.properties.pollInterval().multipliedBy(12)) < 0);
	}

	private void load() {
		if (!this.loaded) {
			reload();
		}
	}

	/**
	 * Reads the open alarms again from the store, for alarms written there by other means than this board's own
	 * evaluation (another instance's, say; the board otherwise reads them once, at first use). They take the place of
	 * those held SBC by SBC, so a page reading meanwhile never finds none.
	 */
	public synchronized void reload() {
		Map<Long, Map<Key, Alarm>> fresh = new HashMap<>();
		for (Alarm alarm : this.store.open()) {
			fresh.computeIfAbsent(alarm.sbcId(), id -> new ConcurrentHashMap<>())
				.put(new Key(alarm.sbcId(), alarm.metric(), alarm.subject()), alarm);
		}
		this.open.keySet().retainAll(fresh.keySet());
		this.open.putAll(fresh);
		this.loaded = true;
	}

	@Override
	public void destroy() {
		this.evaluator.shutdown();
	}

}
