package app.vsxi.dashboard.benchmark;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import app.vsxi.dashboard.VsxiDashboardApplication;
import app.vsxi.dashboard.fleet.FleetService;
import app.vsxi.dashboard.simulator.SimulatedVsxi;
import app.vsxi.dashboard.simulator.SimulatorProperties;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import static app.vsxi.dashboard.benchmark.Figures.max;
import static app.vsxi.dashboard.benchmark.Figures.median;
import static app.vsxi.dashboard.benchmark.Figures.min;
import static app.vsxi.dashboard.benchmark.Figures.percentile;

/**
 * Many simulated SBCs, every endpoint in use polled every 5 s, many logged-in viewers refreshing the overview as the
 * open page does. Prints, per poll interval, the requests the boxes served (target: exactly SBCs × endpoints in
 * use; active calls and registrations are not in use, nobody watching them), the overview's render p95 per round
 * (target < 100 ms) and the heap (target < 512 MB). Sizes are the system properties {@code sbcs} (100),
 * {@code viewers} (200) and {@code intervals} (6).
 */
public final class MonitoringBenchmark {

	private static final int SBCS = Integer.getInteger("sbcs", 100);

	private static final int VIEWERS = Integer.getInteger("viewers", 200);

	private static final int INTERVALS = Integer.getInteger("intervals", 6);

	private static final long INTERVAL_MILLIS = 5_000;

	/** realtime, resource, resource_detail, sip_stats, media_server, system/realtime, download/resource. */
	private static final int ENDPOINTS_IN_USE = 7;

	public static void main(String[] args) throws Exception {
		// the test profile renders every refresh afresh; measure what production does
		System.setProperty("vsxi.monitoring.overview-shared-for", System.getProperty("sharedFor", "1s"));
		ConfigurableApplicationContext app = new SpringApplicationBuilder(VsxiDashboardApplication.class)
			.profiles("demo", "test") // demo mode brings the admin / admin login the benchmark uses
			// templates cached as in production (demo mode turns the cache off for template editing)
			.run("--server.port=0", "--logging.level.root=WARN", "--spring.thymeleaf.cache=true",
					"--vsxi.monitoring.poll-interval=5s",
					"--vsxi.monitoring.page-refresh=5s", "--vsxi.monitoring.tick=1s",
					"--vsxi.monitoring.intervals.resource=5s", "--vsxi.monitoring.intervals.resource-detail=5s",
					"--vsxi.monitoring.intervals.sip-stats=5s", "--vsxi.monitoring.intervals.media-server=5s",
					"--vsxi.monitoring.intervals.system=5s", "--vsxi.monitoring.intervals.capacity=5s",
					"--vsxi.gateway.read-timeout=10s");
		List<SimulatedVsxi> boxes = new ArrayList<>();
		try {
			SimulatorProperties simulator = app.getBean(SimulatorProperties.class);
			FleetService fleet = app.getBean(FleetService.class);
			for (int i = 0; i < SBCS; i++) {
				SimulatedVsxi box = new SimulatedVsxi("bench-" + i, 0, simulator).start();
				boxes.add(box);
				fleet.register(box.name(), box.baseUrl(), "admin", "admin", "Site " + (i % 5), "Bench " + (i % 4),
						box.certificateFingerprint());
			}
			String base = "http://127.0.0.1:" + ((WebServerApplicationContext) app).getWebServer().getPort();
			run(base, boxes);
		}
		finally {
			boxes.forEach(SimulatedVsxi::stop);
			app.close();
		}
	}

