package app.vsxi.dashboard.simulator;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;

import javax.net.ssl.SSLSocket;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import app.vsxi.dashboard.VsxiDashboardApplication;
import app.vsxi.dashboard.gateway.GatewayProperties;
import app.vsxi.dashboard.gateway.GatewayResult;
import app.vsxi.dashboard.gateway.RealtimeStats;
import app.vsxi.dashboard.gateway.SbcEndpoint;
import app.vsxi.dashboard.support.CurlTls;
import app.vsxi.dashboard.support.GatewayParts;
import app.vsxi.dashboard.support.StartEarly;

import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/** The jar started with the simulator profile is one simulated VSXi and nothing else. */
@StartEarly
class StandaloneSimulatorTests {

	@Test
	void theSimulatorProfileServesOneBoxOnServerPortWithConfiguredCredentials(@TempDir Path data) throws IOException {
		int port = freePort();
		try (ConfigurableApplicationContext context = SpringApplication.run(VsxiDashboardApplication.class,
				"--spring.profiles.active=simulator", "--server.port=" + port, "--vsxi.data-dir=" + data, "--vsxi.simulator.username=lab",
				"--vsxi.simulator.password=lab-pass", "--vsxi.simulator.bind-address=127.0.0.1")) {

			assertThat(context.getBeanNamesForType(javax.sql.DataSource.class)).isEmpty();
			assertThat(context.getBeanNamesForType(app.vsxi.dashboard.fleet.FleetService.class)).isEmpty();

			GatewayParts gateway = GatewayParts.of(GatewayProperties.of(Duration.ofSeconds(2), Duration.ofSeconds(5), 2),
					new SimpleMeterRegistry());
			URI base = URI.create("https://127.0.0.1:" + port);
			String fingerprint = ((GatewayResult.Ok<String>) gateway.exchange().presentedCertificate(base)).value();
			GatewayResult<RealtimeStats> stats = gateway.stats().realtimeStats(new SbcEndpoint(1, "standalone", base, "lab", "lab-pass", fingerprint))
				.block();
			GatewayResult<RealtimeStats> refused = gateway.stats().realtimeStats(new SbcEndpoint(1, "standalone", base, "admin", "admin", fingerprint))
				.block();
			gateway.destroy();

			assertThat(stats).isInstanceOf(GatewayResult.Ok.class);
			assertThat(refused).isInstanceOf(GatewayResult.Failed.class);
			assertThat(context.getBean(SimulatedVsxi.class).requestCounts()).containsEntry("stats/realtime", 1L);
		}
	}

	@Test
	void theStandaloneBoxServesTheTablesAndItsAdminEndpointsWithSeededRoutes(@TempDir Path data) throws IOException {
		int port = freePort();
		try (ConfigurableApplicationContext context = SpringApplication.run(VsxiDashboardApplication.class,
				"--spring.profiles.active=simulator", "--server.port=" + port, "--vsxi.data-dir=" + data, "--vsxi.simulator.bind-address=127.0.0.1",
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

	/**
	 * In a JVM of its own, as it runs in a lab: the box goes down for two seconds, the process lives on, the port
	 * opens again with the same certificate, and a restart of the process keeps that certificate too.
	 */
	@Test
	void aStandaloneBoxSurvivesDownSecondsAndKeepsItsCertificateAcrossRestarts(@TempDir Path data) throws Exception {
		int port = freePort();
		Process first = standalone(port, data);
		try {
			String fingerprint = awaitFingerprint(port);
			SimulatorClient client = new SimulatorClient("https://127.0.0.1:" + port, "admin", "admin");
			assertThat(client.text("POST", VsxiConventions.FAULTS_PATH, "{\"downSeconds\":2}")).contains("latencyMillis");

			Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> fingerprintOrNull(port) == null);
			assertThat(awaitFingerprint(port)).isEqualTo(fingerprint);
			assertThat(first.isAlive()).isTrue();
			assertThat(client.get("stats/realtime").statusCode()).isEqualTo(200);
			first.destroy();
			assertThat(first.waitFor(30, TimeUnit.SECONDS)).isTrue();

			Process second = standalone(port, data);
			try {
				assertThat(awaitFingerprint(port)).isEqualTo(fingerprint);
			}
			finally {
				second.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
			}
		}
		finally {
			first.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
		}
	}

	@Test
	void aKeptCertificateIsReadBackAndAFreshOneIsMadeOnlyWhenAskedFor(@TempDir Path data) {
		Path keystore = data.resolve("simulator/box.p12");

		String made = SelfSignedCertificate.stored(keystore, "secret", "box", false).sha256Fingerprint();
		String readBack = SelfSignedCertificate.stored(keystore, "secret", "box", false).sha256Fingerprint();
		String fresh = SelfSignedCertificate.stored(keystore, "secret", "box", true).sha256Fingerprint();

		assertThat(readBack).isEqualTo(made);
		assertThat(fresh).isNotEqualTo(made);
		assertThat(SelfSignedCertificate.stored(keystore, "secret", "box", false).sha256Fingerprint()).isEqualTo(fresh);
	}

	private static Process standalone(int port, Path data) throws IOException {
		String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
		return new ProcessBuilder(List.of(java, "-Xmx256m", "-cp", System.getProperty("java.class.path"),
				VsxiDashboardApplication.class.getName(), "--spring.profiles.active=simulator", "--server.port=" + port,
				"--vsxi.data-dir=" + data, "--logging.level.root=WARN"))
			.redirectErrorStream(true)
			.redirectOutput(data.resolve("simulator.log").toFile())
			.start();
	}

	private static String awaitFingerprint(int port) {
		return Awaitility.await()
			.atMost(Duration.ofSeconds(90))
			.pollInterval(Duration.ofMillis(250))
			.until(() -> fingerprintOrNull(port), fingerprint -> fingerprint != null);
	}

	/** SHA-256 of the certificate the port presents, or null while nothing listens there. */
	private static String fingerprintOrNull(int port) {
		try (SSLSocket socket = (SSLSocket) CurlTls.acceptAnything().getSocketFactory().createSocket("127.0.0.1", port)) {
			socket.startHandshake();
			byte[] certificate = socket.getSession().getPeerCertificates()[0].getEncoded();
			return HexFormat.ofDelimiter(":").withUpperCase()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(certificate));
		}
		catch (IOException ex) {
			return null;
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

}
