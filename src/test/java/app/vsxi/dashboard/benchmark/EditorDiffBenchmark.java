package app.vsxi.dashboard.benchmark;

import java.io.File;
import java.io.FileInputStream;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import app.vsxi.dashboard.VsxiDashboardApplication;
import app.vsxi.dashboard.gateway.Format;
import app.vsxi.dashboard.gateway.TableCsv;
import app.vsxi.dashboard.gateway.TableRow;
import app.vsxi.dashboard.tables.DraftOpening;
import app.vsxi.dashboard.tables.TableTransfer;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import static app.vsxi.dashboard.benchmark.Figures.max;
import static app.vsxi.dashboard.benchmark.Figures.median;
import static app.vsxi.dashboard.benchmark.Figures.min;

/**
 * A 1,000,000-route table (a standalone simulated VSXi in its own JVM, downloaded as the editor downloads it, a
 * zipped XML file) changed in 1% of its rows through the editor, as an operator does it over HTTP: the route draft
 * opened, a file of 10,000 changed routes imported, the preview shown, the draft applied (the box re-read before,
 * the calls sent, the box re-read to verify), then rolled back from the snapshot the apply kept and that applied
 * too. Prints each step's time and every whole-table diff the editor made in it (the product's own timer
 * {@code vsxi.tables.diff}), beside GNU {@code diff} on the same rows as sorted CSV lines, the two taking turns to
 * go first from round to round; then medians and spreads, and the heap's peak over the preview, apply and roll
 * back, polled. Fails if the editor built rows for a whole-table diff instead of hashing them from their packed bytes.
 * Runs with {@code -Xmx512m}, the target, with the draft's page index in it.
 */
public final class EditorDiffBenchmark {

	private static final int ROUTES = Integer.getInteger("routes", 1_000_000);

	private static final int ROUNDS = Integer.getInteger("rounds", 3);

	private static final int CHANGED = ROUTES / 100;

	public static void main(String[] args) throws Exception {
		File dir = Files.createTempDirectory("editor-diff-benchmark").toFile();
		ConfigurableApplicationContext app = null;
		try (StandaloneBox box = StandaloneBox.start(ROUTES)) {
			app = new SpringApplicationBuilder(VsxiDashboardApplication.class).profiles("demo", "test")
				.run("--server.port=0", "--vsxi.monitoring.poll-interval=1h", "--vsxi.gateway.read-timeout=300s",
						"--logging.level.root=WARN", "--vsxi.tables.import-rows=" + CHANGED,
						"--spring.servlet.multipart.max-file-size=200MB", "--spring.servlet.multipart.max-request-size=200MB",
						StandaloneBox.fileDatabase());
			long sbcId = box.register(app, "bench-1m");
			StandaloneBox.actAsAdmin(app);
			String base = "http://127.0.0.1:" + ((WebServerApplicationContext) app).getWebServer().getPort();
			new Run(app, sbcId, base, dir).rounds();
		}
		finally {
			if (app != null) {
				app.close();
			}
			for (File file : dir.listFiles()) {
				file.delete();
			}
			dir.delete();
		}
	}

	private static final class Run {

		private final DraftOpening opening;

		private final MeterRegistry registry;

		private final long sbcId;

		private final String tables;

		private final File dir;

		private final HttpClient browser;

		private final List<Double> diffs = new ArrayList<>();

		private final List<Double> gnus = new ArrayList<>();

		private final List<Double> ratios = new ArrayList<>();

		private final List<Double> heaps = new ArrayList<>();

		private final List<String> steps = new ArrayList<>();

		Run(ConfigurableApplicationContext app, long sbcId, String base, File dir) throws Exception {
			this.opening = app.getBean(DraftOpening.class);
			this.registry = app.getBean(MeterRegistry.class);
			this.sbcId = sbcId;
			this.tables = base + "/sbcs/" + sbcId + "/tables";
			this.dir = dir;
			this.browser = BrowserSession.logIn(base);
		}

