package app.vsxi.dashboard.benchmark;

import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.MemoryPoolMXBean;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import app.vsxi.dashboard.VsxiDashboardApplication;
import app.vsxi.dashboard.tables.DraftView;
import app.vsxi.dashboard.tables.engine.RowKey;
import app.vsxi.dashboard.tables.DraftEdits;
import app.vsxi.dashboard.tables.DraftOpening;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import static app.vsxi.dashboard.benchmark.Figures.max;
import static app.vsxi.dashboard.benchmark.Figures.median;
import static app.vsxi.dashboard.benchmark.Figures.min;
import static app.vsxi.dashboard.benchmark.Figures.peakHeapMegabytes;
import static app.vsxi.dashboard.benchmark.Figures.percentile;

/**
 * A 1,000,000-route draft (opened from a standalone simulated VSXi in its own JVM, then edited: rows changed,
 * deleted and added) exported over HTTP as CSV, XML and JSON, as a browser downloads it, while another logged-in
 * user turns pages of the same draft (new filters among them). Prints per export its time, this JVM's peak heap
 * (polled, and the sum of the heap pools' peaks) and the page times during it beside the same pages with no export
 * running; then medians and spreads. Runs with {@code -Xmx512m}, the target, with the draft's page index in it.
 */
public final class DraftExportBenchmark {

	private static final int ROUTES = Integer.getInteger("routes", 1_000_000);

	private static final int ROUNDS = Integer.getInteger("rounds", 3);

	private static final int CHANGED = 200;

	private static final int DELETED = 100;

	private static final int ADDED = 50;

	public static void main(String[] args) throws Exception {
		ConfigurableApplicationContext app = null;
		try (StandaloneBox box = StandaloneBox.start(ROUTES)) {
			app = new SpringApplicationBuilder(VsxiDashboardApplication.class).profiles("demo", "test")
				.run("--server.port=0", "--vsxi.monitoring.poll-interval=1h", "--vsxi.gateway.read-timeout=120s",
						"--logging.level.root=WARN");
			long sbcId = box.register(app, "bench-1m");
			StandaloneBox.actAsAdmin(app);
			long draftId = openAndEdit(app.getBean(DraftOpening.class), app.getBean(DraftEdits.class), sbcId);
			String base = "http://127.0.0.1:" + ((WebServerApplicationContext) app).getWebServer().getPort();
			run(base, sbcId, draftId);
		}
		finally {
			if (app != null) {
				app.close();
			}
		}
	}

	/** The draft as an operator leaves it: some rows changed, some deleted, some added as clones. */
	private static long openAndEdit(DraftOpening opening, DraftEdits editor, long sbcId) {
		long start = System.nanoTime();
		DraftOpening.Opened opened = opening.open(sbcId, "route");
		if (!(opened instanceof DraftOpening.Opened.Draft draft)) {
			throw new IllegalStateException("the route table did not open: " + opened);
		}
		long draftId = draft.id();
		System.out.printf("draft of %,d routes opened in %.1f s%n", ROUTES, (System.nanoTime() - start) / 1e9);
		Random random = new Random(11);
		List<DraftView.ViewRow> rows = new ArrayList<>();
		for (int i = 0; i < CHANGED + DELETED + ADDED; i++) {
			int page = random.nextInt(ROUTES / 500);
			rows.add(opening.page(sbcId, draftId, new DraftView.Request(Map.of(), null, false, page, 500)).page().rows()
				.get(random.nextInt(500)));
		}
		start = System.nanoTime();
		int done = 0;
		for (DraftView.ViewRow row : rows) {
			RowKey key = row.key();
			if (done < CHANGED) {
				editor.edit(sbcId, draftId, key, "digitMatch", "9" + row.row().text("digitMatch"));
			}
			else if (done < CHANGED + DELETED) {
				editor.delete(sbcId, draftId, key);
			}
			else {
				editor.cloneRow(sbcId, draftId, key,
						Map.of("alias", row.row().text("alias") + "-copy", "tableId", row.row().text("tableId")));
			}
			done++;
		}
		System.out.printf("%d rows changed, %d deleted and %d added in %.1f s%n", CHANGED, DELETED, ADDED,
				(System.nanoTime() - start) / 1e9);
		return draftId;
	}

