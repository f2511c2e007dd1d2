package app.vsxi.dashboard.backups;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

import app.vsxi.dashboard.access.AccessService;
import app.vsxi.dashboard.audit.Actor;
import app.vsxi.dashboard.audit.AuditAction;
import app.vsxi.dashboard.audit.AuditLog;
import app.vsxi.dashboard.audit.AuditOutcome;
import app.vsxi.dashboard.fleet.FleetService;
import app.vsxi.dashboard.fleet.Sbc;
import app.vsxi.dashboard.tables.DraftOpening;
import app.vsxi.dashboard.tables.EditableTable;
import app.vsxi.dashboard.tables.RestorePoints;
import app.vsxi.dashboard.tables.SecretsMasked;
import app.vsxi.dashboard.tables.TableApplier;
import app.vsxi.dashboard.tables.engine.RowChange;
import app.vsxi.dashboard.tables.engine.RowCodec;
import app.vsxi.dashboard.tables.engine.TableDiff;
import app.vsxi.dashboard.web.RefusedException;

/**
 * What the backup pages of an SBC show and do: its tables' latest backups and drift, a table's timeline, the diff
 * of two versions, restore through the editor, "Back up now", and the schedule. Viewers of the SBC's group see;
 * operators back up and restore; the group's administrators set the schedule and download the box's files.
 */
@Service
public class BackupsService {

	/** Changes shown per page of a diff. */
	static final int DIFF_PAGE = 50;

	/** Checks shown per page of a timeline. */
	static final int TIMELINE_PAGE = 50;

	private final BackupStore store;

	private final VersionReader reader;

	private final BackupSchedules schedules;

	private final BackupScheduler scheduler;

	private final FleetService fleet;

	private final AccessService access;

	private final RestorePoints restorePoints;

	private final TableApplier applier;

	private final AuditLog audit;

	private final Clock clock;

	BackupsService(BackupStore store, VersionReader reader, BackupSchedules schedules, BackupScheduler scheduler,
			FleetService fleet, AccessService access, RestorePoints restorePoints,
			TableApplier applier, AuditLog audit, Clock clock) {
		this.store = store;
		this.reader = reader;
		this.schedules = schedules;
		this.scheduler = scheduler;
		this.fleet = fleet;
		this.access = access;
		this.restorePoints = restorePoints;
		this.applier = applier;
		this.audit = audit;
		this.clock = clock;
	}

	/** One table or file of an SBC: its newest version and its latest check. */
	public record Subject(String name, boolean file, BackupStore.Version head, BackupStore.Check latest) {
	}

	/** The backups tab of an SBC. */
	public record Overview(Sbc sbc, List<Subject> subjects, List<BackupStore.Version> drift, Duration age,
			Duration every, String everyFrom, boolean running, String requestedBy, boolean mayOperate,
			boolean mayAdminister, boolean admin) {

		/** How old the last good backup is, in words; null when there is none. */
		public String ageText() {
			return this.age == null ? null : Durations.age(this.age);
		}

		public String everyText() {
			return Durations.text(this.every);
		}

	}

	@PreAuthorize("@access.canOnSbc('VIEW', #sbcId)")
	public Overview overview(long sbcId) {
		Sbc sbc = this.fleet.get(sbcId);
		Map<String, BackupStore.Version> heads = new java.util.HashMap<>();
		this.store.heads(sbcId).forEach(head -> heads.put(head.subject(), head));
		Map<String, BackupStore.Check> latest = this.store.latestChecks(sbcId);
		List<Subject> subjects = new ArrayList<>();
		for (String subject : Subjects.all()) {
			subjects.add(new Subject(subject, Subjects.file(subject), heads.get(subject), latest.get(subject)));
		}
		BackupSchedules.Set schedule = this.schedules.read();
		BackupStore.Run run = this.store.runs().get(sbcId);
		Duration age = this.store.lastGood(sbcId).map(good -> Duration.between(good, this.clock.instant())).orElse(null);
		return new Overview(sbc, subjects, this.store.openDrift(sbcId), age, schedule.every(sbc),
				schedule.from(sbc), this.scheduler.running(sbcId), run == null ? null : run.requestedBy(),
				this.access.canOnSbc("OPERATE", sbcId), this.access.canOnSbc("ADMINISTER", sbcId),
				this.access.isAdmin());
	}

