package app.vsxi.dashboard.benchmark;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import app.vsxi.dashboard.simulator.SimulatedVsxi;
import app.vsxi.dashboard.simulator.StatsGeneration;
import app.vsxi.dashboard.simulator.SimulatorProperties;

import org.slf4j.LoggerFactory;

/**
 * Simulated boxes in a JVM of their own, so the JVM that runs the dashboard measures its own heap and threads only.
 * Started by {@link MonitoringBenchmark} with the number of boxes as its argument; listens on loopback only. Speaks
 * on stdout: a line {@code box NAME URL FINGERPRINT} per box, then {@code ready}; answers each {@code served} line
 * on stdin with the requests all boxes served so far; stops when stdin closes.
 */
public final class SimulatedFleet {

	private SimulatedFleet() {
	}

	public static void main(String[] args) throws Exception {
		((ch.qos.logback.classic.Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME))
			.setLevel(ch.qos.logback.classic.Level.WARN);
		int count = Integer.parseInt(args[0]);
		SimulatorProperties properties = new SimulatorProperties("admin", "admin", "127.0.0.1", StatsGeneration.OLDER);
		List<SimulatedVsxi> boxes = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			// one key for all: making a thousand takes minutes on a busy machine, and pinning works the same
			SimulatedVsxi box = (boxes.isEmpty() ? new SimulatedVsxi("bench-" + i, 0, properties)
					: new SimulatedVsxi("bench-" + i, 0, properties, boxes.get(0))).start();
			boxes.add(box);
			System.out.println("box " + box.name() + " " + box.baseUrl() + " " + box.certificateFingerprint());
		}
		System.out.println("ready");
		System.out.flush();
		BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
		for (String line = in.readLine(); line != null; line = in.readLine()) {
			if ("served".equals(line.trim())) {
				System.out.println(served(boxes));
				System.out.flush();
			}
			else if (line.startsWith("realtime-after ")) {
				String[] words = line.trim().split(" ");
				System.out.println(realtimeAfter(boxes, Long.parseLong(words[1]),
						words.length > 2 ? java.util.Set.of(words[2].split(",")) : java.util.Set.of()));
				System.out.flush();
			}
		}
		// the benchmark is done: the ports close with the process, at once (stopping a thousand servers one by one
		// takes minutes)
		System.exit(0);
	}

	/**
	 * How many of the named boxes were asked for {@code stats/realtime} after {@code epochMillis} (this machine's
	 * wall clock, which the asking process shares).
	 */
	static long realtimeAfter(List<SimulatedVsxi> boxes, long epochMillis, java.util.Set<String> names) {
		long nowNanos = System.nanoTime();
		long fromNanos = nowNanos - (System.currentTimeMillis() - epochMillis) * 1_000_000;
		return boxes.stream().filter(box -> names.contains(box.name()))
			.filter(box -> box.requestTimeline().stream()
				.anyMatch(timing -> timing.command().equals("stats/realtime") && timing.arrivedNanos() > fromNanos))
			.count();
	}

	/** Requests the boxes served so far, as each counts them. */
	static long served(List<SimulatedVsxi> boxes) {
		long total = 0;
		for (SimulatedVsxi box : boxes) {
			for (Map.Entry<String, Long> count : box.requestCounts().entrySet()) {
				total += count.getValue();
			}
		}
		return total;
	}

}
