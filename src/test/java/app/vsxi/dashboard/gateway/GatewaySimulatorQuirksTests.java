package app.vsxi.dashboard.gateway;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import reactor.core.publisher.Mono;

import app.vsxi.dashboard.simulator.Quirks;
import app.vsxi.dashboard.simulator.SimulatedVsxi;
import app.vsxi.dashboard.support.GatewayParts;
import app.vsxi.dashboard.support.SimulatedBox;

import static app.vsxi.dashboard.gateway.GatewayFidelityTests.failed;
import static app.vsxi.dashboard.gateway.GatewayFidelityTests.ok;
import static org.assertj.core.api.Assertions.assertThat;

/** The gateway survives each switch the simulator offers for what real boxes do. */
class GatewaySimulatorQuirksTests {

	private static SimulatedVsxi box;

	private final GatewayParts gateway = GatewayParts.of(
			GatewayProperties.of(Duration.ofSeconds(2), Duration.ofSeconds(5), 4).withReadRetries(2, Duration.ofMillis(300)),
			new SimpleMeterRegistry());

	@BeforeAll
	static void start() {
		box = SimulatedBox.start("gw-quirks");
	}

	@AfterAll
	static void stop() {
		box.stop();
	}

	@AfterEach
	void reset() {
		box.quirks(Quirks.DEFAULTS);
		box.slaveMode(false);
		this.gateway.destroy();
	}

	@Test
	void twoPollRequestsLandingTogetherBothSucceed() {
		box.quirks(Map.of("overlapMillis", 100));

		var both = Mono.zip(this.gateway.stats().realtimeStats(sbc()), this.gateway.stats().systemInfo(sbc())).block(Duration.ofSeconds(30));

		assertThat(both.getT1().isOk()).as("%s", both.getT1()).isTrue();
		assertThat(both.getT2().isOk()).as("%s", both.getT2()).isTrue();
	}

	@ParameterizedTest
	@ValueSource(strings = { "tablelessAnswers", "recursionAnswers" })
	void dumpsWithoutTheirTablesAreAskedForAgain(String quirk) {
		box.quirks(Map.of(quirk, 2));

		assertThat(ok(this.gateway.stats().realtimeStats(sbc())).maxSessionsAllowed()).isPositive();
	}

	@Test
	void jsonTheBoxCannotMakeIsReadAsXml() {
		box.quirks(Map.of("jsonFailAbove", 1));

		assertThat(ok(this.gateway.stats().statsDump(sbc(), VsxiTable.RESOURCE))).containsKeys("ingress_stat", "gw_egress_stat");
		assertThat(ok(this.gateway.stats().realtimeStats(sbc())).maxSessionsAllowed()).isPositive();
	}

	@Test
	void codesInTheBodyUnderHttp200CountAsWhatTheySay() {
		box.quirks(Map.of("codeInBody", true));
		TableDocument mappings = ok(this.gateway.tables().download(sbc(), VsxiTable.DIGIT_MAPPING));
		Map<String, Object> missingAField = new LinkedHashMap<>(mappings.rows().get(0).fields());
		missingAField.remove("aniAction");

		assertThat(failed(this.gateway.tables().update(sbc(), VsxiTable.DIGIT_MAPPING, mappings.with(List.of(new TableRow(missingAField))))))
			.isInstanceOf(GatewayError.Rejected.class);
		assertThat(ok(this.gateway.tables().writeLarge(sbc(), VsxiAction.UPDATE_LARGE, VsxiTable.DIGIT_MAPPING, mappings.names(),
				List.of(new TableRow(missingAField)), Map.of()))).isInstanceOf(WriteOutcome.AppliedWithErrors.class);
		box.slaveMode(true);
		assertThat(failed(this.gateway.tables().update(sbc(), VsxiTable.DIGIT_MAPPING, mappings)))
			.isInstanceOf(GatewayError.SlaveMode.class);
	}

	@Test
	void anUntrustedHostSeesTheContainersRefusalAsPlainText() {
		box.quirks(Map.of("untrustedHost", true));

		GatewayError error = failed(this.gateway.stats().realtimeStats(sbc()));

		assertThat(error).isInstanceOf(GatewayError.NotAuthorized.class);
		assertThat(error.message()).doesNotContain("<").contains("Trusted Hosts");
	}

	@Test
	void aReadOnlyApiUserIsRefusedOnReadsTooWithTheHint() {
		GatewayError error = failed(this.gateway.stats().realtimeStats(sbc("monitor", "monitor")));

		assertThat(error).isInstanceOf(GatewayError.NotAuthorized.class);
		assertThat(error.message()).contains("read-write or greater UI privilege");
	}

