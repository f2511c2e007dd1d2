package app.vsxi.dashboard.monitoring;

import java.io.IOException;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.Collectors;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

import app.vsxi.dashboard.access.AccessService;
import app.vsxi.dashboard.access.Permission;

/**
 * The fragments open fleet pages refresh (the overview's rows, the wallboard's tiles), rendered once and shared for
 * a moment by every viewer with the same rights, sort and filter: a wall of NOC screens refreshing every few seconds
 * costs one rendering per moment, not one per screen, however large the fleet. While one viewer renders, the others
 * get the last rendering at once rather than queueing behind it. The fragments hold nothing of a session (no form,
 * no token); what differs between users is which SBCs they see and whether they may fix an SBC's connection, and
 * both are in the key. Runs after Spring Security, so only signed-in users reach it. Each rendering is also kept
 * gzipped (once, when it is made) and sent so to browsers that accept it: a thousand SBCs' rows are about 1.5 MB
 * of HTML and a tenth of that zipped, for every screen on every refresh.
 */
class SharedFleetFragments extends OncePerRequestFilter {

	private static final Set<String> PATHS = Set.of("/overview/rows", "/wallboard/tiles");

	/** Renderings not asked for in this long are dropped when the next one is kept. */
	private static final long FORGET_NANOS = 60_000_000_000L;

	private final AccessService access;

	private final long sharedNanos;

	private final Map<String, Shared> renderings = new ConcurrentHashMap<>();

	SharedFleetFragments(AccessService access, MonitoringProperties properties) {
		this.access = access;
		this.sharedNanos = properties.overviewSharedFor().toNanos();
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return this.sharedNanos <= 0 || !"GET".equals(request.getMethod())
				|| !PATHS.contains(path(request));
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String key = path(request) + "|" + rights() + "?" + new TreeMap<>(request.getParameterMap()).entrySet()
			.stream()
			.map(parameter -> parameter.getKey() + "=" + String.join(",", parameter.getValue()))
			.collect(Collectors.joining("&"));
		Shared shared = this.renderings.computeIfAbsent(key, k -> new Shared());
		long now = System.nanoTime();
		shared.askedAt = now;
		Rendering last = shared.last;
		if (last != null && now - last.at() < this.sharedNanos) {
			send(last, request, response);
			return;
		}
		if (last != null && !shared.rendering.tryLock()) {
			// someone renders it now: the last one is at most that rendering's time older
			send(last, request, response);
			return;
		}
		if (last == null) {
			shared.rendering.lock();
		}
		try {
			Rendering fresh = shared.last;
			if (fresh != null && fresh != last && System.nanoTime() - fresh.at() < this.sharedNanos) {
				send(fresh, request, response);
				return;
			}
			ContentCachingResponseWrapper body = new ContentCachingResponseWrapper(response);
			chain.doFilter(request, body);
			if (body.getStatus() == HttpServletResponse.SC_OK) {
				byte[] rendered = body.getContentAsByteArray();
				Rendering made = new Rendering(System.nanoTime(), rendered, gzip(rendered), body.getContentType());
				shared.last = made;
				forgetUnasked();
				send(made, request, response);
			}
			else {
				body.copyBodyToResponse();
			}
		}
		finally {
			shared.rendering.unlock();
		}
	}

	private static String path(HttpServletRequest request) {
		return request.getRequestURI().substring(request.getContextPath().length());
	}

	/** Who sees what on the rows: the groups viewed and the groups administered (which adds "Fix the connection"). */
	private String rights() {
		if (this.access.isAdmin()) {
			return "admin";
		}
		return "view" + new TreeSet<>(this.access.groupsWhere(Permission.VIEW)) + "administer"
				+ new TreeSet<>(this.access.groupsWhere(Permission.ADMINISTER));
	}

	private static void send(Rendering rendering, HttpServletRequest request, HttpServletResponse response)
			throws IOException {
		response.setStatus(HttpServletResponse.SC_OK);
		if (rendering.contentType() != null) {
			response.setContentType(rendering.contentType());
		}
		response.addHeader("Vary", "Accept-Encoding");
		byte[] body = rendering.body();
		if (acceptsGzip(request)) {
			response.setHeader("Content-Encoding", "gzip");
			body = rendering.gzipped();
		}
		response.setContentLength(body.length);
		response.getOutputStream().write(body);
	}

	/** Whether the request's {@code Accept-Encoding} names gzip (or any coding) without refusing it by a zero q. */
	static boolean acceptsGzip(HttpServletRequest request) {
		java.util.Enumeration<String> headers = request.getHeaders("Accept-Encoding");
		while (headers != null && headers.hasMoreElements()) {
			for (String coding : headers.nextElement().split(",")) {
				String[] parts = coding.strip().split(";");
				String name = parts[0].strip().toLowerCase(java.util.Locale.ROOT);
				if (!name.equals("gzip") && !name.equals("*")) {
					continue;
				}
				boolean refused = false;
				for (int i = 1; i < parts.length; i++) {
					String parameter = parts[i].strip().replace(" ", "");
					refused |= parameter.matches("q=0(\\.0{0,3})?");
				}
				return !refused;
			}
		}
		return false;
	}

	private static byte[] gzip(byte[] body) {
		java.io.ByteArrayOutputStream zipped = new java.io.ByteArrayOutputStream(body.length / 8 + 64);
		try (java.util.zip.GZIPOutputStream out = new java.util.zip.GZIPOutputStream(zipped) {
			{
				this.def.setLevel(java.util.zip.Deflater.BEST_SPEED);
			}
		}) {
			out.write(body);
		}
		catch (IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
		return zipped.toByteArray();
	}

	private void forgetUnasked() {
		long now = System.nanoTime();
		this.renderings.values().removeIf(shared -> now - shared.askedAt > FORGET_NANOS);
	}

	private record Rendering(long at, byte[] body, byte[] gzipped, String contentType) {
	}

	private static final class Shared {

		final ReentrantLock rendering = new ReentrantLock();

		volatile Rendering last;

		volatile long askedAt;

	}

	/** Registered as a servlet filter (after Spring Security's, by the default order), not scanned as a component. */
	@Configuration(proxyBeanMethods = false)
	static class Registration {

		@Bean
		FilterRegistrationBean<SharedFleetFragments> sharedFleetFragments(AccessService access,
				MonitoringProperties properties) {
			FilterRegistrationBean<SharedFleetFragments> registration = new FilterRegistrationBean<>(
					new SharedFleetFragments(access, properties));
			registration.addUrlPatterns(PATHS.toArray(String[]::new));
			return registration;
		}

	}

}
