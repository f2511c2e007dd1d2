package app.vsxi.dashboard.simulator;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import app.vsxi.dashboard.VsxiDashboardApplication;
import app.vsxi.dashboard.gateway.GatewayProperties;
import app.vsxi.dashboard.gateway.GatewayResult;
import app.vsxi.dashboard.gateway.RealtimeStats;
import app.vsxi.dashboard.gateway.SbcEndpoint;
import app.vsxi.dashboard.gateway.VsxiGateway;

import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/** The jar started with the simulator profile is one simulated VSXi and nothing else. */
class StandaloneSimulatorTests {

	@Test
	void theSimulatorProfileServesOneBoxOnServerPortWithConfiguredCredentials() throws IOException {
		int port = freePort();
		try (ConfigurableApplicationContext context = SpringApplication.run(VsxiDashboardApplication.class,
				"--spring.profiles.active=simulator", "--server.port=" + port, "--vsxi.simulator.username=lab",
				"--vsxi.simulator.password=lab-pass", "--vsxi.simulator.bind-address=127.0.0.1")) {

			assertThat(context.getBeanNamesForType(javax.sql.DataSource.class)).isEmpty();
			assertThat(context.getBeanNamesForType(app.vsxi.dashboard.fleet.FleetService.class)).isEmpty();

			VsxiGateway gateway = new VsxiGateway(GatewayProperties.of(Duration.ofSeconds(2), Duration.ofSeconds(5), 2),
					new SimpleMeterRegistry());
			URI base = URI.create("https://127.0.0.1:" + port);
			String fingerprint = ((GatewayResult.Ok<String>) gateway.presentedCertificate(base)).value();
			GatewayResult<RealtimeStats> stats = gateway
				.realtimeStats(new SbcEndpoint(1, "standalone", base, "lab", "lab-pass", fingerprint))
				.block();
			GatewayResult<RealtimeStats> refused = gateway
				.realtimeStats(new SbcEndpoint(1, "standalone", base, "admin", "admin", fingerprint))
				.block();
			gateway.destroy();

			assertThat(stats).isInstanceOf(GatewayResult.Ok.class);
			assertThat(refused).isInstanceOf(GatewayResult.Failed.class);
			assertThat(context.getBean(SimulatedVsxi.class).requestCounts()).containsEntry("stats/realtime", 1L);
		}
	}

	@Test
	void theStandaloneBoxServesTheTablesAndItsAdminEndpointsWithSeededRoutes() throws IOException {
		int port = freePort();
		try (ConfigurableApplicationContext context = SpringApplication.run(VsxiDashboardApplication.class,
				"--spring.profiles.active=simulator", "--server.port=" + port, "--vsxi.simulator.bind-address=127.0.0.1",
				"--vsxi.simulator.seed-routes=1234", "--vsxi.simulator.stats-generation=NEWER")) {
			SimulatedVsxi box = context.getBean(SimulatedVsxi.class);
			SimulatorClient client = new SimulatorClient(box, "admin", "admin");

			assertThat(client.getText("download/route?format=csv").lines().count()).isEqualTo(1 + 1234);
			assertThat(client.getText("stats/realtime")).contains("<table_data name=\"system_stat\">");
			assertThat(client.text("POST", VsxiConventions.FAULTS_PATH, "{\"slave\":true}")).contains("\"slave\":true");
			assertThat(client.send("POST", "update/routetable", client.get("download/routetable").body()).statusCode())
				.isEqualTo(402);
		}
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

}
