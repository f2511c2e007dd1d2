package app.vsxi.dashboard;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Profile;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * The dashboard. The same jar is also a standalone simulated VSXi: under the {@code simulator} profile this class
 * steps aside and {@code application-simulator.properties} names the simulator's own configuration instead, so
 * the dashboard never refers to the simulator.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
@Profile("!simulator")
public class VsxiDashboardApplication {

	public static void main(String[] args) {
		SpringApplication.run(VsxiDashboardApplication.class, args);
	}

}
