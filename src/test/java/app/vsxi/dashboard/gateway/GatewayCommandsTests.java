package app.vsxi.dashboard.gateway;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

import app.vsxi.dashboard.calls.CallIdentity;
import app.vsxi.dashboard.calls.CsvCut;
import app.vsxi.dashboard.calls.CsvLines;
import app.vsxi.dashboard.simulator.SimulatedVsxi;
import app.vsxi.dashboard.simulator.StatsGeneration;
import app.vsxi.dashboard.support.GatewayParts;
import app.vsxi.dashboard.support.SimulatedBox;

import static org.assertj.core.api.Assertions.assertThat;

/** Every kind of command through the gateway against a simulated VSXi over HTTPS, in each listed format. */
class GatewayCommandsTests {

	/** A box of its own for every test: writes, kills and deletes change it, and it goes with the test. */
	private SimulatedVsxi box;

	private final GatewayParts gateway = GatewayParts.of(GatewayProperties.of(Duration.ofSeconds(2), Duration.ofSeconds(5), 4),
			new SimpleMeterRegistry());

	@BeforeEach
	void start() {
		this.box = SimulatedBox.start("gw-commands");
	}

	@AfterEach
	void close() {
		try {
			this.gateway.destroy();
		}
		finally {
			this.box.stop();
		}
	}

	static Stream<Arguments> downloads() {
		List<Arguments> all = new ArrayList<>();
		for (VsxiTable table : VsxiTable.takenBy(VsxiAction.DOWNLOAD)) {
			all.add(Arguments.of(table, Format.XML));
			all.add(Arguments.of(table, Format.JSON));
		}
		return all.stream();
	}

	@ParameterizedTest(name = "download/{0} as {1}")
	@MethodSource("downloads")
	void everyTableDownloadsIntoEntriesWithTheirElementNames(VsxiTable table, Format format) {
		TableDocument document = ok(this.gateway.tables().download(sbc(), table, format));

		assertThat(document.root()).endsWith("List");
		assertThat(document.rows()).isNotEmpty().allSatisfy(row -> assertThat(row.fields()).isNotEmpty());
		assertThat(document.item()).isNotBlank();
	}

	@Test
	void xmlAndJsonDownloadsOfATableHoldTheSameEntries() {
		TableDocument xml = ok(this.gateway.tables().download(sbc(), VsxiTable.DIGIT_MAPPING, Format.XML));
		TableDocument json = ok(this.gateway.tables().download(sbc(), VsxiTable.DIGIT_MAPPING, Format.JSON));

		assertThat(json.root()).isEqualTo("DigitTranslationList");
		assertThat(json.item()).isEqualTo("DigitTrans");
		assertThat(json.rows()).extracting(row -> row.text("alias")).isEqualTo(xml.rows().stream().map(r -> r.text("alias")).toList());
	}

	@Test
	void routesDownloadAsCsvText() {
		String csv = ok(this.gateway.tables().downloadText(sbc(), VsxiTable.ROUTE, Format.CSV));

		assertThat(csv.lines().findFirst().orElse("")).contains("alias", "tableId");
		assertThat(csv.lines().count()).isGreaterThan(1);
	}

	@Test
	void anUpdateOfOneFieldShowsExactlyThatChangeInTheNextDownload() {
		TableDocument before = ok(this.gateway.tables().download(sbc(), VsxiTable.DIGIT_MAPPING));
		TableRow first = before.rows().get(0);
		TableRow changed = first.with("transDnis", "9995551234");

		WriteOutcome outcome = ok(this.gateway.tables().update(sbc(), VsxiTable.DIGIT_MAPPING,
				new TableDocument(before.root(), before.item(), List.of(changed))));

		assertThat(outcome).isInstanceOf(WriteOutcome.Applied.class);
		TableDocument after = ok(this.gateway.tables().download(sbc(), VsxiTable.DIGIT_MAPPING));
		List<TableRow> expected = new ArrayList<>(before.rows());
		expected.set(0, changed);
		assertThat(after.rows()).containsExactlyInAnyOrderElementsOf(expected);
	}

