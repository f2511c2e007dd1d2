package app.vsxi.dashboard.gateway;

import java.net.URI;
import java.time.Duration;
import java.util.Map;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Isolated;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.LoggerFactory;

import app.vsxi.dashboard.simulator.SimulatedVsxi;
import app.vsxi.dashboard.simulator.SimulatorProperties;
import app.vsxi.dashboard.simulator.StatsGeneration;
import app.vsxi.dashboard.support.GatewayParts;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;

/** Request logs, even at debug level and for failed calls, never carry a password or an Authorization header. */
// it sets log levels and reads what the whole process prints: alone
@Isolated
@ExtendWith(OutputCaptureExtension.class)
class GatewayLoggingTests {

	private static final String PASSWORD = "S3cr3t-Value-42";

	@Test
	void neitherPasswordsNorAuthorizationHeadersAreLogged(CapturedOutput output) {
		Logger gatewayLog = (Logger) LoggerFactory.getLogger("app.vsxi.dashboard.gateway");
		Level before = gatewayLog.getLevel();
		gatewayLog.setLevel(Level.DEBUG);
		SimulatedVsxi box = new SimulatedVsxi("logs", 0,
				new SimulatorProperties("admin", PASSWORD, "127.0.0.1", StatsGeneration.OLDER)).start();
		GatewayParts gateway = GatewayParts.of(GatewayProperties.of(Duration.ofSeconds(1), Duration.ofSeconds(2), 2),
				new SimpleMeterRegistry());
		try {
			SbcEndpoint right = new SbcEndpoint(1, "logs", URI.create(box.baseUrl()), "admin", PASSWORD,
					box.certificateFingerprint());
			SbcEndpoint wrong = new SbcEndpoint(2, "logs", URI.create(box.baseUrl()), "admin", PASSWORD + "x",
					box.certificateFingerprint());
			gateway.stats().realtimeStats(right).block();
			gateway.stats().realtimeStats(wrong).block();
			gateway.removals().deleteRegistrations(wrong, java.util.List.of("x"), java.util.Set.of()).block();

			assertThat(output.getAll()).contains("logs").doesNotContain(PASSWORD).doesNotContain("Basic ")
				.doesNotContainIgnoringCase("authorization:");
		}
		finally {
			gateway.destroy();
			box.stop();
			gatewayLog.setLevel(before);
		}
	}

	@Test
	void aRegistrationReadsEitherSpellingOfTheTrunkField() {
		assertThat(Registration.from(new TableRow(Map.of("id", "7", "trunkId", "100"))).trunkId()).isEqualTo("100");
		assertThat(Registration.from(new TableRow(Map.of("id", "7", "trunkID", "200"))).trunkId()).isEqualTo("200");
	}

}
