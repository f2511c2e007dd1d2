package app.vsxi.dashboard.benchmark;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import app.vsxi.dashboard.support.DashboardProcess;
import app.vsxi.dashboard.support.MigratedDatabase;
import app.vsxi.dashboard.support.WebUser;

/**
 * Dashboard instances in JVMs of their own on one PostgreSQL (a fresh schema on 127.0.0.1:5432), in front of
 * {@code sbcs} simulated boxes in a child JVM ({@link SimulatedFleet}), all on loopback, with {@code viewers}
 * logged-in viewers spread over the instances (on the last phase), each refreshing the overview's rows every 5 s as
 * the page does, for {@code warmup} intervals before the timing starts.
 * Every endpoint in use is polled every 5 s. Phases: one instance alone, then two (then three with
 * {@code -Dinstances=3}), each measured for {@code intervals} intervals: the requests the boxes served per interval
 * (target exactly SBCs × 7 endpoints, the same whatever the number of instances), the overview's p95 on each instance
 * (target < 100 ms) and each instance's heap. Last, the first instance is killed hard (SIGKILL): the time until each of
 * its SBCs was asked again by the others (target: two poll intervals plus the lease, 20 s), and how many SBCs the
 * survivors' overview showed down meanwhile.
 */
public final class InstancesBenchmark {

	private static final int SBCS = Integer.getInteger("sbcs", 300);

	private static final int VIEWERS = Integer.getInteger("viewers", 200);

	private static final int INTERVALS = Integer.getInteger("intervals", 6);

	private static final int INSTANCES = Integer.getInteger("instances", 2);

	private static final String HEAP = System.getProperty("instanceHeap", "512m");

	/** Intervals the viewers refresh before the timing starts: two minutes, for the instances' JIT to settle. */
	private static final int WARMUP = Integer.getInteger("warmup", 24);

	private static final long INTERVAL_MILLIS = 5_000;

	private static final long LEASE_MILLIS = 10_000;

	/** realtime, resource, resource_detail, sip_stats, media_server, system/realtime, download/resource. */
	private static final int ENDPOINTS_IN_USE = 7;

	private static final String PASSWORD = "instances-benchmark";

	private static final Pattern SUMMARY = Pattern.compile("<li class=\"(\\w+)\"><strong>(\\d+)</strong>");

