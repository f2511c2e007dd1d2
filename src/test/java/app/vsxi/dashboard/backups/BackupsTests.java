package app.vsxi.dashboard.backups;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import app.vsxi.dashboard.demo.DemoFleet;
import app.vsxi.dashboard.fleet.FleetService;
import app.vsxi.dashboard.fleet.Sbc;
import app.vsxi.dashboard.gateway.GatewayResult;
import app.vsxi.dashboard.gateway.SbcEndpoint;
import app.vsxi.dashboard.gateway.TableCommands;
import app.vsxi.dashboard.gateway.TableDocument;
import app.vsxi.dashboard.gateway.TableRow;
import app.vsxi.dashboard.gateway.TableZip;
import app.vsxi.dashboard.gateway.VsxiTable;
import app.vsxi.dashboard.gateway.WriteOutcome;
import app.vsxi.dashboard.monitoring.alarms.AlarmMetric;
import app.vsxi.dashboard.simulator.Quirks;
import app.vsxi.dashboard.support.DemoSbcs;
import app.vsxi.dashboard.support.SameApplication;
import app.vsxi.dashboard.tables.DraftEdits;
import app.vsxi.dashboard.tables.DraftOpening;
import app.vsxi.dashboard.tables.EditableTable;
import app.vsxi.dashboard.tables.TableApplier;
import app.vsxi.dashboard.tables.engine.FieldChange;
import app.vsxi.dashboard.tables.engine.RowKey;
import app.vsxi.dashboard.tables.engine.TableDiff;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.test.context.support.TestExecutionEvent;
import org.springframework.security.test.context.support.WithUserDetails;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Backups of a simulated box: kept once while the box does not change, a change made on the box (not through the
 * dashboard) found as drift with its exact diff, a dashboard apply found as that apply, diffs between any two of
 * three versions, and a restore of the oldest version through the editor, under each reading of the route key.
 */
@SpringBootTest
@ActiveProfiles({ "demo", "test" })
@WithUserDetails(value = "admin", setupBefore = TestExecutionEvent.TEST_METHOD)
@ResourceLock(providers = SameApplication.class)
class BackupsTests {

	private static final String BOX = "demo-sbc-1";

	private static final List<String> KEY = EditableTable.ROUTE.keyFields();

	@Autowired
	SbcBackup backup;

	@Autowired
	BackupsService backups;

	@Autowired
	BackupStore store;

	@Autowired
	VersionReader reader;

	@Autowired
	BackupHealth health;

	@Autowired
	FleetService fleet;

	@Autowired
	TableCommands gateway;

	@Autowired
	DraftOpening opening;

	@Autowired
	DraftEdits edits;

	@Autowired
	TableApplier applier;

	@Autowired
	DemoFleet demo;

	@Autowired
	JdbcTemplate jdbc;

	/** The box's routes before the test, put back after it for the tests that share the box. */
	private List<TableRow> original;

	@org.junit.jupiter.api.BeforeEach
	void remember() {
		this.original = routesOnTheBox();
	}

	@AfterEach
	void asBefore() {
		this.demo.box(BOX).quirks(Map.of("rowKeys", Quirks.DEFAULTS.rowKeys()));
		if (!new HashSet<>(routesOnTheBox()).equals(new HashSet<>(this.original))) {
			GatewayResult<WriteOutcome> replaced = this.gateway.upload(endpoint(), VsxiTable.ROUTE,
					new TableDocument("XBRouteList", "XBRoute", this.original)).block(Duration.ofMinutes(1));
			assertThat(replaced.isOk()).as("%s", replaced).isTrue();
		}
	}

	private Sbc sbc() {
		return DemoSbcs.named(this.fleet, BOX);
	}

	private SbcEndpoint endpoint() {
		return this.fleet.endpoint(sbc());
	}

	private List<TableRow> routesOnTheBox() {
		List<TableRow> rows = new ArrayList<>();
		GatewayResult<TableZip.Summary> read = this.gateway.downloadLarge(endpoint(), VsxiTable.ROUTE, rows::add)
			.block(Duration.ofMinutes(1));
		assertThat(read.isOk()).as("%s", read).isTrue();
		return rows;
	}

