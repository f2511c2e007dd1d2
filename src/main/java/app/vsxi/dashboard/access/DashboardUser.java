package app.vsxi.dashboard.access;

import java.time.Instant;
import java.util.Collection;
import java.util.List;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * The logged-in user as Spring Security holds it. Group roles are not copied in here: they are read when
 * checked, so a revoked grant takes effect on the next request.
 */
public record DashboardUser(long id, String username, String password, boolean enabled, boolean admin,
		boolean mustChangePassword, Instant lockedUntil) implements UserDetails {

	/** As the session keeps the user: without the password hash, which is needed only to check a login. */
	static DashboardUser of(AppUser user) {
		return forLogin(user).withoutPassword();
	}

	static DashboardUser forLogin(AppUser user) {
		return new DashboardUser(user.id(), user.username(), user.passwordHash(), user.enabled(), user.admin(),
				user.mustChangePassword(), user.lockedUntil());
	}

	DashboardUser withoutPassword() {
		return new DashboardUser(this.id, this.username, null, this.enabled, this.admin, this.mustChangePassword,
				this.lockedUntil);
	}

	@Override
	public Collection<? extends GrantedAuthority> getAuthorities() {
		return this.admin ? List.of(new SimpleGrantedAuthority("ROLE_USER"), new SimpleGrantedAuthority("ROLE_ADMIN"))
				: List.of(new SimpleGrantedAuthority("ROLE_USER"));
	}

	@Override
	public String getPassword() {
		return this.password;
	}

	@Override
	public String getUsername() {
		return this.username;
	}

	@Override
	public boolean isAccountNonLocked() {
		return this.lockedUntil == null || this.lockedUntil.isBefore(Instant.now());
	}

	@Override
	public boolean isEnabled() {
		return this.enabled;
	}

	@Override
	public String toString() {
		return "DashboardUser[" + this.id + " " + this.username + "]";
	}

}
