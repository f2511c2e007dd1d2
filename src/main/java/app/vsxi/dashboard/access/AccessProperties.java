package app.vsxi.dashboard.access;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param initialAdmin the administrator created when the database has no user at all
 */
@ConfigurationProperties("vsxi.access")
public record AccessProperties(@DefaultValue InitialAdmin initialAdmin) {

	/** Both must be set for the first administrator to be created. */
	public record InitialAdmin(String username, String password) {

		boolean isConfigured() {
			return this.username != null && !this.username.isBlank() && this.password != null
					&& !this.password.isBlank();
		}

	}

}
