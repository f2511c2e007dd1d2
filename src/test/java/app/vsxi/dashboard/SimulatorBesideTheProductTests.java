package app.vsxi.dashboard;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The dashboard never knows the simulator: no class of it imports the simulator, and outside demo mode no bean
 * of the simulator or of demo mode exists. Only demo mode bridges the two.
 */
@SpringBootTest
@ActiveProfiles("test")
class SimulatorBesideTheProductTests {

	private static final Path MAIN = Path.of("src/main/java/app/vsxi/dashboard");

	@Autowired
	ApplicationContext context;

	@Test
	void noDashboardClassImportsTheSimulator() throws IOException {
		List<Path> importing;
		try (Stream<Path> sources = Files.walk(MAIN)) {
			importing = sources.filter(path -> path.toString().endsWith(".java"))
				.filter(path -> !path.startsWith(MAIN.resolve("simulator")) && !path.startsWith(MAIN.resolve("demo")))
				.filter(SimulatorBesideTheProductTests::importsTheSimulator)
				.toList();
		}

		assertThat(importing).isEmpty();
	}

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

	private static boolean importsTheSimulator(Path source) {
		try {
			return Files.readString(source).contains("app.vsxi.dashboard.simulator");
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
