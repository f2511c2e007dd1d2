package app.vsxi.dashboard.monitoring;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import app.vsxi.dashboard.gateway.RealtimeStats;
import app.vsxi.dashboard.gateway.TableDocument;
import app.vsxi.dashboard.gateway.TableRow;
import app.vsxi.dashboard.gateway.TrunkRealtime;

/**
 * Trunk KPIs as NOC tools compute them from {@code stats/resource} ({@code ingress_stat}, {@code gw_egress_stat})
 * and the per-trunk rows of {@code stats/realtime}:
 * <ul>
 * <li>ASR = answers / attempts · 100</li>
 * <li>ACD = call_durationSec / attempts (over attempts, as those tools do, not over answered calls)</li>
 * <li>average PDD = pdd_ms / attempts / 1000, in seconds</li>
 * <li>failure ratio = fails / attempts · 100</li>
 * <li>utilisation = numOrig (ingress) or numTerm (egress) / totalLimit · 100, all three from the trunk's
 * {@code Group} row, the whole trunk; without one, sessions are its node rows added up and the limit is its
 * {@code capacity} from {@code download/resource}, never one node's {@code totalLimit}</li>
 * </ul>
 * A window without attempts has no ratio (null), never a division by zero.
 */
public final class TrunkKpis {

	private TrunkKpis() {
	}

	/** The two sides of {@code stats/resource}. */
	public enum Side {

		INGRESS("ingress_stat"), EGRESS("gw_egress_stat");

		private final String table;

		Side(String table) {
			this.table = table;
		}

		public String table() {
			return this.table;
		}

	}

	/** The three windows of {@code stats/resource}, by field prefix. */
	public enum Span {

		MIN15("1st15mins_", "15 min"), HOUR("1h_", "1 h"), DAY("24h_", "24 h");

		private final String prefix;

		private final String label;

		Span(String prefix, String label) {
			this.prefix = prefix;
			this.label = label;
		}

		public String prefix() {
			return this.prefix;
		}

		public String label() {
			return this.label;
		}

	}

	/** One window's counters and what follows from them. */
	public record Window(long attempts, long answers, long fails, long durationSec, long pddMs) {

		static final Window NONE = new Window(0, 0, 0, 0, 0);

		static Window of(Map<String, String> row, Span span) {
			return new Window(number(row, span.prefix + "call_attempt"), number(row, span.prefix + "call_answer"),
					number(row, span.prefix + "call_fail"), number(row, span.prefix + "call_durationSec"),
					number(row, span.prefix + "pdd_ms"));
		}

		/** Answer-seizure ratio in percent. */
		public Double asr() {
			return this.attempts == 0 ? null : this.answers * 100.0 / this.attempts;
		}

		/** Average call duration in seconds, over attempts. */
		public Double acd() {
			return this.attempts == 0 ? null : (double) this.durationSec / this.attempts;
		}

		/** Average post-dial delay in seconds. */
		public Double avgPdd() {
			return this.attempts == 0 ? null : this.pddMs / (double) this.attempts / 1000.0;
		}

		/** Failed attempts in percent. */
		public Double failureRatio() {
			return this.attempts == 0 ? null : this.fails * 100.0 / this.attempts;
		}

	}

	/**
	 * One trunk.
	 *
	 * @param windows per side and span; a side the box did not report is absent
	 * @param orig sessions originated on the trunk now (ingress), the Group row's or its nodes' added up
	 * @param term sessions terminated on the trunk now (egress), likewise
	 * @param limit its session limit, 0 when unknown
	 * @param cpsLimit its CPS limit, the Group row's or else from {@code download/resource}, 0 when unknown
	 * @param limitFrom where the limit comes from, in words; empty when unknown
	 */
	public record Trunk(String trunkId, String alias, Map<Side, Map<Span, Window>> windows, long orig, long term,
			long cps, long limit, long cpsLimit, String limitFrom) {

		/** The limit read from the trunk's {@code Group} row. */
		public static final String GROUP_ROW = "Group row";

		/** The limit read from the trunk's {@code capacity} in {@code download/resource}. */
		public static final String CAPACITY = "resource capacity";

		public Window window(Side side, Span span) {
			return this.windows.getOrDefault(side, Map.of()).getOrDefault(span, Window.NONE);
		}

		/** Both sides added up, counter by counter. */
		public Window combined(Span span) {
			Window in = window(Side.INGRESS, span);
			Window out = window(Side.EGRESS, span);
			return new Window(in.attempts() + out.attempts(), in.answers() + out.answers(), in.fails() + out.fails(),
					in.durationSec() + out.durationSec(), in.pddMs() + out.pddMs());
		}

		public long sessions() {
			return this.orig + this.term;
		}

		/** numOrig / totalLimit · 100; null without a limit. */
		public Double ingressUtilisation() {
			return this.limit <= 0 ? null : this.orig * 100.0 / this.limit;
		}

		/** numTerm / totalLimit · 100; null without a limit. */
		public Double egressUtilisation() {
			return this.limit <= 0 ? null : this.term * 100.0 / this.limit;
		}

		/** The higher of the two, for alarms and ordering. */
		public Double utilisation() {
			Double in = ingressUtilisation();
			Double out = egressUtilisation();
			if (in == null || out == null) {
				// no mixed ternary here: it would unbox a null
				return in == null ? out : in;
			}
			return Math.max(in, out);
		}

		/** Attempts of both sides over 24 h, to rank trunks by traffic. */
		long traffic() {
			return window(Side.INGRESS, Span.DAY).attempts() + window(Side.EGRESS, Span.DAY).attempts();
		}

	}

