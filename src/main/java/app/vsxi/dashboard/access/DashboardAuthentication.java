package app.vsxi.dashboard.access;

import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.authentication.AccountStatusUserDetailsChecker;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Password login. The password is checked before whether the account is locked or disabled, and Spring's own
 * guard hashes a dummy password for unknown names, so every kind of refusal costs the same BCrypt time and a
 * stranger cannot tell the accounts that exist from their timing. The session keeps no password hash.
 */
class DashboardAuthentication extends DaoAuthenticationProvider {

	DashboardAuthentication(DatabaseUserDetailsService users, PasswordEncoder encoder) {
		super(users);
		setPasswordEncoder(encoder);
		setPreAuthenticationChecks(user -> {
		});
		setPostAuthenticationChecks(new AccountStatusUserDetailsChecker());
	}

	@Override
	protected Authentication createSuccessAuthentication(Object principal, Authentication authentication,
			UserDetails user) {
		Object kept = principal instanceof DashboardUser dashboardUser ? dashboardUser.withoutPassword() : principal;
		return super.createSuccessAuthentication(kept, authentication, user);
	}

}