	private InstancesBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		MigratedDatabase database = MigratedDatabase.postgres();
		FleetApart fleet = null;
		List<DashboardProcess> instances = new ArrayList<>();
		ScheduledExecutorService timers = Executors.newScheduledThreadPool(4);
		try {
			database.addUser("bench", PASSWORD, true);
			long started = System.nanoTime();
			fleet = new FleetApart(SBCS, System.getProperty("boxesHeap", "1g"));
			for (int i = 0; i < fleet.names().size(); i++) {
				database.registerBox(fleet.names().get(i), fleet.urls().get(i), fleet.fingerprints().get(i));
			}
			System.out.printf("%d boxes listening and registered in %.0f s%n", SBCS, (System.nanoTime() - started) / 1e9);
			List<Viewer> viewers = new ArrayList<>();
			for (int count = 1; count <= INSTANCES; count++) {
				instances.add(start("bench-" + (char) ('a' + count - 1), database));
				awaitShares(database, count);
				System.out.printf("%n== %d instance(s) ==%n", count);
				// every box answers its first polls, over fresh connections, before anything is counted
				Thread.sleep(4 * INTERVAL_MILLIS);
				if (count == INSTANCES) {
					viewers = logIn(instances);
					viewers.forEach(viewer -> viewer.start(timers));
					// the viewers' refreshes run unmeasured a while first: the instances' JIT is warm when timing starts
					Thread.sleep(WARMUP * INTERVAL_MILLIS);
				}
				measure(fleet, instances, viewers);
			}
			failover(database, fleet, instances, viewers);
			viewers.forEach(Viewer::stop);
		}
		finally {
			timers.shutdownNow();
			for (DashboardProcess instance : instances) {
				instance.kill();
			}
			if (fleet != null) {
				fleet.close();
			}
			database.drop();
		}
	}

	private static DashboardProcess start(String name, MigratedDatabase database) throws Exception {
		Map<String, String> settings = new LinkedHashMap<>();
		settings.put("vsxi.monitoring.poll-interval", "5s");
		settings.put("vsxi.monitoring.page-refresh", "5s");
		settings.put("vsxi.monitoring.tick", "1s");
		for (String endpoint : List.of("resource", "resource-detail", "sip-stats", "media-server", "system", "capacity")) {
			settings.put("vsxi.monitoring.intervals." + endpoint, "5s");
		}
		settings.put("vsxi.gateway.read-timeout", "10s");
		settings.put("logging.level.root", "WARN");
		settings.put("logging.level.app.vsxi.dashboard.cluster", "INFO");
		long started = System.nanoTime();
		List<String> jvm = new ArrayList<>(List.of("-Xmx" + HEAP));
		// e.g. -DinstanceOptions=-XX:StartFlightRecording=filename=/tmp/instance-%p.jfr,settings=profile
		String options = System.getProperty("instanceOptions", "");
		if (!options.isBlank()) {
			jvm.addAll(List.of(options.trim().split("\\s+")));
		}
		DashboardProcess instance = DashboardProcess.start(name, freePort(), database.url(), "postgres", settings, jvm);
		System.out.printf("%s started in %.0f s (pid %d)%n", name, (System.nanoTime() - started) / 1e9, instance.pid());
		return instance;
	}

	/** Until the live instances hold even shares of the fleet. */
	private static void awaitShares(MigratedDatabase database, int instances) throws Exception {
		long started = System.nanoTime();
		int even = (SBCS + instances - 1) / instances;
		while (System.nanoTime() - started < TimeUnit.MINUTES.toNanos(3)) {
			List<Integer> shares = database.jdbc().queryForList("SELECT COUNT(*) FROM sbc_lease WHERE expires_at > "
					+ "CAST(EXTRACT(EPOCH FROM clock_timestamp()) * 1000 AS BIGINT) GROUP BY owner", Integer.class);
			if (shares.size() == instances && shares.stream().mapToInt(Integer::intValue).sum() == SBCS
					&& shares.stream().allMatch(share -> share <= even)) {
				System.out.printf("shares %s settled in %.1f s%n", shares, (System.nanoTime() - started) / 1e9);
				return;
			}
			Thread.sleep(200);
		}
		throw new IllegalStateException("the leases did not settle over " + instances + " instances");
	}

	/** One HTTP client for every viewer, each with its own session cookie, as many browsers behind one NAT would be. */
	private static final HttpClient CLIENT = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
		.connectTimeout(Duration.ofSeconds(10)).build();

	private static List<Viewer> logIn(List<DashboardProcess> instances) throws Exception {
		long started = System.nanoTime();
		List<java.util.concurrent.Future<Viewer>> logins = new ArrayList<>();
		java.util.concurrent.ExecutorService at = Executors.newFixedThreadPool(8);
		try {
			for (int i = 0; i < VIEWERS; i++) {
				DashboardProcess instance = instances.get(i % instances.size());
				int index = i;
				logins.add(at.submit(() -> new Viewer(instance, session(instance), index)));
			}
			List<Viewer> viewers = new ArrayList<>();
			for (java.util.concurrent.Future<Viewer> login : logins) {
				viewers.add(login.get());
			}
			System.out.printf("%d viewers logged in over %d instance(s) in %.0f s%n", VIEWERS, instances.size(),
					(System.nanoTime() - started) / 1e9);
			// each instance renders the rows once before the timing, as one that has been up for a while would have
			for (DashboardProcess instance : instances) {
				viewers.stream().filter(viewer -> viewer.instance == instance).findFirst()
					.ifPresent(viewer -> viewer.refresh().join());
			}
			return viewers;
		}
		finally {
			at.shutdownNow();
		}
	}

	/** Logs in as a browser does and returns the session cookie the login left (a new one: the id changes then). */
	private static String session(DashboardProcess instance) throws Exception {
		HttpResponse<String> form = CLIENT.send(HttpRequest.newBuilder(URI.create(instance.base() + "/login")).build(),
				HttpResponse.BodyHandlers.ofString());
		String cookie = sessionCookie(form);
		String body = "username=bench&password=" + PASSWORD + "&_csrf="
				+ java.net.URLEncoder.encode(WebUser.csrf(form.body()), StandardCharsets.UTF_8);
		HttpResponse<Void> done = CLIENT.send(HttpRequest.newBuilder(URI.create(instance.base() + "/login"))
			.header("Content-Type", "application/x-www-form-urlencoded").header("Cookie", cookie)
			.POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.discarding());
		String location = done.headers().firstValue("Location").orElse("");
		if (location.contains("/login")) {
			throw new IllegalStateException("login refused at " + instance.base());
		}
		return sessionCookie(done);
	}

	private static String sessionCookie(HttpResponse<?> response) {
		return response.headers().allValues("Set-Cookie").stream().filter(value -> value.startsWith("SESSION="))
			.map(value -> value.substring(0, value.indexOf(';') < 0 ? value.length() : value.indexOf(';')))
			.findFirst().orElseThrow(() -> new IllegalStateException("no session cookie"));
	}

	private static void measure(FleetApart fleet, List<DashboardProcess> instances, List<Viewer> viewers) throws Exception {
		Cpu cpu = new Cpu(instances, fleet.pid());
		long before = fleet.served();
		List<Long> perInterval = new ArrayList<>();
		for (int interval = 1; interval <= INTERVALS; interval++) {
			viewers.forEach(Viewer::clear);
			Thread.sleep(INTERVAL_MILLIS);
			long now = fleet.served();
			perInterval.add(now - before);
			before = now;
			StringBuilder line = new StringBuilder(String.format("interval %d: %,d requests (target %,d)", interval,
					perInterval.get(interval - 1), SBCS * ENDPOINTS_IN_USE));
			line.append(cpu.interval(INTERVAL_MILLIS));
			for (DashboardProcess instance : instances) {
				List<Long> times = new ArrayList<>();
				int failed = 0;
				for (Viewer viewer : viewers) {
					if (viewer.instance == instance) {
						times.addAll(viewer.times);
						failed += viewer.failed.getAndSet(0);
					}
				}
				if (!times.isEmpty()) {
					line.append(String.format("; %s p95 %.1f ms (%d refreshes, %d failed)", instance.name(),
							percentile(times, 95) / 1e6, times.size(), failed));
				}
			}
			System.out.println(line);
		}
		List<Long> sorted = perInterval.stream().sorted().toList();
		System.out.printf("requests per interval: median %,d (%,d–%,d), all %,d in %d intervals (target %,d each)%n",
				sorted.get(sorted.size() / 2), sorted.get(0), sorted.get(sorted.size() - 1),
				perInterval.stream().mapToLong(Long::longValue).sum(), INTERVALS, SBCS * ENDPOINTS_IN_USE);
		for (DashboardProcess instance : instances) {
			System.out.printf("%s heap used %s MB%n", instance.name(), heapMegabytes(instance));
		}
	}

	private static void failover(MigratedDatabase database, FleetApart fleet, List<DashboardProcess> instances,
			List<Viewer> viewers) throws Exception {
		if (System.getProperty("instanceOptions", "").contains("StartFlightRecording")) {
			// the instances end with SIGKILL, which leaves no recording behind: take it while they live
			for (DashboardProcess instance : instances) {
				new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
						Long.toString(instance.pid()), "JFR.dump", "filename=/tmp/instance-" + instance.name() + ".jfr")
					.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor();
			}
		}
		DashboardProcess victim = instances.get(0);
		List<String> owned = database.jdbc().queryForList("SELECT s.name FROM sbc_lease l JOIN sbc s ON s.id = l.sbc_id "
				+ "WHERE l.owner LIKE ?", String.class, victim.name() + "-%");
		System.out.printf("%n== failover: %s killed hard with %d SBCs ==%n", victim.name(), owned.size());
		viewers.stream().filter(viewer -> viewer.instance == victim).forEach(Viewer::stop);
		DashboardProcess survivor = instances.get(1);
		WebUser watcher = WebUser.loggedIn(survivor.base(), "bench", PASSWORD);
		long killedAt = System.currentTimeMillis();
		long killed = System.nanoTime();
		victim.kill();
		instances.remove(0);
		int shownDown = 0;
		int stale = 0;
		long allPolled = -1;
		while (System.nanoTime() - killed < TimeUnit.SECONDS.toNanos(90)) {
			// a poll begun before the kill lands within a second of it: count those begun later
			int polled = fleet.realtimeAfter(killedAt + 1_000, owned);
			Map<String, Integer> summary = summary(watcher.get(survivor.base() + "/overview/rows").body());
			shownDown = Math.max(shownDown, summary.getOrDefault("down", 0));
			stale = Math.max(stale, summary.getOrDefault("stale", 0));
			if (polled == owned.size()) {
				allPolled = (System.nanoTime() - killed) / 1_000_000;
				break;
			}
			Thread.sleep(250);
		}
		System.out.printf("failover: every SBC of %s asked again by the others %s after the kill (target <= %d ms); "
				+ "the survivor's overview showed at most %d down and %d stale meanwhile%n", victim.name(),
				allPolled < 0 ? "not within 90 s" : allPolled + " ms", 2 * INTERVAL_MILLIS + LEASE_MILLIS, shownDown, stale);
		Thread.sleep(2 * INTERVAL_MILLIS);
		measure(fleet, instances, viewers.stream().filter(viewer -> viewer.instance != victim).toList());
	}

	private static Map<String, Integer> summary(String rows) {
		Map<String, Integer> counts = new HashMap<>();
		Matcher item = SUMMARY.matcher(rows);
		while (item.find()) {
			counts.put(item.group(1), Integer.parseInt(item.group(2)));
		}
		return counts;
	}

	private static String heapMegabytes(DashboardProcess instance) {
		try {
			Process jcmd = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
					Long.toString(instance.pid()), "GC.heap_info").redirectErrorStream(true).start();
			String out = new String(jcmd.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
			jcmd.waitFor(30, TimeUnit.SECONDS);
			Matcher used = Pattern.compile("total (\\d+)K, used (\\d+)K").matcher(out);
			return used.find() ? (Long.parseLong(used.group(2)) >> 10) + " of " + (Long.parseLong(used.group(1)) >> 10)
					+ " committed (-Xmx" + HEAP + ")" : "unknown";
		}
		catch (IOException | InterruptedException ex) {
			return "unknown (" + ex.getMessage() + ")";
		}
	}

	private static long percentile(List<Long> values, int percent) {
		List<Long> sorted = values.stream().sorted().toList();
		return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(sorted.size() * percent / 100.0) - 1));
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

	/** One logged-in browser on one instance, refreshing the overview's rows every 5 s on a timer of its own. */
	private static final class Viewer {

		private final DashboardProcess instance;

		private final String cookie;

		private final long offsetMillis;

		private final ConcurrentLinkedQueue<Long> times = new ConcurrentLinkedQueue<>();

		private final AtomicInteger failed = new AtomicInteger();

		private volatile java.util.concurrent.ScheduledFuture<?> timer;

		Viewer(DashboardProcess instance, String cookie, int index) {
			this.instance = instance;
			this.cookie = cookie;
			this.offsetMillis = index * INTERVAL_MILLIS / Math.max(1, VIEWERS);
		}

		/** What the page's timer asks for, as HTMX asks it, gzip accepted as a browser does. */
		java.util.concurrent.CompletableFuture<HttpResponse<byte[]>> refresh() {
			return CLIENT.sendAsync(HttpRequest.newBuilder(URI.create(this.instance.base() + "/overview/rows"))
				.timeout(Duration.ofSeconds(30)).header("Cookie", this.cookie).header("HX-Request", "true")
				.header("Accept-Encoding", "gzip").build(), HttpResponse.BodyHandlers.ofByteArray());
		}

		void start(ScheduledExecutorService timers) {
			this.timer = timers.scheduleAtFixedRate(() -> {
				long started = System.nanoTime();
				refresh().whenComplete((response, error) -> {
					if (error == null && response.statusCode() == 200) {
						this.times.add(System.nanoTime() - started);
					}
					else {
						this.failed.incrementAndGet();
					}
				});
			}, this.offsetMillis, INTERVAL_MILLIS, TimeUnit.MILLISECONDS);
		}

		void clear() {
			this.times.clear();
		}

		void stop() {
			if (this.timer != null) {
				this.timer.cancel(false);
			}
		}

	}

	/**
	 * Cores each process used since the last reading, from /proc: the instances, the boxes, this JVM (the viewers)
	 * and PostgreSQL's processes together; a machine of two cores has two to share among them.
	 */
	private static final class Cpu {

		private final Map<String, List<Long>> pids = new LinkedHashMap<>();

		private Map<String, Long> last;

		Cpu(List<DashboardProcess> instances, long fleetPid) {
			instances.forEach(instance -> this.pids.put(instance.name(), List.of(instance.pid())));
			this.pids.put("boxes", List.of(fleetPid));
			this.pids.put("viewers", List.of(ProcessHandle.current().pid()));
			this.last = ticks();
		}

		String interval(long millis) {
			Map<String, Long> now = ticks();
			StringBuilder line = new StringBuilder(" [cores:");
			now.forEach((name, ticks) -> line.append(String.format(" %s %.2f", name,
					(ticks - this.last.getOrDefault(name, ticks)) / 100.0 / (millis / 1000.0))));
			this.last = now;
			return line.append(']').toString();
		}

		private Map<String, Long> ticks() {
			Map<String, Long> ticks = new LinkedHashMap<>();
			this.pids.forEach((name, list) -> ticks.put(name, list.stream().mapToLong(Cpu::ticksOf).sum()));
			long postgres = 0;
			try (java.util.stream.Stream<Path> procs = Files.list(Path.of("/proc"))) {
				for (Path proc : procs.filter(path -> path.getFileName().toString().matches("\\d+")).toList()) {
					try {
						if (Files.readString(proc.resolve("comm")).trim().equals("postgres")) {
							postgres += ticksOf(Long.parseLong(proc.getFileName().toString()));
						}
					}
					catch (IOException gone) {
						// ended meanwhile
					}
				}
			}
			catch (IOException ex) {
				// no /proc here: no figure for PostgreSQL
			}
			ticks.put("postgres", postgres);
			return ticks;
		}

		private static long ticksOf(long pid) {
			try {
				String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
				String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
				// utime and stime, the 14th and 15th fields of the whole line
				return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
			}
			catch (IOException | RuntimeException ex) {
				return 0;
			}
		}

	}

}
