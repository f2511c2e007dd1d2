package app.vsxi.dashboard.monitoring;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

import app.vsxi.dashboard.gateway.RealtimeStats;
import app.vsxi.dashboard.web.Plural;

/**
 * The overview of the SBCs a user may see: a summary, the rows sorted and filtered, and the current problems.
 *
 * @param summary counts and totals over every visible SBC, whatever the filter
 * @param problems visible SBCs that are not reachable or have an unacknowledged critical alarm, worst first
 */
public record FleetView(Summary summary, List<Row> rows, List<Row> problems, Sort sort, String filter) {

	/**
	 * One SBC with the name of its group, the registrations last counted (null if never read) and when, and its
	 * open alarms.
	 */
	public record Row(SbcStatus status, String groupName, Long registrations, Instant registrationsAt,
			List<RaisedAlarm> alarms, List<SbcNote> notes) {

		public Row(SbcStatus status, String groupName) {
			this(status, groupName, null, null, List.of(), List.of());
		}

		public Row(SbcStatus status, String groupName, Long registrations, List<RaisedAlarm> alarms) {
			this(status, groupName, registrations, null, alarms, List.of());
		}

		/** The notes that need attention, which the overview shows. */
		public List<SbcNote> warnings() {
			return this.notes.stream().filter(SbcNote::warning).toList();
		}

		/** Its figures, live or last known with their time; none before a first answer. */
		public Figures figures() {
			return Figures.of(this.status);
		}

		/**
		 * Whether the registrations shown are the last counted before the SBC stopped answering, to be shown as
		 * such: counted, and the SBC neither answering nor waiting for a first poll.
		 */
		public boolean registrationsLastKnown() {
			return this.registrations != null && this.status.state() != SbcStatus.State.UP
					&& this.status.state() != SbcStatus.State.WAITING;
		}

		/** When last-known registrations were counted, e.g. {@code at 08:24}; empty if not known. */
		public String registrationsAt(Instant now) {
			return Figures.at(this.registrationsAt, now);
		}

		/** What a pointer or a screen reader learns about last-known registrations. */
		public String registrationsTitle() {
			return this.registrationsAt == null ? "Last known; not live" : Figures.title(this.registrationsAt);
		}

		/** E.g. {@code 40 registrations}, empty if never counted. */
		public String registrationsText() {
			return this.registrations == null ? "" : Plural.count(this.registrations, "registration", "registrations");
		}

		/**
		 * The worst of its state and its unacknowledged alarms in one or two words, as a wall shows it: the trouble
		 * (e.g. {@code Unreachable}, {@code Stale}) before the level of an alarm ({@code Critical}), that before the
		 * plain state ({@code Reachable}).
		 */
		public String worstState() {
			Condition condition = this.status.condition();
			if (condition.problem() && condition != Condition.SLAVE) {
				return condition.badge();
			}
			AlarmLevel worst = worstAlarm();
			return worst != null ? worst.label() : condition.badge();
		}

		/** The worst level among the open alarms nobody acknowledged, null without one: it gives the colour. */
		public AlarmLevel worstAlarm() {
			return unacknowledged().stream().map(RaisedAlarm::level).max(Enum::compareTo).orElse(null);
		}

		/** Open alarms nobody acknowledged yet: those counted and coloured. */
		public List<RaisedAlarm> unacknowledged() {
			return this.alarms.stream().filter(alarm -> !alarm.acknowledged()).toList();
		}

		/** Open alarms nobody acknowledged, critical ones first, as the wallboard lists them. */
		public List<RaisedAlarm> unacknowledgedWorstFirst() {
			return unacknowledged().stream().sorted(Comparator.comparing(RaisedAlarm::level).reversed()).toList();
		}

		/** An alarm on one line, with its value against its threshold: {@code CPU use 97 % above 90 %}. */
		public String alarmLine(RaisedAlarm alarm) {
			String what = alarm.subject() == null || alarm.subject().isEmpty() ? alarm.title()
					: alarm.title() + ", " + alarm.subject();
			String value = alarm.valueAndThreshold();
			return value.isEmpty() ? what : what + " " + value;
		}

		/** Open alarms someone acknowledged: shown apart, counted nowhere. */
		public int acknowledgedCount() {
			return (int) this.alarms.stream().filter(RaisedAlarm::acknowledged).count();
		}

		/** Whether it is on the list of current problems: not reachable, or a critical alarm nobody took in hand. */
		public boolean problem() {
			return this.status.condition().problem() || worstAlarm() == AlarmLevel.CRITICAL;
		}

		int alarmRank() {
			AlarmLevel worst = worstAlarm();
			return worst == null ? 0 : worst.ordinal() + 1;
		}

		/** Active calls as a share of {@code max_session_allowed}, null without figures. */
		public Double sessionUse() {
			RealtimeStats stats = this.status.stats();
			return stats == null || stats.maxSessionsAllowed() <= 0 ? null
					: stats.activeSessions() * 100.0 / stats.maxSessionsAllowed();
		}

		/** CPS as a share of {@code max_cps_allowed}, null without figures. */
		public Double cpsUse() {
			RealtimeStats stats = this.status.stats();
			return stats == null || stats.maxCpsAllowed() <= 0 ? null : stats.currentCps() * 100.0 / stats.maxCpsAllowed();
		}

		/** 100 − {@code cpu_idle_percent}, null without figures. */
		public Integer cpu() {
			return this.status.stats() == null ? null : 100 - this.status.stats().cpuIdlePercent();
		}

		/** How the HA pair looks, null without figures. */
		public HaState.Health haHealth() {
			return this.status.ha() == null ? null : this.status.ha().health();
		}

		/** The colour of a wallboard tile: the worst of its alarms and its condition. */
		public String tone() {
			AlarmLevel worst = worstAlarm();
			if (worst == AlarmLevel.CRITICAL || this.status.condition().problem() && this.status.condition() != Condition.STALE) {
				return "critical";
			}
			if (worst == AlarmLevel.WARNING || this.status.condition() == Condition.STALE) {
				return "warning";
			}
			return this.status.condition() == Condition.WAITING ? "waiting" : "ok";
		}

	}

