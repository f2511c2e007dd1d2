package app.vsxi.dashboard.backups;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import app.vsxi.dashboard.fleet.FleetService;
import app.vsxi.dashboard.fleet.Sbc;
import app.vsxi.dashboard.monitoring.SbcNote;
import app.vsxi.dashboard.monitoring.SbcNotes;
import app.vsxi.dashboard.monitoring.alarms.AlarmEvaluator;
import app.vsxi.dashboard.monitoring.alarms.AlarmFigures;
import app.vsxi.dashboard.monitoring.alarms.AlarmMetric;

/**
 * How each SBC's backups stand, read from the database every few seconds (so every instance agrees): when its
 * last good backup was, and how many changes found on the box nobody has marked as seen. Published as the gauge
 * {@code vsxi_sbc_backup_age_seconds} per SBC, read by the alarm rules on backup age and drift, and noted on the SBC's
 * page and (when late or drifted) on the overview.
 */
@Component
class BackupHealth implements AlarmFigures, SbcNotes {

	private final BackupStore store;

	private final FleetService fleet;

	private final Clock clock;

	private final MultiGauge ages;

	private volatile Map<Long, Instant> lastGood = Map.of();

	private volatile Map<Long, Integer> drift = Map.of();

	/** How often each SBC is due, so a backup older than twice that (and a day) is noted as late. */
	private volatile Map<Long, Duration> every = Map.of();

	private final BackupSchedules schedules;

	BackupHealth(BackupStore store, BackupSchedules schedules, FleetService fleet, Clock clock, MeterRegistry meters) {
		this.schedules = schedules;
		this.store = store;
		this.fleet = fleet;
		this.clock = clock;
		this.ages = MultiGauge.builder("vsxi.sbc.backup.age")
			.description("Seconds since the SBC's last good backup (the oldest of its tables' latest good reads)")
			.baseUnit("seconds")
			.register(meters);
	}

	@Scheduled(initialDelay = 2, fixedDelay = 10, timeUnit = TimeUnit.SECONDS)
	void refresh() {
		this.lastGood = Map.copyOf(this.store.lastGood());
		this.drift = Map.copyOf(this.store.openDriftCounts());
		List<MultiGauge.Row<?>> rows = new ArrayList<>();
		BackupSchedules.Set schedule = this.schedules.read();
		Map<Long, Duration> due = new java.util.HashMap<>();
		for (Sbc sbc : this.fleet.everySbc()) {
			due.put(sbc.id(), schedule.every(sbc));
			if (this.lastGood.containsKey(sbc.id())) {
				long id = sbc.id();
				rows.add(MultiGauge.Row.of(Tags.of("sbc", sbc.name()), () -> {
					Duration age = age(id);
					return age == null ? Double.NaN : age.toMillis() / 1000.0;
				}));
			}
		}
		this.ages.register(rows, true);
		this.every = Map.copyOf(due);
	}

	@Override
	public List<SbcNote> notes(long sbcId) {
		String href = "/sbcs/" + sbcId + "/backups";
		List<SbcNote> notes = new ArrayList<>(2);
		Duration age = age(sbcId);
		if (age != null) {
			Duration late = this.every.getOrDefault(sbcId, Duration.ofDays(1)).multipliedBy(2).plusDays(1);
			notes.add(new SbcNote("Backups", "last good backup " + Durations.age(age) + " ago", href,
					age.compareTo(late) > 0));
		}
		int open = openDrift(sbcId);
		if (open > 0) {
			notes.add(new SbcNote("Backups", open == 1 ? "1 change found on the box, not by the dashboard"
					: open + " changes found on the box, not by the dashboard", href, true));
		}
		return notes;
	}

	/** How long ago the SBC's last good backup was; null when it has none. */
	Duration age(long sbcId) {
		Instant good = this.lastGood.get(sbcId);
		return good == null ? null : Duration.between(good, this.clock.instant());
	}

	int openDrift(long sbcId) {
		return this.drift.getOrDefault(sbcId, 0);
	}

	@Override
	public List<AlarmEvaluator.Reading> read(AlarmMetric metric, long sbcId, Instant now) {
		return switch (metric) {
			case BACKUP_AGE -> {
				Instant good = this.lastGood.get(sbcId);
				yield good == null ? List.of() : List.of(new AlarmEvaluator.Reading("",
						Duration.between(good, now).toMinutes() / 60.0, "last good backup " + good));
			}
			case DRIFT -> {
				int open = openDrift(sbcId);
				yield List.of(new AlarmEvaluator.Reading("", (double) open, open == 0 ? "no drift"
						: open + " change(s) found on the box that no dashboard apply explains; see Backups"));
			}
			default -> List.of();
		};
	}

}