	@Test
	void aBoxWithoutRestIsNamedAsSuch() {
		box.quirks(Map.of("noRest", true));

		assertThat(failed(this.gateway.stats().realtimeStats(sbc()))).isEqualTo(new GatewayError.NoRestApi());
	}

	@ParameterizedTest
	@ValueSource(booleans = { false, true })
	void perTrunkRowsJoinTheResourceStatsWhateverTypeTheIdsCome(boolean numbersAsText) {
		box.quirks(Map.of("dumpNumbersAsText", numbersAsText, "nilFields", true));

		RealtimeStats stats = ok(this.gateway.stats().realtimeStats(sbc()));
		List<String> trunks = ok(this.gateway.stats().statsDump(sbc(), VsxiTable.RESOURCE)).get("ingress_stat")
			.stream()
			.map(row -> TrunkRealtime.id(row.get("trunk_id")))
			.toList();

		assertThat(stats.trunks()).isNotEmpty();
		assertThat(stats.trunks()).filteredOn(TrunkRealtime::group).isNotEmpty();
		assertThat(stats.trunks()).allSatisfy(row -> assertThat(trunks).contains(row.trunkId()));
	}

	@Test
	void registrationsCarryTheirState() {
		List<TableRow> rows = ok(this.gateway.stats().statsList(sbc(), VsxiTable.SUB_STATS)).rows();

		assertThat(rows).isNotEmpty()
			.allSatisfy(row -> assertThat(Registration.from(row).state()).isIn("Authenticated", "Unauthenticated",
					"Blocked", "Pending"));
	}

	@ParameterizedTest
	@ValueSource(strings = { "COMMAND_TABLE", "POST_ONLY" })
	void largeActionsWorkWhicheverMethodTheBoxInsistsOn(String methods) {
		box.quirks(Map.of("largeMethods", methods));
		List<TableRow> routes = new ArrayList<>();

		TableZip.Summary summary = ok(this.gateway.tables().downloadLarge(sbc(), VsxiTable.ROUTE, routes::add));
		ok(this.gateway.tables().downloadLarge(sbc(), VsxiTable.ROUTE, row -> {
		}));
		TableRow gone = routes.get(routes.size() - 1);
		ok(this.gateway.tables().writeLarge(sbc(), VsxiAction.DELETE_LARGE, VsxiTable.ROUTE, summary.names(), List.of(gone), Map.of()));

		List<TableRow> after = new ArrayList<>();
		ok(this.gateway.tables().downloadLarge(sbc(), VsxiTable.ROUTE, after::add));
		assertThat(after).hasSize(routes.size() - 1).doesNotContain(gone);
		ok(this.gateway.tables().writeLarge(sbc(), VsxiAction.UPDATE_LARGE, VsxiTable.ROUTE, summary.names(), List.of(gone), Map.of()));
	}

	@Test
	void aLargeDownloadInChunksBringsEveryEntry() {
		List<TableRow> whole = ok(this.gateway.tables().download(sbc(), VsxiTable.ROUTE)).rows();
		box.quirks(Map.of("zipChunkEntries", 50));
		List<TableRow> chunked = new ArrayList<>();

		ok(this.gateway.tables().downloadLarge(sbc(), VsxiTable.ROUTE, chunked::add));

		assertThat(whole.size()).isGreaterThan(100);
		assertThat(chunked).containsExactlyInAnyOrderElementsOf(whole);
	}

	@Test
	void writesInEveryFormatPassABoxStrictAboutContentTypes() {
		box.quirks(Map.of("strictContentTypes", true));
		for (Format format : Format.values()) {
			TableDocument routes = ok(this.gateway.tables().download(sbc(), VsxiTable.ROUTE, format));
			TableDocument one = routes.with(List.of(routes.rows().get(0)));

			assertThat(ok(this.gateway.tables().update(sbc(), VsxiTable.ROUTE, one, format))).as("%s", format)
				.isInstanceOf(WriteOutcome.Applied.class);
			assertThat(ok(this.gateway.tables().writeLarge(sbc(), VsxiAction.UPDATE_LARGE, VsxiTable.ROUTE, format, one.names(),
					one.rows(), Map.of()))).as("zipped %s", format).isInstanceOf(WriteOutcome.Applied.class);
		}
	}

	private static SbcEndpoint sbc() {
		return sbc("admin", "admin");
	}

	private static SbcEndpoint sbc(String user, String password) {
		return new SbcEndpoint(user.hashCode(), box.name(), URI.create(box.baseUrl()), user, password,
				box.certificateFingerprint());
	}

}