	@Test
	void aLargeDownloadStreamsEveryRouteAndALargeUpdateChangesExactlyOne() {
		List<TableRow> routes = new ArrayList<>();
		TableZip.Summary summary = ok(this.gateway.tables().downloadLarge(sbc(), VsxiTable.ROUTE, routes::add));
		assertThat(summary.rows()).isEqualTo(routes.size()).isGreaterThan(100);
		TableRow changed = routes.get(7).with("policy", routes.get(7).text("policy").equals("lcr") ? "top_down" : "lcr");

		WriteOutcome outcome = ok(this.gateway.tables().writeLarge(sbc(), VsxiAction.UPDATE_LARGE, VsxiTable.ROUTE, summary.names(),
				List.of(changed), Map.of()));

		assertThat(outcome).isInstanceOf(WriteOutcome.Applied.class);
		List<TableRow> after = new ArrayList<>();
		ok(this.gateway.tables().downloadLarge(sbc(), VsxiTable.ROUTE, after::add));
		List<TableRow> expected = new ArrayList<>(routes);
		expected.set(7, changed);
		assertThat(after).containsExactlyInAnyOrderElementsOf(expected);
	}

	static Stream<Arguments> plainWrites() {
		return Stream.of(Arguments.of(VsxiTable.DIGIT_MAPPING, Format.XML, "transDnis"),
				Arguments.of(VsxiTable.DIGIT_MAPPING, Format.JSON, "transDnis"), Arguments.of(VsxiTable.ROUTE, Format.XML, "policy"),
				Arguments.of(VsxiTable.ROUTE, Format.JSON, "policy"), Arguments.of(VsxiTable.ROUTE, Format.CSV, "policy"),
				Arguments.of(VsxiTable.RESOURCE, Format.JSON, "companyName"), Arguments.of(VsxiTable.SUBSCRIBER, Format.XML, "alias"));
	}

	@ParameterizedTest(name = "update/{0} in {1}")
	@MethodSource("plainWrites")
	void aPlainRoundTripChangesExactlyOneFieldInEveryWriteFormat(VsxiTable table, Format format, String field) {
		TableDocument before = ok(this.gateway.tables().download(sbc(), table, format));
		TableRow changed = before.rows().get(1).with(field, "changed-" + format);

		assertThat(ok(this.gateway.tables().update(sbc(), table, new TableDocument(before.root(), before.item(), List.of(changed)),
				format))).isInstanceOf(WriteOutcome.Applied.class);

		List<TableRow> expected = new ArrayList<>(before.rows());
		expected.set(1, changed);
		assertThat(ok(this.gateway.tables().download(sbc(), table, format)).rows()).containsExactlyInAnyOrderElementsOf(expected);
	}

	static Stream<Arguments> largeWrites() {
		return Stream.of(Arguments.of(VsxiTable.ROUTE, Format.XML, "policy"), Arguments.of(VsxiTable.ROUTE, Format.JSON, "policy"),
				Arguments.of(VsxiTable.ROUTE, Format.CSV, "policy"), Arguments.of(VsxiTable.DIGIT_MAPPING, Format.XML, "transAni"),
				Arguments.of(VsxiTable.DIGIT_MAPPING, Format.JSON, "transAni"), Arguments.of(VsxiTable.SUBSCRIBER, Format.XML, "alias"),
				Arguments.of(VsxiTable.SUBSCRIBER, Format.JSON, "alias"));
	}

	@ParameterizedTest(name = "updateLarge/{0} in zipped {1}")
	@MethodSource("largeWrites")
	void aZippedRoundTripChangesExactlyOneFieldInEveryFormat(VsxiTable table, Format format, String field) {
		List<TableRow> before = new ArrayList<>();
		TableZip.Summary summary = ok(this.gateway.tables().downloadLarge(sbc(), table, format, before::add));
		TableRow changed = before.get(2).with(field, "zipped-" + format);

		assertThat(ok(this.gateway.tables().writeLarge(sbc(), VsxiAction.UPDATE_LARGE, table, format, summary.names(),
				List.of(changed), Map.of()))).isInstanceOf(WriteOutcome.Applied.class);

		List<TableRow> after = new ArrayList<>();
		ok(this.gateway.tables().downloadLarge(sbc(), table, format, after::add));
		List<TableRow> expected = new ArrayList<>(before);
		expected.set(2, changed);
		assertThat(after).containsExactlyInAnyOrderElementsOf(expected);
	}

