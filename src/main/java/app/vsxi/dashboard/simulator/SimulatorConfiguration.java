package app.vsxi.dashboard.simulator;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;

/**
 * Wires the simulator. Under the {@code simulator} profile the application is one standalone simulated VSXi on
 * {@code server.port}; otherwise the simulator is a library the demo fleet and the tests start boxes from.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SimulatorProperties.class)
public class SimulatorConfiguration {

	@Bean(initMethod = "start", destroyMethod = "stop")
	@Profile("simulator")
	SimulatedVsxi standaloneVsxi(SimulatorProperties properties, @Value("${server.port:8888}") int port,
			@Value("${vsxi.simulator.name:vsxi-simulator}") String name) {
		return new SimulatedVsxi(name, port, properties);
	}

}
