package app.vsxi.dashboard.benchmark;

import java.io.BufferedOutputStream;
import java.io.BufferedWriter;
import java.io.File;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import app.vsxi.dashboard.gateway.ElementNames;
import app.vsxi.dashboard.gateway.Format;
import app.vsxi.dashboard.gateway.TableRow;
import app.vsxi.dashboard.gateway.TableZip;
import app.vsxi.dashboard.gateway.ZipLimits;
import app.vsxi.dashboard.tables.DraftView;
import app.vsxi.dashboard.tables.engine.LargeTableDiff;
import app.vsxi.dashboard.tables.engine.RowKey;
import app.vsxi.dashboard.tables.engine.RowStore;
import app.vsxi.dashboard.tables.engine.TableDiff;
import app.vsxi.dashboard.tables.engine.ZippedCsvRows;

import static app.vsxi.dashboard.benchmark.Figures.max;
import static app.vsxi.dashboard.benchmark.Figures.median;
import static app.vsxi.dashboard.benchmark.Figures.min;
import static app.vsxi.dashboard.benchmark.Figures.peakHeapMegabytes;
import static app.vsxi.dashboard.benchmark.Figures.percentile;

/**
 * Two 1,000,000-row route tables that differ in 1% of their rows, as {@code downloadLarge/route} zips: the keyed
 * diff from those files to the summarised diff, timed with this JVM's peak heap, beside GNU {@code diff} on the
 * same rows exported as sorted CSV lines, in the same run. Then page 1 of a draft of the first table, opened and
 * filtered with a new filter each time (so no cached ordering helps), as a p95. Runs with {@code -Xmx512m}.
 */
public final class TableDiffBenchmark {

	private static final int ROWS = Integer.getInteger("rows", 1_000_000);

	private static final int ROUNDS = Integer.getInteger("rounds", 5);

	/** {@code diff} or {@code draft} to run one half only; both by default. */
	private static final String PART = System.getProperty("part", "all");

	private static final List<String> KEY = List.of("alias", "tableId");

	public static void main(String[] args) throws Exception {
		File dir = Files.createTempDirectory("table-diff-benchmark").toFile();
		try {
			run(dir);
		}
		finally {
			for (File file : dir.listFiles()) {
				file.delete();
			}
			dir.delete();
		}
	}

	private static void run(File dir) throws Exception {
		File before = new File(dir, "before.zip");
		File after = new File(dir, "after.zip");
		File beforeCsv = new File(dir, "before.csv");
		File afterCsv = new File(dir, "after.csv");
		write(before, after, beforeCsv, afterCsv);
		System.out.printf("%,d rows per table, files: %,d and %,d bytes zipped%n", ROWS, before.length(), after.length());

		List<Double> ratios = new ArrayList<>();
		List<Double> ours = new ArrayList<>();
		List<Double> gnu = new ArrayList<>();
		List<Double> heaps = new ArrayList<>();
		for (int round = 0; round < (PART.equals("draft") ? 0 : ROUNDS + 1); round++) {
			double seconds = 0;
			double heap = 0;
			double gnuSeconds = 0;
			TableDiff.Summary summary = null;
			// the two take turns going first, so neither always runs on a warmer cache
			for (int turn = 0; turn < 2; turn++) {
				if ((turn + round) % 2 == 0) {
					System.gc();
					ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
					long start = System.nanoTime();
					TableDiff diff = LargeTableDiff.diff(zipped(before), zipped(after), KEY);
					summary = diff.summary();
					seconds = (System.nanoTime() - start) / 1e9;
					heap = peakHeapMegabytes();
				}
				else {
					long gnuStart = System.nanoTime();
					Process process = new ProcessBuilder("diff", beforeCsv.getPath(), afterCsv.getPath())
						.redirectOutput(new File(dir, "gnu.out"))
						.start();
					int exit = process.waitFor();
					gnuSeconds = (System.nanoTime() - gnuStart) / 1e9;
					if (exit > 1) {
						throw new IllegalStateException("GNU diff failed: " + exit);
					}
				}
			}
			String label = round == 0 ? "warm-up" : "round " + round;
			System.out.printf("%s (%s first): keyed diff %.2f s (%s), peak heap %.0f MB; GNU diff %.2f s; ratio %.2f, "
					+ "keyed minus GNU %+.2f s%n", label, round % 2 == 0 ? "keyed diff" : "GNU diff", seconds,
					summary.text(), heap, gnuSeconds, seconds / gnuSeconds, seconds - gnuSeconds);
			if (round > 0) {
				ours.add(seconds);
				gnu.add(gnuSeconds);
				ratios.add(seconds / gnuSeconds);
				heaps.add(heap);
			}
		}
		if (!PART.equals("draft")) {
			System.out.printf("keyed diff: median %.2f s (%.2f–%.2f); GNU diff: median %.2f s (%.2f–%.2f)%n",
					median(ours), min(ours), max(ours), median(gnu), min(gnu), max(gnu));
			System.out.printf("keyed minus GNU: median %+.2f s%n", median(ours) - median(gnu));
			System.out.printf("ratio keyed/GNU: median %.2f (%.2f–%.2f), target < 2; peak heap: median %.0f MB (max %.0f), target < 512%n",
					median(ratios), min(ratios), max(ratios), median(heaps), max(heaps));
		}
		if (!PART.equals("draft")) {
			long start = System.nanoTime();
			TableDiff.Summary rows = LargeTableDiff.diff(asRows(before), asRows(after), KEY).summary();
			System.out.printf("the same diff over built rows (the path of XML and JSON downloads): %.2f s (%s)%n",
					(System.nanoTime() - start) / 1e9, rows.text());
		}
		if (PART.equals("diff")) {
			return;
		}

		long buildStart = System.nanoTime();
		RowStore.Builder builder = RowStore.builder(KEY);
		asRows(before).forEach(builder::add);
		RowStore store = builder.build();
		builder = null;
		System.out.printf("draft index of %,d rows built in %.2f s, heap after %.0f MB%n", store.size(),
				(System.nanoTime() - buildStart) / 1e9, usedHeapMegabytes());
		Map<RowKey, TableRow> edits = new LinkedHashMap<>();
		for (int i = 0; i < 20; i++) {
			edits.put(store.key(i * 997), store.row(i * 997).with("policy", "edited"));
		}
		List<Double> opens = new ArrayList<>();
		List<Double> filters = new ArrayList<>();
		Random random = new Random(7);
		for (int i = 0; i < 60; i++) {
			DraftView view = new DraftView(store, edits);
			long open = System.nanoTime();
			DraftView.Page page = view.page(new DraftView.Request(Map.of(), null, false, 0, 50));
			double openMs = (System.nanoTime() - open) / 1e6;
			long filter = System.nanoTime();
			DraftView.Page filtered = view.page(new DraftView.Request(
					Map.of("digitMatch", String.valueOf(100 + random.nextInt(900))), null, false, 0, 50));
			double filterMs = (System.nanoTime() - filter) / 1e6;
			if (page.rows().size() != 50 || filtered.total() == 0) {
				throw new IllegalStateException("unexpected page");
			}
			if (i >= 10) {
				opens.add(openMs);
				filters.add(filterMs);
			}
		}
		System.out.printf("page 1 of the draft: median %.1f ms, p95 %.1f ms; page 1 filtered: median %.1f ms, p95 %.1f ms (target p95 < 200 ms)%n",
				median(opens), percentile(opens, 95), median(filters), percentile(filters, 95));
	}

