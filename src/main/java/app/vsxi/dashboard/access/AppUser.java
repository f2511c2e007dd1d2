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
 * @param passwordChangedAt sessions that started before it are ended
 * @param passwordHash null for an account that signs in only through single sign-on
 * @param oidcIssuer with {@code oidcSubject}, the one identity-provider account bound to this user, if any
 */
@Table
public record AppUser(@Id Long id, String username, String passwordHash, boolean enabled, boolean admin,
		Instant createdAt, boolean mustChangePassword, int failedLogins, Instant lockedUntil,
		Instant passwordChangedAt, String oidcIssuer, String oidcSubject) {

	public static AppUser create(String username, String passwordHash, boolean admin, boolean mustChangePassword) {
		return new AppUser(null, username, passwordHash, true, admin, Instant.now(), mustChangePassword, 0, null, null, null, null);
	}

	public boolean isLocked(Instant now) {
		return this.lockedUntil != null && this.lockedUntil.isAfter(now);
	}

	/** A new password ends every session started before now, and lifts a lockout. */
	AppUser withPassword(String hash, boolean mustChange) {
		return new AppUser(this.id, this.username, hash, this.enabled, this.admin, this.createdAt, mustChange, 0, null,
				Instant.now(), this.oidcIssuer, this.oidcSubject);
	}

	AppUser withMustChangePassword() {
		return new AppUser(this.id, this.username, this.passwordHash, this.enabled, this.admin, this.createdAt, true,
				this.failedLogins, this.lockedUntil, this.passwordChangedAt, this.oidcIssuer, this.oidcSubject);
	}

	AppUser withEnabled(boolean enabled) {
		return new AppUser(this.id, this.username, this.passwordHash, enabled, this.admin, this.createdAt,
				this.mustChangePassword, 0, null, this.passwordChangedAt, this.oidcIssuer, this.oidcSubject);
	}

	AppUser withAdmin(boolean admin) {
		return new AppUser(this.id, this.username, this.passwordHash, this.enabled, admin, this.createdAt,
				this.mustChangePassword, this.failedLogins, this.lockedUntil, this.passwordChangedAt, this.oidcIssuer, this.oidcSubject);
	}

	public boolean isSsoOnly() {
		return this.passwordHash == null;
	}

	/** Bound to one identity of one provider, with no local password left to bypass the provider's checks. */
	AppUser withSso(String issuer, String subject) {
		return new AppUser(this.id, this.username, null, this.enabled, this.admin, this.createdAt, false, 0, null,
				Instant.now(), issuer, subject);
	}

	@Override
	public String toString() {
		return "AppUser[" + this.id + " " + this.username + "]";
	}

}
