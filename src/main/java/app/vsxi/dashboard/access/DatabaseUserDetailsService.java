package app.vsxi.dashboard.access;

import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;

/** Login against the users stored in the dashboard's database. */
class DatabaseUserDetailsService implements UserDetailsService {

	private final AppUserRepository users;

	DatabaseUserDetailsService(AppUserRepository users) {
		this.users = users;
	}

	@Override
	public DashboardUser loadUserByUsername(String username) {
		// an account for single sign-on only has no password to check, and answers like an unknown one
		return this.users.findByUsername(username)
			.filter(user -> !user.isSsoOnly())
			.map(DashboardUser::forLogin)
			.orElseThrow(() -> new UsernameNotFoundException("no such user"));
	}

}
