package app.vsxi.dashboard.backups;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import app.vsxi.dashboard.audit.Actor;
import app.vsxi.dashboard.cluster.Ownership;
import app.vsxi.dashboard.cluster.SbcLeases;
import app.vsxi.dashboard.fleet.FleetService;
import app.vsxi.dashboard.fleet.Sbc;

/**
 * Starts the backups that are due, of the SBCs this instance polls (so with several instances each SBC is backed
 * up by one, its poller): an SBC is due when its schedule's time has passed since its last backup started, or
 * someone asked for one. Starting is one conditional update in the database, so two instances that both think
 * they own an SBC for a moment start it once, and a backup another instance is still running (the SBC's poller before
 * a hand-over) is waited for. At most {@code vsxi.backups.parallel} SBCs run at once here.
 */
@Component
class BackupScheduler implements DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(BackupScheduler.class);

	/** A backup started this long ago without ending was left by an instance that stopped. */
	static final java.time.Duration STALE = java.time.Duration.ofHours(1);

	private final BackupStore store;

	private final BackupSchedules schedules;

	private final FleetService fleet;

	private final SbcLeases leases;

	private final SbcBackup backup;

	private final BackupsProperties properties;

	private final Clock clock;

	private final ExecutorService workers;

	private final Set<Long> running = ConcurrentHashMap.newKeySet();

	private volatile Instant lastLook = Instant.EPOCH;

	BackupScheduler(BackupStore store, BackupSchedules schedules, FleetService fleet, SbcLeases leases,
			SbcBackup backup, BackupsProperties properties, Clock clock) {
		this.store = store;
		this.schedules = schedules;
		this.fleet = fleet;
		this.leases = leases;
		this.backup = backup;
		this.properties = properties;
		this.clock = clock;
		AtomicInteger count = new AtomicInteger();
		this.workers = Executors.newFixedThreadPool(Math.max(1, properties.parallel()), task -> {
			Thread thread = new Thread(task, "backup-" + count.incrementAndGet());
			thread.setDaemon(true);
			return thread;
		});
	}

	/** Looks every few seconds whether {@code vsxi.backups.check} has passed, or a backup was asked for. */
	@Scheduled(initialDelay = 5, fixedDelay = 5, timeUnit = TimeUnit.SECONDS)
	void tick() {
		Instant now = this.clock.instant();
		Map<Long, BackupStore.Run> runs = this.store.runs();
		boolean look = !now.isBefore(this.lastLook.plus(this.properties.check()));
		if (!look && runs.values().stream().noneMatch(run -> run.requestedBy() != null)) {
			return;
		}
		if (look) {
			this.lastLook = now;
		}
		startDue(now, runs);
	}

	/** Starts every due backup of this instance's SBCs; answers how many started. */
	int startDue(Instant now, Map<Long, BackupStore.Run> runs) {
		Ownership owned = this.leases.current();
		BackupSchedules.Set schedule = this.schedules.read();
		int started = 0;
		for (Sbc sbc : this.fleet.everySbc()) {
			if (!owned.owns(sbc.id()) || this.running.contains(sbc.id())) {
				continue;
			}
			BackupStore.Run run = runs.get(sbc.id());
			if (run != null && run.running(now.minus(STALE))) {
				// another instance (the SBC's poller before a hand-over) is still backing it up
				continue;
			}
			Instant last = run == null ? null : run.startedAt();
			String asked = run == null ? null : run.requestedBy();
			boolean due = this.properties.scheduled()
					&& (last == null || !last.plus(schedule.every(sbc)).isAfter(now));
			if (asked == null && !due) {
				continue;
			}
			if (!this.store.start(sbc.id(), now, last)) {
				continue;
			}
			this.running.add(sbc.id());
			started++;
			String by = asked != null ? asked : Actor.SYSTEM;
			this.workers.execute(() -> {
				try {
					this.backup.run(sbc, by);
				}
				catch (RuntimeException ex) {
					log.warn("Backup of {} stopped: {}", sbc.name(), ex.toString());
				}
				finally {
					try {
						this.store.finish(sbc.id(), this.clock.instant());
					}
					finally {
						this.running.remove(sbc.id());
					}
				}
			});
		}
		return started;
	}

	/** Whether this instance is backing up the SBC now. */
	boolean running(long sbcId) {
		return this.running.contains(sbcId);
	}

	@Override
	public void destroy() {
		this.workers.shutdownNow();
	}

}