	/**
	 * @param up answering (Load-Balance slaves included)
	 * @param stale answered before, silent for more than two intervals
	 * @param down every other kind of trouble
	 */
	public record Summary(int up, int stale, int down, int waiting, long calls, long cps, int alarmed,
			long registrations) {
	}

	/** How rows may be ordered; problems first unless asked otherwise. */
	public enum Sort {

		PROBLEMS(Comparator.comparing((Row row) -> row.status().condition())
			.thenComparing(Comparator.comparingInt(Row::alarmRank).reversed())),

		NAME(Comparator.comparing((Row row) -> 0)),

		GROUP(Comparator.comparing(Row::groupName, Comparator.nullsLast(String.CASE_INSENSITIVE_ORDER))
			.thenComparing(row -> row.status().siteLabel(), Comparator.nullsLast(String.CASE_INSENSITIVE_ORDER))
			.thenComparing(row -> row.status().condition())
			.thenComparing(Comparator.comparingInt(Row::alarmRank).reversed())),

		SITE(Comparator.comparing((Row row) -> row.status().siteLabel(),
				Comparator.nullsLast(String.CASE_INSENSITIVE_ORDER))
			.thenComparing(row -> row.status().condition())
			.thenComparing(Comparator.comparingInt(Row::alarmRank).reversed())),

		CPU(Comparator.comparing((Row row) -> row.cpu() == null ? -1 : row.cpu()).reversed()),

		ALARMS(Comparator.comparingInt(Row::alarmRank).reversed()
			.thenComparing(Comparator.comparingInt((Row row) -> row.unacknowledged().size()).reversed())),

		CALLS(Comparator.comparing((Row row) -> row.status().stats() == null ? -1 : row.status().stats().activeSessions())
			.reversed()),

