package app.vsxi.dashboard.benchmark;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;


import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import reactor.core.publisher.Flux;

import app.vsxi.dashboard.gateway.GatewayProperties;
import app.vsxi.dashboard.gateway.SbcEndpoint;
import app.vsxi.dashboard.simulator.SimulatedVsxi;
import app.vsxi.dashboard.simulator.SimulatorProperties;
import app.vsxi.dashboard.simulator.StatsGeneration;
import app.vsxi.dashboard.support.CurlTls;
import app.vsxi.dashboard.support.GatewayParts;

/**
 * The same 10,000 {@code GET stats/realtime} calls to a simulated VSXi, with the same concurrency, once with a
 * plain JDK HTTP client and once through the gateway (typed parse, guards, metrics included), in alternating order
 * from round to round. Prints both times, their ratio and the absolute overhead per call for each round, then the
 * medians. Target: ratio under 1.2.
 */
public final class GatewayOverheadBenchmark {

	private static final int CALLS = Integer.getInteger("calls", 10_000);

	private static final int CONCURRENCY = 4;

	private static final int ROUNDS = 5;

	/** Both paths run this often first, so that neither is measured before the JIT compiled it. */
	private static final int WARM_UP_ROUNDS = 5;

	public static void main(String[] args) throws Exception {
		SimulatedVsxi box = new SimulatedVsxi("bench", 0,
				new SimulatorProperties("admin", "admin", "127.0.0.1", StatsGeneration.OLDER)).start();
		GatewayParts gateway = GatewayParts.of(
				GatewayProperties.of(Duration.ofSeconds(3), Duration.ofSeconds(10), CONCURRENCY), new SimpleMeterRegistry());
		SbcEndpoint endpoint = new SbcEndpoint(1, "bench", URI.create(box.baseUrl()), "admin", "admin",
				box.certificateFingerprint());
		HttpClient plain = HttpClient.newBuilder().sslContext(CurlTls.acceptAnything()).version(HttpClient.Version.HTTP_1_1).build();
		HttpRequest request = HttpRequest
			.newBuilder(URI.create(box.baseUrl() + "/SSConfig/webresources/stats/realtime?format=json"))
			.header("Authorization", "Basic " + Base64.getEncoder().encodeToString("admin:admin".getBytes(StandardCharsets.UTF_8)))
			.build();
		ExecutorService workers = Executors.newFixedThreadPool(CONCURRENCY);
		try {
			for (int warm = 0; warm < WARM_UP_ROUNDS; warm++) {
				direct(plain, request, workers, 5_000);
				viaGateway(gateway, endpoint, 5_000);
			}
			List<Double> ratios = new ArrayList<>();
			List<Double> overheads = new ArrayList<>();
			for (int round = 1; round <= ROUNDS; round++) {
				// the order alternates, so that neither path always runs on a machine the other just warmed or loaded
				boolean directFirst = round % 2 == 1;
				long directNanos = directFirst ? direct(plain, request, workers, CALLS) : 0;
				long gatewayNanos = viaGateway(gateway, endpoint, CALLS);
				if (!directFirst) {
					directNanos = direct(plain, request, workers, CALLS);
				}
				double ratio = (double) gatewayNanos / directNanos;
				// wall time of the whole batch over the calls, times the concurrency: per call as one call sees it
				double overheadMicros = (gatewayNanos - directNanos) / 1_000.0 / CALLS * CONCURRENCY;
				ratios.add(ratio);
				overheads.add(overheadMicros);
				System.out.printf("round %d (%s first): direct %d ms, gateway %d ms, ratio %.3f, overhead %.1f µs per call%n",
						round, directFirst ? "direct" : "gateway", directNanos / 1_000_000, gatewayNanos / 1_000_000, ratio,
						overheadMicros);
			}
			ratios.sort(Double::compare);
			overheads.sort(Double::compare);
			System.out.printf("gateway overhead, %d calls x %d rounds, concurrency %d: median ratio %.3f (target < 1.2), "
					+ "median overhead %.1f µs per call (%.1f–%.1f)%n", CALLS, ROUNDS, CONCURRENCY, ratios.get(ROUNDS / 2),
					overheads.get(ROUNDS / 2), overheads.get(0), overheads.get(ROUNDS - 1));
		}
		finally {
			workers.shutdownNow();
			gateway.destroy();
			box.stop();
		}
	}

	private static long direct(HttpClient client, HttpRequest request, ExecutorService workers, int calls)
			throws Exception {
		AtomicInteger remaining = new AtomicInteger(calls);
		long start = System.nanoTime();
		List<Future<?>> running = new ArrayList<>();
		for (int w = 0; w < CONCURRENCY; w++) {
			running.add(workers.submit(() -> {
				while (remaining.getAndDecrement() > 0) {
					HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
					if (response.statusCode() != 200) {
						throw new IllegalStateException("direct call answered " + response.statusCode());
					}
				}
				return null;
			}));
		}
		for (Future<?> each : running) {
			each.get();
		}
		return System.nanoTime() - start;
	}

	private static long viaGateway(GatewayParts gateway, SbcEndpoint endpoint, int calls) {
		long start = System.nanoTime();
		Long failures = Flux.range(0, calls)
			.flatMap(i -> gateway.stats().realtimeStats(endpoint), CONCURRENCY)
			.filter(result -> !result.isOk())
			.count()
			.block();
		if (failures != null && failures > 0) {
			throw new IllegalStateException(failures + " gateway calls failed");
		}
		return System.nanoTime() - start;
	}


}
