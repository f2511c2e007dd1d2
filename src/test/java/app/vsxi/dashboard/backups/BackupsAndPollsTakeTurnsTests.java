package app.vsxi.dashboard.backups;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;

import app.vsxi.dashboard.demo.DemoFleet;
import app.vsxi.dashboard.fleet.FleetService;
import app.vsxi.dashboard.simulator.Faults;
import app.vsxi.dashboard.simulator.Quirks;
import app.vsxi.dashboard.simulator.RequestTiming;
import app.vsxi.dashboard.simulator.SimulatedVsxi;
import app.vsxi.dashboard.support.DemoSbcs;
import app.vsxi.dashboard.support.SameApplication;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A backup of a box that answers 400 to a request arriving within 50 ms of another, while the poller polls it
 * every second: the backup's downloads wait their turn in the SBC's queue like every other request, so the box
 * never serves two at once, nothing is refused, and the polls go on between the backup's reads.
 */
@SpringBootTest(properties = { "spring.application.name=vsxi-dashboard-backup-turns",
		"vsxi.gateway.min-gap-per-sbc=60ms" })
@ActiveProfiles({ "demo", "test" })
@ResourceLock(providers = SameApplication.class)
class BackupsAndPollsTakeTurnsTests {

	private static final String BOX = "demo-sbc-3";

	@Autowired
	SbcBackup backup;

	@Autowired
	FleetService fleet;

	@Autowired
	DemoFleet demo;

	@AfterEach
	void asBefore() {
		this.demo.box(BOX).quirks(Map.of("overlapMillis", Quirks.DEFAULTS.overlapMillis()));
		this.demo.box(BOX).faults(Faults.NONE);
	}

	@Test
	void aBackupNeverOverlapsAPollAndNoRequestIsRefused() throws Exception {
		SimulatedVsxi box = this.demo.box(BOX);
		box.quirks(Map.of("overlapMillis", 50L));
		// each request is in flight a while, so overlapping ones would be caught in the act
		box.faults(new Faults(20, 0, false, false));
		int before = box.requestTimeline().size();

		SbcBackup.Run first = this.backup.run(DemoSbcs.named(this.fleet, BOX), "tester");
		Thread.sleep(1500);
		SbcBackup.Run second = this.backup.run(DemoSbcs.named(this.fleet, BOX), "tester");

		assertThat(first.failed()).isEmpty();
		assertThat(second.failed()).isEmpty();
		List<RequestTiming> timeline = box.requestTimeline();
		List<RequestTiming> during = timeline.subList(before, timeline.size());
		assertThat(during).filteredOn(timing -> timing.command().startsWith("downloadLarge/")
				|| timing.command().startsWith("download/")).hasSizeGreaterThanOrEqualTo(2 * Subjects.all().size());
		assertThat(during).filteredOn(timing -> timing.command().startsWith("stats/")).isNotEmpty();
		assertThat(during).allSatisfy(timing -> assertThat(timing.status()).as("%s", timing).isNotEqualTo(400));
		for (int i = 0; i < during.size(); i++) {
			for (int j = i + 1; j < during.size(); j++) {
				assertThat(during.get(i).overlaps(during.get(j))).as("%s and %s", during.get(i), during.get(j)).isFalse();
			}
		}
	}

}