	@ParameterizedTest
	@EnumSource(Format.class)
	void deletingARouteRemovesThatRouteOnly(Format format) {
		TableDocument before = ok(this.gateway.tables().download(sbc(), VsxiTable.ROUTE, format));
		TableRow gone = before.rows().get(0);

		ok(this.gateway.tables().delete(sbc(), VsxiTable.ROUTE, new TableDocument(before.root(), before.item(), List.of(gone)), format));

		assertThat(ok(this.gateway.tables().download(sbc(), VsxiTable.ROUTE, format)).rows())
			.containsExactlyInAnyOrderElementsOf(before.rows().subList(1, before.rows().size()));
	}

	@Test
	void uploadReplacesTheWholeTable() {
		TableDocument groups = ok(this.gateway.tables().download(sbc(), VsxiTable.ROUTEGROUP));
		TableDocument kept = new TableDocument(groups.root(), groups.item(), groups.rows().subList(0, 1));

		assertThat(ok(this.gateway.tables().upload(sbc(), VsxiTable.ROUTEGROUP, kept)).vsxiMessage()).startsWith("200 OK");

		assertThat(ok(this.gateway.tables().download(sbc(), VsxiTable.ROUTEGROUP)).rows()).isEqualTo(kept.rows());
	}

	@Test
	void replaceLargeOfOneRouteTableLeavesTheOtherTablesAlone() {
		List<TableRow> routes = new ArrayList<>();
		TableZip.Summary summary = ok(this.gateway.tables().downloadLarge(sbc(), VsxiTable.ROUTE, routes::add));
		String tableId = routes.get(0).text("tableId");
		List<TableRow> inTable = routes.stream().filter(r -> r.text("tableId").equals(tableId)).toList();
		List<TableRow> others = routes.stream().filter(r -> !r.text("tableId").equals(tableId)).toList();
		List<TableRow> replacement = List.of(inTable.get(0).with("policy", "replaced"));

		ok(this.gateway.tables().writeLarge(sbc(), VsxiAction.REPLACE_LARGE, VsxiTable.ROUTES_IN_ROUTE_TABLE, summary.names(),
				replacement, Map.of("tableID", tableId)));

		List<TableRow> after = new ArrayList<>();
		ok(this.gateway.tables().downloadLarge(sbc(), VsxiTable.ROUTE, after::add));
		List<TableRow> expected = new ArrayList<>(others);
		expected.addAll(replacement);
		assertThat(after).containsExactlyInAnyOrderElementsOf(expected);
	}

	@Test
	void queriesAndActiveCallsComeInTheirOtherFormatsToo() {
		TableDocument json = ok(this.gateway.tables().query(sbc(), VsxiTable.DIGIT_MAPPING, "table_id=\"1\"", Format.JSON));
		assertThat(json.rows()).isNotEmpty().allSatisfy(row -> assertThat(row.text("tableId")).isEqualTo("1"));

		TableDocument csv = ok(this.gateway.stats().statsList(sbc(), VsxiTable.ACTIVE_CALLS, Format.CSV));
		assertThat(csv.rows()).isNotEmpty().allSatisfy(call -> assertThat(call.text("callID")).isNotBlank());
	}

	@Test
	void killingCallsNamedInXmlWorksAsInCsv() {
		List<TableRow> calls = ok(this.gateway.stats().statsList(sbc(), VsxiTable.ACTIVE_CALLS, Format.XML)).rows();
		TableRow victim = calls.get(0);

		assertThat(ok(this.gateway.removals().killByXml(sbc(), List.of(victim), java.util.Set.of())).gone()).isEqualTo(1);

		assertThat(ok(this.gateway.stats().statsList(sbc(), VsxiTable.ACTIVE_CALLS, Format.XML)).rows())
			.extracting(call -> call.text("callID"))
			.doesNotContain(victim.text("callID"));
	}

	@ParameterizedTest
	@EnumSource(value = VsxiTable.class, names = { "SYSTEM_CONFIGURATION", "HARDWARE_CONFIGURATION" })
	void configurationFilesDownloadAsTheZipTheBoxSends(VsxiTable table) throws Exception {
		java.io.ByteArrayOutputStream zip = new java.io.ByteArrayOutputStream();

		long bytes = ok(this.gateway.tables().downloadFile(sbc(), table, zip));

		assertThat(bytes).isEqualTo(zip.size()).isGreaterThan(0);
		try (java.util.zip.ZipInputStream entries = new java.util.zip.ZipInputStream(
				new java.io.ByteArrayInputStream(zip.toByteArray()))) {
			assertThat(entries.getNextEntry()).isNotNull();
			assertThat(new String(entries.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8)).isNotBlank();
		}
	}

