package app.vsxi.dashboard.support;

import java.time.Instant;
import java.util.Map;

import app.vsxi.dashboard.access.AppUser;
import app.vsxi.dashboard.access.AppUserRepository;
import app.vsxi.dashboard.access.Role;
import app.vsxi.dashboard.access.UserGrant;
import app.vsxi.dashboard.access.UserGrantRepository;

/** Users and their grants as tests make them: saved straight to the database, granted by "test". */
public record TestUsers(AppUserRepository users, UserGrantRepository grants) {

	/** A hash no password matches: for users a test acts as without logging in. */
	public static final String NO_PASSWORD = "$2a$12$x";

	/** A new user who cannot log in with a password and holds no grant. */
	public AppUser user(String name) {
		return user(name, NO_PASSWORD, false);
	}

	/** A new user with the given roles, group id to role. */
	public AppUser user(String name, Map<Long, Role> roles) {
		AppUser user = user(name);
		roles.forEach((group, role) -> grant(user.id(), group, role));
		return user;
	}

	/** A new user with one role in one group. */
	public AppUser user(String name, long group, Role role) {
		return user(name, Map.of(group, role));
	}

	/** A new user with the given password hash, an administrator or not. */
	public AppUser user(String name, String passwordHash, boolean admin) {
		return this.users.save(AppUser.create(name, passwordHash, admin, false));
	}

	public UserGrant grant(long userId, long group, Role role) {
		return this.grants.save(new UserGrant(null, userId, group, role, "test", Instant.now()));
	}

}
