package app.vsxi.dashboard.fleet;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import app.vsxi.dashboard.gateway.SbcTrust;

import static org.assertj.core.api.Assertions.assertThat;

class SbcTests {

	@Test
	void aCopyChangesOnlyTheFieldsItNames() {
		Instant created = Instant.parse("2026-01-02T03:04:05Z");
		Sbc sbc = new Sbc(4L, "nyc-1", "https://10.0.0.1:8888", "api", "k:x", "NYC", 2L, "AA", SbcTrust.CERTIFICATE_AUTHORITY,
				9L, false, created, created);

		Sbc copy = sbc.toBuilder().haMasterId(null).groupId(3L).haStatusAlarm(true).build();

		assertThat(copy).isEqualTo(new Sbc(4L, "nyc-1", "https://10.0.0.1:8888", "api", "k:x", "NYC", 3L, "AA",
				SbcTrust.CERTIFICATE_AUTHORITY, null, true, created, created));
	}

	@Test
	void aNewSbcIsTrustedByItsPinnedCertificateUnlessToldOtherwise() {
		Sbc sbc = Sbc.builder().name("lab").build();

		assertThat(sbc.trust()).isEqualTo(SbcTrust.PINNED_CERTIFICATE);
		assertThat(sbc.createdAt()).isNotNull().isEqualTo(sbc.updatedAt());
		assertThat(sbc.id()).isNull();
	}

	@Test
	void aNewSbcRaisesNoHaAlarmOnItsStatusCodesUnlessToldTo() {
		assertThat(Sbc.builder().name("lab").build().haStatusAlarm()).isFalse();
	}

}