	@Test
	void smcDataRoundTripsAsZippedCsv() {
		List<TableRow> before = new ArrayList<>();
		TableZip.Summary summary = ok(this.gateway.tables().downloadLarge(sbc(), VsxiTable.SMC_DATA_FILE, Format.CSV, before::add));
		assertThat(before).isNotEmpty();
		String firstField = before.get(0).fields().keySet().iterator().next();
		List<TableRow> replacement = List.of(before.get(0).with(firstField, "replaced"));

		assertThat(ok(this.gateway.tables().writeLarge(sbc(), VsxiAction.REPLACE_LARGE, VsxiTable.SMC_DATA_FILE, Format.CSV, summary.names(), replacement, Map.of()))).isInstanceOf(WriteOutcome.Applied.class);

		List<TableRow> after = new ArrayList<>();
		ok(this.gateway.tables().downloadLarge(sbc(), VsxiTable.SMC_DATA_FILE, Format.CSV, after::add));
		assertThat(after).isEqualTo(replacement);
	}

	@Test
	void aLargeWriteWithOneBadEntryAppliesTheRestAndSaysSo() {
		TableDocument mappings = ok(this.gateway.tables().download(sbc(), VsxiTable.DIGIT_MAPPING));
		TableRow good = mappings.rows().get(1).with("transAni", "2125550000");
		Map<String, Object> missingAField = new java.util.LinkedHashMap<>(mappings.rows().get(2).fields());
		missingAField.remove("dnisAction");

		WriteOutcome outcome = ok(this.gateway.tables().writeLarge(sbc(), VsxiAction.UPDATE_LARGE, VsxiTable.DIGIT_MAPPING, mappings.names(), List.of(good, new TableRow(missingAField)), Map.of()));

		assertThat(outcome).isInstanceOf(WriteOutcome.AppliedWithErrors.class);
		assertThat(outcome.vsxiMessage()).startsWith("300 Finished With Errors");
		assertThat(ok(this.gateway.tables().download(sbc(), VsxiTable.DIGIT_MAPPING)).rows()).contains(good);
	}

	@Test
	void aPlainWriteWithOneBadEntryIsRefusedWhole() {
		TableDocument mappings = ok(this.gateway.tables().download(sbc(), VsxiTable.DIGIT_MAPPING));
		Map<String, Object> missingAField = new java.util.LinkedHashMap<>(mappings.rows().get(0).fields());
		missingAField.remove("aniAction");

		GatewayError error = failed(this.gateway.tables().update(sbc(), VsxiTable.DIGIT_MAPPING, new TableDocument(mappings.names(), List.of(mappings.rows().get(1).with("transAni", "1"), new TableRow(missingAField)))));

		assertThat(error).isEqualTo(new GatewayError.Rejected("400 fail - validation exception"));
		assertThat(ok(this.gateway.tables().download(sbc(), VsxiTable.DIGIT_MAPPING))).isEqualTo(mappings);
	}

	@Test
	void aQueryReturnsTheMatchingEntriesOnly() {
		TableDocument all = ok(this.gateway.tables().download(sbc(), VsxiTable.ROUTE));
		String alias = all.rows().get(3).text("alias");

		TableDocument found = ok(this.gateway.tables().query(sbc(), VsxiTable.ROUTE, "alias like '%" + alias + "%'"));

		assertThat(found.rows()).isNotEmpty().allSatisfy(row -> assertThat(row.text("alias")).contains(alias));
		assertThat(failed(this.gateway.tables().query(sbc(), VsxiTable.ROUTE, "alias like"))).isInstanceOf(GatewayError.Rejected.class);
	}

	@ParameterizedTest
	@EnumSource(StatsGeneration.class)
	void dumpStatsReadInBothGenerations(StatsGeneration generation) {
		box.statsGeneration(generation);
		try {
			assertThat(ok(this.gateway.stats().statsDump(sbc(), VsxiTable.RESOURCE))).containsKeys("ingress_stat", "gw_egress_stat");
			assertThat(ok(this.gateway.stats().statsDump(sbc(), VsxiTable.RESOURCE_DETAIL))).isNotEmpty();
			assertThat(ok(this.gateway.stats().statsDump(sbc(), VsxiTable.SIP_STATS))).isNotEmpty();
		}
		finally {
			box.statsGeneration(StatsGeneration.OLDER);
		}
	}