		void rounds() throws Exception {
			for (int round = 0; round <= ROUNDS; round++) {
				round(round);
			}
			System.out.printf("whole-table diffs of %,d routes by the editor, mean per round: median %.2f s (%.2f–%.2f); "
					+ "GNU diff: median %.2f s (%.2f–%.2f)%n", ROUTES, median(this.diffs), min(this.diffs),
					max(this.diffs), median(this.gnus), min(this.gnus), max(this.gnus));
			System.out.printf("ratio editor/GNU per round: median %.2f (%.2f–%.2f), target < 2; peak heap over "
					+ "preview, apply and roll back: median %.0f MB (max %.0f), target < 512%n", median(this.ratios),
					min(this.ratios), max(this.ratios), median(this.heaps), max(this.heaps));
			this.steps.forEach(System.out::println);
		}

		private void round(int round) throws Exception {
			String label = round == 0 ? "warm-up" : "round " + round;
			long start = System.nanoTime();
			if (!(this.opening.open(this.sbcId, "route") instanceof DraftOpening.Opened.Draft opened)) {
				throw new IllegalStateException("the route table did not open");
			}
			String draft = this.tables + "/drafts/" + opened.id();
			double open = seconds(start);
			File before = export(draft, "before");
			byte[] changes = changes(before);
			start = System.nanoTime();
			HttpResponse<String> imported = this.browser.send(BrowserSession.upload(draft + "/import",
					BrowserSession.csrf(BrowserSession.get(this.browser, draft).body()), "routes.csv", changes),
					HttpResponse.BodyHandlers.ofString());
			require(imported, CHANGED + " rows imported");
			double importing = seconds(start);
			File after = export(draft, "after");
			File sortedBefore = sorted(before);
			File sortedAfter = sorted(after);

			double gnu = round % 2 == 0 ? gnuDiff(sortedBefore, sortedAfter) : 0;
			System.gc();
			Figures.HeapPeak polled = Figures.pollHeap();
			Diffs measured = new Diffs();
			start = System.nanoTime();
			String preview = require(BrowserSession.get(this.browser, draft + "/preview"), "apply").body();
			double previewing = seconds(start);
			start = System.nanoTime();
			String applied = require(BrowserSession.post(this.browser, draft + "/apply", preview),
					"Applied and verified").body();
			double applying = seconds(start);
			// the applied page links the snapshot it kept, on the tables page with its roll back button
			Matcher snapshot = Pattern.compile("#snapshot-(\\d+)").matcher(applied);
			if (!snapshot.find()) {
				throw new IllegalStateException("the applied page names no snapshot");
			}
			start = System.nanoTime();
			String snapshots = require(BrowserSession.get(this.browser, this.tables), "snapshots/" + snapshot.group(1)
					+ "/rollback").body();
			HttpResponse<String> rollback = BrowserSession.post(this.browser,
					this.tables + "/snapshots/" + snapshot.group(1) + "/rollback", snapshots);
			String rollbackDraft = rollback.uri().toString();
			String rollbackPreview = require(BrowserSession.get(this.browser, rollbackDraft + "/preview"), "apply")
				.body();
			require(BrowserSession.post(this.browser, rollbackDraft + "/apply", rollbackPreview), "Rolled back to snapshot");
			double rollingBack = seconds(start);
			double heap = polled.megabytes();
			List<Double> taken = measured.since();
			if (round % 2 == 1) {
				gnu = gnuDiff(sortedBefore, sortedAfter);
			}
			double mean = taken.get(0);
			String line = String.format("%s (%s first): open %.1f s, import of %,d changed routes %.1f s, preview %.2f s, "
					+ "apply %.1f s, roll back %.1f s; %.0f whole-table diffs, mean %.2f s; GNU diff %.2f s; "
					+ "ratio %.2f; peak heap %.0f MB", label, round % 2 == 0 ? "GNU diff" : "editor", open, CHANGED,
					importing, previewing, applying, rollingBack, taken.get(1), mean, gnu, mean / gnu, heap);
			System.out.println(line);
			if (round > 0) {
				this.steps.add(line);
				this.diffs.add(mean);
				this.gnus.add(gnu);
				this.ratios.add(mean / gnu);
				this.heaps.add(heap);
			}
			before.delete();
			after.delete();
			sortedBefore.delete();
			sortedAfter.delete();
		}

