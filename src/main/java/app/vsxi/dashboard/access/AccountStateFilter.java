package app.vsxi.dashboard.access;

import java.io.IOException;
import java.util.Optional;
import java.util.Set;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Re-reads the logged-in user's account on every request, so that disabling a user or changing their
 * administrator role takes effect at once, not at their next login; and sends a user who must change their
 * password to that page before anything else.
 */
class AccountStateFilter extends OncePerRequestFilter {

	static final String PASSWORD_PAGE = "/account/password";

	private static final Set<String> OPEN_PREFIXES = Set.of(PASSWORD_PAGE, "/logout", "/css/", "/js/", "/webjars/",
			"/error", "/login");

	private final AppUserRepository users;

	private final SecurityContextRepository contexts;

	AccountStateFilter(AppUserRepository users, SecurityContextRepository contexts) {
		this.users = users;
		this.contexts = contexts;
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
		Optional<AppUser> stored = principal != null ? this.users.findById(principal.id())
				: this.users.findByUsername(authentication.getName());
		if (stored.isEmpty() || !stored.get().enabled()) {
			request.getSession().invalidate();
			SecurityContextHolder.clearContext();
			redirect(request, response, "/login?disabled");
			return;
		}
		if (principal == null) {
			// signed in through an identity provider: no local password to change; roles are read when checked
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

	private void refresh(DashboardUser user, HttpServletRequest request, HttpServletResponse response) {
		SecurityContext context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
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
