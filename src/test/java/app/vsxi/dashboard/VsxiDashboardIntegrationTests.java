package app.vsxi.dashboard;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;

import app.vsxi.dashboard.demo.DemoFleet;
import app.vsxi.dashboard.fleet.ConnectionTest;
import app.vsxi.dashboard.fleet.FleetService;
import app.vsxi.dashboard.fleet.SbcConnections;
import app.vsxi.dashboard.fleet.Sbc;
import app.vsxi.dashboard.fleet.SbcForm;
import app.vsxi.dashboard.fleet.SbcRepository;
import app.vsxi.dashboard.monitoring.SbcStatus;
import app.vsxi.dashboard.monitoring.StatusBoard;
import app.vsxi.dashboard.simulator.SimulatedVsxi;
import app.vsxi.dashboard.support.SameApplication;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.test.context.support.TestExecutionEvent;
import org.springframework.security.test.context.support.WithUserDetails;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The whole dashboard against its simulated demo fleet, over real HTTPS to the simulated boxes. */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles({ "demo", "test" })
@WithUserDetails(value = "admin", setupBefore = TestExecutionEvent.TEST_METHOD)
@ResourceLock(providers = SameApplication.class)
class VsxiDashboardIntegrationTests {

	private static final String PASSWORD = "Ano7her-S3cret";

	@Autowired
	MockMvc mvc;

	@Autowired
	FleetService fleet;

	@Autowired
	SbcConnections connections;

	@Autowired
	DemoFleet demo;

	@Autowired
	StatusBoard board;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	SbcRepository sbcs;

	@Test
	void theDemoFleetIsRegisteredAndPolledIntoTheStatusBoard() {
		assertThat(this.fleet.visible()).extracting(Sbc::name).contains("demo-sbc-1", "demo-sbc-2", "demo-sbc-3");

		await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(this.board.all())
			.filteredOn(status -> status.name().startsWith("demo-sbc-"))
			.hasSize(3)
			.allSatisfy(status -> {
				assertThat(status.state()).isEqualTo(SbcStatus.State.UP);
				assertThat(status.stats().haState()).isEqualTo("active");
				assertThat(status.uptime()).contains("day");
			}));
	}

	@Test
	void eachSbcIsPolledOncePerIntervalHoweverManyPagesAreOpen() throws Exception {
		SimulatedVsxi box = this.demo.box("demo-sbc-3");
		long started = System.nanoTime();
		long before = box.requestCounts().getOrDefault("stats/realtime", 0L);
		for (int i = 0; i < 30; i++) {
			this.mvc.perform(get("/overview/rows")).andExpect(status().isOk());
		}
		long after = box.requestCounts().getOrDefault("stats/realtime", 0L);
		long intervals = Duration.ofNanos(System.nanoTime() - started).toMillis() / 1000 + 1;

		// 30 page refreshes cost the SBC one poll per 1 s interval that passed meanwhile (plus one under way), never
		// one per page: bounded by the time the loop took, so a slow shared machine cannot turn it red
		assertThat(after - before).isLessThanOrEqualTo(intervals + 1).isLessThan(30);
	}

	@Test
	void passwordsAreSealedInTheDatabaseAndNeverRenderedOnTheEditPage() throws Exception {
		Sbc sbc = this.fleet.create(form("lab-secret", this.demo.box("demo-sbc-1").baseUrl(), PASSWORD));

		String column = this.jdbc.queryForObject("SELECT password_cipher FROM sbc WHERE id = ?", String.class, sbc.id());
		assertThat(column).doesNotContain(PASSWORD);

		this.mvc.perform(get("/admin/sbcs/" + sbc.id()))
			.andExpect(status().isOk())
			.andExpect(content().string(not(containsString(PASSWORD))))
			.andExpect(content().string(not(containsString(column))));
		this.sbcs.deleteById(sbc.id());
	}

	@Test
	void testConnectionAsksToConfirmTheCertificateThenConnectsOverIt() {
		SimulatedVsxi box = this.demo.box("demo-sbc-2");
		Sbc sbc = this.fleet.create(form("lab-confirm", box.baseUrl(), "admin"));

		ConnectionTest first = this.connections.test(sbc.id());
		assertThat(first.outcome()).isEqualTo(ConnectionTest.Outcome.CERTIFICATE_TO_CONFIRM);
		assertThat(first.presentedFingerprint()).isEqualTo(box.certificateFingerprint());

		ConnectionTest trusted = this.connections.trust(sbc.id(), first.presentedFingerprint());
		assertThat(trusted.outcome()).isEqualTo(ConnectionTest.Outcome.OK);
		assertThat(trusted.haState()).isEqualTo("active");
		assertThat(this.fleet.get(sbc.id()).certificateFingerprint()).isEqualTo(box.certificateFingerprint());
		this.fleet.delete(sbc.id());
	}

	@Test
	void anSbcRegisteredTwiceAtOneAddressIsPointedOut() {
		Sbc twin = this.fleet.create(form("lab-twin", this.demo.box("demo-sbc-3").baseUrl(), "admin"));

		assertThat(this.fleet.sameAddressAs(twin)).extracting(Sbc::name).containsExactly("demo-sbc-3");
		this.fleet.delete(twin.id());
	}

	@Test
	void aFingerprintTheSbcDoesNotPresentIsNeverPinned() {
		Sbc sbc = this.fleet.create(form("lab-mismatch", this.demo.box("demo-sbc-2").baseUrl(), "admin"));

		ConnectionTest refused = this.connections.trust(sbc.id(), this.demo.box("demo-sbc-1").certificateFingerprint());

		assertThat(refused.outcome()).isEqualTo(ConnectionTest.Outcome.FAILED);
		assertThat(this.fleet.get(sbc.id()).certificateFingerprint()).isNull();
		this.fleet.delete(sbc.id());
	}

	@Test
	void thePrometheusEndpointShowsGatewayTimingsToAdministrators() throws Exception {
		await().atMost(Duration.ofSeconds(10))
			.pollInSameThread()
			.untilAsserted(() -> this.mvc.perform(get("/actuator/prometheus"))
				.andExpect(status().isOk())
				.andExpect(content().string(containsString("vsxi_gateway_requests_seconds_count"))));
	}

	@Test
	void pagesCarryAStrictContentSecurityPolicy() throws Exception {
		this.mvc.perform(get("/overview"))
			.andExpect(status().isOk())
			.andExpect(result -> assertThat(result.getResponse().getHeader("Content-Security-Policy"))
				.contains("script-src 'self'")
				.doesNotContain("unsafe-inline"));
	}


	private static SbcForm form(String name, String address, String password) {
		SbcForm form = new SbcForm();
		form.setName(name);
		form.setAddress(address);
		form.setUsername("admin");
		form.setPassword(password);
		form.setSiteLabel("Lab");
		form.setGroupId(1L);
		return form;
	}


}
