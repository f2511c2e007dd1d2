package app.vsxi.dashboard.simulator;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/** How many requests a simulated box has served, per action and table. */
final class RequestCounts {

	private final Map<String, LongAdder> counts = new ConcurrentHashMap<>();

	void record(String actionAndTable) {
		this.counts.computeIfAbsent(actionAndTable, key -> new LongAdder()).increment();
	}

	Map<String, Long> snapshot() {
		Map<String, Long> snapshot = new TreeMap<>();
		this.counts.forEach((key, count) -> snapshot.put(key, count.sum()));
		return snapshot;
	}

}
