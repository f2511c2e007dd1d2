package app.vsxi.dashboard.calls;

import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;

import app.vsxi.dashboard.fleet.FleetService;
import app.vsxi.dashboard.gateway.GatewayResult;
import app.vsxi.dashboard.gateway.StatsReads;
import app.vsxi.dashboard.gateway.TableDocument;
import app.vsxi.dashboard.gateway.TableRow;
import app.vsxi.dashboard.gateway.VsxiTable;
import app.vsxi.dashboard.support.SameApplication;
import app.vsxi.dashboard.support.SimulatedBox;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * A bulk kill under a cap of 3, on a box of its own started fresh for each test. Its calls answered before it
 * started are the same every run (the simulator draws them from the box's name), so the calls a filter matches are
 * named here: the ANI holding {@code 1481} is that of exactly three of them, the ANI holding {@code 481} of those
 * and one more. The filter also asks for calls of at least 60 s, which leaves out any call the box answers while the
 * test runs (the named ones had lasted 131 s and more when the box started).
 */
@SpringBootTest(properties = { "vsxi.calls.bulk-kill-max=3", "vsxi.gateway.read-timeout=15s" })
@ActiveProfiles({ "demo", "test" })
@WithMockUser(username = "noc-operator", roles = "ADMIN")
@ResourceLock(providers = SameApplication.class)
class BulkKillCapTests {

	private static final String BOX = "bulk-kill-cap";

	@Autowired
	CallKills kills;

	@Autowired
	FleetService fleet;

	@Autowired
	StatsReads gateway;

	private SimulatedBox.InTheFleet inTheFleet;

	@BeforeEach
	void startBox() {
		this.inTheFleet = SimulatedBox.inTheFleet(BOX, this.fleet);
	}

	@AfterEach
	void stopBox() {
		this.inTheFleet.stop();
	}

	@Test
	void aFilterMatchingExactlyTheCapIsShownAndKillsExactlyThoseCalls() {
		RemovalPreview preview = this.kills.prepareBulkKill(this.inTheFleet.sbcId(), byAni("1481"));

		assertThat(preview.refusal()).isNull();
		assertThat(preview.token()).isNotNull();
		assertThat(preview.cap()).isEqualTo(3);
		assertThat(preview.entries()).extracting(call -> call.text("ssm_index"), call -> call.text("callID"))
			.containsExactlyInAnyOrder(tuple("1416", "ca679677-0588@198.51.100.203"),
					tuple("1440", "192d784f-05a0@198.51.100.81"), tuple("1505", "dc24ac5d-05e1@198.51.100.225"));
		assertThat(preview.body()).contains("ca679677-0588@198.51.100.203", "192d784f-05a0@198.51.100.81",
				"dc24ac5d-05e1@198.51.100.225").doesNotContain("8c3a9c52-0603@198.51.100.132");
		long deletes = deletes();

		RemovalReport report = this.kills.kill(this.inTheFleet.sbcId(), preview.token(), 3);

		assertThat(report.success()).as(report.sentence()).isTrue();
		assertThat(deletes()).isEqualTo(deletes + 1);
		assertThat(report.removal().targeted()).isEqualTo(3);
		assertThat(report.removal().gone()).isEqualTo(3);
		assertThat(report.removal().sent()).contains("ca679677-0588@198.51.100.203", "192d784f-05a0@198.51.100.81",
				"dc24ac5d-05e1@198.51.100.225").doesNotContain("8c3a9c52-0603@198.51.100.132");
		assertThat(callIds()).doesNotContain("ca679677-0588@198.51.100.203", "192d784f-05a0@198.51.100.81",
				"dc24ac5d-05e1@198.51.100.225")
			.contains("8c3a9c52-0603@198.51.100.132");
	}

	@Test
	void aFilterMatchingOneCallOverTheCapIsRefusedAndSendsNothing() {
		long deletes = deletes();

		RemovalPreview preview = this.kills.prepareBulkKill(this.inTheFleet.sbcId(), byAni("481"));

		assertThat(preview.token()).isNull();
		assertThat(preview.refusal())
			.isEqualTo("4 calls match, more than the 3 one bulk kill may end. Narrow the filter; nothing will be sent.");
		assertThat(preview.entries()).extracting(call -> call.text("ssm_index"), call -> call.text("callID"))
			.containsExactlyInAnyOrder(tuple("1416", "ca679677-0588@198.51.100.203"),
					tuple("1440", "192d784f-05a0@198.51.100.81"), tuple("1505", "dc24ac5d-05e1@198.51.100.225"),
					tuple("1539", "8c3a9c52-0603@198.51.100.132"));
		assertThat(deletes()).isEqualTo(deletes);
		assertThat(this.inTheFleet.box().requestCounts()).doesNotContainKey("delete/active_calls");
		assertThat(callIds()).contains("ca679677-0588@198.51.100.203", "192d784f-05a0@198.51.100.81",
				"dc24ac5d-05e1@198.51.100.225", "8c3a9c52-0603@198.51.100.132");
	}

	private static CallSearch byAni(String ani) {
		return new CallSearch(ani, null, null, null, null, null, 60L, null, null, null, null);
	}

	private List<String> callIds() {
		GatewayResult<TableDocument> result = this.gateway.statsList(this.fleet.endpoint(this.fleet.get(this.inTheFleet.sbcId())),
				VsxiTable.ACTIVE_CALLS).block();
		assertThat(result).isInstanceOf(GatewayResult.Ok.class);
		return ((GatewayResult.Ok<TableDocument>) result).value().rows().stream().map(call -> call.text("callID"))
			.toList();
	}

	private long deletes() {
		return this.inTheFleet.box().requestCounts().getOrDefault("delete/active_calls", 0L);
	}

}
