package app.vsxi.dashboard.benchmark;

import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

import app.vsxi.dashboard.fleet.FleetService;
import app.vsxi.dashboard.gateway.GatewayResult;
import app.vsxi.dashboard.gateway.SbcEndpoint;
import app.vsxi.dashboard.gateway.TableCommands;
import app.vsxi.dashboard.gateway.TableDocument;
import app.vsxi.dashboard.gateway.TableRow;
import app.vsxi.dashboard.gateway.VsxiTable;
import app.vsxi.dashboard.gateway.WriteOutcome;
import app.vsxi.dashboard.tables.engine.RowCodec;

import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import static app.vsxi.dashboard.benchmark.Figures.median;
import static app.vsxi.dashboard.benchmark.Figures.percentile;

/**
 * Backups of an SBC holding 1,000,000 routes, as an operator starts them: "Back up now" posted on the SBC's backups
 * page and picked up by the dashboard's scheduler, which backs up every table and file of the box. Between backups
 * 0.1% of the routes change on the box (a plain update sent straight to it, as another tool would). Measured:
 * <ul>
 * <li>time per backup, from its start to its audit line (both as the database recorded them);</li>
 * <li>the bytes of tables and deltas each backup added to the database, changed (ten of them) and unchanged (two
 * more after the last), and the version and check rows it added;</li>
 * <li>the diff page between the first and the last version, asked cold, against GNU diff on the same rows (the
 * box's route table downloaded at those two moments, one JSON row a line, in the box's order);</li>
 * <li>the history page's p95 over {@code -Dpages} requests once warm.</li>
 * </ul>
 * The box runs in a JVM of its own; the dashboard here keeps its database in an H2 file, or on the database
 * {@code -Ddburl} names (e.g. a fresh PostgreSQL schema, {@code -Ddbuser}, {@code -Ddbpassword}).
 */
public final class BackupBenchmark {

	private static final int ROUTES = Integer.getInteger("routes", 1_000_000);

	private static final int BACKUPS = Integer.getInteger("backups", 10);

	private static final int PAGES = Integer.getInteger("pages", 200);

	private static final double CHANGED = 0.001;