		CPS(Comparator.comparing((Row row) -> row.status().stats() == null ? -1 : row.status().stats().currentCps())
			.reversed());

		private final Comparator<Row> order;

		Sort(Comparator<Row> order) {
			this.order = order.thenComparing(row -> row.status().name(), String.CASE_INSENSITIVE_ORDER);
		}

		/** The sort named in a request, problems first for anything else. */
		public static Sort named(String name) {
			for (Sort sort : values()) {
				if (sort.name().equalsIgnoreCase(Objects.requireNonNullElse(name, ""))) {
					return sort;
				}
			}
			return PROBLEMS;
		}

		public String param() {
			return name().toLowerCase(Locale.ROOT);
		}

	}

	static FleetView of(List<SbcStatus> statuses, Map<Long, String> groupNames, Sort sort, String filter) {
		return of(statuses, groupNames, id -> null, id -> List.of(), sort, filter);
	}

	static FleetView of(List<SbcStatus> statuses, Map<Long, String> groupNames,
			java.util.function.LongFunction<Long> registrations,
			java.util.function.LongFunction<? extends List<? extends RaisedAlarm>> alarms,
			Sort sort, String filter) {
		return counted(statuses, groupNames, id -> registrations.apply(id) == null ? null
				: new Counted(registrations.apply(id), null), alarms, id -> List.of(), sort, filter);
	}

	/** A count and when it was made. */
	record Counted(long count, Instant at) {
	}

	/** As {@link #of}, with when each SBC's registrations were counted and what other features note about it. */
	static FleetView counted(List<SbcStatus> statuses, Map<Long, String> groupNames,
			java.util.function.LongFunction<Counted> registrations,
			java.util.function.LongFunction<? extends List<? extends RaisedAlarm>> alarms,
			java.util.function.LongFunction<List<SbcNote>> notes, Sort sort, String filter) {
		List<Row> all = statuses.stream().map(status -> {
			Counted regs = registrations.apply(status.sbcId());
			return new Row(status, groupNames.get(status.groupId()), regs == null ? null : regs.count(),
					regs == null ? null : regs.at(), List.copyOf(alarms.apply(status.sbcId())),
					notes.apply(status.sbcId()));
		}).toList();
		String wanted = filter == null ? "" : filter.strip().toLowerCase(Locale.ROOT);
		List<Row> rows = all.stream().filter(row -> wanted.isEmpty() || matches(row, wanted)).sorted(sort.order).toList();
		List<Row> problems = all.stream()
			.filter(Row::problem)
			.sorted(Sort.PROBLEMS.order)
			.toList();
		return new FleetView(summarize(all), rows, problems, sort, wanted.isEmpty() ? "" : filter.strip());
	}

	private static boolean matches(Row row, String wanted) {
		SbcStatus status = row.status();
		return contains(status.name(), wanted) || contains(status.siteLabel(), wanted)
				|| contains(row.groupName(), wanted) || contains(status.badge(), wanted)
				|| contains(status.stats() == null ? null : status.stats().haState(), wanted);
	}

	private static boolean contains(String text, String wanted) {
		return text != null && text.toLowerCase(Locale.ROOT).contains(wanted);
	}

	private static Summary summarize(List<Row> rows) {
		int up = 0;
		int stale = 0;
		int down = 0;
		int waiting = 0;
		long calls = 0;
		long cps = 0;
		int alarmed = 0;
		long registrations = 0;
		for (Row row : rows) {
			alarmed += row.unacknowledged().isEmpty() ? 0 : 1;
			registrations += row.registrations() == null ? 0 : row.registrations();
			SbcStatus status = row.status();
			switch (status.state()) {
				case UP -> up++;
				case STALE -> stale++;
				case WAITING -> waiting++;
				default -> down++;
			}
			if (status.state() == SbcStatus.State.UP && status.stats() != null) {
				calls += status.stats().activeSessions();
				cps += status.stats().currentCps();
			}
		}
		return new Summary(up, stale, down, waiting, calls, cps, alarmed, registrations);
	}

}
