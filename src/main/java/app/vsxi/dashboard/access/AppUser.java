package app.vsxi.dashboard.access;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

/** A dashboard user. Only a BCrypt hash of the password is kept. */
@Table
public record AppUser(@Id Long id, String username, String passwordHash, boolean enabled, boolean admin,
		Instant createdAt) {

	@Override
	public String toString() {
		return "AppUser[" + this.id + " " + this.username + "]";
	}

}
