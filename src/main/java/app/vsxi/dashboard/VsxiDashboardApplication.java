package app.vsxi.dashboard;

import java.time.Clock;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
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

	/**
	 * The one clock that monitoring reads: when an endpoint is due, when a poll finished, how long an SBC has gone
	 * unanswered, when the breaker lets it be tried again, when an alarm was raised and what the pages call "now".
	 * One clock for all of them keeps their times comparable; tests move it forward instead of waiting.
	 */
	@Bean
	Clock clock() {
		return Clock.systemUTC();
	}

	public static void main(String[] args) {
		ConfigurableApplicationContext context = SpringApplication.run(VsxiDashboardApplication.class, args);
		if (context.getEnvironment().matchesProfiles("migrate")) {
			// migrated: nothing is left to serve
			System.exit(SpringApplication.exit(context));
		}
	}

}
