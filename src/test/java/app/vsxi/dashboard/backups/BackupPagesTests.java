package app.vsxi.dashboard.backups;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;

import app.vsxi.dashboard.access.AppUserRepository;
import app.vsxi.dashboard.access.Role;
import app.vsxi.dashboard.access.UserGrantRepository;
import app.vsxi.dashboard.fleet.FleetService;
import app.vsxi.dashboard.fleet.Sbc;
import app.vsxi.dashboard.gateway.GatewayResult;
import app.vsxi.dashboard.gateway.SbcEndpoint;
import app.vsxi.dashboard.gateway.TableCommands;
import app.vsxi.dashboard.gateway.TableDocument;
import app.vsxi.dashboard.gateway.TableRow;
import app.vsxi.dashboard.gateway.VsxiTable;
import app.vsxi.dashboard.gateway.WriteOutcome;
import app.vsxi.dashboard.support.DemoSbcs;
import app.vsxi.dashboard.support.SameApplication;
import app.vsxi.dashboard.support.TestUsers;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.test.context.support.TestExecutionEvent;
import org.springframework.security.test.context.support.WithUserDetails;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * The backup pages as their users get them: "Back up now" picked up by the instance that polls the SBC, the tab,
 * a table's history and a diff, a viewer who sees a subscriber's changed password only as set, the search across
 * the fleet's backups and a live query of one box.
 */
@SpringBootTest
@org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc
@ActiveProfiles({ "demo", "test" })
@WithUserDetails(value = "admin", setupBefore = TestExecutionEvent.TEST_METHOD)
@ResourceLock(providers = SameApplication.class)
class BackupPagesTests {

	private static final String BOX = "demo-sbc-2";

	@Autowired
	MockMvc mvc;

	@Autowired
	SbcBackup backup;

	@Autowired
	BackupStore store;

	@Autowired
	FleetService fleet;

	@Autowired
	TableCommands gateway;

	@Autowired
	AppUserRepository users;

	@Autowired
	UserGrantRepository grants;

	@Autowired
	UserDetailsService details;

	private Sbc sbc() {
		return DemoSbcs.named(this.fleet, BOX);
	}

	private SbcEndpoint endpoint() {
		return this.fleet.endpoint(sbc());
	}

	private String page(String path) throws Exception {
		var response = this.mvc.perform(get(path)).andReturn().getResponse();
		assertThat(response.getStatus()).as("%s", path).isEqualTo(200);
		return response.getContentAsString();
	}

	@Test
	void backUpNowIsPickedUpByTheInstanceThatPollsTheSbc() throws Exception {
		Instant asked = Instant.now();
		this.mvc.perform(post("/sbcs/" + sbc().id() + "/backups/now").with(csrf()))
			.andReturn();

		Instant until = Instant.now().plusSeconds(30);
		List<BackupStore.Check> checks = List.of();
		while (Instant.now().isBefore(until)) {
			checks = this.store.timeline(sbc().id(), "hardwareConfiguration", 0, 1);
			if (!checks.isEmpty() && checks.get(0).startedBy().equals("admin") && !checks.get(0).checkedAt().isBefore(asked)) {
				break;
			}
			Thread.sleep(200);
		}
		assertThat(checks).singleElement().satisfies(check -> {
			assertThat(check.startedBy()).isEqualTo("admin");
			assertThat(check.checkedAt()).isAfterOrEqualTo(asked);
		});
		assertThat(this.store.runs().get(sbc().id()).requestedBy()).isNull();
	}

	@Test
	void theTabTheHistoryAndADiffShowTheTableAndItsChange() throws Exception {
		this.backup.run(sbc(), "tester");
		long before = this.store.head(sbc().id(), "route").orElseThrow().id();
		List<TableRow> rows = new ArrayList<>();
		this.gateway.downloadLarge(endpoint(), VsxiTable.ROUTE, rows::add).block(Duration.ofMinutes(1));
		TableRow row = rows.get(2);
		TableRow changed = row.with("maxLen", String.valueOf(Integer.parseInt(row.text("maxLen")) + 1));
		write(VsxiTable.ROUTE, "XBRouteList", "XBRoute", changed);
		try {
			this.backup.run(sbc(), "tester");
			long after = this.store.head(sbc().id(), "route").orElseThrow().id();

			String tab = page("/sbcs/" + sbc().id() + "/backups");
			assertThat(tab).contains("Backups of " + BOX, "Back up now", "Last good backup:", "subject-route",
					"subject-systemConfiguration", "Changed on the box, not by the dashboard");
			String history = page("/sbcs/" + sbc().id() + "/backups/route");
			assertThat(history).contains("version-" + after, "version-" + before, "Restore this version",
					"changed on the box: 0 added, 0 removed, 1 changed (1 field)");
			String diff = page("/sbcs/" + sbc().id() + "/backups/route/diff?to=" + after);
			assertThat(diff).contains("version " + before + " to version " + after, "maxLen", row.text("maxLen"),
					changed.text("maxLen"));
			this.health.refresh();
			String overview = page("/overview/rows");
			String monitor = page("/sbcs/" + sbc().id());
			assertThat(overview).containsPattern("<a class=\"note\" href=\"/sbcs/" + sbc().id()
					+ "/backups\">Backups: \\d+ changes? found on the box, not by the dashboard</a>");
			assertThat(monitor).containsPattern("last good backup \\d+ s ago");
		}
		finally {
			write(VsxiTable.ROUTE, "XBRouteList", "XBRoute", row);
		}
	}

