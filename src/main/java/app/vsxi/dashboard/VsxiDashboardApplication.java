package app.vsxi.dashboard;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Profile;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * The dashboard. The same jar is also a standalone simulated VSXi: under the {@code simulator} profile this class
 * steps aside and {@code application-simulator.properties} names the simulator's own configuration instead, so
 * the dashboard never refers to the simulator. Under the {@code migrate} profile it steps aside the same way for
 * a one-shot run of the database migrations, and the process exits once they are done.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
@Profile("!simulator & !migrate")
public class VsxiDashboardApplication {

	public static void main(String[] args) {
		ConfigurableApplicationContext context = SpringApplication.run(VsxiDashboardApplication.class, args);
		if (context.getEnvironment().matchesProfiles("migrate")) {
			// migrated: nothing is left to serve
			System.exit(SpringApplication.exit(context));
		}
	}

}
