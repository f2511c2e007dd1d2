package app.vsxi.dashboard.benchmark;

import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import app.vsxi.dashboard.tables.DraftEdits;
import app.vsxi.dashboard.tables.DraftOpening;
import app.vsxi.dashboard.tables.DraftView;

import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import static app.vsxi.dashboard.benchmark.Figures.median;
import static app.vsxi.dashboard.benchmark.Figures.peakHeapMegabytes;
import static app.vsxi.dashboard.benchmark.Figures.percentile;

/**
 * A draft of 1,000,000 routes (opened from a standalone simulated VSXi in its own JVM, a few hundred rows edited)
 * browsed by many logged-in viewers at once, each as a person at the page does it, about one request a second:
 * the draft page itself (page 1), a page of the rows sorted by a column (a click on its header: the page's
 * partial), and page 1 filtered on a column (typing in its filter box), each viewer with columns, directions and
 * text of its own. Prints, per kind of request, the count, median and p95 over the rounds after a warm-up, and the
 * heap's peak (targets: p95 under 100 ms). Sizes are the system properties {@code routes} (1,000,000), {@code
 * viewers} (20) and {@code seconds} (60). Runs with {@code -Xmx512m}, as the editor's other benchmarks.
 */
public final class DraftBrowsingBenchmark {

	private static final int ROUTES = Integer.getInteger("routes", 1_000_000);

	private static final int VIEWERS = Integer.getInteger("viewers", 20);

	private static final int SECONDS = Integer.getInteger("seconds", 60);

	private static final int EDITED = 300;

	/** Columns a viewer sorts or filters on: the key, the digits, the policy, the route table and the group. */
	private static final List<String> COLUMNS = List.of("alias", "digitMatch", "policy", "tableId", "groupId");

	public static void main(String[] args) throws Exception {
		ConfigurableApplicationContext app = null;
		try (StandaloneBox box = StandaloneBox.start(ROUTES)) {
			app = StandaloneBox.dashboard();
			long sbcId = box.register(app, "bench-1m");
			StandaloneBox.actAsAdmin(app);
			long draftId = openAndEdit(app, sbcId);
			String draft = "http://127.0.0.1:" + ((WebServerApplicationContext) app).getWebServer().getPort()
					+ "/sbcs/" + sbcId + "/tables/drafts/" + draftId;
			browse(draft, app);
		}
		finally {
			if (app != null) {
				app.close();
			}
		}
	}

	private static long openAndEdit(ConfigurableApplicationContext app, long sbcId) {
		DraftOpening opening = app.getBean(DraftOpening.class);
		long start = System.nanoTime();
		if (!(opening.open(sbcId, "route") instanceof DraftOpening.Opened.Draft draft)) {
			throw new IllegalStateException("the route table did not open");
		}
		System.out.printf("draft of %,d routes opened in %.1f s%n", ROUTES, (System.nanoTime() - start) / 1e9);
		DraftEdits edits = app.getBean(DraftEdits.class);
		Random random = new Random(3);
		for (int i = 0; i < EDITED; i++) {
			DraftView.ViewRow row = opening.page(sbcId, draft.id(),
					new DraftView.Request(Map.of(), null, false, random.nextInt(ROUTES / 50), 50)).page().rows()
				.get(random.nextInt(50));
			edits.edit(sbcId, draft.id(), row.key(), "digitMatch", "9" + row.row().text("digitMatch"));
		}
		return draft.id();
	}

	private static void browse(String draft, ConfigurableApplicationContext app) throws Exception {
		List<HttpClient> viewers = new ArrayList<>();
		for (int i = 0; i < VIEWERS; i++) {
			viewers.add(BrowserSession.logIn(draft.substring(0, draft.indexOf("/sbcs/"))));
		}
		// a short round to warm up, not counted, then the measured one
		run(draft, viewers, Math.max(10, SECONDS / 6), false);
		java.lang.management.ManagementFactory.getMemoryPoolMXBeans()
			.forEach(java.lang.management.MemoryPoolMXBean::resetPeakUsage);
		Map<String, ConcurrentLinkedQueue<Double>> times = run(draft, viewers, SECONDS, true);
		boolean met = true;
		for (Map.Entry<String, ConcurrentLinkedQueue<Double>> kind : times.entrySet()) {
			List<Double> each = new ArrayList<>(kind.getValue());
			double p95 = percentile(each, 95);
			met &= p95 < 100;
			System.out.printf("%-14s %,6d requests: median %.1f ms, p95 %.1f ms, max %.1f ms (target p95 < 100 ms)%n",
					kind.getKey(), each.size(), median(each), p95, Figures.max(each));
		}
		System.out.printf("%d viewers, %d s: peak heap %.0f MB; %s%n", VIEWERS, SECONDS, peakHeapMegabytes(),
				met ? "every p95 under 100 ms" : "NOT every p95 under 100 ms");
	}

	private static Map<String, ConcurrentLinkedQueue<Double>> run(String draft, List<HttpClient> viewers, int seconds,
			boolean counted) throws Exception {
		Map<String, ConcurrentLinkedQueue<Double>> times = new ConcurrentHashMap<>();
		for (String kind : List.of("page 1", "sorted page", "filtered page")) {
			times.put(kind, new ConcurrentLinkedQueue<>());
		}
		ExecutorService pool = Executors.newFixedThreadPool(viewers.size());
		long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
		List<Future<?>> running = new ArrayList<>();
		for (int v = 0; v < viewers.size(); v++) {
			HttpClient viewer = viewers.get(v);
			Random random = new Random(v * 31L + (counted ? 1 : 0));
			running.add(pool.submit(() -> {
				int step = random.nextInt(3);
				while (System.nanoTime() < end) {
					String kind;
					String url;
					String column = COLUMNS.get(random.nextInt(COLUMNS.size()));
					if (step % 3 == 0) {
						kind = "page 1";
						url = draft;
					}
					else if (step % 3 == 1) {
						kind = "sorted page";
						url = draft + "/rows?sort=" + column + (random.nextBoolean() ? "&desc=true" : "") + "&page="
								+ random.nextInt(100);
					}
					else {
						kind = "filtered page";
						String needle = column.equals("policy") ? "top" : String.valueOf(10 + random.nextInt(990));
						url = draft + "/rows?f_" + column + "=" + URLEncoder.encode(needle, StandardCharsets.UTF_8);
					}
					step++;
					long start = System.nanoTime();
					HttpResponse<String> page = BrowserSession.get(viewer, url);
					double ms = (System.nanoTime() - start) / 1e6;
					if (page.statusCode() != 200) {
						throw new IllegalStateException(kind + " answered HTTP " + page.statusCode() + " for " + url);
					}
					times.get(kind).add(ms);
					// a person reads the page before the next click: about a second
					Thread.sleep(Math.max(0, 700 + random.nextInt(600) - (long) ms));
				}
				return null;
			}));
		}
		try {
			for (Future<?> each : running) {
				each.get();
			}
		}
		finally {
			// a failed request ends the run: the other viewers stop rather than keep the JVM alive
			pool.shutdownNow();
		}
		return times;
	}

}
