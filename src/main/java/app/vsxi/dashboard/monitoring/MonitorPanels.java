package app.vsxi.dashboard.monitoring;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import app.vsxi.dashboard.gateway.RealtimeStats;
import app.vsxi.dashboard.gateway.TableDocument;
import app.vsxi.dashboard.gateway.TableRow;
import app.vsxi.dashboard.gateway.TrunkRealtime;
import app.vsxi.dashboard.web.Plural;

/**
 * Turns the stored snapshots of one SBC into what the Monitor tab shows: a panel per endpoint with tables of text,
 * sorted on request, and sparklines of the kept history. Reads the store only.
 */
public final class MonitorPanels {

	/** Rows shown per table; the rest are counted. */
	public static final int MAX_ROWS = 200;

	private MonitorPanels() {
	}

	/** A table as shown: its columns and its rows of text, {@code total} rows before the cut. */
	public record PanelTable(String name, List<String> columns, List<List<String>> rows, int total) {

		public boolean cut() {
			return this.total > this.rows.size();
		}

		/** A cell holding a number, aligned right. */
		public boolean numeric(String cell) {
			return number(cell) != null;
		}

	}

	/**
	 * One endpoint's panel.
	 *
	 * @param snapshot its last poll, null before any
	 * @param text the plain text of {@code system/realtime}, null for the others
	 * @param sort the column sorted on, null for the box's order
	 */
	public record Panel(Feed feed, FeedSnapshot snapshot, List<PanelTable> tables, String text, String sort,
			boolean descending) {

		public boolean empty() {
			return this.snapshot == null || this.snapshot.value() == null;
		}

		public boolean stale() {
			return this.snapshot != null && this.snapshot.stale();
		}

		/** How old the data shown is: "now", "12 s ago" or "never". */
		public String age(Instant now) {
			return MonitorPanels.age(this.snapshot, now);
		}

		/** The direction a click on this column asks for: the other one when it is the column sorted on. */
		public String nextDir(String column) {
			return column.equals(this.sort) && !this.descending ? "desc" : "asc";
		}

		/** {@code aria-sort} of a column head, null when not sorted on. */
		public String ariaSort(String column) {
			return column.equals(this.sort) ? (this.descending ? "descending" : "ascending") : null;
		}

	}

	/**
	 * A sparkline: the polyline's points in a 100 × 24 box, and the figures it shows.
	 *
	 * @param spanSeconds the time from its first sample to its last
	 */
	public record Sparkline(String name, String label, String points, double last, double min, double max,
			int samples, long spanSeconds) {

		/** "1 sample", "30 samples". */
		public String samplesText() {
			return Plural.count(this.samples, "sample", "samples");
		}

		/** The time it covers, in words: "last 45 s", "last 10 min", "last 2 h 5 min". */
		public String spanText() {
			long s = this.spanSeconds;
			if (s < 120) {
				return "last " + s + " s";
			}
			long minutes = Math.round(s / 60.0);
			return minutes < 120 ? "last " + minutes + " min"
					: "last " + minutes / 60 + " h" + (minutes % 60 == 0 ? "" : " " + minutes % 60 + " min");
		}

		public String lastText() {
			return format(this.last);
		}

		public String minText() {
			return format(this.min);
		}

		public String maxText() {
			return format(this.max);
		}

	}

