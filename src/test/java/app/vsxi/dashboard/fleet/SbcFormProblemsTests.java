package app.vsxi.dashboard.fleet;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import app.vsxi.dashboard.audit.AuditLog;
import app.vsxi.dashboard.gateway.SbcExchange;
import app.vsxi.dashboard.gateway.SbcTrust;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;

/** What the fleet service objects to in an SBC form, beyond the form's own annotations. */
class SbcFormProblemsTests {

	private final SbcRepository repository = mock(SbcRepository.class);

	private final SbcGroupRepository groups = mock(SbcGroupRepository.class);

	private final FleetService fleet = new FleetService(this.repository,
			new CredentialCipher(CredentialCipherTests.KEY, List.of()), mock(SbcExchange.class), this.groups,
			mock(AuditLog.class));

	private final Sbc stored = Sbc.builder()
		.id(5L)
		.name("nyc-1")
		.baseUrl("https://10.0.0.1:8888")
		.username("api")
		.passwordCipher("k:x")
		.groupId(1L)
		.build();

	@BeforeEach
	void fleetOfTwoGroups() {
		given(this.repository.findById(5L)).willReturn(Optional.of(this.stored));
		given(this.groups.findById(1L)).willReturn(Optional.of(new SbcGroup(1L, "Mine", null, null)));
		given(this.groups.findById(2L)).willReturn(Optional.of(new SbcGroup(2L, "Theirs", null, null)));
		given(this.repository.findById(7L))
			.willReturn(Optional.of(this.stored.toBuilder().id(7L).name("secret-master").groupId(2L).build()));
		given(this.repository.findById(8L))
			.willReturn(Optional.of(this.stored.toBuilder().id(8L).name("nyc-2").groupId(1L).build()));
	}

	@Test
	void aNewAddressNeedsThePasswordAgainSoTheStoredOneNeverGoesElsewhere() {
		SbcForm form = SbcForm.of(this.stored);
		form.setAddress("203.0.113.66");

		assertThat(this.fleet.problems(form, 5L)).extracting(FieldProblem::field).containsExactly("password");

		form.setPassword("typed-again");
		assertThat(this.fleet.problems(form, 5L)).isEmpty();
	}

	@Test
	void anotherTrustModeNeedsThePasswordAgainToo() {
		SbcForm form = SbcForm.of(this.stored);
		form.setTrust(SbcTrust.CERTIFICATE_AUTHORITY);

		assertThat(this.fleet.problems(form, 5L)).extracting(FieldProblem::field).containsExactly("password");
	}

	@Test
	void anUnchangedAddressKeepsTheStoredPasswordWhenLeftBlank() {
		SbcForm form = SbcForm.of(this.stored);
		form.setSiteLabel("NYC 2");

		assertThat(this.fleet.problems(form, 5L)).isEmpty();
	}

	@Test
	void aMasterOutsideTheSbcsGroupIsRefusedWithoutNamingIt() {
		SbcForm form = SbcForm.of(this.stored);
		form.setHaMasterId(7L);

		assertThat(this.fleet.problems(form, 5L)).singleElement().satisfies(problem -> {
			assertThat(problem.field()).isEqualTo("haMasterId");
			assertThat(problem.message()).doesNotContain("secret-master");
		});

		form.setHaMasterId(8L);
		assertThat(this.fleet.problems(form, 5L)).isEmpty();
	}

	@Test
	void everyProblemIsReportedAtOnce() {
		given(this.repository.existsByNameAndIdNot(anyString(), anyLong())).willReturn(true);
		SbcForm form = new SbcForm();
		form.setName("taken");
		form.setAddress("http://10.0.0.9");
		form.setGroupId(1L);
		form.setHaMasterId(7L);

		assertThat(this.fleet.problems(form, null)).extracting(FieldProblem::field)
			.containsExactlyInAnyOrder("name", "address", "password", "haMasterId");
	}

}
