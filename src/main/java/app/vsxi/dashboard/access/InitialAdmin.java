package app.vsxi.dashboard.access;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import app.vsxi.dashboard.web.RefusedException;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.core.annotation.Order;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/** Creates the first administrator from configuration when there is no user yet; never touches existing users. */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class InitialAdmin implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(InitialAdmin.class);

	private final AppUserRepository users;

	private final PasswordEncoder encoder;

	private final AccessProperties properties;

	private final boolean demo;

	private final PasswordRules rules;

	InitialAdmin(AppUserRepository users, PasswordEncoder encoder, AccessProperties properties,
			Environment environment, PasswordRules rules) {
		this.rules = rules;
		this.users = users;
		this.encoder = encoder;
		this.properties = properties;
		this.demo = environment.matchesProfiles("demo");
	}

	@Override
	public void run(ApplicationArguments args) {
		if (this.users.count() > 0) {
			return;
		}
		AccessProperties.InitialAdmin admin = this.properties.initialAdmin();
		if (!admin.isConfigured()) {
			log.warn("No dashboard user exists and vsxi.access.initial-admin.username/password are not set: "
					+ "nobody can log in");
			return;
		}
		if (this.demo) {
			// demo mode's known login, on loopback only and under a banner on every page: exempt from the rules
			this.users.save(AppUser.create(admin.username(), this.encoder.encode(admin.password()), true, false));
			return;
		}
		try {
			this.rules.check(admin.password());
		}
		catch (RefusedException ex) {
			throw new IllegalStateException("vsxi.access.initial-admin.password is not acceptable: " + ex.getMessage(), ex);
		}
		// the configured password sits in the environment or a file: it only opens the door to choosing a real one
		try {
			this.users.save(AppUser.create(admin.username(), this.encoder.encode(admin.password()), true, true));
		}
		catch (DuplicateKeyException ex) {
			// replicas starting together on one database: another one created the administrator a moment ago
			log.info("The first administrator '{}' was created by another instance", admin.username());
			return;
		}
		log.info("Created the first administrator '{}' from configuration; they choose their own password at first login",
				admin.username());
	}

}
