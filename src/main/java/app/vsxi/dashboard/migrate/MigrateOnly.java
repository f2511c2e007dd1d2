package app.vsxi.dashboard.migrate;

import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;

/**
 * The jar as a one-shot migration step: runs the Flyway migrations with the credential it is given (the
 * database owner's) and exits, named as the only source by {@code application-migrate.properties}. The dashboard
 * then runs with {@code spring.flyway.enabled=false} as a role that owns nothing, so it never holds the owner's
 * password.
 */
@Configuration(proxyBeanMethods = false)
@Profile("migrate")
@ImportAutoConfiguration({ DataSourceAutoConfiguration.class, FlywayAutoConfiguration.class })
public class MigrateOnly {

}