	private static void run(String base, List<SimulatedVsxi> boxes) throws Exception {
		// two intervals to let every box answer its first polls
		Thread.sleep(2 * INTERVAL_MILLIS);
		List<HttpClient> viewers = new ArrayList<>();
		for (int i = 0; i < VIEWERS; i++) {
			viewers.add(logIn(base));
		}
		MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
		System.gc();
		long baseline = memory.getHeapMemoryUsage().getUsed();
		AtomicLong peak = new AtomicLong(baseline);
		AtomicBoolean watching = new AtomicBoolean(true);
		ConcurrentLinkedQueue<Double> renders = new ConcurrentLinkedQueue<>();
		ExecutorService pool = Executors.newFixedThreadPool(VIEWERS + 1);
		HttpRequest rows = HttpRequest.newBuilder(URI.create(base + "/overview/rows")).build();
		for (int v = 0; v < viewers.size(); v++) {
			HttpClient viewer = viewers.get(v);
			long offset = INTERVAL_MILLIS * v / viewers.size();
			pool.submit(() -> {
				Thread.sleep(offset);
				while (watching.get()) {
					long started = System.nanoTime();
					HttpResponse<String> page = viewer.send(rows, HttpResponse.BodyHandlers.ofString());
					if (page.statusCode() != 200 || !page.body().contains("bench-")) {
						throw new IllegalStateException("the overview answered " + page.statusCode());
					}
					renders.add((System.nanoTime() - started) / 1e6);
					Thread.sleep(INTERVAL_MILLIS);
				}
				return null;
			});
		}
		pool.submit(() -> {
			while (watching.get()) {
				peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
				Thread.sleep(50);
			}
			return null;
		});
		long target = (long) boxes.size() * ENDPOINTS_IN_USE;
		List<Double> p95s = new ArrayList<>();
		List<Double> medians = new ArrayList<>();
		List<Long> perInterval = new ArrayList<>();
		long before = served(boxes);
		for (int i = 1; i <= INTERVALS; i++) {
			renders.clear();
			Thread.sleep(INTERVAL_MILLIS);
			long now = served(boxes);
			List<Double> times = new ArrayList<>(renders);
			double p95 = percentile(times, 95);
			p95s.add(p95);
			medians.add(median(times));
			perInterval.add(now - before);
			System.out.printf("interval %d: %d requests to %d SBCs (target %d), %d overview renders, p95 %.1f ms%n", i,
					now - before, boxes.size(), target, times.size(), p95);
			before = now;
		}
		System.gc();
		long retained = memory.getHeapMemoryUsage().getUsed();
		watching.set(false);
		pool.shutdown();
		pool.awaitTermination(30, TimeUnit.SECONDS);
		List<Double> counts = perInterval.stream().map(Long::doubleValue).toList();
		System.out.printf("requests per interval: median %.0f, spread %.0f–%.0f (target exactly %d); all %d intervals: "
				+ "%d (target %d)%n", median(counts), min(counts), max(counts), target, INTERVALS,
				perInterval.stream().mapToLong(Long::longValue).sum(), target * INTERVALS);
		System.out.printf("overview render p95: median %.1f ms, spread %.1f–%.1f ms (target < 100 ms)%n",
				median(p95s), min(p95s), max(p95s));
		System.out.printf("overview render median: %.1f ms (spread of interval medians %.1f–%.1f ms)%n",
				median(medians), min(medians), max(medians));
		System.out.printf("heap: baseline %d MB, peak %d MB, %d MB after a GC (target < 512 MB)%n", baseline >> 20,
				peak.get() >> 20, retained >> 20);
	}

	/** Requests the boxes served so far, as each counts them. */
	private static long served(List<SimulatedVsxi> boxes) {
		long total = 0;
		for (SimulatedVsxi box : boxes) {
			for (Map.Entry<String, Long> count : box.requestCounts().entrySet()) {
				total += count.getValue();
			}
		}
		return total;
	}

	private static HttpClient logIn(String base) throws Exception {
		HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager())
			.followRedirects(HttpClient.Redirect.NORMAL).build();
		String login = client.send(HttpRequest.newBuilder(URI.create(base + "/login")).build(),
				HttpResponse.BodyHandlers.ofString()).body();
		Matcher token = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(login);
		if (!token.find()) {
			throw new IllegalStateException("no CSRF token on the login page");
		}
		String form = "username=admin&password=admin&_csrf=" + URLEncoder.encode(token.group(1), StandardCharsets.UTF_8);
		client.send(HttpRequest.newBuilder(URI.create(base + "/login"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.discarding());
		return client;
	}

}
