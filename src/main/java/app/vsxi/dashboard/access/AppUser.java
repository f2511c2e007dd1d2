package app.vsxi.dashboard.access;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A dashboard user. Only a BCrypt hash of the password is kept.
 *
 * @param admin global administrator: every group, every user
 * @param mustChangePassword the next login leads to the password change page first
 * @param failedLogins failed logins in a row since the last success
 * @param lockedUntil logins are refused until then after too many failures
 */
@Table
public record AppUser(@Id Long id, String username, String passwordHash, boolean enabled, boolean admin,
		Instant createdAt, boolean mustChangePassword, int failedLogins, Instant lockedUntil) {

	public static AppUser create(String username, String passwordHash, boolean admin, boolean mustChangePassword) {
		return new AppUser(null, username, passwordHash, true, admin, Instant.now(), mustChangePassword, 0, null);
	}

	public boolean isLocked(Instant now) {
		return this.lockedUntil != null && this.lockedUntil.isAfter(now);
	}

	AppUser withPassword(String hash, boolean mustChange) {
		return new AppUser(this.id, this.username, hash, this.enabled, this.admin, this.createdAt, mustChange, 0, null);
	}

	AppUser withEnabled(boolean enabled) {
		return new AppUser(this.id, this.username, this.passwordHash, enabled, this.admin, this.createdAt,
				this.mustChangePassword, 0, null);
	}

	AppUser withAdmin(boolean admin) {
		return new AppUser(this.id, this.username, this.passwordHash, this.enabled, admin, this.createdAt,
				this.mustChangePassword, this.failedLogins, this.lockedUntil);
	}

	AppUser withFailedLogins(int failedLogins, Instant lockedUntil) {
		return new AppUser(this.id, this.username, this.passwordHash, this.enabled, this.admin, this.createdAt,
				this.mustChangePassword, failedLogins, lockedUntil);
	}

	@Override
	public String toString() {
		return "AppUser[" + this.id + " " + this.username + "]";
	}

}