	/** Asks the instance that polls the SBC to back it up now (within seconds). */
	@PreAuthorize("@access.canOnSbc('OPERATE', #sbcId)")
	public void backUpNow(long sbcId) {
		this.fleet.get(sbcId);
		this.store.request(sbcId, Actor.current(), this.clock.instant());
	}

	/** A page of a table's timeline, with its versions to pick two for a diff. */
	public record History(Sbc sbc, String subject, boolean file, List<BackupStore.Check> checks,
			Map<Long, BackupStore.Version> versions, List<BackupStore.Version> newestFirst, int page, int pages,
			boolean mayOperate, boolean mayAdminister) {
	}

	@PreAuthorize("@access.canOnSbc('VIEW', #sbcId)")
	public History history(long sbcId, String subject, int page) {
		Sbc sbc = this.fleet.get(sbcId);
		requireKnown(subject);
		int pages = pages(this.store.timelineLength(sbcId, subject), TIMELINE_PAGE);
		int shown = Math.max(1, Math.min(page, pages));
		List<BackupStore.Check> checks = this.store.timeline(sbcId, subject, (shown - 1) * TIMELINE_PAGE, TIMELINE_PAGE);
		List<BackupStore.Version> versions = this.store.versions(sbcId, subject);
		Map<Long, BackupStore.Version> byId = new java.util.HashMap<>();
		versions.forEach(version -> byId.put(version.id(), version));
		List<BackupStore.Version> newestFirst = new ArrayList<>(versions);
		java.util.Collections.reverse(newestFirst);
		return new History(sbc, subject, Subjects.file(subject), checks, byId, newestFirst, shown, pages,
				this.access.canOnSbc("OPERATE", sbcId), this.access.canOnSbc("ADMINISTER", sbcId));
	}

	/** One page of the keyed diff between two versions of a table, secrets masked. */
	public record DiffPage(Sbc sbc, String subject, BackupStore.Version from, BackupStore.Version to,
			TableDiff.Summary summary, TableDiff shown, int page, int pages) {
	}

	@PreAuthorize("@access.canOnSbc('VIEW', #sbcId)")
	public DiffPage diff(long sbcId, String subject, Long fromId, long toId, int page) {
		Sbc sbc = this.fleet.get(sbcId);
		EditableTable table = Subjects.table(subject)
			.orElseThrow(() -> new RefusedException("Only tables have a diff; " + subject + " is kept as a file"));
		BackupStore.Version to = versionOf(sbcId, subject, toId);
		// without a version to compare with: the one before
		BackupStore.Version from = fromId != null ? versionOf(sbcId, subject, fromId)
				: this.store.versions(sbcId, subject).stream().filter(version -> version.id() < toId)
					.reduce((first, second) -> second).orElse(to);
		TableDiff diff = this.reader.diff(from, to, table);
		List<RowChange> all = new ArrayList<>(diff.changed());
		all.addAll(diff.added());
		all.addAll(diff.removed());
		int pages = pages(all.size(), DIFF_PAGE);
		int shown = Math.max(1, Math.min(page, pages));
		List<RowChange> slice = all.subList((shown - 1) * DIFF_PAGE, Math.min(all.size(), shown * DIFF_PAGE));
		TableDiff masked = SecretsMasked.diff(subject, new TableDiff(
				slice.stream().filter(RowChange.Added.class::isInstance).map(RowChange.Added.class::cast).toList(),
				slice.stream().filter(RowChange.Removed.class::isInstance).map(RowChange.Removed.class::cast).toList(),
				slice.stream().filter(RowChange.Changed.class::isInstance).map(RowChange.Changed.class::cast).toList(),
				false, List.of(), List.of()));
		return new DiffPage(sbc, subject, from, to, diff.summary(), masked, shown, pages);
	}

	/**
	 * Opens a draft that turns the table on the box back into the version: the editor's roll back, with its
	 * preview, conflict check, apply and verify, audited as a restore when applied.
	 */
	@PreAuthorize("@access.canOnSbc('OPERATE', #sbcId)")
	public DraftOpening.Opened restore(long sbcId, String subject, long versionId) {
		EditableTable table = Subjects.table(subject).filter(EditableTable::writable)
			.orElseThrow(() -> new RefusedException("The API cannot write " + subject + ", so it cannot be restored"));
		BackupStore.Version version = versionOf(sbcId, subject, versionId);
		RowCodec.Packed rows = this.reader.rows(version, table);
		long snapshot = this.restorePoints.keep(sbcId, subject, version.root(), version.item(), rows, version.id(),
				"backup version " + version.id() + " of " + version.takenAt());
		return this.applier.rollback(sbcId, snapshot);
	}

