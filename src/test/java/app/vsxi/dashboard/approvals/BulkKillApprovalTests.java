package app.vsxi.dashboard.approvals;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.context.ActiveProfiles;

import app.vsxi.dashboard.access.AppUserRepository;
import app.vsxi.dashboard.access.UserGrantRepository;
import app.vsxi.dashboard.calls.CallKills;
import app.vsxi.dashboard.calls.CallSearch;
import app.vsxi.dashboard.calls.RemovalPreview;
import app.vsxi.dashboard.calls.RemovalReport;
import app.vsxi.dashboard.fleet.FleetService;
import app.vsxi.dashboard.fleet.SbcRepository;
import app.vsxi.dashboard.gateway.TableCommands;
import app.vsxi.dashboard.support.SameApplication;
import app.vsxi.dashboard.support.SimulatedBox;
import app.vsxi.dashboard.web.RefusedException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A bulk kill over the settings' threshold, on a box of its own: held until a second person approves exactly those
 * calls, then sent once, only as approved.
 */
@SpringBootTest(properties = "vsxi.gateway.read-timeout=15s")
@ActiveProfiles({ "demo", "test" })
@ResourceLock(providers = SameApplication.class)
class BulkKillApprovalTests {

	@Autowired
	org.springframework.context.ApplicationContext context;

	@Autowired
	CallKills kills;

	@Autowired
	Approvals approvals;

	@Autowired
	ApprovalSettings settings;

	private ApprovalFixture fixture;

	private SimulatedBox.InTheFleet box;

	@BeforeEach
	void killsOfMoreThanTwoCallsNeedApproval() {
		this.fixture = ApprovalFixture.of(this.context);
		this.fixture.admin("killer-1");
		this.fixture.admin("killer-2");
		this.fixture.as("killer-1");
		this.settings.save(new ApprovalPolicy(false, false, 20, true, 2, false, false));
		// the calls a simulated box answers before it starts are drawn from its name: these are BulkKillCapTests' own
		this.box = SimulatedBox.inTheFleet("bulk-kill-cap", this.fixture.fleet());
	}

	@AfterEach
	void asBefore() {
		this.box.stop();
		this.approvals.expire(Instant.now().plus(Duration.ofDays(1000)));
		this.fixture.as("killer-1");
		this.settings.save(new ApprovalPolicy(false, false, 20, false, 10, false, false));
		SecurityContextHolder.clearContext();
	}

	private long deletes() {
		return this.box.box().requestCounts().getOrDefault("delete/active_calls", 0L);
	}

	/** The three calls whose ANI holds 1481 and that lasted a minute (see BulkKillCapTests). */
	private RemovalPreview preview() {
		RemovalPreview preview = this.kills.prepareBulkKill(this.box.sbcId(),
				new CallSearch("1481", null, null, null, null, null, 60L, null, null, null, null));
		assertThat(preview.count()).isEqualTo(3);
		return preview;
	}

	@Test
	void aBulkKillOverTheThresholdWaitsForASecondPersonAndThenEndsExactlyThoseCalls() {
		long before = deletes();

		RemovalReport held = this.kills.kill(this.box.sbcId(), preview().token(), 3);

		assertThat(held.success()).isFalse();
		assertThat(held.sentence()).contains("Bulk kill needs a second person's approval");
		assertThat(deletes()).isEqualTo(before);
		ApprovalRequest request = this.approvals.waitingForMe().isEmpty() ? null : this.approvals.waitingForMe().get(0);
		assertThat(request).as("the requester has nothing to approve").isNull();
		this.fixture.as("killer-2");
		ApprovalRequest waiting = this.approvals.waitingForMe()
			.stream()
			.filter(r -> r.kind() == ApprovalKind.BULK_KILL)
			.findFirst()
			.orElseThrow();
		assertThat(waiting.preview()).contains("Kill 3 calls on bulk-kill-cap", "ca679677-0588@198.51.100.203");
		this.fixture.as("killer-1");
		assertThatThrownBy(() -> this.approvals.approve(waiting.id())).isInstanceOf(RefusedException.class);
		this.fixture.as("killer-2");
		this.approvals.approve(waiting.id());

		this.fixture.as("killer-1");
		RemovalReport sent = this.kills.kill(this.box.sbcId(), preview().token(), 3);

		assertThat(sent.success()).as(sent.sentence()).isTrue();
		assertThat(sent.removal().gone()).isEqualTo(3);
		assertThat(deletes()).isEqualTo(before + 1);
		assertThat(this.approvals.find(waiting.id()).state()).isEqualTo(ApprovalState.SENT);
	}

}