	public static void main(String[] args) throws Exception {
		ConfigurableApplicationContext app = null;
		try (StandaloneBox box = StandaloneBox.start(ROUTES)) {
			String dburl = System.getProperty("dburl");
			app = dburl == null ? StandaloneBox.dashboard()
					: StandaloneBox.dashboard("--spring.datasource.url=" + dburl,
							"--spring.datasource.username=" + System.getProperty("dbuser", "postgres"),
							"--spring.datasource.password=" + System.getProperty("dbpassword", ""));
			long sbcId = box.register(app, "bench-1m");
			String dashboard = "http://127.0.0.1:" + ((WebServerApplicationContext) app).getWebServer().getPort();
			HttpClient operator = BrowserSession.logIn(dashboard);
			StandaloneBox.actAsAdmin(app);
			JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
			TableCommands gateway = app.getBean(TableCommands.class);
			FleetService fleet = app.getBean(FleetService.class);
			SbcEndpoint endpoint = fleet.endpoint(fleet.get(sbcId));
			Random random = new Random(25);
			Path work = Files.createTempDirectory("vsxi-bench-backup");

			List<Double> changedSeconds = new ArrayList<>();
			List<Long> changedBytes = new ArrayList<>();
			List<Double> unchangedSeconds = new ArrayList<>();
			List<Long> unchangedBytes = new ArrayList<>();
			write(gateway, endpoint, work.resolve("first.jsonl"));
			for (int backup = 1; backup <= BACKUPS + 2; backup++) {
				boolean change = backup > 1 && backup <= BACKUPS;
				if (change) {
					changeOnTheBox(gateway, endpoint, random);
				}
				long bytesBefore = bytes(jdbc, sbcId);
				double seconds = backUpNow(operator, dashboard, jdbc, sbcId);
				long added = bytes(jdbc, sbcId) - bytesBefore;
				boolean unchanged = backup > BACKUPS;
				System.out.printf("backup %d (%s): %.2f s, %,d bytes of tables and deltas added; %s%n", backup,
						backup == 1 ? "first" : unchanged ? "unchanged" : "0.1% changed", seconds, added,
						rowsKept(jdbc, sbcId));
				if (unchanged) {
					unchangedSeconds.add(seconds);
					unchangedBytes.add(added);
				}
				else if (backup > 1) {
					changedSeconds.add(seconds);
					changedBytes.add(added);
				}
			}
			write(gateway, endpoint, work.resolve("last.jsonl"));
			List<Long> versions = jdbc.queryForList("SELECT id FROM backup_version WHERE sbc_id = ? AND subject = "
					+ "'route' ORDER BY id", Long.class, sbcId);
			String history = dashboard + "/sbcs/" + sbcId + "/backups/route";
			String diffPage = history + "/diff?from=" + versions.get(0) + "&to=" + versions.get(versions.size() - 1);
			long start = System.nanoTime();
			HttpResponse<String> diff = BrowserSession.get(operator, diffPage);
			double diffMillis = (System.nanoTime() - start) / 1e6;
			if (diff.statusCode() != 200 || !diff.body().contains("changed")) {
				throw new IllegalStateException("the diff page answered HTTP " + diff.statusCode());
			}
			List<Double> gnu = new ArrayList<>();
			for (int i = 0; i < 3; i++) {
				gnu.add(gnuDiff(work.resolve("first.jsonl"), work.resolve("last.jsonl")));
			}
			List<Double> historyMillis = timed(operator, history, PAGES);
			List<Double> diffWarmMillis = timed(operator, diffPage, PAGES / 4);
			String summary = summary(diff.body());
			System.out.printf("%,d routes, %d versions of route kept; diff first to last: %s%n", ROUTES, versions.size(),
					summary);
			System.out.printf("changed backups: median %.2f s (%.2f–%.2f), %,d bytes median (%,d–%,d)%n",
					median(changedSeconds), Figures.min(changedSeconds), Figures.max(changedSeconds),
					medianLong(changedBytes), changedBytes.stream().mapToLong(Long::longValue).min().orElse(0),
					changedBytes.stream().mapToLong(Long::longValue).max().orElse(0));
			System.out.printf("unchanged backups: median %.2f s, %,d bytes median%n", median(unchangedSeconds),
					medianLong(unchangedBytes));
			System.out.printf("diff page cold %.0f ms, GNU diff on the same rows %.0f ms (%.0f–%.0f): ratio %.2f, "
					+ "target < 2%n", diffMillis, median(gnu), Figures.min(gnu), Figures.max(gnu), diffMillis / median(gnu));
			System.out.printf("history page p95 %.1f ms (median %.1f) over %d requests, target < 200 ms; diff page warm "
					+ "p95 %.1f ms%n", percentile(historyMillis, 95), median(historyMillis), PAGES,
					percentile(diffWarmMillis, 95));
			System.out.printf("kept for the SBC: %,d bytes of tables and deltas, %s; heap peak %.0f MB%n",
					bytes(jdbc, sbcId), rowsKept(jdbc, sbcId), Figures.peakHeapMegabytes());
			// the two tables for GNU diff are 300 MB each at a million routes
			Files.deleteIfExists(work.resolve("first.jsonl"));
			Files.deleteIfExists(work.resolve("last.jsonl"));
			Files.deleteIfExists(work);
		}
		finally {
			if (app != null) {
				app.close();
			}
		}
	}

	/** Reads the box's routes as they stream in, holding none of them: this heap is the dashboard's. */
	private static void download(TableCommands gateway, SbcEndpoint endpoint, java.util.function.Consumer<TableRow> each) {
		GatewayResult<?> read = gateway.downloadLarge(endpoint, VsxiTable.ROUTE, each::accept).block(Duration.ofMinutes(5));
		if (!read.isOk()) {
			throw new IllegalStateException("download failed: " + read);
		}
	}

	/** 0.1% of the routes, picked at random, get another maximum length: one plain update per 1,000 rows. */
	private static void changeOnTheBox(TableCommands gateway, SbcEndpoint endpoint, Random random) {
		int count = (int) Math.round(ROUTES * CHANGED);
		Set<Integer> picked = new HashSet<>();
		while (picked.size() < count) {
			picked.add(random.nextInt(ROUTES));
		}
		List<TableRow> changed = new ArrayList<>();
		int[] index = { 0 };
		download(gateway, endpoint, row -> {
			if (picked.contains(index[0]++)) {
				String maxLen = row.text("maxLen");
				changed.add(row.with("maxLen", String.valueOf(maxLen == null || maxLen.isEmpty() ? 15
						: (Integer.parseInt(maxLen) % 30) + 1)));
			}
		});
		for (int from = 0; from < changed.size(); from += 1000) {
			GatewayResult<WriteOutcome> written = gateway.update(endpoint, VsxiTable.ROUTE, new TableDocument(
					"XBRouteList", "XBRoute", changed.subList(from, Math.min(changed.size(), from + 1000))))
				.block(Duration.ofMinutes(5));
			if (!written.isOk()) {
				throw new IllegalStateException("the box refused the change: " + written);
			}
		}
	}