	/**
	 * The trunks of one SBC, busiest (24 h attempts, then sessions) first.
	 *
	 * @param resource the {@code stats/resource} dump, null if not read yet
	 * @param realtime the last {@code stats/realtime}, null if not read yet
	 * @param capacity the last {@code download/resource}, null if not read yet
	 */
	public static List<Trunk> of(Map<String, List<Map<String, String>>> resource, RealtimeStats realtime,
			TableDocument capacity) {
		Map<String, Builder> trunks = new LinkedHashMap<>();
		if (resource != null) {
			for (Side side : Side.values()) {
				for (Map<String, String> row : resource.getOrDefault(side.table, List.of())) {
					Builder trunk = trunks.computeIfAbsent(id(row.get("trunk_id")), Builder::new);
					if (trunk.alias == null && row.get("alias") != null && !row.get("alias").isBlank()) {
						trunk.alias = row.get("alias");
					}
					Map<Span, Window> windows = new EnumMap<>(Span.class);
					for (Span span : Span.values()) {
						windows.put(span, Window.of(row, span));
					}
					trunk.windows.put(side, windows);
				}
			}
		}
		if (realtime != null) {
			for (TrunkRealtime row : realtime.trunks()) {
				Builder trunk = trunks.computeIfAbsent(row.trunkId(), Builder::new);
				if (row.group()) {
					trunk.group = row;
				}
				else {
					trunk.nodeOrig += row.numOrig();
					trunk.nodeTerm += row.numTerm();
					trunk.nodeCps += row.cps();
				}
			}
		}
		if (capacity != null) {
			for (TableRow row : capacity.rows()) {
				Builder trunk = trunks.get(id(row.text("trunkId")));
				if (trunk != null) {
					trunk.capacity = number(row.text("capacity"));
					trunk.cpsLimit = number(row.text("cpsLimit"));
					if (trunk.alias == null) {
						trunk.alias = row.text("name");
					}
				}
			}
		}
		List<Trunk> all = new ArrayList<>();
		trunks.values().forEach(trunk -> all.add(trunk.build()));
		all.sort(Comparator.comparingLong(Trunk::traffic).thenComparingLong(Trunk::sessions).reversed()
			.thenComparing(Trunk::trunkId));
		return all;
	}

	private static final class Builder {

		final String trunkId;

		String alias;

		final Map<Side, Map<Span, Window>> windows = new EnumMap<>(Side.class);

		TrunkRealtime group;

		long nodeOrig;

		long nodeTerm;

		long nodeCps;

		long capacity;

		long cpsLimit;

		Builder(String trunkId) {
			this.trunkId = trunkId;
		}

		/**
		 * REFERENCE §11.7: "the {@code Group} row is the whole trunk [...]; a trunk's capacity is the {@code Group}
		 * row's {@code totalLimit}, not one node's" (§10.6: one row per active trunk per node, plus the Group row).
		 */
		Trunk build() {
			boolean grouped = this.group != null;
			long limit = grouped && this.group.totalLimit() > 0 ? this.group.totalLimit() : this.capacity;
			String from = limit <= 0 ? "" : grouped && this.group.totalLimit() > 0 ? Trunk.GROUP_ROW : Trunk.CAPACITY;
			return new Trunk(this.trunkId, this.alias, Map.copyOf(this.windows),
					grouped ? this.group.numOrig() : this.nodeOrig, grouped ? this.group.numTerm() : this.nodeTerm,
					grouped ? this.group.cps() : this.nodeCps, limit,
					grouped && this.group.cpsLimit() > 0 ? this.group.cpsLimit() : this.cpsLimit, from);
		}

	}

	/** {@code 100}, {@code "100"} and {@code 100.0} are the same trunk, as the gateway reads trunk ids. */
	static String id(String value) {
		return TrunkRealtime.id(value);
	}

	private static long number(Map<String, String> row, String field) {
		return number(row.get(field));
	}

	private static long number(String value) {
		if (value == null || value.isBlank()) {
			return 0;
		}
		try {
			return Math.round(Double.parseDouble(value.strip()));
		}
		catch (NumberFormatException ex) {
			return 0;
		}
	}

}