	private static void run(String base, long sbcId, long draftId) throws Exception {
		HttpClient downloader = BrowserSession.logIn(base);
		HttpClient browser = BrowserSession.logIn(base);
		String draft = base + "/sbcs/" + sbcId + "/tables/drafts/" + draftId;
		long expectedRows = ROUTES - DELETED + ADDED;
		ExecutorService pool = Executors.newFixedThreadPool(3);
		MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
		Map<String, List<Double>> seconds = new java.util.LinkedHashMap<>();
		Map<String, List<Double>> polled = new java.util.LinkedHashMap<>();
		Map<String, List<Double>> pooled = new java.util.LinkedHashMap<>();
		List<Double> pagesDuring = new ArrayList<>();
		List<Double> pagesAlone = new ArrayList<>();
		List<Double> p95During = new ArrayList<>();
		List<Double> p95Alone = new ArrayList<>();
		Random random = new Random(5);
		try {
			System.gc();
			System.out.printf("heap in use with the draft's page index, after a GC: %d MB%n",
					memory.getHeapMemoryUsage().getUsed() >> 20);
			for (int round = 0; round <= ROUNDS; round++) {
				for (String format : List.of("csv", "xml", "json")) {
					System.gc();
					ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
					AtomicBoolean exporting = new AtomicBoolean(true);
					AtomicLong peak = new AtomicLong();
					Future<?> poll = pool.submit(() -> {
						while (exporting.get()) {
							peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
							Thread.sleep(5);
						}
						return null;
					});
					List<Double> during = new ArrayList<>();
					Future<?> browse = pool.submit(() -> {
						while (exporting.get()) {
							during.add(page(browser, draft, random));
						}
						return null;
					});
					long start = System.nanoTime();
					long[] counted = download(downloader, draft + "/export?format=" + format);
					double took = (System.nanoTime() - start) / 1e9;
					exporting.set(false);
					poll.get();
					browse.get();
					double heap = peakHeapMegabytes();
					if (format.equals("csv") && counted[1] != expectedRows + 1) {
						throw new IllegalStateException("the CSV has " + counted[1] + " lines, not " + (expectedRows + 1));
					}
					// the same number of pages with no export running, for comparison
					List<Double> alone = new ArrayList<>();
					for (int i = 0; i < Math.max(10, during.size()); i++) {
						alone.add(page(browser, draft, random));
					}
					System.out.printf("%s %s: %,d bytes in %.2f s; peak heap polled %d MB, pool peaks %.0f MB; "
							+ "%d pages during it median %.0f ms p95 %.0f ms max %.0f ms (alone: median %.0f ms p95 %.0f ms)%n",
							round == 0 ? "warm-up" : "round " + round, format, counted[0], took, peak.get() >> 20, heap,
							during.size(), median(during), percentile(during, 95), max(during), median(alone),
							percentile(alone, 95));
					if (round > 0) {
						seconds.computeIfAbsent(format, f -> new ArrayList<>()).add(took);
						polled.computeIfAbsent(format, f -> new ArrayList<>()).add((double) (peak.get() >> 20));
						pooled.computeIfAbsent(format, f -> new ArrayList<>()).add(heap);
						pagesDuring.addAll(during);
						pagesAlone.addAll(alone);
						p95During.add(percentile(during, 95));
						p95Alone.add(percentile(alone, 95));
					}
				}
			}
		}
		finally {
			pool.shutdownNow();
		}
		for (String format : seconds.keySet()) {
			System.out.printf("%s export of %,d rows: median %.2f s (%.2f–%.2f); peak heap polled median %.0f MB "
					+ "(%.0f–%.0f), pool peaks median %.0f MB (%.0f–%.0f); target < 512 MB%n", format, expectedRows,
					median(seconds.get(format)), min(seconds.get(format)), max(seconds.get(format)),
					median(polled.get(format)), min(polled.get(format)), max(polled.get(format)),
					median(pooled.get(format)), min(pooled.get(format)), max(pooled.get(format)));
		}
		System.out.printf("pages during exports: %d, median %.0f ms, p95 %.0f ms (per export p95 %.0f–%.0f), max %.0f ms;"
				+ " the same pages alone: median %.0f ms, p95 %.0f ms (per export p95 %.0f–%.0f)%n", pagesDuring.size(),
				median(pagesDuring), percentile(pagesDuring, 95), min(p95During), max(p95During), max(pagesDuring),
				median(pagesAlone), percentile(pagesAlone, 95), min(p95Alone), max(p95Alone));
	}

	/** A page of the draft as the browser's paging asks it; one in four with a new filter, so its order is made afresh. */
	private static double page(HttpClient browser, String draft, Random random) throws Exception {
		String query = random.nextInt(4) == 0 ? "f_digitMatch=" + (100 + random.nextInt(900))
				: "page=" + random.nextInt(ROUTES / 50);
		long start = System.nanoTime();
		HttpResponse<String> response = browser.send(HttpRequest.newBuilder(URI.create(draft + "/rows?" + query)).build(),
				HttpResponse.BodyHandlers.ofString());
		if (response.statusCode() != 200) {
			throw new IllegalStateException("a page answered " + response.statusCode());
		}
		return (System.nanoTime() - start) / 1e6;
	}

	/** Reads the file as a browser saves it, keeping none of it: its bytes and lines. */
	private static long[] download(HttpClient client, String url) throws Exception {
		HttpResponse<InputStream> response = client.send(HttpRequest.newBuilder(URI.create(url)).build(),
				HttpResponse.BodyHandlers.ofInputStream());
		if (response.statusCode() != 200) {
			throw new IllegalStateException(url + " answered " + response.statusCode());
		}
		long bytes = 0;
		long lines = 0;
		byte[] buffer = new byte[1 << 16];
		try (InputStream in = response.body()) {
			for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
				bytes += read;
				for (int i = 0; i < read; i++) {
					if (buffer[i] == '\n') {
						lines++;
					}
				}
			}
		}
		return new long[] { bytes, lines };
	}

}
