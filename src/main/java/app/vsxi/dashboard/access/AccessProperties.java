package app.vsxi.dashboard.access;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param initialAdmin the administrator created when the database has no user at all
 * @param maxFailedLogins failed logins in a row after which an account is locked
 * @param lockDuration how long such an account stays locked
 * @param oidcUsernameClaim with OpenID Connect login, the claim that names the dashboard user
 */
@ConfigurationProperties("vsxi.access")
public record AccessProperties(@DefaultValue InitialAdmin initialAdmin, @DefaultValue("5") int maxFailedLogins,
		@DefaultValue("15m") Duration lockDuration, @DefaultValue("preferred_username") String oidcUsernameClaim) {

	/** Both must be set for the first administrator to be created. */
	public record InitialAdmin(String username, String password) {

		boolean isConfigured() {
			return this.username != null && !this.username.isBlank() && this.password != null
					&& !this.password.isBlank();
		}

	}

}
