package app.vsxi.dashboard;

import java.util.Arrays;
import java.util.List;

import app.vsxi.dashboard.support.SameApplication;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Outside demo mode no bean of the simulator or of demo mode exists; that no product class imports the
 * simulator is one of the {@link ArchitectureTests}.
 */
@SpringBootTest
// unused here, but the same set-up as the other tests outside demo mode lets this class share their application
@AutoConfigureMockMvc
@ActiveProfiles("test")
@ResourceLock(providers = SameApplication.class)
class SimulatorBesideTheProductTests {

	@Autowired
	ApplicationContext context;

	@Test
	void outsideDemoModeNoBeanComesFromTheSimulatorOrTheDemo() {
		List<String> foreign = Arrays.stream(this.context.getBeanDefinitionNames())
			.map(name -> this.context.getType(name))
			.filter(type -> type != null && type.getPackageName().startsWith("app.vsxi.dashboard"))
			.map(Class::getName)
			.filter(name -> name.startsWith("app.vsxi.dashboard.simulator.") || name.startsWith("app.vsxi.dashboard.demo."))
			.toList();

		assertThat(foreign).isEmpty();
	}

}
