package app.vsxi.dashboard.audit;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/** Who is acting now, as the audit trail and grants name them: the logged-in user, else the dashboard itself. */
public final class Actor {

	public static final String SYSTEM = "system";

	private Actor() {
	}

	public static String current() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		return authentication == null ? SYSTEM : authentication.getName();
	}

}
