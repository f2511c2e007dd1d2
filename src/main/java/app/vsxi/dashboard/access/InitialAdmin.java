package app.vsxi.dashboard.access;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
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

	InitialAdmin(AppUserRepository users, PasswordEncoder encoder, AccessProperties properties) {
		this.users = users;
		this.encoder = encoder;
		this.properties = properties;
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
		this.users.save(AppUser.create(admin.username(), this.encoder.encode(admin.password()), true, false));
		log.info("Created the first administrator '{}' from configuration", admin.username());
	}

}
