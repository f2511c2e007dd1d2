package app.vsxi.dashboard.gateway;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import app.vsxi.dashboard.support.FakeSbc;
import app.vsxi.dashboard.support.GatewayParts;
import app.vsxi.dashboard.support.TestCa;

import static app.vsxi.dashboard.gateway.GatewayCommandsTests.failed;
import static app.vsxi.dashboard.gateway.GatewayCommandsTests.ok;
import static org.assertj.core.api.Assertions.assertThat;

/** SBCs whose certificates a configured CA signed, the other way to trust a box besides a pinned fingerprint. */
class GatewayTrustTests {

	private static final String TABLE = "<XBResourceList><XBResource><trunkId>1</trunkId></XBResource></XBResourceList>";

	@TempDir
	Path directory;

	@Test
	void aCertificateTheConfiguredCaSignedForTheHostIsTrustedWithoutAPin() throws Exception {
		TestCa ca = new TestCa("NOC CA");
		try (FakeSbc sbc = FakeSbc.signedBy(ca, "127.0.0.1", (m, p, b) -> FakeSbc.Answer.text(200, TABLE))) {
			GatewayParts gateway = gateway(ca.writePem(this.directory.resolve("ca.pem")));

			assertThat(ok(gateway.tables().download(byCa(sbc), VsxiTable.RESOURCE)).rows()).hasSize(1);
			gateway.destroy();
		}
	}

	@Test
	void aCertificateAnotherCaSignedIsRefused() throws Exception {
		TestCa ours = new TestCa("NOC CA");
		TestCa theirs = new TestCa("Someone else");
		try (FakeSbc sbc = FakeSbc.signedBy(theirs, "127.0.0.1", (m, p, b) -> FakeSbc.Answer.text(200, TABLE))) {
			GatewayParts gateway = gateway(ours.writePem(this.directory.resolve("ca.pem")));

			GatewayError error = failed(gateway.tables().download(byCa(sbc), VsxiTable.RESOURCE));

			assertThat(error).isInstanceOf(GatewayError.TlsFailure.class);
			assertThat(error.message()).contains("not signed by the configured CA");
			assertThat(sbc.received()).isEmpty();
			gateway.destroy();
		}
	}

	@Test
	void aCertificateForAnotherHostIsRefusedEvenFromTheRightCa() throws Exception {
		TestCa ca = new TestCa("NOC CA");
		try (FakeSbc sbc = FakeSbc.signedBy(ca, "sbc-9.example.net", (m, p, b) -> FakeSbc.Answer.text(200, TABLE))) {
			GatewayParts gateway = gateway(ca.writePem(this.directory.resolve("ca.pem")));

			assertThat(failed(gateway.tables().download(byCa(sbc), VsxiTable.RESOURCE))).isInstanceOf(GatewayError.TlsFailure.class);
			assertThat(sbc.received()).isEmpty();
			gateway.destroy();
		}
	}

	@Test
	void withoutAConfiguredCaNothingIsSent() throws Exception {
		TestCa ca = new TestCa("NOC CA");
		try (FakeSbc sbc = FakeSbc.signedBy(ca, "127.0.0.1", (m, p, b) -> FakeSbc.Answer.text(200, TABLE))) {
			GatewayParts gateway = GatewayParts.of(GatewayProperties.of(Duration.ofSeconds(2), Duration.ofSeconds(2), 2),
					new SimpleMeterRegistry());

			assertThat(failed(gateway.tables().download(byCa(sbc), VsxiTable.RESOURCE)).message()).contains("trusted-ca-file");
			assertThat(sbc.received()).isEmpty();
			gateway.destroy();
		}
	}

	@Test
	void aSlaveNamesItsPairedMasterInTheError() throws Exception {
		try (FakeSbc slave = new FakeSbc((m, p, b) -> FakeSbc.Answer.text(402,
				"402 Fail - This action is not allowed while system is in Load-Balance Slave mode"))) {
			GatewayParts gateway = GatewayParts.of(GatewayProperties.of(Duration.ofSeconds(2), Duration.ofSeconds(2), 2),
					new SimpleMeterRegistry());
			SbcEndpoint paired = new SbcEndpoint(5, "nyc-2", URI.create(slave.baseUrl()), "api", "pw",
					slave.fingerprint(), SbcTrust.PINNED_CERTIFICATE, "nyc-1");

			GatewayError error = failed(gateway.tables().update(paired, VsxiTable.RESOURCE,
					new TableDocument("XBResourceList", "XBResource", java.util.List.of())));

			assertThat(error).isInstanceOf(GatewayError.SlaveMode.class);
			assertThat(error.message()).endsWith("make them on its master nyc-1");
			gateway.destroy();
		}
	}

	private static GatewayParts gateway(Path caFile) {
		return GatewayParts.of(GatewayProperties.of(Duration.ofSeconds(2), Duration.ofSeconds(2), 2)
			.withTrustedCaFile(caFile.toString()), new SimpleMeterRegistry());
	}

	private static SbcEndpoint byCa(FakeSbc sbc) {
		return new SbcEndpoint(sbc.hashCode(), "ca-sbc", URI.create(sbc.baseUrl()), "api", "pw", null,
				SbcTrust.CERTIFICATE_AUTHORITY, null);
	}

}