	public static Panel panel(SnapshotStore store, long sbcId, Feed feed, String sort, boolean descending) {
		FeedSnapshot snapshot = store.latest(sbcId, feed);
		FeedValue value = snapshot == null ? null : snapshot.value();
		List<PanelTable> tables = new ArrayList<>();
		String text = null;
		if (value instanceof FeedValue.Info info) {
			StringBuilder lines = new StringBuilder();
			info.info().lines().forEach((label, line) -> lines.append(label).append(": ").append(line).append('\n'));
			text = lines.toString();
		}
		else if (feed == Feed.RESOURCE && value != null) {
			tables.add(kpiTable(store, sbcId));
		}
		else if (value instanceof FeedValue.Realtime realtime) {
			RealtimeStats stats = realtime.stats();
			tables.add(fieldTable("system_stat", stats.systemStat()));
			if (!stats.trunks().isEmpty()) {
				tables.add(rowsTable("Trunks now (XBResourceRealTimeStatList: a row per node; fqdn Group is the whole"
						+ " trunk and its capacity)", stats.trunks().stream().map(TrunkRealtime::fields).toList()));
			}
		}
		else if (feed == Feed.CAPACITY && value instanceof FeedValue.Document capacity) {
			tables.add(TrunkLimits.of(capacity.document()));
		}
		else if (value instanceof FeedValue.Document list) {
			TableDocument document = list.document();
			tables.add(rowsTable(document.item(), document.rows().stream().map(MonitorPanels::texts).toList()));
		}
		else if (value instanceof FeedValue.Dump dump) {
			dump.tables().forEach((name, rows) -> tables.add(rowsTable(name, rows == null ? List.of() : rows)));
		}
		List<PanelTable> sorted = tables.stream().map(table -> sorted(table, sort, descending)).toList();
		return new Panel(feed, snapshot, sorted, text, sort, descending);
	}

	/** Trunk KPIs from the last {@code stats/resource}, {@code stats/realtime} and {@code download/resource}. */
	static PanelTable kpiTable(SnapshotStore store, long sbcId) {
		List<TrunkKpis.Trunk> trunks = TrunkFigures.of(store, sbcId);
		List<String> columns = new ArrayList<>(List.of("Trunk", "Alias"));
		for (TrunkKpis.Span span : TrunkKpis.Span.values()) {
			columns.addAll(List.of("Attempts " + span.label(), "ASR % " + span.label(), "ACD s " + span.label(),
					"PDD s " + span.label(), "Fail % " + span.label()));
		}
		columns.addAll(List.of("Sessions", "Limit", "Limit from", "Use in %", "Use out %"));
		List<List<String>> rows = new ArrayList<>();
		for (TrunkKpis.Trunk trunk : trunks) {
			List<String> row = new ArrayList<>(List.of(trunk.trunkId(), trunk.alias() == null ? "" : trunk.alias()));
			for (TrunkKpis.Span span : TrunkKpis.Span.values()) {
				TrunkKpis.Window window = trunk.combined(span);
				row.addAll(List.of(Long.toString(window.attempts()), format(window.asr()), format(window.acd()),
						format(window.avgPdd()), format(window.failureRatio())));
			}
			row.addAll(List.of(Long.toString(trunk.sessions()), trunk.limit() > 0 ? Long.toString(trunk.limit()) : "",
					trunk.limitFrom(), format(trunk.ingressUtilisation()), format(trunk.egressUtilisation())));
			rows.add(row);
		}
		return cut(new PanelTable("Trunk KPIs (both sides)", columns, rows, rows.size()));
	}

	/** Sparklines of the SBC's series, those of the whole SBC first, then each trunk's ASR. */
	public static List<Sparkline> sparklines(SnapshotStore store, long sbcId) {
		List<Sparkline> lines = new ArrayList<>();
		for (String name : SnapshotStore.SBC_SERIES) {
			List<Series.Sample> samples = store.series(sbcId, name);
			if (!samples.isEmpty()) {
				lines.add(sparkline(name, label(name), samples));
			}
		}
		store.seriesNames(sbcId).stream().filter(name -> name.startsWith("asr:")).sorted().forEach(name -> lines
			.add(sparkline(name, "ASR 15 min, trunk " + name.substring(4) + " (%)", store.series(sbcId, name))));
		return lines;
	}

