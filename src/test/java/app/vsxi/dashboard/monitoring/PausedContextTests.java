package app.vsxi.dashboard.monitoring;

import java.time.Duration;
import java.time.Instant;
import java.util.function.BooleanSupplier;

import app.vsxi.dashboard.demo.DemoFleet;
import app.vsxi.dashboard.simulator.SimulatedVsxi;
import app.vsxi.dashboard.support.SameApplication;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The test context cache pauses a cached context while another one runs: its poller must then leave the boxes
 * alone, or every cached context would go on polling simulated boxes for the rest of the build.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles({ "demo", "test" })
@ResourceLock(providers = SameApplication.class)
class PausedContextTests {

	@Autowired
	ConfigurableApplicationContext context;

	@Autowired
	DemoFleet demo;

	@Test
	void aPausedContextSendsNoPollToItsBoxesUntilItRunsAgain() throws Exception {
		SimulatedVsxi box = this.demo.box("demo-sbc-1");
		long running = requests(box);
		waitFor(() -> requests(box) > running, Duration.ofSeconds(20));

		this.context.pause();
		try {
			// a poll already sent may still be answered: count from when it has been
			Thread.sleep(2_000);
			long paused = requests(box);
			// polled every second (tick 1 s, poll interval 1 s) while it runs
			Thread.sleep(4_000);
			assertThat(requests(box)).isEqualTo(paused);
		}
		finally {
			this.context.restart();
		}

		long resumed = requests(box);
		waitFor(() -> requests(box) > resumed, Duration.ofSeconds(20));
	}

	private static long requests(SimulatedVsxi box) {
		return box.requestCounts().values().stream().mapToLong(Long::longValue).sum();
	}

	private static void waitFor(BooleanSupplier condition, Duration atMost) throws InterruptedException {
		Instant until = Instant.now().plus(atMost);
		while (!condition.getAsBoolean()) {
			assertThat(Instant.now()).as("waited %s in vain", atMost).isBefore(until);
			Thread.sleep(100);
		}
	}

}
