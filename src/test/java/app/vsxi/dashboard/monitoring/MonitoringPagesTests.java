package app.vsxi.dashboard.monitoring;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;

import app.vsxi.dashboard.access.AppUser;
import app.vsxi.dashboard.access.AppUserRepository;
import app.vsxi.dashboard.access.Role;
import app.vsxi.dashboard.access.UserGrantRepository;
import app.vsxi.dashboard.demo.DemoFleet;
import app.vsxi.dashboard.fleet.FleetService;
import app.vsxi.dashboard.fleet.Sbc;
import app.vsxi.dashboard.fleet.SbcGroup;
import app.vsxi.dashboard.fleet.SbcGroupRepository;
import app.vsxi.dashboard.fleet.SbcRepository;
import app.vsxi.dashboard.support.DemoSbcs;
import app.vsxi.dashboard.support.SameApplication;
import app.vsxi.dashboard.support.TestUsers;
import app.vsxi.dashboard.monitoring.alarms.AlarmBoard;
import app.vsxi.dashboard.support.MovableClock;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The Monitor tab, the wallboard, the metrics and the health of the demo fleet, the poller ticked by hand. */
@SpringBootTest(properties = { "vsxi.monitoring.tick=1h", "vsxi.monitoring.intervals.resource=1s",
		"vsxi.monitoring.intervals.resource-detail=1s", "vsxi.monitoring.intervals.sip-stats=1s",
		"vsxi.monitoring.intervals.media-server=1s", "vsxi.monitoring.intervals.sub-stats=1s",
		"vsxi.monitoring.intervals.active-calls=1s", "vsxi.monitoring.intervals.system=1s",
		"vsxi.monitoring.intervals.capacity=1s" })