	/** A write straight to the box, as someone on its own GUI or another tool would make it. */
	private void changeOnTheBox(TableRow row) {
		GatewayResult<WriteOutcome> written = this.gateway.update(endpoint(), VsxiTable.ROUTE,
				new TableDocument("XBRouteList", "XBRoute", List.of(row))).block(Duration.ofMinutes(1));
		assertThat(written.isOk()).as("%s", written).isTrue();
	}

	private BackupStore.Version routeHead() {
		return this.store.head(sbc().id(), "route").orElseThrow();
	}

	private long bytesKept() {
		Long bytes = this.jdbc.queryForObject("SELECT COALESCE(SUM(COALESCE(OCTET_LENGTH(full_data), 0) "
				+ "+ COALESCE(OCTET_LENGTH(before_data), 0) + COALESCE(OCTET_LENGTH(after_data), 0)), 0) "
				+ "FROM backup_version WHERE sbc_id = ?", Long.class, sbc().id());
		return bytes == null ? 0 : bytes;
	}

	private static String text(TableRow row, String field) {
		return row.text(field);
	}

	@Test
	void twoBackupsOfAnUnchangedBoxKeepEachTableOnceAndTheSecondOnlyChecks() {
		this.backup.run(sbc(), "tester");
		int versions = this.store.versions(sbc().id(), "route").size();
		long bytes = bytesKept();

		SbcBackup.Run second = this.backup.run(sbc(), "tester");

		assertThat(second.failed()).isEmpty();
		assertThat(second.changed()).isZero();
		assertThat(second.unchanged()).isEqualTo(Subjects.all().size());
		assertThat(this.store.versions(sbc().id(), "route")).hasSize(versions);
		assertThat(bytesKept()).isEqualTo(bytes);
		BackupStore.Check latest = this.store.timeline(sbc().id(), "route", 0, 1).get(0);
		assertThat(latest.outcome()).isEqualTo(Outcome.UNCHANGED);
		assertThat(latest.versionId()).isEqualTo(routeHead().id());
		assertThat(latest.startedBy()).isEqualTo("tester");
	}

