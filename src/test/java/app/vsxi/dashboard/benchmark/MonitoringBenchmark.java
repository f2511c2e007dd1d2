package app.vsxi.dashboard.benchmark;

import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;

import com.sun.management.GarbageCollectionNotificationInfo;

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
 * Many simulated SBCs, every endpoint in use polled every 5 s, many logged-in viewers each with the overview and the
 * wallboard open, refreshing them as the open pages do. Prints, per poll interval, the requests the boxes served
 * (target: exactly SBCs × endpoints in use; active calls and registrations are not in use, nobody watching them),
 * the overview rows' and the wallboard tiles' p95 (targets < 100 ms) and the heap after the interval's last GC and
 * at its peak (target: under the JVM's -Xmx). Sizes are the system properties {@code sbcs} (100), {@code viewers}
 * (200) and {@code intervals} (6); {@code boxesApart=true} runs the boxes in a child JVM ({@link SimulatedFleet},
 * loopback only) so this JVM's heap and threads are the dashboard's own.
 */
public final class MonitoringBenchmark {

	private static final int SBCS = Integer.getInteger("sbcs", 100);

	private static final int VIEWERS = Integer.getInteger("viewers", 200);

	private static final int INTERVALS = Integer.getInteger("intervals", 6);

	private static final boolean BOXES_APART = Boolean.getBoolean("boxesApart");

	private static final long INTERVAL_MILLIS = 5_000;

	private static final AtomicInteger FAILURES = new AtomicInteger();

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
		Boxes boxes = null;
		long started = System.nanoTime();
		try {
			boxes = BOXES_APART ? new BoxesApart(SBCS) : new BoxesHere(SBCS, app.getBean(SimulatorProperties.class));
			FleetService fleet = app.getBean(FleetService.class);
			for (int i = 0; i < boxes.names().size(); i++) {
				fleet.register(boxes.names().get(i), boxes.urls().get(i), "admin", "admin", "Site " + (i % 5),
						"Bench " + (i % 4), boxes.fingerprints().get(i));
			}
			System.out.printf("%d boxes listening and registered in %.0f s%n", boxes.names().size(),
					(System.nanoTime() - started) / 1e9);
			String base = "http://127.0.0.1:" + ((WebServerApplicationContext) app).getWebServer().getPort();
			run(base, boxes);
		}
		finally {
			if (boxes != null) {
				boxes.close();
			}
			app.close();
		}
	}

	private static void run(String base, Boxes boxes) throws Exception {
		// two intervals to let every box answer its first polls
		Thread.sleep(2 * INTERVAL_MILLIS);
		List<HttpClient> viewers = new ArrayList<>();
		long started = System.nanoTime();
		for (int i = 0; i < VIEWERS; i++) {
			viewers.add(logIn(base));
		}
		System.out.printf("%d viewers logged in in %.0f s%n", VIEWERS, (System.nanoTime() - started) / 1e9);
		// one of them opens both pages first, as on a dashboard that has been up: the timed refreshes are not the first
		// rendering of a thousand rows, which every viewer arriving at once would queue behind
		for (String fragment : List.of("/overview/rows", "/wallboard/tiles")) {
			long first = System.nanoTime();
			int size = viewers.get(0).send(HttpRequest.newBuilder(URI.create(base + fragment)).build(),
					HttpResponse.BodyHandlers.ofByteArray()).body().length;
			System.out.printf("first %s in %.0f ms, %d kB%n", fragment, (System.nanoTime() - first) / 1e6, size >> 10);
		}
		AfterGc afterGc = new AfterGc();
		System.gc();
		long baseline = heapUsed();
		AtomicBoolean watching = new AtomicBoolean(true);
		ConcurrentLinkedQueue<Double> overviews = new ConcurrentLinkedQueue<>();
		ConcurrentLinkedQueue<Double> wallboards = new ConcurrentLinkedQueue<>();
		ExecutorService pool = Executors.newFixedThreadPool(2 * VIEWERS);
		for (int v = 0; v < viewers.size(); v++) {
			HttpClient viewer = viewers.get(v);
			long offset = INTERVAL_MILLIS * v / viewers.size();
			// each page refreshes on a timer of its own, the wallboard's half an interval after the overview's
			pool.submit(() -> refresh(viewer, base + "/overview/rows", "bench-", offset, watching, overviews));
			pool.submit(() -> refresh(viewer, base + "/wallboard/tiles", "id=\"wall\"",
					(offset + INTERVAL_MILLIS / 2) % INTERVAL_MILLIS, watching, wallboards));
		}
		long target = (long) boxes.names().size() * ENDPOINTS_IN_USE;
		List<Double> overviewP95s = new ArrayList<>();
		List<Double> wallboardP95s = new ArrayList<>();
		List<Double> overviewMedians = new ArrayList<>();
		List<Double> afterGcs = new ArrayList<>();
		List<Double> peaks = new ArrayList<>();
		List<Long> perInterval = new ArrayList<>();
		long before = boxes.served();
		for (int i = 1; i <= INTERVALS; i++) {
			overviews.clear();
			wallboards.clear();
			resetHeapPeaks();
			afterGc.reset();
			Thread.sleep(INTERVAL_MILLIS);
			long now = boxes.served();
			List<Double> overview = new ArrayList<>(overviews);
			List<Double> wallboard = new ArrayList<>(wallboards);
			overviewP95s.add(percentile(overview, 95));
			overviewMedians.add(median(overview));
			wallboardP95s.add(percentile(wallboard, 95));
			double peak = Figures.peakHeapMegabytes();
			peaks.add(peak);
			if (!Double.isNaN(afterGc.megabytes())) {
				afterGcs.add(afterGc.megabytes());
			}
			perInterval.add(now - before);
			System.out.printf("interval %d: %d requests to %d SBCs (target %d); overview %d renders p95 %.1f ms, "
					+ "wallboard %d renders p95 %.1f ms (target < 100 ms); heap after GC %.0f MB, peak %.0f MB%n", i,
					now - before, boxes.names().size(), target, overview.size(), percentile(overview, 95),
					wallboard.size(), percentile(wallboard, 95), afterGc.megabytes(), peak);
			before = now;
		}
		System.gc();
		long retained = heapUsed();
		watching.set(false);
		pool.shutdown();
		pool.awaitTermination(30, TimeUnit.SECONDS);
		long limit = Runtime.getRuntime().maxMemory() >> 20;
		List<Double> counts = perInterval.stream().map(Long::doubleValue).toList();
		System.out.printf("requests per interval: median %.0f, spread %.0f–%.0f (target exactly %d); all %d intervals: "
				+ "%d (target %d)%n", median(counts), min(counts), max(counts), target, INTERVALS,
				perInterval.stream().mapToLong(Long::longValue).sum(), target * INTERVALS);
		System.out.printf("overview rows p95: median %.1f ms, spread %.1f–%.1f ms (target < 100 ms); median of "
				+ "interval medians %.1f ms%n", median(overviewP95s), min(overviewP95s), max(overviewP95s),
				median(overviewMedians));
		System.out.printf("wallboard tiles p95: median %.1f ms, spread %.1f–%.1f ms (target < 100 ms)%n",
				median(wallboardP95s), min(wallboardP95s), max(wallboardP95s));
		System.out.printf("failed refreshes: %d (counted as never answered)%n", FAILURES.get());
		System.out.printf("heap: baseline %d MB; per interval after GC %.0f–%.0f MB, peak %.0f–%.0f MB; %d MB after a "
				+ "final GC (target < %d MB, the -Xmx)%n", baseline >> 20, min(afterGcs), max(afterGcs), min(peaks),
				max(peaks), retained >> 20, limit);
	}

	/** One open page's timer: asks for its fragment every interval, one request at a time as htmx does. */
	private static Void refresh(HttpClient viewer, String url, String expected, long offset, AtomicBoolean watching,
			ConcurrentLinkedQueue<Double> times) throws Exception {
		// as a browser asks; the browser unzips on the viewer's machine, so here only every tenth answer is unzipped
		// (in the dashboard's JVM, where these viewers run) to check it is the page
		HttpRequest request = HttpRequest.newBuilder(URI.create(url)).header("Accept-Encoding", "gzip, deflate, br")
			.build();
		Thread.sleep(offset);
		int count = 0;
		while (watching.get()) {
			long started = System.nanoTime();
			try {
				HttpResponse<byte[]> page = viewer.send(request, HttpResponse.BodyHandlers.ofByteArray());
				double ms = (System.nanoTime() - started) / 1e6;
				boolean zipped = page.headers().firstValue("Content-Encoding").orElse("").equals("gzip");
				if (page.statusCode() != 200 || (count++ % 10 == 0 && !text(page.body(), zipped).contains(expected))) {
					throw new IllegalStateException("answered " + page.statusCode() + " without " + expected);
				}
				times.add(ms);
			}
			catch (IOException | RuntimeException ex) {
				// a failed refresh counts as one that never came back; the page tries again, as htmx does
				times.add(Double.POSITIVE_INFINITY);
				if (FAILURES.getAndIncrement() < 5) {
					System.out.println(url + " failed: " + ex);
				}
			}
			Thread.sleep(INTERVAL_MILLIS);
		}
		return null;
	}

	private static String text(byte[] body, boolean zipped) throws IOException {
		byte[] plain = zipped ? new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(body)).readAllBytes()
				: body;
		return new String(plain, java.nio.charset.StandardCharsets.UTF_8);
	}

	private static long heapUsed() {
		return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
	}

	private static void resetHeapPeaks() {
		ManagementFactory.getMemoryPoolMXBeans()
			.stream()
			.filter(pool -> pool.getType() == MemoryType.HEAP)
			.forEach(MemoryPoolMXBean::resetPeakUsage);
	}

	/** The largest heap in use right after a garbage collection since the last reset, without forcing one. */
	private static final class AfterGc {

		private final Set<String> heapPools = ManagementFactory.getMemoryPoolMXBeans().stream()
			.filter(pool -> pool.getType() == MemoryType.HEAP).map(MemoryPoolMXBean::getName)
			.collect(Collectors.toSet());

		private volatile long largest;

		AfterGc() {
			for (GarbageCollectorMXBean collector : ManagementFactory.getGarbageCollectorMXBeans()) {
				((NotificationEmitter) collector).addNotificationListener((notification, handback) -> {
					if (GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
						GarbageCollectionNotificationInfo info = GarbageCollectionNotificationInfo
							.from((CompositeData) notification.getUserData());
						long used = info.getGcInfo().getMemoryUsageAfterGc().entrySet().stream()
							.filter(pool -> this.heapPools.contains(pool.getKey()))
							.mapToLong(pool -> pool.getValue().getUsed()).sum();
						synchronized (this) {
							this.largest = Math.max(this.largest, used);
						}
					}
				}, null, null);
			}
		}

		synchronized void reset() {
			this.largest = 0;
		}

		/** NaN when no collection ran since the reset. */
		double megabytes() {
			long used = this.largest;
			return used == 0 ? Double.NaN : used / 1048576.0;
		}

	}

	/** The simulated boxes, wherever they run. */
	private interface Boxes extends AutoCloseable {

		List<String> names();

		List<String> urls();

		List<String> fingerprints();

		/** Requests all boxes served so far. */
		long served() throws IOException;

		@Override
		void close();

	}

	/** In this JVM, as the 100-SBC run always had them. */
	private static final class BoxesHere implements Boxes {

		private final List<SimulatedVsxi> boxes = new ArrayList<>();

		BoxesHere(int count, SimulatorProperties properties) {
			for (int i = 0; i < count; i++) {
				this.boxes.add(new SimulatedVsxi("bench-" + i, 0, properties).start());
			}
		}

		@Override
		public List<String> names() {
			return this.boxes.stream().map(SimulatedVsxi::name).toList();
		}

		@Override
		public List<String> urls() {
			return this.boxes.stream().map(SimulatedVsxi::baseUrl).toList();
		}

		@Override
		public List<String> fingerprints() {
			return this.boxes.stream().map(SimulatedVsxi::certificateFingerprint).toList();
		}

		@Override
		public long served() {
			return SimulatedFleet.served(this.boxes);
		}

		@Override
		public void close() {
			this.boxes.forEach(SimulatedVsxi::stop);
		}

	}

	/** In a child JVM on this machine ({@link FleetApart}). */
	private static final class BoxesApart implements Boxes {

		private final FleetApart fleet;

		BoxesApart(int count) throws IOException {
			this.fleet = new FleetApart(count, System.getProperty("boxesHeap", "2g"));
		}

		@Override
		public List<String> names() {
			return this.fleet.names();
		}

		@Override
		public List<String> urls() {
			return this.fleet.urls();
		}

		@Override
		public List<String> fingerprints() {
			return this.fleet.fingerprints();
		}

		@Override
		public long served() throws IOException {
			return this.fleet.served();
		}

		@Override
		public void close() {
			this.fleet.close();
		}

	}

	private static HttpClient logIn(String base) throws Exception {
		// the landing page after the login is not followed: setting up is not what is measured, and at a thousand
		// SBCs two hundred full overviews take minutes on a busy machine
		HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager())
			.followRedirects(HttpClient.Redirect.NEVER).build();
		String login = client.send(HttpRequest.newBuilder(URI.create(base + "/login")).build(),
				HttpResponse.BodyHandlers.ofString()).body();
		Matcher token = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(login);
		if (!token.find()) {
			throw new IllegalStateException("no CSRF token on the login page");
		}
		String form = "username=admin&password=admin&_csrf=" + URLEncoder.encode(token.group(1), StandardCharsets.UTF_8);
		HttpResponse<Void> signedIn = client.send(HttpRequest.newBuilder(URI.create(base + "/login"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.discarding());
		if (signedIn.statusCode() != 302 || signedIn.headers().firstValue("Location").orElse("error").contains("error")) {
			throw new IllegalStateException("the login was refused: " + signedIn.statusCode());
		}
		return client;
	}

}
