package app.vsxi.dashboard.gateway;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import app.vsxi.dashboard.support.FakeSbc;
import app.vsxi.dashboard.support.GatewayParts;

import static app.vsxi.dashboard.gateway.GatewayFidelityTests.failed;
import static app.vsxi.dashboard.gateway.GatewayFidelityTests.ok;
import static app.vsxi.dashboard.gateway.GatewayGoldenWireTests.answering;
import static app.vsxi.dashboard.gateway.GatewayGoldenWireTests.row;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * An HTTP 200 whose body leads with another VSXi code (reference §7 leaves open whether the status line carries
 * the code): 300 is a partial success, 402 the slave-mode refusal, 400 a refusal, for every kind of write and for
 * reads; never a plain success, never an unreadable document.
 */
class GatewayMismatchedAnswerTests {

	private static final String FINISHED_WITH_ERRORS = "300 Finished With Errors - Validation Errors were detected. "
			+ "Please see User Access Log file for details.";

	private static final String SLAVE = "402 Fail - This action is not allowed while system is in Load-Balance Slave mode";

	private final GatewayParts gateway = GatewayParts.of(GatewayProperties.of(Duration.ofSeconds(5), Duration.ofSeconds(5), 4)
		.withReadRetries(1, Duration.ofMillis(10)), new SimpleMeterRegistry());

	@AfterEach
	void close() {
		this.gateway.destroy();
	}

	@Test
	void a300UnderHttp200IsAPartialSuccessCarryingTheBoxsWords() throws Exception {
		try (FakeSbc fake = answering(FINISHED_WITH_ERRORS)) {
			WriteOutcome plain = ok(this.gateway.tables().update(endpoint(fake, null), VsxiTable.ROUTEGROUP, groups()));
			WriteOutcome large = ok(this.gateway.tables().writeLarge(endpoint(fake, null), VsxiAction.UPDATE_LARGE,
					VsxiTable.ROUTE, VsxiTable.ROUTE.names(), List.of(row("alias", "r")), Map.of()));

			assertThat(plain).isEqualTo(new WriteOutcome.AppliedWithErrors(FINISHED_WITH_ERRORS));
			assertThat(large).isEqualTo(new WriteOutcome.AppliedWithErrors(FINISHED_WITH_ERRORS));
			assertThat(fake.requests()).hasSize(2);
		}
	}

	@Test
	void a300UnderHttp200NamingTheDiscardedEntriesCountsThem() throws Exception {
		try (FakeSbc fake = answering(FINISHED_WITH_ERRORS + "\nentry 2: invalid digitMatch\n\nentry 5: missing alias\n")) {
			WriteOutcome outcome = ok(this.gateway.tables().writeLarge(endpoint(fake, null), VsxiAction.UPDATE_LARGE,
					VsxiTable.ROUTE, VsxiTable.ROUTE.names(), List.of(row("alias", "r")), Map.of()));

			assertThat(outcome).isEqualTo(new WriteOutcome.AppliedWithErrors(FINISHED_WITH_ERRORS,
					List.of("entry 2: invalid digitMatch", "entry 5: missing alias")));
			assertThat(((WriteOutcome.AppliedWithErrors) outcome).details()).as("discarded entries named").hasSize(2);
		}
	}

	@Test
	void a300StatusLineIsThePartialSuccessToo() throws Exception {
		try (FakeSbc fake = new FakeSbc((method, path, body) -> FakeSbc.Answer.text(300, FINISHED_WITH_ERRORS))) {
			assertThat(ok(this.gateway.tables().update(endpoint(fake, null), VsxiTable.ROUTEGROUP, groups())))
				.isEqualTo(new WriteOutcome.AppliedWithErrors(FINISHED_WITH_ERRORS));
		}
	}

	@Test
	void a402UnderHttp200IsTheSlaveModeRefusalNamingTheMasterAndIsSentOnce() throws Exception {
		try (FakeSbc fake = answering(SLAVE)) {
			GatewayError error = failed(this.gateway.tables().update(endpoint(fake, "sbc-master"), VsxiTable.ROUTEGROUP, groups()));

			assertThat(error).isEqualTo(new GatewayError.SlaveMode(SLAVE, "sbc-master"));
			assertThat(error.message()).endsWith("make them on its master sbc-master");
			assertThat(fake.requests()).hasSize(1);
		}
	}

	@Test
	void a402UnderHttp200EndsAKillAndARegistrationDeleteWithoutARecount() throws Exception {
		try (FakeSbc fake = new FakeSbc((method, path, body) -> method.equals("DELETE") ? FakeSbc.Answer.text(200, SLAVE)
				: GatewayGoldenWireTests.json("{\"XBSubStatsList\":{\"XBSubStats\":[{\"id\":\"1\",\"username\":\"a\"}]}}"))) {
			assertThat(failed(this.gateway.removals().killByXml(endpoint(fake, null),
					List.of(row("ssm_index", "4", "callID", "a4@198.51.100.4")), java.util.Set.of("4|a4@198.51.100.4"))))
				.isEqualTo(new GatewayError.SlaveMode(SLAVE, null));
			assertThat(failed(this.gateway.removals().deleteRegistrations(endpoint(fake, null), List.of("1"), java.util.Set.of("1"))))
				.isEqualTo(new GatewayError.SlaveMode(SLAVE, null));

			// each: its delete only (the reads before it are the caller's)
			assertThat(fake.requests()).extracting(FakeSbc.Request::method).containsExactly("DELETE", "DELETE");
		}
	}

	@Test
	void a400UnderHttp200IsARefusalWithTheBoxsReasonWithoutItsNullLine() throws Exception {
		try (FakeSbc fake = answering("400 fail - validation exception\nnull\n")) {
			assertThat(failed(this.gateway.tables().update(endpoint(fake, null), VsxiTable.ROUTEGROUP, groups())))
				.isEqualTo(new GatewayError.Rejected("400 fail - validation exception"));
			assertThat(fake.requests()).hasSize(1);
		}
	}

	@Test
	void aReadAnsweredWithHttp200And400IsARefusalAndIsAskedAgain() throws Exception {
		try (FakeSbc fake = answering("400 fail - failed")) {
			assertThat(failed(this.gateway.tables().download(endpoint(fake, null), VsxiTable.ROUTEGROUP)))
				.isEqualTo(new GatewayError.Rejected("400 fail - failed"));
			assertThat(failed(this.gateway.stats().statsDump(endpoint(fake, null), VsxiTable.RESOURCE)))
				.isEqualTo(new GatewayError.Rejected("400 fail - failed"));
			// each read once more after the first refusal, as real boxes' passing 400s call for
			assertThat(fake.requests()).hasSize(4);
		}
	}

	@Test
	void aReadWhoseBodyIsNoDocumentAndNoCodeStaysUnreadable() throws Exception {
		try (FakeSbc fake = answering("hello")) {
			assertThat(failed(this.gateway.tables().download(endpoint(fake, null), VsxiTable.ROUTEGROUP)))
				.isInstanceOf(GatewayError.UnexpectedResponse.class)
				.extracting(GatewayError::message)
				.asString()
				.startsWith("Unexpected answer (HTTP 200): cannot read download/routegroup");
		}
	}

	private static TableDocument groups() {
		return new TableDocument(VsxiTable.ROUTEGROUP.names(), List.of(row("groupId", "1")));
	}

	private static SbcEndpoint endpoint(FakeSbc fake, String master) {
		return new SbcEndpoint(fake.hashCode(), "fake", URI.create(fake.baseUrl()), "admin", "admin", fake.fingerprint(),
				SbcTrust.PINNED_CERTIFICATE, master);
	}

}
