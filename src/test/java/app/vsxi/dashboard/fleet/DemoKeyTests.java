package app.vsxi.dashboard.fleet;

import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class DemoKeyTests {

	private final FleetProperties demoKey = new FleetProperties(FleetProperties.DEMO_CREDENTIAL_KEY, List.of(), List.of(),
			java.time.Duration.ofSeconds(7));

	@Test
	void theKeyShippedForDemoModeIsRefusedAnywhereElse() {
		assertThatIllegalStateException()
			.isThrownBy(() -> new FleetConfiguration().credentialCipher(this.demoKey, new MockEnvironment()))
			.withMessageContaining("demo");
	}

	@Test
	void demoModeMayUseIt() {
		MockEnvironment demo = new MockEnvironment();
		demo.setActiveProfiles("demo");

		assertThat(new FleetConfiguration().credentialCipher(this.demoKey, demo)).isNotNull();
	}

}
