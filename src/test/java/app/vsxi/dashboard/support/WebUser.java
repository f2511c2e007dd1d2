package app.vsxi.dashboard.support;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * An operator's browser as far as HTTP goes: one cookie jar, so one session, whichever instance on 127.0.0.1 it
 * talks to (cookies do not tell ports apart, as a load balancer's name would not); forms post with the CSRF token of
 * the page they are on.
 */
public final class WebUser {

	private final HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager())
		.followRedirects(HttpClient.Redirect.NORMAL).connectTimeout(Duration.ofSeconds(5)).build();

	public static WebUser loggedIn(String base, String username, String password) throws Exception {
		WebUser user = new WebUser();
		HttpResponse<String> done = user.post(base + "/login", user.get(base + "/login").body(),
				Map.of("username", username, "password", password));
		if (done.uri().getPath().startsWith("/login")) {
			throw new IllegalStateException("login refused at " + base);
		}
		return user;
	}

	public HttpResponse<String> get(String url) throws Exception {
		return this.client.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).build(),
				HttpResponse.BodyHandlers.ofString());
	}

	/** A GET sent without waiting for its answer, as a page's timer does, gzip accepted as a browser does. */
	public java.util.concurrent.CompletableFuture<HttpResponse<byte[]>> getAsync(String url) {
		return this.client.sendAsync(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
			.header("Accept-Encoding", "gzip").header("HX-Request", "true").build(),
				HttpResponse.BodyHandlers.ofByteArray());
	}

	/** Posts {@code fields} with the CSRF token found on {@code page}, as that page's form would. */
	public HttpResponse<String> post(String url, String page, Map<String, String> fields) throws Exception {
		Map<String, String> all = new LinkedHashMap<>(fields);
		all.put("_csrf", csrf(page));
		String form = all.entrySet().stream().map(field -> URLEncoder.encode(field.getKey(), StandardCharsets.UTF_8)
				+ "=" + URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
		return this.client.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
	}

	/** The token of a form's hidden field, or of the page's meta tag that HTMX requests send it from. */
	public static String csrf(String page) {
		Matcher token = Pattern.compile("name=\"_csrf\" (?:value|content)=\"([^\"]+)\"").matcher(page);
		if (!token.find()) {
			throw new IllegalStateException("no CSRF token on the page");
		}
		return token.group(1);
	}

	/** The first group of {@code pattern} on {@code page}, or null. */
	public static String find(String page, String pattern) {
		Matcher found = Pattern.compile(pattern).matcher(page);
		return found.find() ? found.group(1) : null;
	}

}