	static Sparkline sparkline(String name, String label, List<Series.Sample> samples) {
		double min = samples.stream().mapToDouble(Series.Sample::value).min().orElse(0);
		double max = samples.stream().mapToDouble(Series.Sample::value).max().orElse(0);
		long first = samples.get(0).at().toEpochMilli();
		long span = Math.max(1, samples.get(samples.size() - 1).at().toEpochMilli() - first);
		double range = max - min;
		StringBuilder points = new StringBuilder();
		for (Series.Sample sample : samples) {
			double x = samples.size() == 1 ? 100 : (sample.at().toEpochMilli() - first) * 100.0 / span;
			double y = range == 0 ? 12 : 22 - (sample.value() - min) * 20 / range;
			points.append(String.format(Locale.ROOT, "%.1f,%.1f ", x, y));
		}
		long spanMillis = samples.get(samples.size() - 1).at().toEpochMilli() - first;
		return new Sparkline(name, label, points.toString().strip(), samples.get(samples.size() - 1).value(), min, max,
				samples.size(), spanMillis / 1000);
	}

	private static String label(String name) {
		return switch (name) {
			case "calls" -> "Active calls";
			case "cps" -> "CPS";
			case "cpu" -> "CPU (%)";
			case "registrations" -> "Registrations";
			default -> name;
		};
	}

	private static PanelTable fieldTable(String name, Map<String, String> fields) {
		List<List<String>> rows = new ArrayList<>();
		fields.entrySet().stream().sorted(Map.Entry.comparingByKey())
			.forEach(field -> rows.add(List.of(field.getKey(), String.valueOf(field.getValue()))));
		return new PanelTable(name, List.of("Field", "Value"), rows, rows.size());
	}

	private static PanelTable rowsTable(String name, List<Map<String, String>> rows) {
		Set<String> columns = new LinkedHashSet<>();
		rows.forEach(row -> columns.addAll(row.keySet()));
		List<String> order = List.copyOf(columns);
		List<List<String>> cells = new ArrayList<>();
		for (Map<String, String> row : rows) {
			cells.add(order.stream().map(column -> row.get(column) == null ? "" : row.get(column)).toList());
		}
		return new PanelTable(name, order, cells, cells.size());
	}

	private static Map<String, String> texts(TableRow row) {
		Map<String, String> texts = new java.util.LinkedHashMap<>();
		row.fields().forEach((field, value) -> texts.put(field, value == null ? "" : String.valueOf(value)));
		return texts;
	}

	/** Sorted on a column, numbers as numbers, then cut to {@link #MAX_ROWS}. */
	static PanelTable sorted(PanelTable table, String column, boolean descending) {
		int index = column == null ? -1 : table.columns().indexOf(column);
		if (index < 0) {
			return cut(table);
		}
		Comparator<List<String>> order = Comparator.comparing(row -> row.get(index), MonitorPanels::compareCells);
		List<List<String>> rows = new ArrayList<>(table.rows());
		rows.sort(descending ? order.reversed() : order);
		return cut(new PanelTable(table.name(), table.columns(), rows, table.total()));
	}

	private static PanelTable cut(PanelTable table) {
		return table.rows().size() <= MAX_ROWS ? table
				: new PanelTable(table.name(), table.columns(), List.copyOf(table.rows().subList(0, MAX_ROWS)),
						table.total());
	}

	static int compareCells(String a, String b) {
		BigDecimal x = number(a);
		BigDecimal y = number(b);
		if (x != null && y != null) {
			return x.compareTo(y);
		}
		if (x != null || y != null) {
			return x != null ? -1 : 1;
		}
		return String.CASE_INSENSITIVE_ORDER.compare(a, b);
	}

	private static BigDecimal number(String text) {
		if (text == null || text.isBlank()) {
			return null;
		}
		try {
			return new BigDecimal(text.strip());
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

	static String format(Double value) {
		return value == null ? "" : format(value.doubleValue());
	}

	static String format(double value) {
		if (value == Math.rint(value) && Math.abs(value) < 1e15) {
			return Long.toString((long) value);
		}
		return String.format(Locale.ROOT, "%.2f", value);
	}

	/** For templates: seconds since, or "never". */
	public static String age(FeedSnapshot snapshot, Instant now) {
		Long age = snapshot == null ? null : snapshot.ageSeconds(now);
		return age == null ? "never" : age < 2 ? "now" : age + " s ago";
	}

}