		/** The draft as a CSV file, downloaded as the export button downloads it. */
		private File export(String draft, String name) throws Exception {
			File file = new File(this.dir, name + ".csv");
			this.browser.send(HttpRequest.newBuilder(URI.create(draft + "/export?format=csv")).build(),
					HttpResponse.BodyHandlers.ofFile(file.toPath()));
			return file;
		}

		/** Every hundredth route of the export with a new digit match, as a CSV file to import. */
		private static byte[] changes(File export) throws Exception {
			List<TableRow> changed = new ArrayList<>(CHANGED);
			int[] seen = { 0 };
			try (InputStream in = new FileInputStream(export)) {
				TableCsv.read(in, row -> {
					if (seen[0]++ % 100 == 7 && changed.size() < CHANGED) {
						changed.add(row.with("digitMatch", "9" + row.text("digitMatch")));
					}
				});
			}
			java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
			TableTransfer.export(Format.CSV, "XBRouteList", "XBRoute", changed.iterator(), out);
			return out.toByteArray();
		}

		private File sorted(File csv) throws Exception {
			File out = new File(this.dir, csv.getName() + ".sorted");
			ProcessBuilder sort = new ProcessBuilder("sort", "-o", out.getPath(), csv.getPath());
			sort.environment().put("LC_ALL", "C");
			if (sort.inheritIO().start().waitFor() != 0) {
				throw new IllegalStateException("sort failed");
			}
			return out;
		}

		private double gnuDiff(File before, File after) throws Exception {
			long start = System.nanoTime();
			Process diff = new ProcessBuilder("diff", before.getPath(), after.getPath())
				.redirectOutput(new File(this.dir, "gnu.out"))
				.start();
			if (diff.waitFor() > 1) {
				throw new IllegalStateException("GNU diff failed");
			}
			return seconds(start);
		}

		/** The editor's whole-table diffs from now on, as its timer has them; none may have built rows. */
		private final class Diffs {

			private final long count = timer("raw") == null ? 0 : timer("raw").count();

			private final double total = timer("raw") == null ? 0 : timer("raw").totalTime(TimeUnit.SECONDS);

			List<Double> since() {
				Timer rows = timer("rows");
				if (rows != null && rows.count() > 0) {
					throw new IllegalStateException("the editor built rows for " + rows.count()
							+ " whole-table diffs instead of hashing their packed bytes");
				}
				Timer raw = timer("raw");
				long diffs = raw.count() - this.count;
				if (diffs == 0) {
					throw new IllegalStateException("the editor made no whole-table diff");
				}
				// the timer keeps their sum: the round's figure is their mean, with how many there were
				return List.of((raw.totalTime(TimeUnit.SECONDS) - this.total) / diffs, (double) diffs);
			}

			private Timer timer(String reading) {
				return EditorDiffBenchmark.Run.this.registry.find("vsxi.tables.diff").tag("reading", reading).timer();
			}

		}

		private static HttpResponse<String> require(HttpResponse<String> page, String text) {
			if (page.statusCode() != 200 || !page.body().contains(text)) {
				throw new IllegalStateException("expected a page with \"" + text + "\", got HTTP " + page.statusCode()
						+ " at " + page.uri() + ": " + page.body().replaceAll("\\s+", " ").substring(0,
								Math.min(600, page.body().length())));
			}
			return page;
		}

		private static double seconds(long start) {
			return (System.nanoTime() - start) / 1e9;
		}

	}

}
