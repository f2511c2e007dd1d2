package app.vsxi.dashboard.access;

import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;

/** Login against the users stored in the dashboard's database. */
@Service
class DatabaseUserDetailsService implements UserDetailsService {

	private final AppUserRepository users;

	DatabaseUserDetailsService(AppUserRepository users) {
		this.users = users;
	}

	@Override
	public DashboardUser loadUserByUsername(String username) {
		return this.users.findByUsername(username)
			.map(DashboardUser::of)
			.orElseThrow(() -> new UsernameNotFoundException("no such user"));
	}

}
