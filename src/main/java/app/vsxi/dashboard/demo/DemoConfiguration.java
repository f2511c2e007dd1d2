package app.vsxi.dashboard.demo;

import app.vsxi.dashboard.fleet.FleetService;
import app.vsxi.dashboard.simulator.SimulatorProperties;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;

/** Demo mode only: simulated boxes started in this JVM and registered in the fleet. */
@Configuration(proxyBeanMethods = false)
@Profile("demo")
@EnableConfigurationProperties({ DemoProperties.class, SimulatorProperties.class })
class DemoConfiguration {

	@Bean
	DemoFleet demoFleet(DemoProperties properties, SimulatorProperties simulator, FleetService fleet) {
		return new DemoFleet(properties, simulator, fleet);
	}

}
