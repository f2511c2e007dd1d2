package app.vsxi.dashboard.gateway;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import app.vsxi.dashboard.simulator.SimulatedVsxi;
import app.vsxi.dashboard.simulator.SimulatorProperties;
import app.vsxi.dashboard.simulator.StatsGeneration;
import app.vsxi.dashboard.support.GatewayParts;

import static org.assertj.core.api.Assertions.assertThat;

/** The gateway against simulated VSXi boxes over real HTTPS. */
class StatsReadsTests {

	private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(1);

	private static SimulatedVsxi older;

	private static SimulatedVsxi newer;

	private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

	private final GatewayParts gateway = GatewayParts.of(
			GatewayProperties.of(CONNECT_TIMEOUT, Duration.ofSeconds(3), 4), this.meters);

	@BeforeAll
	static void startBoxes() {
		older = new SimulatedVsxi("gw-older", 0, properties(StatsGeneration.OLDER)).start();
		newer = new SimulatedVsxi("gw-newer", 0, properties(StatsGeneration.NEWER)).start();
	}

	@AfterAll
	static void stopBoxes() {
		older.stop();
		newer.stop();
	}

	@AfterEach
	void closeGateway() {
		this.gateway.destroy();
	}

	@ParameterizedTest
	@EnumSource(StatsGeneration.class)
	void realtimeStatsAreReadIntoTypedValuesInBothDumpGenerations(StatsGeneration generation) {
		SimulatedVsxi box = generation == StatsGeneration.OLDER ? older : newer;
		GatewayResult<RealtimeStats> result = this.gateway.stats().realtimeStats(endpoint(box, "admin", "admin")).block();

		assertThat(result).isInstanceOf(GatewayResult.Ok.class);
		RealtimeStats stats = result.okValue().orElseThrow();
		assertThat(stats.haState()).isEqualTo("active");
		assertThat(stats.maxSessionsAllowed()).isEqualTo(19750);
		assertThat(stats.maxCpsAllowed()).isEqualTo(10000);
		assertThat(stats.activeSessions()).isBetween(0L, stats.maxSessionsAllowed());
		assertThat(stats.attemptedSessions()).isGreaterThan(0);
		assertThat(stats.peakActiveSessions()).isGreaterThanOrEqualTo(stats.activeSessions());
		assertThat(stats.systemStat()).containsKeys("sum_active_session", "ha_pre_state", "current_cps");
	}

	@Test
	void systemInfoGivesTheHardwareUptimeFromTheFourthLine() {
		GatewayResult<SystemInfo> result = this.gateway.stats().systemInfo(endpoint(older, "admin", "admin")).block();

		SystemInfo info = result.okValue().orElseThrow();
		assertThat(info.hardwareUptime()).matches("(\\d+ years? )?(\\d+ months? )?\\d+ days? \\d\\d:\\d\\d:\\d\\d");
		assertThat(info.lines()).containsEntry("Host Name", "gw-older");
	}

	@Test
	void wrongPasswordIsATypedNotAuthorizedErrorWithTheBoxText() {
		GatewayResult<RealtimeStats> result = this.gateway.stats().realtimeStats(endpoint(older, "admin", "wrong")).block();

		assertThat(result).isInstanceOf(GatewayResult.Failed.class);
		GatewayError error = result.failure().orElseThrow();
		assertThat(error).isEqualTo(
				new GatewayError.NotAuthorized("401 Fail - User Not Authorized: invalid user password"));
		assertThat(error.message()).startsWith("Not authorized");
	}

	@Test
	void unknownUserIsNotAuthorizedWithTheOtherText() {
		GatewayResult<RealtimeStats> result = this.gateway.stats().realtimeStats(endpoint(older, "nobody", "x")).block();

		assertThat(result.failure().orElseThrow()).isEqualTo(new GatewayError.NotAuthorized(
				"401 Fail - User Not Authorized: Invalid username or no read/write permissions."));
	}

	@Test
	void aPortWithNothingListeningIsUnreachableWithinTheConnectTimeout() throws IOException {
		SbcEndpoint nothing = new SbcEndpoint(99, "nothing", URI.create("https://127.0.0.1:" + closedPort()), "admin",
				"admin", older.certificateFingerprint());

		// block() with the timeout fails the test if the gateway takes longer than it was configured to wait: a
		// connect timeout per attempt, and the read retries' back-off (0.5 s, then 1 s) between them
		GatewayResult<RealtimeStats> result = this.gateway.stats().realtimeStats(nothing)
			.block(CONNECT_TIMEOUT.multipliedBy(3).plusMillis(1500));

		GatewayError error = result.failure().orElseThrow();
		assertThat(error).isInstanceOf(GatewayError.Unreachable.class);
		assertThat(error.message()).contains("connection refused");
	}

