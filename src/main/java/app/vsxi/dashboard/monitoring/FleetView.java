package app.vsxi.dashboard.monitoring;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * The overview of the SBCs a user may see: a summary, the rows sorted and filtered, and the current problems.
 *
 * @param summary counts and totals over every visible SBC, whatever the filter
 * @param problems visible SBCs in trouble, worst first
 */
public record FleetView(Summary summary, List<Row> rows, List<Row> problems, Sort sort, String filter) {

	/** One SBC with the name of its group. */
	public record Row(SbcStatus status, String groupName) {
	}

	/**
	 * @param up answering (Load-Balance slaves included)
	 * @param stale answered before, silent for more than two intervals
	 * @param down every other kind of trouble
	 */
	public record Summary(int up, int stale, int down, int waiting, long calls, long cps) {
	}

	/** How rows may be ordered; problems first unless asked otherwise. */
	public enum Sort {

		PROBLEMS(Comparator.comparing((Row row) -> row.status().condition())),

		NAME(Comparator.comparing((Row row) -> 0)),

		GROUP(Comparator.comparing(Row::groupName, Comparator.nullsLast(String.CASE_INSENSITIVE_ORDER))),

		SITE(Comparator.comparing((Row row) -> row.status().siteLabel(),
				Comparator.nullsLast(String.CASE_INSENSITIVE_ORDER))),

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
		List<Row> all = statuses.stream().map(status -> new Row(status, groupNames.get(status.groupId()))).toList();
		String wanted = filter == null ? "" : filter.strip().toLowerCase(Locale.ROOT);
		List<Row> rows = all.stream().filter(row -> wanted.isEmpty() || matches(row, wanted)).sorted(sort.order).toList();
		List<Row> problems = all.stream()
			.filter(row -> row.status().condition().problem())
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
		for (Row row : rows) {
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
		return new Summary(up, stale, down, waiting, calls, cps);
	}

}
