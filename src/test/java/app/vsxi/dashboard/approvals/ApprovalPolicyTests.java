package app.vsxi.dashboard.approvals;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ApprovalPolicyTests {

	@Test
	void theDefaultsNeedApprovalForEveryKindAboveTheThresholds() {
		ApprovalPolicy policy = ApprovalPolicy.of(new ApprovalsProperties(true, 20, 10, Duration.ofHours(8)));

		assertThat(policy.requires(ApprovalKind.REPLACE, 1)).isTrue();
		assertThat(policy.requires(ApprovalKind.RESTORE, 1)).isTrue();
		assertThat(policy.requires(ApprovalKind.FLEET_CHANGE, 1)).isTrue();
		assertThat(policy.requires(ApprovalKind.APPLY, 20)).isFalse();
		assertThat(policy.requires(ApprovalKind.APPLY, 21)).isTrue();
		assertThat(policy.requires(ApprovalKind.BULK_KILL, 10)).isFalse();
		assertThat(policy.requires(ApprovalKind.BULK_KILL, 11)).isTrue();
	}

	@Test
	void eachKindIsOffOnItsOwn() {
		ApprovalPolicy none = ApprovalPolicy.of(new ApprovalsProperties(false, 0, 0, Duration.ofHours(8)));
		for (ApprovalKind kind : ApprovalKind.values()) {
			assertThat(none.requires(kind, 1000)).as("%s", kind).isFalse();
		}
		assertThat(new ApprovalPolicy(true, false, 0, false, 0, false, false).requires(ApprovalKind.REPLACE, 0)).isTrue();
		assertThat(new ApprovalPolicy(false, true, 0, false, 0, false, false).requires(ApprovalKind.APPLY, 1)).isTrue();
		assertThat(new ApprovalPolicy(false, false, 0, true, 0, false, false).requires(ApprovalKind.BULK_KILL, 1)).isTrue();
		assertThat(new ApprovalPolicy(false, false, 0, false, 0, true, false).requires(ApprovalKind.FLEET_CHANGE, 0)).isTrue();
		assertThat(new ApprovalPolicy(false, false, 0, false, 0, false, true).requires(ApprovalKind.RESTORE, 0)).isTrue();
		assertThat(new ApprovalPolicy(false, false, -5, false, -3, false, false).applyRowsOver()).isZero();
	}

	@Test
	void aFleetChangeNeedsApprovalWhereItsLargestApplyWouldEvenWithFleetChangesFree() {
		ApprovalPolicy applyOnly = new ApprovalPolicy(false, true, 20, false, 0, false, false);

		assertThat(applyOnly.requires(ApprovalKind.FLEET_CHANGE, 20)).isFalse();
		assertThat(applyOnly.requires(ApprovalKind.FLEET_CHANGE, 21)).isTrue();
		assertThat(new ApprovalPolicy(false, false, 20, false, 0, false, false).requires(ApprovalKind.FLEET_CHANGE, 21))
			.isFalse();
	}

	@Test
	void theSettingsReadInWordsForTheAuditTrail() {
		assertThat(new ApprovalPolicy(true, false, 20, true, 10, false, true).text()).isEqualTo(
				"replace needs approval, apply of more than 20 rows free, bulk kill of more than 10 calls needs approval, "
						+ "fleet-wide change free, restore needs approval");
	}

}
