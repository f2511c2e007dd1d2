package app.vsxi.dashboard.gateway;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

import app.vsxi.dashboard.simulator.SimulatedVsxi;
import app.vsxi.dashboard.simulator.SimulatorProperties;
import app.vsxi.dashboard.simulator.StatsGeneration;

import static org.assertj.core.api.Assertions.assertThat;

/** Every kind of command through the gateway against a simulated VSXi over HTTPS, in each listed format. */
class GatewayCommandsTests {

	private static SimulatedVsxi box;

	private final VsxiGateway gateway = new VsxiGateway(GatewayProperties.of(Duration.ofSeconds(2), Duration.ofSeconds(5), 4),
			new SimpleMeterRegistry());

	@BeforeAll
	static void start() {
		box = new SimulatedVsxi("gw-commands", 0, new SimulatorProperties("admin", "admin", "127.0.0.1",
				StatsGeneration.OLDER)).start();
	}

	@AfterAll
	static void stop() {
		box.stop();
	}

	@AfterEach
	void close() {
		box.slaveMode(false);
		this.gateway.destroy();
	}

	static Stream<Arguments> downloads() {
		List<Arguments> all = new ArrayList<>();
		for (String table : VsxiCommands.tables("download")) {
			all.add(Arguments.of(table, Format.XML));
			all.add(Arguments.of(table, Format.JSON));
		}
		return all.stream();
	}

	@ParameterizedTest(name = "download/{0} as {1}")
	@MethodSource("downloads")
	void everyTableDownloadsIntoEntriesWithTheirElementNames(String table, Format format) {
		TableDocument document = ok(this.gateway.download(sbc(), table, format));

		assertThat(document.root()).endsWith("List");
		assertThat(document.rows()).isNotEmpty().allSatisfy(row -> assertThat(row.fields()).isNotEmpty());
		assertThat(document.item()).isNotBlank();
	}

	@Test
	void xmlAndJsonDownloadsOfATableHoldTheSameEntries() {
		TableDocument xml = ok(this.gateway.download(sbc(), "digit_mapping", Format.XML));
		TableDocument json = ok(this.gateway.download(sbc(), "digit_mapping", Format.JSON));

		assertThat(json.root()).isEqualTo("DigitTranslationList");
		assertThat(json.item()).isEqualTo("DigitTrans");
		assertThat(json.rows()).extracting(row -> row.text("alias")).isEqualTo(xml.rows().stream().map(r -> r.text("alias")).toList());
	}

	@Test
	void routesDownloadAsCsvText() {
		String csv = ok(this.gateway.downloadText(sbc(), "route", Format.CSV));

		assertThat(csv.lines().findFirst().orElse("")).contains("alias", "tableId");
		assertThat(csv.lines().count()).isGreaterThan(1);
	}

	@Test
	void anUpdateOfOneFieldShowsExactlyThatChangeInTheNextDownload() {
		TableDocument before = ok(this.gateway.download(sbc(), "digit_mapping"));
		TableRow first = before.rows().get(0);
		TableRow changed = first.with("transDnis", "9995551234");

		WriteOutcome outcome = ok(this.gateway.update(sbc(), "digit_mapping",
				new TableDocument(before.root(), before.item(), List.of(changed))));

		assertThat(outcome).isInstanceOf(WriteOutcome.Applied.class);
		TableDocument after = ok(this.gateway.download(sbc(), "digit_mapping"));
		List<TableRow> expected = new ArrayList<>(before.rows());
		expected.set(0, changed);
		assertThat(after.rows()).containsExactlyInAnyOrderElementsOf(expected);
	}

	@Test
	void aLargeDownloadStreamsEveryRouteAndALargeUpdateChangesExactlyOne() {
		List<TableRow> routes = new ArrayList<>();
		TableZip.Summary summary = ok(this.gateway.downloadLarge(sbc(), "route", routes::add));
		assertThat(summary.rows()).isEqualTo(routes.size()).isGreaterThan(100);
		TableRow changed = routes.get(7).with("policy", routes.get(7).text("policy").equals("lcr") ? "top_down" : "lcr");

		WriteOutcome outcome = ok(this.gateway.writeLarge(sbc(), "updateLarge", "route", summary.root(), summary.item(),
				List.of(changed).iterator(), Map.of()));

		assertThat(outcome).isInstanceOf(WriteOutcome.Applied.class);
		List<TableRow> after = new ArrayList<>();
		ok(this.gateway.downloadLarge(sbc(), "route", after::add));
		List<TableRow> expected = new ArrayList<>(routes);
		expected.set(7, changed);
		assertThat(after).containsExactlyInAnyOrderElementsOf(expected);
	}

	@Test
	void aLargeWriteWithOneBadEntryAppliesTheRestAndSaysSo() {
		TableDocument mappings = ok(this.gateway.download(sbc(), "digit_mapping"));
		TableRow good = mappings.rows().get(1).with("transAni", "2125550000");
		Map<String, Object> missingAField = new java.util.LinkedHashMap<>(mappings.rows().get(2).fields());
		missingAField.remove("dnisAction");

		WriteOutcome outcome = ok(this.gateway.writeLarge(sbc(), "updateLarge", "digit_mapping", mappings.root(),
				mappings.item(), List.of(good, new TableRow(missingAField)).iterator(), Map.of()));

		assertThat(outcome).isInstanceOf(WriteOutcome.AppliedWithErrors.class);
		assertThat(outcome.vsxiMessage()).startsWith("300 Finished With Errors");
		assertThat(ok(this.gateway.download(sbc(), "digit_mapping")).rows()).contains(good);
	}

