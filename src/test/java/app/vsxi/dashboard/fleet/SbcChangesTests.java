package app.vsxi.dashboard.fleet;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SbcChangesTests {

	private final Sbc sbc = Sbc.builder().id(4L).name("nyc-1").baseUrl("https://10.0.0.1:8888").username("api")
		.passwordCipher("k:x").groupId(1L).build();

	@Test
	void theAuditSaysWhenTheHaStatusAlarmIsSwitchedOnOrOff() {
		Sbc on = this.sbc.toBuilder().haStatusAlarm(true).build();

		assertThat(SbcChanges.describe(this.sbc, on)).isEqualTo("HA status alarm on");
		assertThat(SbcChanges.describe(on, this.sbc)).isEqualTo("HA status alarm off");
		assertThat(SbcChanges.describe(this.sbc, this.sbc)).isEqualTo("no change");
	}

}
