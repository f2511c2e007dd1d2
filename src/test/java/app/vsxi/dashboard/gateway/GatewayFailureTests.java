package app.vsxi.dashboard.gateway;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import reactor.core.Disposable;

import app.vsxi.dashboard.simulator.Faults;
import app.vsxi.dashboard.simulator.SimulatedVsxi;
import app.vsxi.dashboard.simulator.SimulatorProperties;
import app.vsxi.dashboard.simulator.StatsGeneration;
import app.vsxi.dashboard.support.FakeSbc;
import app.vsxi.dashboard.support.GatewayParts;
import app.vsxi.dashboard.support.StartEarly;

import static app.vsxi.dashboard.gateway.GatewayCommandsTests.failed;
import static app.vsxi.dashboard.gateway.GatewayCommandsTests.ok;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What goes wrong on the wire or in an answer becomes a typed error, from faults injected into simulated boxes
 * and from fake ones that answer what no well-behaved box would. No exception escapes.
 */
@StartEarly
class GatewayFailureTests {

	private static SimulatedVsxi faulty;

	private static SimulatedVsxi healthy;

	private final GatewayParts gateway = GatewayParts.of(
			GatewayProperties.of(Duration.ofSeconds(1), Duration.ofSeconds(1), 4), new SimpleMeterRegistry());

	@BeforeAll
	static void start() {
		SimulatorProperties properties = new SimulatorProperties("admin", "admin", "127.0.0.1", StatsGeneration.OLDER);
		faulty = new SimulatedVsxi("faulty", 0, properties).start();
		healthy = new SimulatedVsxi("healthy", 0, properties).start();
	}

	@AfterAll
	static void stop() {
		faulty.stop();
		healthy.stop();
	}

	@AfterEach
	void heal() {
		faulty.faults(Faults.NONE);
		this.gateway.destroy();
	}

	@Test
	void anAnswerSlowerThanTheReadTimeoutIsATimeout() {
		faulty.faults(new Faults(2_500, 0, false, false));

		assertThat(failed(this.gateway.stats().realtimeStats(endpoint(faulty)))).isInstanceOf(GatewayError.Timeout.class);
	}

	@Test
	void aConnectionClosedWithoutAnswerIsUnreachable() {
		faulty.faults(new Faults(0, 0, true, false));

		assertThat(failed(this.gateway.stats().realtimeStats(endpoint(faulty)))).isInstanceOf(GatewayError.Unreachable.class);
	}

	@Test
	void aTruncatedZipIsATypedFailure() {
		faulty.faults(new Faults(0, 0, false, true));

		GatewayError error = failed(this.gateway.tables().downloadLarge(endpoint(faulty), VsxiTable.ROUTE, row -> {
		}));

		assertThat(error).isInstanceOfAny(GatewayError.Unreachable.class, GatewayError.UnexpectedResponse.class);
	}

	@Test
	void statusCodesMapToTheirErrors() {
		faulty.faults(new Faults(0, 400, false, false));
		assertThat(failed(this.gateway.tables().download(endpoint(faulty), VsxiTable.RESOURCE))).isInstanceOf(GatewayError.Rejected.class);
		faulty.faults(new Faults(0, 402, false, false));
		assertThat(failed(this.gateway.tables().download(endpoint(faulty), VsxiTable.RESOURCE))).isInstanceOf(GatewayError.SlaveMode.class);
		faulty.faults(new Faults(0, 503, false, false));
		assertThat(failed(this.gateway.tables().download(endpoint(faulty), VsxiTable.RESOURCE)))
			.isInstanceOfSatisfying(GatewayError.UnexpectedResponse.class,
					unexpected -> assertThat(unexpected.status()).isEqualTo(503));
	}

	@Test
	void garbageInsteadOfXmlIsAnUnexpectedResponse() throws Exception {
		try (FakeSbc fake = new FakeSbc((method, path, body) -> FakeSbc.Answer.text(200, "<XBResourceList><XBRes"))) {
			GatewayError error = failed(this.gateway.tables().download(endpoint(fake), VsxiTable.RESOURCE));

			assertThat(error).isInstanceOf(GatewayError.UnexpectedResponse.class);
			assertThat(error.message()).contains("cannot read download/resource");
		}
	}

	@Test
	void anExternalEntityIsRefusedAndNeverFetched() throws Exception {
		String xxe = "<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY x SYSTEM \"file:///etc/hostname\">]>"
				+ "<XBResourceList><XBResource><name>&x;</name></XBResource></XBResourceList>";
		String hostname = java.nio.file.Files.readString(java.nio.file.Path.of("/etc/hostname")).strip();
		try (FakeSbc fake = new FakeSbc((method, path, body) -> FakeSbc.Answer.text(200, xxe))) {
			GatewayError error = failed(this.gateway.tables().download(endpoint(fake), VsxiTable.RESOURCE));

			assertThat(error).isInstanceOf(GatewayError.UnexpectedResponse.class);
			assertThat(error.message()).doesNotContain(hostname);
		}
	}

