package app.vsxi.dashboard.audit;

import java.util.Base64;

import org.junit.jupiter.api.Test;

import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/** The audit chain's key is required, long enough, and demo mode's own is refused anywhere else. */
class ChainKeyTests {

	@Test
	void withoutAKeyTheDashboardDoesNotStart() {
		assertThatIllegalStateException()
			.isThrownBy(() -> new AuditConfiguration().auditChainKey(new AuditProperties(null), new MockEnvironment()))
			.withMessageContaining("vsxi.audit.chain-key is not set");
	}

	@Test
	void aShortKeyIsRefused() {
		String short16 = Base64.getEncoder().encodeToString(new byte[16]);

		assertThatIllegalStateException().isThrownBy(() -> new ChainKey(short16)).withMessageContaining("32 bytes");
	}

	@Test
	void theKeyShippedForDemoModeIsRefusedAnywhereElseAndTakenThere() {
		AuditProperties demoKey = new AuditProperties(AuditProperties.DEMO_CHAIN_KEY);
		MockEnvironment demo = new MockEnvironment();
		demo.setActiveProfiles("demo");

		assertThatIllegalStateException()
			.isThrownBy(() -> new AuditConfiguration().auditChainKey(demoKey, new MockEnvironment()))
			.withMessageContaining("demo");
		assertThat(new AuditConfiguration().auditChainKey(demoKey, demo).id()).hasSize(8);
	}

}