	@Test
	void objectListStatsRead() {
		assertThat(ok(this.gateway.stats().statsList(sbc(), VsxiTable.MEDIA_SERVER)).item()).isEqualTo("XBMediaServerRealTimeStat");
		assertThat(ok(this.gateway.stats().statsList(sbc(), VsxiTable.SUB_STATS)).root()).isEqualTo("XBSubStatsList");
		assertThat(ok(this.gateway.stats().statsList(sbc(), VsxiTable.ACTIVE_CALLS)).root()).isEqualTo("XBActiveCallsList");
	}

	@Test
	void killingCallsEndsExactlyThoseCalls() {
		List<TableRow> calls = ok(this.gateway.stats().statsList(sbc(), VsxiTable.ACTIVE_CALLS)).rows();
		CallsCsv csv = ok(this.gateway.calls().activeCallsCsv(sbc()));
		assertThat(calls).hasSizeGreaterThan(2);
		List<TableRow> victims = calls.subList(0, 2);
		CsvCut cut = CsvLines.identify(csv, calls).cut(victims.stream().map(CallIdentity::key).toList());

		assertThat(ok(this.gateway.removals().killByCsv(sbc(), cut, java.util.Set.of())).gone()).isEqualTo(2);

		List<String> remaining = ok(this.gateway.stats().statsList(sbc(), VsxiTable.ACTIVE_CALLS)).rows()
			.stream()
			.map(call -> call.text("callID"))
			.toList();
		assertThat(remaining).doesNotContain(victims.get(0).text("callID"), victims.get(1).text("callID"))
			.contains(calls.get(2).text("callID"));
	}

	@Test
	void deletingARegistrationRemovesThatOneOnly() {
		List<TableRow> registrations = ok(this.gateway.stats().statsList(sbc(), VsxiTable.SUB_STATS)).rows();
		assertThat(registrations).hasSizeGreaterThan(1);
		TableRow target = registrations.get(0);

		ok(this.gateway.removals().deleteRegistrations(sbc(), List.of(target.text("id")), java.util.Set.of()));

		List<String> ids = ok(this.gateway.stats().statsList(sbc(), VsxiTable.SUB_STATS)).rows().stream().map(r -> r.text("id")).toList();
		assertThat(ids).doesNotContain(target.text("id")).contains(registrations.get(1).text("id"));
		assertThat(failed(this.gateway.removals().deleteRegistrations(sbc(), List.of(" "), java.util.Set.of())))
			.isInstanceOf(GatewayError.Unsupported.class);
	}

	@Test
	void aSlaveRefusesChangesButStillAnswersReads() {
		box.slaveMode(true);
		TableDocument mappings = ok(this.gateway.tables().download(sbc(), VsxiTable.DIGIT_MAPPING));

		GatewayError error = failed(this.gateway.tables().update(sbc(), VsxiTable.DIGIT_MAPPING, mappings));

		assertThat(error).isInstanceOf(GatewayError.SlaveMode.class);
		assertThat(error.message()).contains("Slave");
	}

	@Test
	void commandsTheApiDoesNotOfferAreRefusedBeforeSending() {
		long before = box.requestCounts().values().stream().mapToLong(Long::longValue).sum();

		assertThat(failed(this.gateway.tables().download(sbc(), VsxiTable.USERS, Format.XML))).isInstanceOf(GatewayError.Unsupported.class);
		assertThat(failed(this.gateway.tables().download(sbc(), VsxiTable.RESOURCE, Format.CSV))).isInstanceOf(GatewayError.Unsupported.class);

		assertThat(box.requestCounts().values().stream().mapToLong(Long::longValue).sum()).isEqualTo(before);
	}

	SbcEndpoint sbc() {
		return new SbcEndpoint(1, box.name(), URI.create(box.baseUrl()), "admin", "admin", box.certificateFingerprint());
	}

	static <T> T ok(reactor.core.publisher.Mono<GatewayResult<T>> call) {
		GatewayResult<T> result = call.block(Duration.ofSeconds(30));
		assertThat(result).as("%s", result).isInstanceOf(GatewayResult.Ok.class);
		return result.okValue().orElseThrow();
	}

	static GatewayError failed(reactor.core.publisher.Mono<? extends GatewayResult<?>> call) {
		GatewayResult<?> result = call.block(Duration.ofSeconds(30));
		assertThat(result).as("%s", result).isInstanceOf(GatewayResult.Failed.class);
		return result.failure().orElseThrow();
	}

}