	@Test
	void aChangeMadeOnTheBoxIsDriftWithItsExactDiffFlaggedAlarmedAndMarkedSeen() {
		this.backup.run(sbc(), "tester");
		long before = routeHead().id();
		TableRow row = routesOnTheBox().get(3);
		String maxLen = String.valueOf(Integer.parseInt(text(row, "maxLen")) + 1);
		changeOnTheBox(row.with("maxLen", maxLen));

		SbcBackup.Run run = this.backup.run(sbc(), "tester");

		assertThat(run.drift()).containsExactly("route");
		BackupStore.Version found = routeHead();
		assertThat(found.id()).isGreaterThan(before);
		assertThat(found.cause()).isEqualTo(Cause.BOX);
		assertThat(found.drift()).isTrue();
		assertThat(found.summary()).isEqualTo("changed on the box: 0 added, 0 removed, 1 changed (1 field)");
		BackupsService.DiffPage diff = this.backups.diff(sbc().id(), "route", null, found.id(), 1);
		assertThat(diff.from().id()).isEqualTo(before);
		assertThat(diff.shown().added()).isEmpty();
		assertThat(diff.shown().removed()).isEmpty();
		assertThat(diff.shown().changed()).singleElement().satisfies(change -> {
			assertThat(change.key()).isEqualTo(RowKey.of(row, KEY));
			assertThat(change.fields()).extracting(FieldChange::field, FieldChange::beforeText, FieldChange::afterText)
				.containsExactly(org.assertj.core.groups.Tuple.tuple("maxLen", text(row, "maxLen"), maxLen));
		});
		assertThat(this.backups.overview(sbc().id()).drift()).extracting(BackupStore.Version::id).contains(found.id());

		this.health.refresh();
		assertThat(this.health.read(AlarmMetric.DRIFT, sbc().id(), java.time.Instant.now()))
			.singleElement().satisfies(reading -> assertThat(reading.value()).isGreaterThanOrEqualTo(1.0));
		assertThat(this.health.read(AlarmMetric.BACKUP_AGE, sbc().id(), java.time.Instant.now()))
			.singleElement().satisfies(reading -> assertThat(reading.value()).isBetween(0.0, 0.1));

		this.store.openDrift(sbc().id()).forEach(open -> this.backups.markDriftSeen(sbc().id(), open.id()));
		this.health.refresh();
		assertThat(this.health.read(AlarmMetric.DRIFT, sbc().id(), java.time.Instant.now()))
			.singleElement().satisfies(reading -> assertThat(reading.value()).isZero());
		assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM audit_event WHERE action = 'BACKUP_DRIFT_SEEN' "
				+ "AND detail LIKE ?", Integer.class, "version " + found.id() + ":%")).isEqualTo(1);
	}

	@Test
	void aDashboardApplyIsKeptAsThatApplyAndTheNextBackupFindsNothingNew() {
		this.backup.run(sbc(), "tester");
		TableRow row = routesOnTheBox().get(5);
		long draftId = ((DraftOpening.Opened.Draft) this.opening.open(sbc().id(), "route")).id();
		String maxLen = String.valueOf(Integer.parseInt(text(row, "maxLen")) + 2);
		this.edits.edit(sbc().id(), draftId, RowKey.of(row, KEY), "maxLen", maxLen);

		TableApplier.ApplyOutcome outcome = this.applier.apply(sbc().id(), draftId, Map.of());

		assertThat(outcome).isInstanceOf(TableApplier.ApplyOutcome.Applied.class);
		BackupStore.Version applied = routeHead();
		assertThat(applied.cause()).isEqualTo(Cause.APPLY);
		assertThat(applied.drift()).isFalse();
		assertThat(applied.appliedBy()).isEqualTo("admin");
		assertThat(applied.summary())
			.isEqualTo("apply of draft " + draftId + " by admin: 0 added, 0 removed, 1 changed (1 field)");
		SbcBackup.Run next = this.backup.run(sbc(), "tester");
		assertThat(next.drift()).isEmpty();
		assertThat(routeHead().id()).isEqualTo(applied.id());
	}

	@Test
	void theDiffBetweenAnyTwoOfThreeVersionsIsTheChangesBetweenThem() {
		this.backup.run(sbc(), "tester");
		BackupStore.Version first = routeHead();
		List<TableRow> rows = routesOnTheBox();
		TableRow a = rows.get(7);
		TableRow b = rows.get(8);
		String aMax = String.valueOf(Integer.parseInt(text(a, "maxLen")) + 1);
		changeOnTheBox(a.with("maxLen", aMax));
		this.backup.run(sbc(), "tester");
		BackupStore.Version second = routeHead();
		TableRow added = b.with("alias", "backup-test-" + System.nanoTime());
		changeOnTheBox(added);
		this.backup.run(sbc(), "tester");
		BackupStore.Version third = routeHead();
		EditableTable route = EditableTable.ROUTE;

		TableDiff oneTwo = this.reader.diff(first, second, route);
		TableDiff twoThree = this.reader.diff(second, third, route);
		TableDiff oneThree = this.reader.diff(first, third, route);
		TableDiff threeOne = this.reader.diff(third, first, route);

		assertThat(oneTwo.changed()).extracting(change -> change.key()).containsExactly(RowKey.of(a, KEY));
		assertThat(oneTwo.added()).isEmpty();
		assertThat(twoThree.changed()).isEmpty();
		assertThat(twoThree.added()).extracting(change -> change.row()).containsExactly(added);
		assertThat(oneThree.changed()).extracting(change -> change.key()).containsExactly(RowKey.of(a, KEY));
		assertThat(oneThree.changed().get(0).after().text("maxLen")).isEqualTo(aMax);
		assertThat(oneThree.added()).extracting(change -> change.row()).containsExactly(added);
		assertThat(threeOne.removed()).extracting(change -> change.row()).containsExactly(added);
		assertThat(threeOne.changed().get(0).after().text("maxLen")).isEqualTo(text(a, "maxLen"));
		// the middle version keeps only its delta, and still reads as the box was
		assertThat(this.store.version(second.id()).orElseThrow().whole()).isFalse();
		assertThat(new HashSet<>(this.reader.rows(first, route).toList())).isEqualTo(new HashSet<>(rows));
	}

	static Stream<Arguments> keyReadings() {
		return Stream.of(Arguments.of("narrower", List.of("alias")), Arguments.of("the dashboard's", KEY),
				Arguments.of("wider", List.of("alias", "tableId", "digitMatch")));
	}

	@ParameterizedTest(name = "a box keyed on {1} ({0})")
	@MethodSource("keyReadings")
	void restoringTheOldestOfThreeVersionsBringsTheBoxBackToItThroughTheEditor(String reading, List<String> boxKey) {
		this.demo.box(BOX).quirks(Map.of("rowKeys", Map.of("route", boxKey)));
		this.backup.run(sbc(), "tester");
		BackupStore.Version oldest = routeHead();
		List<TableRow> then = routesOnTheBox();
		TableRow changed = then.get(10);
		changeOnTheBox(changed.with("maxLen", String.valueOf(Integer.parseInt(text(changed, "maxLen")) + 3)));
		this.backup.run(sbc(), "tester");
		changeOnTheBox(then.get(11).with("alias", "backup-restore-" + System.nanoTime()));
		this.backup.run(sbc(), "tester");
		assertThat(new HashSet<>(routesOnTheBox())).isNotEqualTo(new HashSet<>(then));

		DraftOpening.Opened opened = this.backups.restore(sbc().id(), "route", oldest.id());
		long draftId = ((DraftOpening.Opened.Draft) opened).id();
		TableApplier.ApplyOutcome outcome = this.applier.apply(sbc().id(), draftId, Map.of());

		assertThat(outcome).isInstanceOf(TableApplier.ApplyOutcome.Applied.class);
		assertThat(((TableApplier.ApplyOutcome.Applied) outcome).verification().matches()).isTrue();
		assertThat(((TableApplier.ApplyOutcome.Applied) outcome).restoredBackup()).isEqualTo(oldest.id());
		assertThat(new HashSet<>(routesOnTheBox())).isEqualTo(new HashSet<>(then));
		assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM audit_event WHERE action = 'TABLE_RESTORE' "
				+ "AND detail LIKE ?", Integer.class, "%(backup version " + oldest.id() + ")%")).isEqualTo(1);
		assertThat(routeHead().summary()).startsWith("restore of backup version " + oldest.id());
	}

	@Test
	void theBoxsFilesAreKeptAsTheBoxSentThem() throws Exception {
		java.io.ByteArrayOutputStream direct = new java.io.ByteArrayOutputStream();
		assertThat(this.gateway.downloadFile(endpoint(), VsxiTable.HARDWARE_CONFIGURATION, direct)
			.block(Duration.ofMinutes(1)).isOk()).isTrue();
		this.backup.run(sbc(), "tester");

		BackupStore.Version kept = this.store.head(sbc().id(), "hardwareConfiguration").orElseThrow();
		byte[] bytes = this.backups.file(sbc().id(), "hardwareConfiguration", kept.id());

		assertThat(unzipped(bytes)).isEqualTo(unzipped(direct.toByteArray()));
		assertThat(bytes.length).isEqualTo(kept.rows());
		assertThat(FileContent.sha256(bytes)).isNotEqualTo(kept.digest()); // compared by content, kept as sent
	}

	private static String unzipped(byte[] zip) throws Exception {
		try (java.util.zip.ZipInputStream in = new java.util.zip.ZipInputStream(new java.io.ByteArrayInputStream(zip))) {
			java.util.zip.ZipEntry entry = in.getNextEntry();
			return entry.getName() + "\n" + new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
		}
	}

}