	@Test
	void anSbcThatKeepsFailingIsPausedInsteadOfCalledAgainAndAgain() throws IOException {
		SbcEndpoint dead = new SbcEndpoint(98, "dead", URI.create("https://127.0.0.1:" + closedPort()), "admin",
				"admin", older.certificateFingerprint());
		assertThat(this.gateway.stats().realtimeStats(dead).block().failure().orElseThrow())
			.isInstanceOf(GatewayError.Unreachable.class);

		int calls = 1;
		GatewayError error;
		do {
			error = this.gateway.stats().realtimeStats(dead).block().failure().orElseThrow();
			calls++;
		}
		while (!(error instanceof GatewayError.CircuitOpen) && calls < 10);

		// five failed attempts (reads are tried twice) open the circuit
		assertThat(error).isInstanceOf(GatewayError.CircuitOpen.class);
		assertThat(calls).isLessThanOrEqualTo(3);
		// another SBC is not affected by the dead one's circuit
		assertThat(this.gateway.stats().realtimeStats(endpoint(older, "admin", "admin")).block()).isInstanceOf(GatewayResult.Ok.class);
	}

	@Test
	void aRefusedPasswordIsNotRetriedAndDoesNotOpenTheCircuit() {
		for (int i = 0; i < 6; i++) {
			this.gateway.stats().realtimeStats(endpoint(older, "admin", "wrong")).block();
		}

		// an answer about the request is not trouble with the SBC: the circuit stays closed
		assertThat(this.gateway.stats().realtimeStats(endpoint(older, "admin", "wrong")).block().failure().orElseThrow())
			.isInstanceOf(GatewayError.NotAuthorized.class);
	}

	@Test
	void anSbcWithoutAConfirmedCertificateIsNotCalled() {
		SbcEndpoint unconfirmed = new SbcEndpoint(7, "new", URI.create(older.baseUrl()), "admin", "admin", null);
		long before = older.requestCounts().getOrDefault("stats/realtime", 0L);

		GatewayResult<RealtimeStats> result = this.gateway.stats().realtimeStats(unconfirmed).block();

		assertThat(result.failure().orElseThrow())
			.isInstanceOf(GatewayError.CertificateNotConfirmed.class);
		assertThat(older.requestCounts().getOrDefault("stats/realtime", 0L)).isEqualTo(before);
	}

	@Test
	void anotherCertificateThanThePinnedOneIsRefusedAndNamed() {
		SbcEndpoint pinnedToOther = new SbcEndpoint(8, "older", URI.create(older.baseUrl()), "admin", "admin",
				newer.certificateFingerprint());

		GatewayResult<RealtimeStats> result = this.gateway.stats().realtimeStats(pinnedToOther).block();

		assertThat(result.failure().orElseThrow()).isEqualTo(
				new GatewayError.CertificateChanged(older.certificateFingerprint(), newer.certificateFingerprint()));
	}

	@Test
	void everyCallIsTimedPerSbcCommandAndOutcome() {
		this.gateway.stats().realtimeStats(endpoint(older, "admin", "admin")).block();
		this.gateway.stats().realtimeStats(endpoint(older, "admin", "wrong")).block();

		assertThat(this.meters.get("vsxi.gateway.requests").tag("sbc", "gw-older").tag("outcome", "Ok").timer().count())
			.isEqualTo(1);
		assertThat(this.meters.get("vsxi.gateway.requests").tag("outcome", "NotAuthorized").timer().count())
			.isEqualTo(1);
	}

	@Test
	void probeReadsThePresentedCertificateWithoutSendingAnything() {
		long before = older.requestCounts().values().stream().mapToLong(Long::longValue).sum();

		GatewayResult<String> presented = this.gateway.exchange().presentedCertificate(URI.create(older.baseUrl()));

		assertThat(presented).isEqualTo(GatewayResult.ok(older.certificateFingerprint()));
		assertThat(older.requestCounts().values().stream().mapToLong(Long::longValue).sum()).isEqualTo(before);
	}

	private static int closedPort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

	private static SbcEndpoint endpoint(SimulatedVsxi box, String username, String password) {
		return new SbcEndpoint(box.port(), box.name(), URI.create(box.baseUrl()), username, password,
				box.certificateFingerprint());
	}

	private static SimulatorProperties properties(StatsGeneration generation) {
		return new SimulatorProperties("admin", "admin", "127.0.0.1", generation);
	}

}
