package app.vsxi.dashboard.benchmark;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import app.vsxi.dashboard.VsxiDashboardApplication;
import app.vsxi.dashboard.fleet.FleetService;
import app.vsxi.dashboard.fleet.Sbc;
import app.vsxi.dashboard.tables.DraftOpening;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;

import static app.vsxi.dashboard.benchmark.Figures.max;
import static app.vsxi.dashboard.benchmark.Figures.median;
import static app.vsxi.dashboard.benchmark.Figures.min;
import static app.vsxi.dashboard.benchmark.Figures.peakHeapMegabytes;

/**
 * A file of 100,000 routes imported into a route draft as an operator imports one: the draft's own CSV export
 * downloaded over HTTP, grown to 100,000 new routes, and uploaded through the draft page's import form, timed from
 * the upload until the draft page it leads to has arrived. A fresh draft per round, discarded after it, and a first
 * round to warm up that is not counted; prints each round, the median and spread, and this JVM's peak heap. The
 * dashboard runs in this JVM in demo mode, on an H2 file database of its own as the demo's (the test profile's
 * in-memory one would hold every stored row in this heap), or on the database {@code -Ddburl} names, e.g. a
 * PostgreSQL one as in production.
 */
public final class ImportBenchmark {

	private static final int ROWS = Integer.getInteger("rows", 100_000);

	private static final int ROUNDS = Integer.getInteger("rounds", 5);

	public static void main(String[] args) throws Exception {
		java.nio.file.Path database = java.nio.file.Files.createTempDirectory("vsxi-import-bench");
		ConfigurableApplicationContext app = new SpringApplicationBuilder(VsxiDashboardApplication.class)
			.profiles("demo", "test")
			.run("--server.port=0", "--vsxi.monitoring.poll-interval=1h", "--logging.level.root=WARN",
					"--spring.datasource.url=" + System.getProperty("dburl",
							"jdbc:h2:file:" + database.resolve("vsxi") + ";DB_CLOSE_ON_EXIT=FALSE"),
					"--vsxi.tables.import-rows=" + ROWS, "--spring.servlet.multipart.max-file-size=200MB",
					"--spring.servlet.multipart.max-request-size=200MB");
		try {
			UserDetails admin = app.getBean(UserDetailsService.class).loadUserByUsername("admin");
			SecurityContextHolder.getContext()
				.setAuthentication(new UsernamePasswordAuthenticationToken(admin, null, admin.getAuthorities()));
			Sbc sbc = app.getBean(FleetService.class).everySbc().stream()
				.filter(each -> each.name().equals("demo-sbc-1"))
				.findFirst()
				.orElseThrow();
			String base = "http://127.0.0.1:" + ((WebServerApplicationContext) app).getWebServer().getPort();
			HttpClient browser = BrowserSession.logIn(base);
			DraftOpening opening = app.getBean(DraftOpening.class);
			List<Double> seconds = new ArrayList<>();
			for (int round = 0; round <= ROUNDS; round++) {
				long draftId = open(opening, sbc.id());
				String draft = base + "/sbcs/" + sbc.id() + "/tables/drafts/" + draftId;
				byte[] file = grown(browser.send(HttpRequest.newBuilder(URI.create(draft + "/export?format=csv")).build(),
						HttpResponse.BodyHandlers.ofString()).body(), round);
				String csrf = BrowserSession.csrf(browser.send(HttpRequest.newBuilder(URI.create(draft)).build(),
						HttpResponse.BodyHandlers.ofString()).body());
				long start = System.nanoTime();
				HttpResponse<String> shown = browser.send(BrowserSession.upload(draft + "/import", csrf, "routes.csv", file),
						HttpResponse.BodyHandlers.ofString());
				double took = (System.nanoTime() - start) / 1e9;
				if (!shown.body().contains(ROWS + " rows imported")) {
					throw new IllegalStateException("the import did not say it took every row: HTTP " + shown.statusCode());
				}
				opening.discard(sbc.id(), draftId);
				if (round == 0) {
					System.out.printf("warm-up: %,d rows (%.1f MB) imported in %.2f s%n", ROWS, file.length / 1e6, took);
					continue;
				}
				seconds.add(took);
				System.out.printf("round %d: %,d rows (%.1f MB) imported in %.2f s%n", round, ROWS, file.length / 1e6,
						took);
			}
			System.out.printf("import of %,d rows: median %.2f s (%.2f–%.2f) over %d rounds; peak heap %.0f MB%n", ROWS,
					median(seconds), min(seconds), max(seconds), ROUNDS, peakHeapMegabytes());
		}
		finally {
			app.close();
		}
	}

	private static long open(DraftOpening opening, long sbcId) {
		if (opening.open(sbcId, "route") instanceof DraftOpening.Opened.Draft draft) {
			return draft.id();
		}
		throw new IllegalStateException("the route table did not open");
	}

	/** The export's header and its first route, that route repeated under new aliases. */
	private static byte[] grown(String export, int round) {
		String[] lines = export.split("\r?\n");
		List<String> header = List.of(lines[0].split(",", -1));
		int alias = header.indexOf("alias");
		if (lines[1].contains("\"")) {
			throw new IllegalStateException("the first route has a quoted field; this benchmark copies plain ones only");
		}
		String[] first = lines[1].split(",", -1);
		StringBuilder file = new StringBuilder(lines[0]).append('\n');
		for (int i = 0; i < ROWS; i++) {
			first[alias] = "IMP" + round + "-" + i;
			file.append(String.join(",", first)).append('\n');
		}
		return file.toString().getBytes(StandardCharsets.UTF_8);
	}

}
