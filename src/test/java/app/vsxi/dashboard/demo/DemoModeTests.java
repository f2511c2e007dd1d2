package app.vsxi.dashboard.demo;

import app.vsxi.dashboard.cluster.SbcLeases;
import app.vsxi.dashboard.fleet.FleetService;
import app.vsxi.dashboard.support.SameApplication;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.env.MockEnvironment;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;

/** Demo mode cannot pass for production: loopback only, a banner on every page, never with the production database. */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles({ "demo", "test" })
@ResourceLock(providers = SameApplication.class)
class DemoModeTests {

	@Autowired
	Environment environment;

	@Autowired
	MockMvc mvc;

	@Autowired
	SbcLeases leases;

	@Autowired
	FleetService fleet;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void demoModeListensOnLoopbackUnlessToldOtherwise() {
		assertThat(this.environment.getProperty("server.address")).isEqualTo("127.0.0.1");
	}

	@Test
	void everyPageSaysItIsTheDemo() throws Exception {
		this.mvc.perform(get("/login")).andExpect(content().string(containsString("DEMO")));
	}

	@Test
	void theDemoIsOneInstanceThatPollsEveryBoxAndSharesNothingWithNoSetUp() {
		// the demo's three boxes, each leased to this instance alone once its first round ran
		org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30)).untilAsserted(() -> {
			assertThat(this.leases.current().members()).isEqualTo(1);
			assertThat(this.leases.current().fences()).hasSize(this.fleet.everySbc().size()).isNotEmpty();
		});
		assertThat(this.jdbc.queryForList("SELECT DISTINCT owner FROM sbc_lease", String.class))
			.containsExactly(this.leases.instanceId());
		// alone, it publishes nothing for others to read
		assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM sbc_poll", Integer.class)).isZero();
	}

	@Test
	void demoModeRefusesToStartBesideThePostgresProfile() {
		MockEnvironment production = new MockEnvironment();
		production.setActiveProfiles("demo", "postgres");

		assertThatIllegalStateException().isThrownBy(() -> DemoConfiguration.refuseProduction(production))
			.withMessageContaining("postgres");
	}

}
