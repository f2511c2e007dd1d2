package app.vsxi.dashboard.simulator;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

import com.sun.net.httpserver.HttpExchange;

/**
 * How many requests a simulated box has served, per action and table, and when the latest of them arrived and were
 * answered (so a test can see whether two were in flight at once).
 */
final class RequestCounts {

	/** Answered requests kept in the timeline, the latest. */
	static final int TIMELINE = 10_000;

	private static final String ARRIVAL = RequestCounts.class.getName() + ".arrival";

	private final Map<String, LongAdder> counts = new ConcurrentHashMap<>();

	private final Deque<RequestTiming> timeline = new ArrayDeque<>();

	void record(String actionAndTable) {
		this.counts.computeIfAbsent(actionAndTable, key -> new LongAdder()).increment();
	}

	/** Notes on the exchange when its request arrived, for {@link #answering}. */
	void arrived(HttpExchange exchange, String actionAndTable, long arrivedNanos) {
		exchange.setAttribute(ARRIVAL, new Arrival(this, actionAndTable, arrivedNanos));
	}

	/** Called just before the answer's first byte goes, so the client cannot have sent its next request yet. */
	static void answering(HttpExchange exchange, int status) {
		if (exchange.getAttribute(ARRIVAL) instanceof Arrival arrival) {
			arrival.counts().add(new RequestTiming(arrival.command(), arrival.nanos(), System.nanoTime(), status));
		}
	}

	private synchronized void add(RequestTiming timing) {
		this.timeline.addLast(timing);
		if (this.timeline.size() > TIMELINE) {
			this.timeline.removeFirst();
		}
	}

	synchronized List<RequestTiming> timeline() {
		return List.copyOf(this.timeline);
	}

	Map<String, Long> snapshot() {
		Map<String, Long> snapshot = new TreeMap<>();
		this.counts.forEach((key, count) -> snapshot.put(key, count.sum()));
		return snapshot;
	}

	private record Arrival(RequestCounts counts, String command, long nanos) {
	}

}