	private static ZippedCsvRows zipped(File file) {
		return new ZippedCsvRows(() -> new FileInputStream(file), ZipLimits.DEFAULT);
	}

	/** The same file read as built rows, as the diff reads an XML or JSON download. */
	private static LargeTableDiff.RowSource asRows(File file) {
		return sink -> {
			try (InputStream in = new FileInputStream(file)) {
				TableZip.read(in, Format.CSV, ZipLimits.DEFAULT, sink);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		};
	}

	/** Route rows like a box's; the second table changes 0.4%, drops 0.3% and adds 0.3% of the rows. */
	private static void write(File before, File after, File beforeCsv, File afterCsv) throws IOException {
		Random random = new Random(42);
		List<String> olderLines = new ArrayList<>(ROWS);
		List<String> newerLines = new ArrayList<>(ROWS);
		try (OutputStream a = new BufferedOutputStream(new FileOutputStream(before));
				OutputStream b = new BufferedOutputStream(new FileOutputStream(after))) {
			Iterator<TableRow> olderRows = new Generated(ROWS, random, false, olderLines);
			TableZip.write("route.csv", Format.CSV, new ElementNames(null, null), olderRows, a);
			Iterator<TableRow> newerRows = new Generated(ROWS, new Random(42), true, newerLines);
			TableZip.write("route.csv", Format.CSV, new ElementNames(null, null), newerRows, b);
		}
		Collections.sort(olderLines);
		Collections.sort(newerLines);
		lines(beforeCsv, olderLines);
		lines(afterCsv, newerLines);
	}

	private static void lines(File file, List<String> lines) throws IOException {
		try (BufferedWriter out = Files.newBufferedWriter(file.toPath(), StandardCharsets.UTF_8)) {
			for (String line : lines) {
				out.write(line);
				out.write('\n');
			}
		}
	}

	private static final class Generated implements Iterator<TableRow> {

		private final int rows;

		private final Random random;

		private final boolean changed;

		private final List<String> lines;

		private int next;

		private int added;

		Generated(int rows, Random random, boolean changed, List<String> lines) {
			this.rows = rows;
			this.random = random;
			this.changed = changed;
			this.lines = lines;
		}

		@Override
		public boolean hasNext() {
			return this.next < this.rows || (this.changed && this.added < this.rows * 3 / 1000);
		}

		@Override
		public TableRow next() {
			TableRow row;
			if (this.next < this.rows) {
				int i = this.next++;
				int dice = Math.floorMod((int) (i * 2654435761L >>> 7), 1000);
				row = route(i, this.changed && dice < 4 ? "edited" : "top_down");
				if (this.changed && dice >= 4 && dice < 7) {
					return next();
				}
			}
			else {
				row = route(this.rows + this.added++, "top_down");
			}
			this.lines.add(String.join(",", row.fields().values().stream().map(Object::toString).toList()));
			return row;
		}

		private TableRow route(int i, String policy) {
			Map<String, Object> fields = new LinkedHashMap<>();
			fields.put("alias", "route-" + i);
			fields.put("tableId", String.valueOf(1 + i % 20));
			fields.put("digitMatch", String.valueOf(1_000_000 + i * 7L));
			fields.put("minLen", "10");
			fields.put("maxLen", "15");
			fields.put("startTod", "00:00");
			fields.put("endTod", "23:59");
			fields.put("groupId", String.valueOf(i % 50));
			fields.put("policy", policy);
			for (int r = 1; r <= 8; r++) {
				fields.put("resourceId" + r, String.valueOf(r <= 2 ? 1 + (i + r) % 40 : 0));
			}
			return new TableRow(fields);
		}

	}

	private static double usedHeapMegabytes() {
		System.gc();
		Runtime runtime = Runtime.getRuntime();
		return (runtime.totalMemory() - runtime.freeMemory()) / 1048576.0;
	}

}
