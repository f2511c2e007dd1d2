package app.vsxi.dashboard.access;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param initialAdmin the administrator created when the database has no user at all
 * @param maxFailedLogins failed logins in a row after which an account is locked
 * @param lockDuration how long such an account stays locked
 * @param maxFailedLoginsPerAddress failed logins from one source address, whatever the account, after which that
 * address may not try again for {@code lockDuration}
 * @param sessionLifetime how long a session lasts at most, however active
 * @param oidcUsernameClaim with OpenID Connect, the claim that links a first login to the dashboard user of that
 * name; empty to link only by an administrator
 * @param metrics the credentials a Prometheus server scrapes {@code /actuator/prometheus} with
 * @param passwordHashCost the BCrypt cost new password hashes are made with (2 to the cost rounds); a stored hash
 * is checked at the cost it was made with
 */
@ConfigurationProperties("vsxi.access")
public record AccessProperties(@DefaultValue InitialAdmin initialAdmin, @DefaultValue("5") int maxFailedLogins,
		@DefaultValue("15m") Duration lockDuration, @DefaultValue("20") int maxFailedLoginsPerAddress,
		@DefaultValue("12h") Duration sessionLifetime, @DefaultValue("preferred_username") String oidcUsernameClaim,
		@DefaultValue Metrics metrics, @DefaultValue("12") int passwordHashCost) {

	/** Both must be set for the first administrator to be created. */
	public record InitialAdmin(String username, String password) {

		boolean isConfigured() {
			return this.username != null && !this.username.isBlank() && this.password != null
					&& !this.password.isBlank();
		}

	}

	/** HTTP Basic for the scraper only; no password, no scraping (administrators still see the page). */
	public record Metrics(@DefaultValue("prometheus") String username, String password) {

		boolean isConfigured() {
			return this.password != null && !this.password.isBlank();
		}

	}

}
