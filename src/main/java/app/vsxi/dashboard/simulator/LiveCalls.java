package app.vsxi.dashboard.simulator;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.function.IntSupplier;
import java.util.function.Supplier;

/**
 * The answered calls of one box. Each call lives for its own duration and then ends; new calls start whenever
 * the box is below the level its traffic wave asks for. A killed call ends at once and only that call. A new call
 * takes the next slot ({@code ssm_index}) never used, or, where the box reuses slots, the lowest free one.
 */
final class LiveCalls {

	/** Inferred (reference §5.2 leaves it open): the sub_stats time format, for call times too. */
	static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("MM-dd-yyyy HH:mm:ss");

	/**
	 * Inferred: the caller's display name, which the real list may carry beside the fields clients copy. Names
	 * with commas, quotes and non-ASCII letters make the box's CSV need real quoting, as it does in the field.
	 */
	private static final String[] CALLER_NAMES = { "", "Alice Smith", "Müller, Jürgen", "O'Brien \"Pat\"",
			"Łukasz Żółć", "東京 営業部", "\"Bob\", Jr.", "ACME Corp; Sales" };

	private static final Duration SHORTEST = Duration.ofSeconds(45);

	private final Clock clock;

	private final Random random;

	private final IntSupplier level;

	private final Supplier<List<Long>> trunks;

	private final BooleanSupplier reuseSlots;

	private final List<Call> calls = new ArrayList<>();

	/** The box's first slot: reused slots are counted from it. */
	private final long firstIndex;

	private long nextIndex;

	private boolean started;

	LiveCalls(Clock clock, Random random, IntSupplier level, Supplier<List<Long>> trunks) {
		this(clock, random, level, trunks, () -> false);
	}

	LiveCalls(Clock clock, Random random, IntSupplier level, Supplier<List<Long>> trunks, BooleanSupplier reuseSlots) {
		this.clock = clock;
		this.random = random;
		this.level = level;
		this.trunks = trunks;
		this.reuseSlots = reuseSlots;
		this.firstIndex = 1000 + random.nextInt(5000);
		this.nextIndex = this.firstIndex;
	}

	synchronized List<Map<String, Object>> calls() {
		tick();
		Instant now = this.clock.instant();
		return this.calls.stream().map(call -> call.asEntry(now)).toList();
	}

	synchronized int count() {
		tick();
		return this.calls.size();
	}

	/**
	 * Ends the calls the entries name (by {@code ssm_index} and {@code callID}, whichever the entry gives; an
	 * entry naming neither matches nothing). Returns the number ended.
	 */
	synchronized int kill(List<Map<String, Object>> targets) {
		int before = this.calls.size();
		this.calls.removeIf(call -> targets.stream().anyMatch(call::matches));
		return before - this.calls.size();
	}

	/** Ends the call in this slot as a party hanging up would, outside the API; false when no call holds it. */
	synchronized boolean hangUp(String ssmIndex) {
		tick();
		return this.calls.removeIf(call -> String.valueOf(call.ssmIndex()).equals(ssmIndex == null ? "" : ssmIndex.strip()));
	}

	/** One call answered now, whatever the traffic asks for; its entry as the list shows it. */
	synchronized Map<String, Object> answer() {
		tick();
		List<Long> trunkIds = this.trunks.get();
		if (trunkIds.isEmpty()) {
			throw new IllegalStateException("a box without trunks carries no calls");
		}
		Instant now = this.clock.instant();
		Call call = start(now, trunkIds);
		return call.asEntry(now);
	}

	private void tick() {
		Instant now = this.clock.instant();
		this.calls.removeIf(call -> !call.ends().isAfter(now));
		List<Long> trunkIds = this.trunks.get();
		int wanted = this.level.getAsInt();
		while (this.calls.size() < wanted && !trunkIds.isEmpty()) {
			start(now, trunkIds);
		}
		this.started = true;
	}

	private Call start(Instant now, List<Long> trunkIds) {
		// at first start the box already carries calls, answered some time ago
		Instant answered = this.started ? now : now.minusSeconds(this.random.nextInt(600));
		Duration length = SHORTEST.plusSeconds(this.random.nextInt(900));
		Instant ends = answered.plus(length).isAfter(now.plus(SHORTEST)) ? answered.plus(length) : now.plus(SHORTEST);
		long orig = trunkIds.get(this.random.nextInt(trunkIds.size()));
		long term = trunkIds.get(this.random.nextInt(trunkIds.size()));
		long index = slot();
		Call call = new Call(index, "%08x-%04x@198.51.100.%d".formatted(this.random.nextInt(), index % 0xFFFF,
				1 + this.random.nextInt(250)), String.valueOf(orig), String.valueOf(term),
				"1" + (201 + this.random.nextInt(798)) + (5550000 + this.random.nextInt(9999)),
				"1" + (201 + this.random.nextInt(798)) + (2000000 + this.random.nextInt(7999999)),
				"198.51.100." + (1 + orig % 250), "203.0.113." + (1 + term % 250),
				answered.minusMillis(800 + this.random.nextInt(6000)), answered, ends,
				CALLER_NAMES[(int) (index % CALLER_NAMES.length)]);
		this.calls.add(call);
		return call;
	}

	/** The slot of a new call: never used before, or the lowest free one on a box that reuses slots. */
	private long slot() {
		if (!this.reuseSlots.getAsBoolean()) {
			return this.nextIndex++;
		}
		Set<Long> taken = new java.util.HashSet<>();
		this.calls.forEach(call -> taken.add(call.ssmIndex()));
		long slot = this.firstIndex;
		while (taken.contains(slot)) {
			slot++;
		}
		this.nextIndex = Math.max(this.nextIndex, slot + 1);
		return slot;
	}

	private record Call(long ssmIndex, String callId, String origTid, String termTid, String dnis, String ani,
			String origIp, String termIp, Instant invited, Instant answered, Instant ends, String callerName) {

		Map<String, Object> asEntry(Instant now) {
			Map<String, Object> entry = new LinkedHashMap<>();
			entry.put("ssm_index", this.ssmIndex);
			entry.put("orig_tid", this.origTid);
			entry.put("term_tid", this.termTid);
			entry.put("dnis", this.dnis);
			entry.put("ani", this.ani);
			entry.put("orig_ip", this.origIp);
			entry.put("term_ip", this.termIp);
			entry.put("inv_time", TIME.format(this.invited.atZone(ZoneId.systemDefault())));
			entry.put("ans_time", TIME.format(this.answered.atZone(ZoneId.systemDefault())));
			entry.put("duration", Duration.between(this.answered, now).toSeconds());
			entry.put("callID", this.callId);
			entry.put("caller_name", this.callerName);
			return entry;
		}

		boolean matches(Map<String, Object> target) {
			String index = text(target.get("ssm_index"));
			String id = text(target.get("callID"));
			if (index.isEmpty() && id.isEmpty()) {
				return false;
			}
			return (index.isEmpty() || index.equals(String.valueOf(this.ssmIndex)))
					&& (id.isEmpty() || id.equals(this.callId));
		}

		private static String text(Object value) {
			return value == null ? "" : value.toString().trim();
		}

	}

}