	@Test
	void aPlainWriteWithOneBadEntryIsRefusedWhole() {
		TableDocument mappings = ok(this.gateway.download(sbc(), "digit_mapping"));
		Map<String, Object> missingAField = new java.util.LinkedHashMap<>(mappings.rows().get(0).fields());
		missingAField.remove("aniAction");

		GatewayError error = failed(this.gateway.update(sbc(), "digit_mapping", new TableDocument(mappings.root(),
				mappings.item(), List.of(mappings.rows().get(1).with("transAni", "1"), new TableRow(missingAField)))));

		assertThat(error).isEqualTo(new GatewayError.Rejected("400 fail - validation exception"));
		assertThat(ok(this.gateway.download(sbc(), "digit_mapping"))).isEqualTo(mappings);
	}

	@Test
	void aQueryReturnsTheMatchingEntriesOnly() {
		TableDocument all = ok(this.gateway.download(sbc(), "route"));
		String alias = all.rows().get(3).text("alias");

		TableDocument found = ok(this.gateway.query(sbc(), "route", "alias like '%" + alias + "%'"));

		assertThat(found.rows()).isNotEmpty().allSatisfy(row -> assertThat(row.text("alias")).contains(alias));
		assertThat(failed(this.gateway.query(sbc(), "route", "alias like"))).isInstanceOf(GatewayError.Rejected.class);
	}

	@ParameterizedTest
	@EnumSource(StatsGeneration.class)
	void dumpStatsReadInBothGenerations(StatsGeneration generation) {
		box.statsGeneration(generation);
		try {
			assertThat(ok(this.gateway.statsDump(sbc(), "resource"))).containsKeys("ingress_stat", "gw_egress_stat");
			assertThat(ok(this.gateway.statsDump(sbc(), "resource_detail"))).isNotEmpty();
			assertThat(ok(this.gateway.statsDump(sbc(), "sip_stats"))).isNotEmpty();
		}
		finally {
			box.statsGeneration(StatsGeneration.OLDER);
		}
	}

	@Test
	void objectListStatsRead() {
		assertThat(ok(this.gateway.statsList(sbc(), "media_server")).item()).isEqualTo("XBMediaServerRealTimeStat");
		assertThat(ok(this.gateway.statsList(sbc(), "sub_stats")).root()).isEqualTo("XBSubStatsList");
		assertThat(ok(this.gateway.statsList(sbc(), "active_calls")).root()).isEqualTo("XBActiveCallsList");
	}

	@Test
	void killingCallsEndsExactlyThoseCalls() {
		List<TableRow> calls = ok(this.gateway.statsList(sbc(), "active_calls")).rows();
		assertThat(calls).hasSizeGreaterThan(2);
		List<TableRow> victims = calls.subList(0, 2);

		assertThat(ok(this.gateway.killCalls(sbc(), victims))).isInstanceOf(WriteOutcome.Applied.class);

		List<String> remaining = ok(this.gateway.statsList(sbc(), "active_calls")).rows()
			.stream()
			.map(call -> call.text("callID"))
			.toList();
		assertThat(remaining).doesNotContain(victims.get(0).text("callID"), victims.get(1).text("callID"))
			.contains(calls.get(2).text("callID"));
	}

	@Test
	void deletingARegistrationRemovesThatOneOnly() {
		List<TableRow> registrations = ok(this.gateway.statsList(sbc(), "sub_stats")).rows();
		assertThat(registrations).hasSizeGreaterThan(1);
		TableRow target = registrations.get(0);

		ok(this.gateway.deleteRegistrations(sbc(), List.of(Map.of("id", target.text("id")))));

		List<String> ids = ok(this.gateway.statsList(sbc(), "sub_stats")).rows().stream().map(r -> r.text("id")).toList();
		assertThat(ids).doesNotContain(target.text("id")).contains(registrations.get(1).text("id"));
		assertThat(failed(this.gateway.deleteRegistrations(sbc(), List.of(Map.of()))))
			.isInstanceOf(GatewayError.Unsupported.class);
	}

	@Test
	void aSlaveRefusesChangesButStillAnswersReads() {
		box.slaveMode(true);
		TableDocument mappings = ok(this.gateway.download(sbc(), "digit_mapping"));

		GatewayError error = failed(this.gateway.update(sbc(), "digit_mapping", mappings));

		assertThat(error).isInstanceOf(GatewayError.SlaveMode.class);
		assertThat(error.message()).contains("Slave");
	}

	@Test
	void commandsTheApiDoesNotOfferAreRefusedBeforeSending() {
		long before = box.requestCounts().values().stream().mapToLong(Long::longValue).sum();

		assertThat(failed(this.gateway.download(sbc(), "users", Format.XML))).isInstanceOf(GatewayError.Unsupported.class);
		assertThat(failed(this.gateway.download(sbc(), "resource", Format.CSV))).isInstanceOf(GatewayError.Unsupported.class);

		assertThat(box.requestCounts().values().stream().mapToLong(Long::longValue).sum()).isEqualTo(before);
	}

	static SbcEndpoint sbc() {
		return new SbcEndpoint(1, box.name(), URI.create(box.baseUrl()), "admin", "admin", box.certificateFingerprint());
	}

	static <T> T ok(reactor.core.publisher.Mono<GatewayResult<T>> call) {
		GatewayResult<T> result = call.block(Duration.ofSeconds(30));
		assertThat(result).as("%s", result).isInstanceOf(GatewayResult.Ok.class);
		return ((GatewayResult.Ok<T>) result).value();
	}

	static GatewayError failed(reactor.core.publisher.Mono<? extends GatewayResult<?>> call) {
		GatewayResult<?> result = call.block(Duration.ofSeconds(30));
		assertThat(result).as("%s", result).isInstanceOf(GatewayResult.Failed.class);
		return ((GatewayResult.Failed<?>) result).error();
	}

}
