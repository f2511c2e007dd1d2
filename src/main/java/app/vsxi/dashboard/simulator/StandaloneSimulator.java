package app.vsxi.dashboard.simulator;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;

/**
 * The jar as one simulated VSXi on {@code server.port}, with no dashboard, database or login: named as the only
 * source by {@code application-simulator.properties}, while the dashboard's application class steps aside.
 */
@Configuration(proxyBeanMethods = false)
@Profile("simulator")
@EnableAutoConfiguration
@EnableConfigurationProperties(SimulatorProperties.class)
public class StandaloneSimulator {

	@Bean(initMethod = "start", destroyMethod = "stop")
	SimulatedVsxi standaloneVsxi(SimulatorProperties properties, @Value("${server.port:8888}") int port,
			@Value("${vsxi.simulator.name:vsxi-simulator}") String name) {
		return SimulatedVsxi.standalone(name, port, properties);
	}

}
