package app.vsxi.dashboard.backups;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import app.vsxi.dashboard.audit.Actor;
import app.vsxi.dashboard.audit.AuditAction;
import app.vsxi.dashboard.audit.AuditLog;
import app.vsxi.dashboard.audit.AuditOutcome;
import app.vsxi.dashboard.fleet.FleetService;
import app.vsxi.dashboard.fleet.Sbc;

/** Applies retention to every table of every SBC once an hour, on one instance of the cluster; audited per SBC. */
@Component
class BackupPruning {

	private final BackupStore store;

	private final VersionPruning pruning;

	private final FleetService fleet;

	private final AuditLog audit;

	private final BackupsProperties properties;

	private final Clock clock;

	BackupPruning(BackupStore store, VersionPruning pruning, FleetService fleet, AuditLog audit,
			BackupsProperties properties, Clock clock) {
		this.store = store;
		this.pruning = pruning;
		this.fleet = fleet;
		this.audit = audit;
		this.properties = properties;
		this.clock = clock;
	}

	@Scheduled(initialDelay = 3, fixedDelay = 60, timeUnit = TimeUnit.MINUTES)
	@SchedulerLock(name = "backup-pruning", lockAtMostFor = "PT50M")
	public void run() {
		prune(this.clock.instant());
	}

	/** Prunes as of {@code now}; answers the versions dropped per SBC id. */
	Map<Long, Integer> prune(Instant now) {
		Map<Long, int[]> per = new LinkedHashMap<>();
		for (Map.Entry<Long, String> subject : this.store.subjects()) {
			VersionPruning.Pruned pruned = this.pruning.prune(subject.getKey(), subject.getValue(),
					this.properties.retention(), now);
			int[] counts = per.computeIfAbsent(subject.getKey(), id -> new int[2]);
			counts[0] += pruned.versions();
			counts[1] += pruned.checks();
		}
		Map<Long, Sbc> sbcs = new LinkedHashMap<>();
		this.fleet.everySbc().forEach(sbc -> sbcs.put(sbc.id(), sbc));
		Map<Long, Integer> dropped = new LinkedHashMap<>();
		per.forEach((sbcId, counts) -> {
			dropped.put(sbcId, counts[0]);
			Sbc sbc = sbcs.get(sbcId);
			if ((counts[0] > 0 || counts[1] > 0) && sbc != null) {
				this.audit.recordAs(Actor.SYSTEM, AuditAction.BACKUP_PRUNE, sbc.name(), sbc.groupId(),
						AuditOutcome.SUCCESS, counts[0] + " versions and " + counts[1] + " checks past retention "
								+ "(every change for " + this.properties.keepEveryChange().toDays() + " days, then the last "
								+ "of each month" + (this.properties.keepMonths() > 0
										? " for " + this.properties.keepMonths() + " months" : "") + ")");
			}
		});
		return dropped;
	}

}