	/** A kept file, byte for byte, for the group's administrators (a system configuration may hold secrets). */
	@PreAuthorize("@access.canOnSbc('ADMINISTER', #sbcId)")
	public byte[] file(long sbcId, String subject, long versionId) {
		Sbc sbc = this.fleet.get(sbcId);
		if (!Subjects.file(subject)) {
			throw new RefusedException(subject + " is a table: open it in the history");
		}
		BackupStore.Version version = versionOf(sbcId, subject, versionId);
		byte[] bytes = this.reader.file(version);
		this.audit.record(AuditAction.TABLE_EXPORT, sbc.name() + " " + subject, sbc.groupId(), AuditOutcome.SUCCESS,
				"backup version " + versionId + " of " + version.takenAt() + " downloaded, " + bytes.length + " bytes");
		return bytes;
	}

	@PreAuthorize("@access.canOnSbc('OPERATE', #sbcId)")
	public void markDriftSeen(long sbcId, long versionId) {
		Sbc sbc = this.fleet.get(sbcId);
		BackupStore.Version version = this.store.version(versionId).filter(found -> found.sbcId() == sbcId)
			.orElseThrow(() -> new RefusedException("No such version of this SBC's backups"));
		if (this.store.markDriftSeen(sbcId, versionId, Actor.current()) == 1) {
			this.audit.record(AuditAction.BACKUP_DRIFT_SEEN, sbc.name() + " " + version.subject(), sbc.groupId(),
					AuditOutcome.SUCCESS, "version " + versionId + ": " + version.summary());
		}
	}

	/**
	 * Sets how often the SBC, its group or the whole fleet is backed up; null clears it. An SBC's schedule is its
	 * group administrators', a group's too, the fleet's the administrators'.
	 */
	@PreAuthorize("@access.canOnSbc('ADMINISTER', #sbcId)")
	public void schedule(long sbcId, BackupSchedules.Scope scope, Duration every) {
		Sbc sbc = this.fleet.get(sbcId);
		if (scope == BackupSchedules.Scope.FLEET && !this.access.isAdmin()) {
			throw new RefusedException("Only administrators set the whole fleet's schedule");
		}
		if (every != null && (every.compareTo(Duration.ofMinutes(15)) < 0 || every.compareTo(Duration.ofDays(31)) > 0)) {
			throw new RefusedException("A backup schedule runs between every 15 minutes and every 31 days");
		}
		long scopeId = switch (scope) {
			case FLEET -> 0;
			case GROUP -> {
				if (sbc.groupId() == null) {
					throw new RefusedException(sbc.name() + " is in no group");
				}
				yield sbc.groupId();
			}
			case SBC -> sbc.id();
		};
		this.schedules.set(scope, scopeId, every, Actor.current(), this.clock.instant());
		String target = switch (scope) {
			case FLEET -> "the fleet";
			case GROUP -> "group of " + sbc.name();
			case SBC -> sbc.name();
		};
		this.audit.record(AuditAction.BACKUP_SCHEDULE, target, scope == BackupSchedules.Scope.FLEET ? null : sbc.groupId(),
				AuditOutcome.SUCCESS, every == null ? "schedule cleared: the wider one applies"
						: "backed up every " + Durations.text(every));
	}

	private BackupStore.Version versionOf(long sbcId, String subject, long versionId) {
		return this.store.version(versionId)
			.filter(found -> found.sbcId() == sbcId && found.subject().equals(subject))
			.orElseThrow(() -> new RefusedException("No such version of " + subject + " on this SBC"));
	}

	/** How many pages {@code count} items fill, at least one. */
	private static int pages(int count, int perPage) {
		return Math.max(1, (count + perPage - 1) / perPage);
	}

	private static void requireKnown(String subject) {
		if (!Subjects.known(subject)) {
			throw new RefusedException("Backups keep no " + subject);
		}
	}

}
