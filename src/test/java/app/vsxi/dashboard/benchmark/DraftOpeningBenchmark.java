package app.vsxi.dashboard.benchmark;

import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import app.vsxi.dashboard.support.CurlTls;

import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import static app.vsxi.dashboard.benchmark.Figures.median;

/**
 * Opening a table of 1,000,000 routes as an operator does it, against the raw download of the same table. The box
 * is a standalone simulated VSXi in its own JVM; the dashboard runs here, capped at {@code -Xmx512m}. Each round
 * does both, taking turns to go first:
 * <ul>
 * <li><b>raw download</b>: {@code GET downloadLarge/route} straight from the box with a plain JDK HTTP client, the
 * bytes read and dropped: the least any opening can take;</li>
 * <li><b>opening</b>: a logged-in viewer posts the tables page's "Open" form and polls the opening's progress (as
 * the page does, more often, to time it closely) until the dashboard sends it to the draft; also timed, the moment
 * the progress first shows rows of the table. The draft is then discarded through its page.</li>
 * </ul>
 * Prints each round and the medians (target: opening under 1.5× the raw download). {@code -Droutes} and
 * {@code -Drounds} change the size and the rounds after one warm-up round.
 */
public final class DraftOpeningBenchmark {

	private static final int ROUTES = Integer.getInteger("routes", 1_000_000);

	private static final int ROUNDS = Integer.getInteger("rounds", 3);

	private static final Pattern DRAFT = Pattern.compile("/tables/drafts/(\\d+)");

	public static void main(String[] args) throws Exception {
		ConfigurableApplicationContext app = null;
		try (StandaloneBox box = StandaloneBox.start(ROUTES)) {
			app = StandaloneBox.dashboard();
			long sbcId = box.register(app, "bench-1m");
			String dashboard = "http://127.0.0.1:" + ((WebServerApplicationContext) app).getWebServer().getPort();
			HttpClient viewer = BrowserSession.logIn(dashboard);
			HttpClient raw = HttpClient.newBuilder().sslContext(CurlTls.acceptAnything()).build();
			List<Double> rawTimes = new ArrayList<>();
			List<Double> openTimes = new ArrayList<>();
			List<Double> firstRows = new ArrayList<>();
			List<Double> ratios = new ArrayList<>();
			for (int round = 0; round <= ROUNDS; round++) {
				double rawSeconds;
				Opening opening;
				if (round % 2 == 0) {
					rawSeconds = rawDownload(raw, box.url());
					opening = open(viewer, dashboard, sbcId);
				}
				else {
					opening = open(viewer, dashboard, sbcId);
					rawSeconds = rawDownload(raw, box.url());
				}
				double ratio = opening.seconds() / rawSeconds;
				System.out.printf("%s: raw download %.2f s, opening %.2f s (ratio %.2f), first rows shown after %.2f s, "
						+ "all rows counted after %.2f s%n", round == 0 ? "warm-up" : "round " + round, rawSeconds,
						opening.seconds(), ratio, opening.firstRows(), opening.allRows());
				if (round > 0) {
					rawTimes.add(rawSeconds);
					openTimes.add(opening.seconds());
					firstRows.add(opening.firstRows());
					ratios.add(ratio);
				}
			}
			System.out.printf("%,d routes, %d rounds: raw download median %.2f s, opening median %.2f s, first rows "
					+ "median %.2f s; ratio median %.2f (%.2f–%.2f), target < 1.5%n", ROUTES, ROUNDS, median(rawTimes),
					median(openTimes), median(firstRows), median(ratios), Figures.min(ratios), Figures.max(ratios));
		}
		finally {
			if (app != null) {
				app.close();
			}
		}
	}

	/** {@code allRows}: when the progress first counted every row (NaN if the draft was there before a poll saw it). */
	private record Opening(double seconds, double firstRows, double allRows) {
	}

	/** The whole zipped table from the box, read and dropped. */
	private static double rawDownload(HttpClient client, String box) throws Exception {
		long start = System.nanoTime();
		HttpResponse<InputStream> answer = client.send(HttpRequest
			.newBuilder(URI.create(box + "/SSConfig/webresources/downloadLarge/route?format=xml"))
			.header("Authorization",
					"Basic " + Base64.getEncoder().encodeToString("admin:admin".getBytes(StandardCharsets.UTF_8)))
			.build(), HttpResponse.BodyHandlers.ofInputStream());
		long bytes;
		try (InputStream body = answer.body()) {
			bytes = body.transferTo(java.io.OutputStream.nullOutputStream());
		}
		if (answer.statusCode() != 200 || bytes < 1000) {
			throw new IllegalStateException("the raw download answered HTTP " + answer.statusCode());
		}
		return (System.nanoTime() - start) / 1e9;
	}

	/** Open from the tables page, follow the progress until the draft is there, then discard the draft. */
	private static Opening open(HttpClient viewer, String dashboard, long sbcId) throws Exception {
		String tables = dashboard + "/sbcs/" + sbcId + "/tables";
		String page = BrowserSession.get(viewer, tables).body();
		long start = System.nanoTime();
		HttpResponse<String> opening = viewer.send(HttpRequest.newBuilder(URI.create(tables + "/open"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString("table=route&_csrf="
					+ URLEncoder.encode(BrowserSession.csrf(page), StandardCharsets.UTF_8)))
			.build(), HttpResponse.BodyHandlers.ofString());
		String progress = opening.uri().toString();
		double firstRows = Double.NaN;
		double allRows = Double.NaN;
		String draft = null;
		Matcher landed = DRAFT.matcher(progress);
		if (landed.find()) {
			draft = landed.group(1);
		}
		while (draft == null) {
			HttpResponse<String> now = BrowserSession.get(viewer, progress + "/progress");
			if (now.statusCode() != 200) {
				throw new IllegalStateException("the opening's progress answered HTTP " + now.statusCode());
			}
			if (Double.isNaN(firstRows) && now.body().contains("class=\"arriving\"")) {
				firstRows = (System.nanoTime() - start) / 1e9;
			}
			if (Double.isNaN(allRows) && (now.body().contains(ROUTES + " rows received")
					|| now.body().contains("Downloaded " + ROUTES + " rows"))) {
				allRows = (System.nanoTime() - start) / 1e9;
			}
			if (now.body().contains("Not opened")) {
				throw new IllegalStateException("the table did not open: " + now.body());
			}
			Matcher done = DRAFT.matcher(now.headers().firstValue("HX-Redirect").orElse(""));
			if (done.find()) {
				draft = done.group(1);
			}
			else {
				Thread.sleep(50);
			}
		}
		double seconds = (System.nanoTime() - start) / 1e9;
		String discard = tables + "/drafts/" + draft + "/discard";
		HttpResponse<String> discarded = viewer.send(HttpRequest.newBuilder(URI.create(discard))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString("confirm=yes&_csrf="
					+ URLEncoder.encode(BrowserSession.csrf(BrowserSession.get(viewer, discard).body()),
							StandardCharsets.UTF_8)))
			.build(), HttpResponse.BodyHandlers.ofString());
		// a kept draft would stay indexed in the heap and the next rounds would measure a fuller one
		if (discarded.statusCode() != 200 || !discarded.uri().getPath().endsWith("/tables")) {
			throw new IllegalStateException("the draft was not discarded: HTTP " + discarded.statusCode() + " at "
					+ discarded.uri());
		}
		return new Opening(seconds, firstRows, allRows);
	}

}
