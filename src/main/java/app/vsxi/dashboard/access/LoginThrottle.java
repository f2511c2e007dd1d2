package app.vsxi.dashboard.access;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Failed logins per source address, whatever the account: one address guessing across many accounts is stopped
 * for {@code lock-duration} after {@code max-failed-logins-per-address} failures. Behind a proxy the address is
 * the client's only if forwarded headers are trusted (see {@code server.forward-headers-strategy}).
 */
class LoginThrottle {

	private final Map<String, Window> failures = new ConcurrentHashMap<>();

	private final AccessProperties properties;

	private final Clock clock = Clock.systemUTC();

	LoginThrottle(AccessProperties properties) {
		this.properties = properties;
	}

	void failed(String address) {
		if (address == null) {
			return;
		}
		Instant now = this.clock.instant();
		this.failures.compute(address, (key, window) -> window == null || window.isOver(now)
				? new Window(now.plus(this.properties.lockDuration()), 1) : window.plusOne());
		if (this.failures.size() > 10_000) {
			this.failures.values().removeIf(window -> window.isOver(now));
		}
	}

	boolean isBlocked(String address) {
		Window window = this.failures.get(address);
		return window != null && !window.isOver(this.clock.instant())
				&& window.count() >= this.properties.maxFailedLoginsPerAddress();
	}

	/** Refuses a login form post from a blocked address before any password is checked. */
	OncePerRequestFilter filter() {
		return new OncePerRequestFilter() {

			@Override
			protected boolean shouldNotFilter(HttpServletRequest request) {
				return !("POST".equals(request.getMethod())
						&& "/login".equals(request.getRequestURI().substring(request.getContextPath().length())));
			}

			@Override
			protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
					throws ServletException, IOException {
				if (isBlocked(request.getRemoteAddr())) {
					response.sendRedirect(request.getContextPath() + "/login?throttled");
					return;
				}
				chain.doFilter(request, response);
			}
		};
	}

	private record Window(Instant end, int count) {

		boolean isOver(Instant now) {
			return !now.isBefore(this.end);
		}

		Window plusOne() {
			return new Window(this.end, this.count + 1);
		}

	}

}