	@Autowired
	BackupHealth health;

	@Test
	void theAgeOfEachSbcsLastGoodBackupIsAGaugeInSeconds() throws Exception {
		this.backup.run(sbc(), "tester");
		this.health.refresh();

		String scrape = page("/actuator/prometheus");

		assertThat(scrape).containsPattern("vsxi_sbc_backup_age_seconds\\{sbc=\"" + BOX + "\"\\} \\d");
	}

	@Test
	void aViewerSeesAChangedSipPasswordOnlyAsSetAndNoRestore() throws Exception {
		this.backup.run(sbc(), "tester");
		TableDocument subscribers = this.gateway.download(endpoint(), VsxiTable.SUBSCRIBER).block(Duration.ofMinutes(1))
			.okValue().orElseThrow();
		TableRow subscriber = subscribers.rows().get(0);
		write(VsxiTable.SUBSCRIBER, subscribers.root(), subscribers.item(), subscriber.with("password", "Sekr3t-New-991"));
		try {
			this.backup.run(sbc(), "tester");
			long after = this.store.head(sbc().id(), "subscriber").orElseThrow().id();
			new TestUsers(this.users, this.grants).user("backup-viewer", Map.of(sbc().groupId(), Role.VIEWER));
			UserDetails viewer = this.details.loadUserByUsername("backup-viewer");

			String diff = this.mvc.perform(get("/sbcs/" + sbc().id() + "/backups/subscriber/diff?to=" + after)
				.with(user(viewer))).andReturn().getResponse().getContentAsString();
			String history = this.mvc.perform(get("/sbcs/" + sbc().id() + "/backups/subscriber").with(user(viewer)))
				.andReturn().getResponse().getContentAsString();

			assertThat(diff).contains("password", "new password set").doesNotContain("Sekr3t-New-991");
			if (subscriber.text("password") != null && !subscriber.text("password").isEmpty()) {
				assertThat(diff).doesNotContain(">" + subscriber.text("password") + "<");
			}
			assertThat(history).contains("version-" + after).doesNotContain("Restore this version");
		}
		finally {
			write(VsxiTable.SUBSCRIBER, subscribers.root(), subscribers.item(), subscriber);
		}
	}

	@Test
	void aSearchFindsTheSbcsWhoseLatestBackupHoldsTheValueAndAQueryAsksTheBoxLive() throws Exception {
		this.backup.run(sbc(), "tester");
		List<TableRow> rows = new ArrayList<>();
		this.gateway.downloadLarge(endpoint(), VsxiTable.ROUTE, rows::add).block(Duration.ofMinutes(1));
		String alias = rows.get(4).text("alias");

		String found = page("/backups/search?table=route&field=alias&match=EQUALS&value=" + alias);
		String none = page("/backups/search?table=route&field=alias&match=EQUALS&value=no-such-route-anywhere");
		String live = page("/sbcs/" + sbc().id() + "/backups/query?table=route&column=alias&operator=equals&value="
				+ alias);

		assertThat(found).contains(BOX, alias, "id=\"hits\"");
		assertThat(none).contains("0 rows").doesNotContain("id=\"hits\"");
		assertThat(live).contains("query/route?queryString=alias=&quot;" + alias + "&quot;", "id=\"answer\"", alias);
	}

	private void write(VsxiTable table, String root, String item, TableRow row) {
		GatewayResult<WriteOutcome> written = this.gateway.update(endpoint(), table,
				new TableDocument(root, item, List.of(row))).block(Duration.ofMinutes(1));
		assertThat(written.isOk()).as("%s", written).isTrue();
	}

}
