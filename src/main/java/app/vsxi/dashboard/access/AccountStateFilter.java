package app.vsxi.dashboard.access;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Re-reads the logged-in user's account on every request, so that disabling a user or changing their
 * administrator role takes effect at once, not at their next login; ends sessions older than their lifetime or
 * than the user's last password change; and sends a user who must change their password to that page first.
 */
class AccountStateFilter extends OncePerRequestFilter {

	static final String PASSWORD_PAGE = "/account/password";

	/** When the session's user logged in, or last proved their password by changing it. */
	static final String LOGGED_IN_AT = AccountStateFilter.class.getName() + ".loggedInAt";

	private static final Set<String> OPEN_PREFIXES = Set.of(PASSWORD_PAGE, "/logout", "/css/", "/js/", "/webjars/",
			"/error", "/login");

	private final AppUserRepository users;

	private final SecurityContextRepository contexts;

	private final Duration sessionLifetime;

	AccountStateFilter(AppUserRepository users, SecurityContextRepository contexts, Duration sessionLifetime) {
		this.users = users;
		this.contexts = contexts;
		this.sessionLifetime = sessionLifetime;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication == null || !authentication.isAuthenticated()
				|| authentication instanceof AnonymousAuthenticationToken) {
			chain.doFilter(request, response);
			return;
		}
		DashboardUser principal = authentication.getPrincipal() instanceof DashboardUser user ? user : null;
		Optional<AppUser> stored;
		if (principal != null) {
			stored = this.users.findById(principal.id());
		}
		else if (authentication.getPrincipal() instanceof DashboardOidcUser oidc) {
			stored = this.users.findById(oidc.userId());
		}
		else {
			stored = this.users.findByUsername(authentication.getName());
		}
		if (stored.isEmpty() || !stored.get().enabled()) {
			end(request, response, "/login?disabled");
			return;
		}
		if (isOutlived(request.getSession(false), stored.get())) {
			end(request, response, "/login?expired");
			return;
		}
		if (principal == null) {
			// signed in through an identity provider: no local password to change; its roles follow the account
			if (OidcAccounts.isAdmin(authentication) != stored.get().admin()) {
				refresh(OidcAccounts.withAdmin(authentication, stored.get().admin()), request, response);
			}
			chain.doFilter(request, response);
			return;
		}
		DashboardUser current = DashboardUser.of(stored.get());
		if (current.admin() != principal.admin() || current.mustChangePassword() != principal.mustChangePassword()) {
			refresh(current, request, response);
		}
		if (current.mustChangePassword() && !isOpen(request)) {
			redirect(request, response, PASSWORD_PAGE);
			return;
		}
		chain.doFilter(request, response);
	}

	/** At login, with whatever the login was: a session's lifetime counts from here. */
	static void stampLogin(Authentication authentication, HttpServletRequest request, HttpServletResponse response) {
		request.getSession().setAttribute(LOGGED_IN_AT, Instant.now());
	}

	private boolean isOutlived(HttpSession session, AppUser user) {
		if (session == null) {
			return false;
		}
		Instant now = Instant.now();
		if (!(session.getAttribute(LOGGED_IN_AT) instanceof Instant loggedIn)) {
			session.setAttribute(LOGGED_IN_AT, now);
			return false;
		}
		return loggedIn.plus(this.sessionLifetime).isBefore(now)
				|| user.passwordChangedAt() != null && loggedIn.isBefore(user.passwordChangedAt());
	}

	private static void end(HttpServletRequest request, HttpServletResponse response, String page) throws IOException {
		HttpSession session = request.getSession(false);
		if (session != null) {
			session.invalidate();
		}
		SecurityContextHolder.clearContext();
		redirect(request, response, page);
	}

	private void refresh(DashboardUser user, HttpServletRequest request, HttpServletResponse response) {
		refresh(UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()), request, response);
	}

	private void refresh(Authentication authentication, HttpServletRequest request, HttpServletResponse response) {
		SecurityContext context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(authentication);
		SecurityContextHolder.setContext(context);
		this.contexts.saveContext(context, request, response);
	}

	private static boolean isOpen(HttpServletRequest request) {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		return OPEN_PREFIXES.stream().anyMatch(path::startsWith);
	}

	/** HTMX follows HX-Redirect; a plain request gets an ordinary redirect. */
	private static void redirect(HttpServletRequest request, HttpServletResponse response, String path)
			throws IOException {
		String target = request.getContextPath() + path;
		if (request.getHeader("HX-Request") != null) {
			response.setHeader("HX-Redirect", target);
			response.setStatus(HttpServletResponse.SC_NO_CONTENT);
			return;
		}
		response.sendRedirect(target);
	}

}
