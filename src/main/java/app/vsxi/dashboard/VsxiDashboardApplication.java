package app.vsxi.dashboard;

import app.vsxi.dashboard.simulator.SimulatorConfiguration;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Import;

/**
 * One jar, two roles: the dashboard (default, and with the demo fleet under the {@code demo} profile) or,
 * under the {@code simulator} profile, a standalone simulated VSXi with no dashboard at all.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@ConfigurationPropertiesScan
@Import({ DashboardConfiguration.class, SimulatorConfiguration.class })
public class VsxiDashboardApplication {

	public static void main(String[] args) {
		SpringApplication.run(VsxiDashboardApplication.class, args);
	}

}