	/** Posts "Back up now" and waits for the run's audit line; the run's own time, as the database recorded it. */
	private static double backUpNow(HttpClient operator, String dashboard, JdbcTemplate jdbc, long sbcId)
			throws Exception {
		String page = dashboard + "/sbcs/" + sbcId + "/backups";
		Integer before = jdbc.queryForObject("SELECT COUNT(*) FROM audit_event WHERE action = 'BACKUP' AND target = "
				+ "'bench-1m'", Integer.class);
		HttpResponse<String> asked = BrowserSession.post(operator, page + "/now", BrowserSession.get(operator, page).body());
		if (asked.statusCode() != 200) {
			throw new IllegalStateException("Back up now answered HTTP " + asked.statusCode());
		}
		long deadline = System.nanoTime() + Duration.ofMinutes(10).toNanos();
		while (System.nanoTime() < deadline) {
			Integer now = jdbc.queryForObject("SELECT COUNT(*) FROM audit_event WHERE action = 'BACKUP' AND target = "
					+ "'bench-1m'", Integer.class);
			if (now != null && before != null && now > before) {
				Timestamp started = jdbc.queryForObject("SELECT started_at FROM backup_run WHERE sbc_id = ?",
						Timestamp.class, sbcId);
				Timestamp ended = jdbc.queryForObject("SELECT MAX(at) FROM audit_event WHERE action = 'BACKUP' AND "
						+ "target = 'bench-1m'", Timestamp.class);
				return (ended.getTime() - started.getTime()) / 1000.0;
			}
			Thread.sleep(100);
		}
		throw new IllegalStateException("the backup did not end within ten minutes");
	}

	/** The tables and deltas the SBC's versions keep, in bytes: what grows with history. */
	private static long bytes(JdbcTemplate jdbc, long sbcId) {
		Long bytes = jdbc.queryForObject("SELECT COALESCE(SUM(COALESCE(OCTET_LENGTH(full_data), 0) + "
				+ "COALESCE(OCTET_LENGTH(before_data), 0) + COALESCE(OCTET_LENGTH(after_data), 0)), 0) "
				+ "FROM backup_version WHERE sbc_id = ?", Long.class, sbcId);
		return bytes == null ? 0 : bytes;
	}

	/** Versions and checks the SBC's backups hold: a few hundred bytes of row each, besides the bytes above. */
	private static String rowsKept(JdbcTemplate jdbc, long sbcId) {
		return jdbc.queryForObject("SELECT COUNT(*) FROM backup_version WHERE sbc_id = ?", Integer.class, sbcId)
				+ " versions, " + jdbc.queryForObject("SELECT COUNT(*) FROM backup_check WHERE sbc_id = ?",
						Integer.class, sbcId) + " checks";
	}

	/** The box's routes as they are now, one JSON row a line in the box's order, for GNU diff. */
	private static void write(TableCommands gateway, SbcEndpoint endpoint, Path file) throws Exception {
		try (var out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
			download(gateway, endpoint, row -> {
				try {
					out.write(RowCodec.toJson(row));
					out.write('\n');
				}
				catch (java.io.IOException ex) {
					throw new java.io.UncheckedIOException(ex);
				}
			});
		}
	}

	private static double gnuDiff(Path first, Path last) throws Exception {
		long start = System.nanoTime();
		Process diff = new ProcessBuilder("diff", first.toString(), last.toString())
			.redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
		int code = diff.waitFor();
		if (code != 1) {
			throw new IllegalStateException("GNU diff ended with " + code);
		}
		return (System.nanoTime() - start) / 1e6;
	}

	private static List<Double> timed(HttpClient client, String url, int requests) throws Exception {
		for (int i = 0; i < 20; i++) {
			BrowserSession.get(client, url);
		}
		List<Double> millis = new ArrayList<>();
		for (int i = 0; i < requests; i++) {
			long start = System.nanoTime();
			HttpResponse<String> page = BrowserSession.get(client, url);
			millis.add((System.nanoTime() - start) / 1e6);
			if (page.statusCode() != 200) {
				throw new IllegalStateException(url + " answered HTTP " + page.statusCode());
			}
		}
		return millis;
	}

	private static String summary(String page) {
		java.util.regex.Matcher summary = java.util.regex.Pattern.compile("class=\"summary\">([^<]+)<").matcher(page);
		return summary.find() ? summary.group(1) : "(no summary)";
	}

	private static long medianLong(List<Long> values) {
		return Math.round(median(values.stream().map(Long::doubleValue).toList()));
	}

}