@AutoConfigureMockMvc
@ActiveProfiles({ "demo", "test" })
@ResourceLock(providers = SameApplication.class)
class MonitoringPagesTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	DemoFleet demo;

	@Autowired
	FleetService fleet;

	@Autowired
	SbcRepository sbcs;

	@Autowired
	FleetPoller poller;

	@Autowired
	SnapshotStore store;

	@Autowired
	MovableClock clock;

	@Autowired
	FleetMetrics metrics;

	@Autowired
	AlarmBoard alarms;

	@Autowired
	UserDetailsService details;

	@Autowired
	AppUserRepository users;

	@Autowired
	UserGrantRepository grants;

	@Autowired
	SbcGroupRepository groups;

	private Sbc east;

	private Sbc west;

	private UserDetails admin;

	private PollTicks ticks;

	@BeforeEach
	void fleet() throws Exception {
		this.east = sbc("demo-sbc-1");
		this.west = sbc("demo-sbc-3");
		this.admin = this.details.loadUserByUsername("admin");
		this.ticks = new PollTicks(this.poller, this.store, this.clock);
		this.mvc.perform(get("/sbcs/" + this.east.id()).with(user(this.admin))).andExpect(status().isOk());
		this.ticks.tick(Set.of(this.east.id(), this.west.id()));
	}

	@AfterEach
	void clearFaults() {
		SimulatorSwitches.clear(this.demo.box("demo-sbc-1").baseUrl());
	}

	@Test
	void theMonitorTabHasAPanelPerEndpointWithItsAgeAndTheSystemTextEscaped() throws Exception {
		String page = this.mvc.perform(get("/sbcs/" + this.east.id()).with(user(this.admin)))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

		for (Feed feed : Feed.values()) {
			assertThat(page).contains("id=\"panel-" + feed.slug() + "\"");
		}
		assertThat(page).contains("<pre class=\"system-text\">Host Name: ").contains("HW Up Time: ");
		assertThat(page).contains("Trunk KPIs (both sides)").contains("ASR % 15 min");
		assertThat(page).contains("data-series=\"calls\"").contains("<polyline");
		assertThat(page).doesNotContain("data-stale=\"true\"");
	}

	@Test
	void theSbcPageSaysHaHealthAndSlaveModeAreInferredAndWhetherTheHaStatusAlarmIsOn() throws Exception {
		String status = this.mvc.perform(get("/sbcs/" + this.east.id() + "/status").with(user(this.admin)))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

		assertThat(status).contains("taken as healthy").contains(">inferred from ha_*_status</small>")
			.contains(">inferred from slave_stat</small>").contains("No source defines slave_stat or the ha_*_status codes")
			.contains("off for this SBC: a non-zero ha_remote_status or ha_local_status raises no alarm");

		this.sbcs.save(this.east.toBuilder().haStatusAlarm(true).build());
		try {
			String on = this.mvc.perform(get("/sbcs/" + this.east.id()).with(user(this.admin)))
				.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
			assertThat(on).contains("on: a non-zero ha_remote_status or ha_local_status raises a critical alarm")
				.doesNotContain("off for this SBC");
		}
		finally {
			this.sbcs.save(this.sbcs.findById(this.east.id()).orElseThrow().toBuilder().haStatusAlarm(false).build());
		}
	}

	@Test
	void aDegradedPairAndASlaveAreLabelledAsInferredOnTheOverviewAndTheWallboard() throws Exception {
		SimulatorSwitches.faults(this.demo.box("demo-sbc-1").baseUrl(), "{\"slave\":true,\"haRemoteStatus\":1}");
		this.ticks.tick(Set.of(this.east.id(), this.west.id()));

		String overview = this.mvc.perform(get("/overview").with(user(this.admin)))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		String wall = this.mvc.perform(get("/wallboard").with(user(this.admin)))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		String page = this.mvc.perform(get("/sbcs/" + this.east.id() + "/status").with(user(this.admin)))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

		String row = overview.substring(overview.indexOf("id=\"sbc-" + this.east.id() + "\""));
		row = row.substring(0, row.indexOf("</tr>"));
		assertThat(row).contains(">degraded</span>").contains(">inferred from ha_*_status</small>")
			.contains("Load-Balance slave (inferred from slave_stat): takes no changes");
		String tile = wall.substring(wall.indexOf("data-sbc=\"demo-sbc-1\""));
		tile = tile.substring(0, tile.indexOf("</section>"));
		assertThat(tile).contains("Slave mode").contains("slave: inferred from slave_stat");
		assertThat(page).contains("slave (slave_stat 65): takes no changes").contains("taken as degraded");
	}

	@Test
	void theOverviewListsOpenAlarmsAmongTheProblems() throws Exception {
		SimulatorSwitches.faults(this.demo.box("demo-sbc-1").baseUrl(), "{\"mediaServerDown\":true}");
		this.ticks.tick(Set.of(this.east.id(), this.west.id()));
		org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10))
			.until(() -> this.alarms.worst(this.east.id()) != null);

		String page = this.mvc.perform(get("/overview").param("sort", "group").with(user(this.admin)))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

		assertThat(page).contains("Current problems").containsPattern("Critical: \\d+ alarms?")
			.contains("class=\"group-head\"");
		String alarms = this.mvc.perform(get("/alarms").with(user(this.admin)))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		assertThat(alarms).contains("Media server down");
	}

	@Test
	void aPanelSortsOnTheServerNumbersAsNumbers() throws Exception {
		String panel = this.mvc.perform(get("/sbcs/" + this.east.id() + "/panels/capacity")
			.param("sort", "Value or limit").param("dir", "desc").with(user(this.admin)))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

		assertThat(panel).contains("aria-sort=\"descending\"").contains("<td>capacity</td>").contains("<td>cpsLimit</td>")
			.doesNotContain("{portAddress=");
		List<Long> limits = column(panel, "Value or limit");
		assertThat(limits).hasSizeGreaterThan(1).isSortedAccordingTo((a, b) -> Long.compare(b, a));
	}

	@Test
	void aFailedPollMarksThePanelStaleAndKeepsItsData() throws Exception {
		SimulatorSwitches.faults(this.demo.box("demo-sbc-1").baseUrl(), "{\"status\":503}");
		this.ticks.tick(Set.of(this.west.id()));
		org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(20))
			.until(() -> this.store.latest(this.east.id(), Feed.REALTIME).stale());

		String panel = this.mvc.perform(get("/sbcs/" + this.east.id() + "/panels/realtime").with(user(this.admin)))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

		assertThat(panel).contains("data-stale=\"true\"").contains("last poll failed").contains("sum_active_session");
	}

	@Test
	void aViewerSeesTheWallboardAndAlarmsOfTheirGroupsOnly() throws Exception {
		String name = "wall-viewer-" + System.nanoTime();
		testUsers().user(name, this.east.groupId(), Role.VIEWER);
		UserDetails details = this.details.loadUserByUsername(name);

		String wall = this.mvc.perform(get("/wallboard").with(user(details)))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

		assertThat(wall).contains("data-sbc=\"demo-sbc-1\"").doesNotContain("data-sbc=\"demo-sbc-3\"");
		this.mvc.perform(get("/sbcs/" + this.west.id()).with(user(details))).andExpect(status().isForbidden());
		this.mvc.perform(get("/sbcs/" + this.west.id() + "/panels/realtime").with(user(details)))
			.andExpect(status().isForbidden());
	}

	@Test
	void aUserWhoseGroupsHoldNoSbcIsToldSoAndWhomToAskOnEveryFleetWidePage() throws Exception {
		String name = "no-sbc-viewer-" + System.nanoTime();
		AppUser viewer = testUsers().user(name);
		long empty = this.groups.save(new SbcGroup(null, "Empty " + name, null, Instant.now())).id();
		testUsers().grant(viewer.id(), empty, Role.VIEWER);
		UserDetails details = this.details.loadUserByUsername(name);

		for (String path : List.of("/overview", "/wallboard", "/alarms", "/calls")) {
			String page = this.mvc.perform(get(path).with(user(details)))
				.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
			assertThat(page).as(path).contains("id=\"no-sbc\"").contains("You have no SBC you may see yet.")
				.contains("Ask an administrator to grant you a group that holds one.")
				.doesNotContain("No SBC in the fleet yet").doesNotContain("Add an SBC");
		}
		String overview = this.mvc.perform(get("/overview").with(user(this.admin)))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		assertThat(overview).as("the administrator of a fleet that has SBCs").doesNotContain("id=\"no-sbc\"");
	}

	@Test
	void figuresAreGaugesPerSbcAndAtMostTheExportedTrunksEach() throws Exception {
		this.metrics.refresh();

		String scrape = this.mvc.perform(get("/actuator/prometheus").with(user(this.admin)))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

		assertThat(scrape).containsPattern("vsxi_sbc_active_sessions\\{sbc=\"demo-sbc-1\"\\} \\d")
			.containsPattern("vsxi_sbc_cpu_percent\\{sbc=\"demo-sbc-3\"\\} \\d")
			.containsPattern("vsxi_trunk_asr_percent\\{sbc=\"demo-sbc-1\",trunk=\"\\d+\"\\} \\d");
		long trunkSeries = scrape.lines().filter(line -> line.startsWith("vsxi_trunk_sessions{sbc=\"demo-sbc-1\"")).count();
		assertThat(trunkSeries).isBetween(1L, 10L);
	}

	@Test
	void healthCountsTheFleet() throws Exception {
		String health = this.mvc.perform(get("/actuator/health").with(user(this.admin)))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

		assertThat(health).contains("\"fleet\"").containsPattern("\"up\":[1-9]").contains("\"alarmed\":");
	}

	private Sbc sbc(String name) {
		return DemoSbcs.named(this.fleet, name);
	}

	/** The numbers of one column of the first table of a panel. */
	private static List<Long> column(String html, String name) {
		Matcher heads = Pattern.compile("<th scope=\"col\"[^>]*>\\s*<a[^>]*>([^<]*)</a>").matcher(html);
		int index = -1;
		for (int i = 0; heads.find(); i++) {
			if (heads.group(1).equals(name)) {
				index = i;
				break;
			}
		}
		assertThat(index).as("column %s", name).isNotNegative();
		Matcher rows = Pattern.compile("<tr>(.*?)</tr>", Pattern.DOTALL).matcher(html);
		List<Long> values = new java.util.ArrayList<>();
		while (rows.find()) {
			Matcher cells = Pattern.compile("<td[^>]*>([^<]*)</td>").matcher(rows.group(1));
			List<String> texts = new java.util.ArrayList<>();
			while (cells.find()) {
				texts.add(cells.group(1));
			}
			if (texts.size() > index) {
				values.add(Long.valueOf(texts.get(index)));
			}
		}
		return values;
	}

	private TestUsers testUsers() {
		return new TestUsers(this.users, this.grants);
	}

}
