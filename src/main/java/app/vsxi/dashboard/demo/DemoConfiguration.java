package app.vsxi.dashboard.demo;

import app.vsxi.dashboard.fleet.FleetService;
import app.vsxi.dashboard.simulator.SimulatorProperties;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.core.env.Environment;

/** Demo mode only: simulated boxes started in this JVM and registered in the fleet. */
@Configuration(proxyBeanMethods = false)
@Profile("demo")
@EnableConfigurationProperties({ DemoProperties.class, SimulatorProperties.class })
class DemoConfiguration {

	@Bean
	DemoFleet demoFleet(DemoProperties properties, SimulatorProperties simulator, FleetService fleet,
			Environment environment) {
		refuseProduction(environment);
		return new DemoFleet(properties, simulator, fleet);
	}

	/** Demo mode logs in with a known password and a key from the jar: never beside a production database. */
	static void refuseProduction(Environment environment) {
		if (environment.matchesProfiles("postgres")) {
			throw new IllegalStateException("Demo mode refuses to start with the postgres profile: its login and "
					+ "credential key are public. Run without the demo profile for production.");
		}
	}

}