	@Test
	void aZipBombIsRefused() throws Exception {
		byte[] bomb = bomb();
		try (FakeSbc fake = new FakeSbc(
				(method, path, body) -> new FakeSbc.Answer(200, "application/octet-stream", bomb))) {
			GatewayError error = failed(this.gateway.tables().downloadLarge(endpoint(fake), VsxiTable.ROUTE, row -> {
			}));

			assertThat(error.message()).contains("zip bomb");
		}
	}

	@Test
	void fieldsTheDashboardDoesNotKnowAreSentBackUntouched() throws Exception {
		String download = "<DigitTranslationList><DigitTrans><alias>A</alias><tableId>1</tableId>"
				+ "<origAni>any</origAni><futureField>keep me</futureField><nested><x>1</x><x>2</x></nested>"
				+ "</DigitTrans></DigitTranslationList>";
		try (FakeSbc fake = new FakeSbc((method, path, body) -> path.endsWith("/download/digit_mapping")
				? FakeSbc.Answer.text(200, download) : FakeSbc.Answer.text(200, "200 OK"))) {
			TableDocument table = ok(this.gateway.tables().download(endpoint(fake), VsxiTable.DIGIT_MAPPING));
			TableRow edited = table.rows().get(0).with("origAni", "212");

			ok(this.gateway.tables().update(endpoint(fake), VsxiTable.DIGIT_MAPPING,
					new TableDocument(table.root(), table.item(), List.of(edited))));

			String sent = fake.received().get(fake.received().size() - 1);
			assertThat(sent).contains("<origAni>212</origAni><futureField>keep me</futureField>"
					+ "<nested><x>1</x><x>2</x></nested>");
		}
	}

	@Test
	void oneSlowSbcDoesNotSlowTheOthers() throws Exception {
		GatewayParts patient = GatewayParts.of(GatewayProperties.of(Duration.ofSeconds(2), Duration.ofSeconds(60), 4),
				new SimpleMeterRegistry());
		List<Disposable> stuck = new ArrayList<>();
		java.util.concurrent.atomic.AtomicInteger stuckDone = new java.util.concurrent.atomic.AtomicInteger();
		try {
			ok(patient.stats().realtimeStats(endpoint(healthy)));
			long before = faulty.requestCounts().getOrDefault("stats/realtime", 0L);
			faulty.faults(new Faults(60_000, 0, false, false));
			for (int i = 0; i < 8; i++) {
				stuck.add(patient.stats().realtimeStats(endpoint(faulty)).subscribe(result -> stuckDone.incrementAndGet()));
			}
			// the slow SBC holds the one call in its turn, the other seven wait in its queue
			for (int wait = 0; wait < 200 && faulty.requestCounts().getOrDefault("stats/realtime", 0L) < before + 1; wait++) {
				Thread.sleep(50);
			}
			assertThat(faulty.requestCounts().getOrDefault("stats/realtime", 0L)).isEqualTo(before + 1);

			// structural, not a ratio of timings: every call to the healthy SBC completes while the slow SBC still
			// holds all of its calls, so none of them waited behind those
			for (int i = 0; i < 30; i++) {
				ok(patient.stats().realtimeStats(endpoint(healthy)));
			}
			assertThat(stuckDone.get()).as("calls to the slow SBC finished meanwhile").isZero();
			assertThat(faulty.requestCounts().getOrDefault("stats/realtime", 0L)).as("sent to the slow SBC")
				.isEqualTo(before + 1);
		}
		finally {
			stuck.forEach(Disposable::dispose);
			patient.destroy();
		}
	}

	private static byte[] bomb() throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (ZipOutputStream zip = new ZipOutputStream(out)) {
			zip.putNextEntry(new ZipEntry("route.xml"));
			zip.write("<XBRouteList><XBRoute><alias>".getBytes(StandardCharsets.UTF_8));
			byte[] zeros = new byte[1024 * 1024];
			Arrays.fill(zeros, (byte) 'a');
			for (int i = 0; i < 64; i++) {
				zip.write(zeros);
			}
			zip.write("</alias></XBRoute></XBRouteList>".getBytes(StandardCharsets.UTF_8));
			zip.closeEntry();
		}
		return out.toByteArray();
	}

	private static SbcEndpoint endpoint(SimulatedVsxi box) {
		return new SbcEndpoint(box.port(), box.name(), URI.create(box.baseUrl()), "admin", "admin",
				box.certificateFingerprint());
	}

	private static SbcEndpoint endpoint(FakeSbc fake) {
		return new SbcEndpoint(fake.hashCode(), "fake", URI.create(fake.baseUrl()), "admin", "admin", fake.fingerprint());
	}


}
