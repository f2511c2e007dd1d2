package app.vsxi.dashboard.backups;

import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import app.vsxi.dashboard.fleet.CredentialCipher;
import app.vsxi.dashboard.gateway.TableRow;
import app.vsxi.dashboard.support.DashboardProcess;
import app.vsxi.dashboard.support.MigratedDatabase;
import app.vsxi.dashboard.tables.EditableTable;
import app.vsxi.dashboard.tables.RowsAtRest;
import app.vsxi.dashboard.tables.engine.KeyedDiff;
import app.vsxi.dashboard.tables.engine.RowCodec;
import app.vsxi.dashboard.tables.engine.TableDiff;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Versions kept on change, read back whole and as diffs between any two, and pruned by retention without changing
 * how any kept version reads. The expected tables are the ones recorded, never read back through the code under
 * test. Run on H2 and PostgreSQL.
 */
abstract class VersionHistoryContract {

	private static final EditableTable TABLE = EditableTable.ROUTE;

	private static final Instant T0 = Instant.parse("2026-05-01T10:00:00Z");

	private final MigratedDatabase database = database();

	private final BackupStore store = new BackupStore(this.database.jdbc());

	private final CredentialCipher cipher = new CredentialCipher(DashboardProcess.CREDENTIAL_KEY, List.of());

	private final Stored stored = new Stored(new RowsAtRest(this.cipher), this.cipher);

	/** A whole table kept at least every third version. */
	private final BackupsProperties properties = new BackupsProperties(true, Duration.ofDays(1), Duration.ofMinutes(1),
			1, Duration.ofDays(90), 0, 3, 500, List.of("^# saved "));

	private final VersionKeeper keeper = new VersionKeeper(this.store, this.stored, this.database.transactions(),
			this.properties);

	private final VersionReader reader = new VersionReader(this.store, this.stored, this.database.transactions());

	private final VersionPruning pruning = new VersionPruning(this.store, this.reader, this.stored,
			this.database.transactions());

	private final long sbc = this.database.addSbc("hist-1");

	abstract MigratedDatabase database();

	@AfterEach
	void drop() {
		this.database.drop();
	}

	private static TableRow route(int n, String digits) {
		Map<String, Object> fields = new LinkedHashMap<>();
		fields.put("alias", "r" + n);
		fields.put("tableId", "1");
		fields.put("digitMatch", digits);
		return new TableRow(fields);
	}

	private static TableRow added(int version) {
		Map<String, Object> fields = new LinkedHashMap<>();
		fields.put("alias", "added-" + version);
		fields.put("tableId", "2");
		fields.put("digitMatch", "55" + version);
		return new TableRow(fields);
	}

	private static List<TableRow> table(int rows) {
		List<TableRow> all = new ArrayList<>();
		for (int i = 0; i < rows; i++) {
			all.add(route(i, "1212" + i));
		}
		return all;
	}

	private VersionKeeper.Found keep(List<TableRow> rows, Instant at) {
		return this.keeper.table(this.sbc, TABLE, "XBRouteList", "XBRoute", RowCodec.pack(rows), Cause.BOX, null,
				"tester", at, null);
	}

	/** Seven versions a day apart, each one route changed, one added or one removed from the one before. */
	private List<List<TableRow>> sevenVersions() {
		List<List<TableRow>> tables = new ArrayList<>();
		List<TableRow> rows = table(400);
		for (int v = 0; v < 7; v++) {
			if (v > 0) {
				rows = new ArrayList<>(rows);
				switch (v % 3) {
					case 0 -> rows.set(v, rows.get(v).with("digitMatch", "99" + v));
					case 1 -> rows.add(added(v));
					default -> rows.remove(0);
				}
			}
			tables.add(rows);
			assertThat(keep(rows, T0.plus(Duration.ofDays(v))).outcome()).isEqualTo(Outcome.CHANGED);
		}
		return tables;
	}

	@Test
	void theSameTableAgainIsACheckAndNoNewVersionAndTheSameRowsInAnotherOrderToo() {
		List<TableRow> rows = table(20);
		VersionKeeper.Found first = keep(rows, T0);
		List<TableRow> reversed = new ArrayList<>(rows);
		java.util.Collections.reverse(reversed);

		VersionKeeper.Found again = keep(rows, T0.plusSeconds(60));
		VersionKeeper.Found reordered = keep(reversed, T0.plusSeconds(120));

		assertThat(first.outcome()).isEqualTo(Outcome.CHANGED);
		assertThat(again).isEqualTo(new VersionKeeper.Found(Outcome.UNCHANGED, first.versionId(), null, false));
		assertThat(reordered.outcome()).isEqualTo(Outcome.UNCHANGED);
		assertThat(this.store.versions(this.sbc, "route")).hasSize(1);
		assertThat(this.store.timeline(this.sbc, "route", 0, 10)).extracting(BackupStore.Check::outcome)
			.containsExactly(Outcome.UNCHANGED, Outcome.UNCHANGED, Outcome.CHANGED);
	}

	@Test
	void everyVersionReadsAsItWasKeptAndOnlySomeKeepTheWholeTable() {
		List<List<TableRow>> tables = sevenVersions();
		List<BackupStore.Version> versions = this.store.versions(this.sbc, "route");

		assertThat(versions).extracting(BackupStore.Version::whole)
			.containsExactly(false, false, true, false, false, true, true);
		assertThat(versions).extracting(BackupStore.Version::delta)
			.containsExactly(false, true, true, true, true, true, true);
		for (int v = 0; v < 7; v++) {
			assertThat(new HashSet<>(this.reader.rows(versions.get(v), TABLE).toList())).as("version %d", v)
				.isEqualTo(new HashSet<>(tables.get(v)));
		}
		// the newest keeps the whole table and a delta; the others far less than the whole table
		assertThat(versions.get(4).bytes()).isLessThan(versions.get(2).bytes() / 4);
	}

	@Test
	void theDiffOfAnyTwoVersionsIsTheKeyedDiffOfTheirTables() {
		List<List<TableRow>> tables = sevenVersions();
		List<BackupStore.Version> versions = this.store.versions(this.sbc, "route");

		for (int a = 0; a < 7; a++) {
			for (int b = 0; b < 7; b++) {
				TableDiff expected = KeyedDiff.diff(tables.get(a), tables.get(b), TABLE.keyFields());
				TableDiff diff = this.reader.diff(versions.get(a), versions.get(b), TABLE);
				assertThat(diff.summary()).as("%d to %d", a, b).isEqualTo(expected.summary());
				assertThat(new HashSet<>(diff.changed())).isEqualTo(new HashSet<>(expected.changed()));
				assertThat(new HashSet<>(diff.added())).isEqualTo(new HashSet<>(expected.added()));
				assertThat(new HashSet<>(diff.removed())).isEqualTo(new HashSet<>(expected.removed()));
			}
		}
	}

	@Test
	void aTableHoldingAKeyTwiceKeepsEachVersionWholeAndStillDiffsRight() {
		List<TableRow> one = new ArrayList<>(table(30));
		one.add(route(4, "twice"));
		List<TableRow> two = new ArrayList<>(one);
		two.set(10, two.get(10).with("digitMatch", "777"));
		List<TableRow> three = new ArrayList<>(two);
		three.remove(one.size() - 1);
		keep(one, T0);
		keep(two, T0.plusSeconds(60));
		keep(three, T0.plusSeconds(120));
		List<BackupStore.Version> versions = this.store.versions(this.sbc, "route");

		assertThat(versions).extracting(BackupStore.Version::whole).containsExactly(true, true, true);
		assertThat(versions).extracting(BackupStore.Version::delta).containsExactly(false, false, false);
		TableDiff diff = this.reader.diff(versions.get(0), versions.get(2), TABLE);
		TableDiff expected = KeyedDiff.diff(one, three, TABLE.keyFields());
		assertThat(diff.summary()).isEqualTo(expected.summary());
		assertThat(new HashSet<>(this.reader.rows(versions.get(1), TABLE).toList())).isEqualTo(new HashSet<>(two));
	}

	@Test
	void pruningDropsWhatRetentionSaysAndEveryKeptVersionStillReadsAsItWas() {
		List<List<TableRow>> tables = sevenVersions();
		keep(tables.get(6), T0.plus(Duration.ofDays(6)).plusSeconds(60));
		List<BackupStore.Version> before = this.store.versions(this.sbc, "route");
		before.forEach(version -> this.store.markDriftSeen(this.sbc, version.id(), "tester"));
		// a day-long window ending after the sixth version: versions 0-4 are older, all in May; the last of them stays
		Retention retention = new Retention(Duration.ofDays(1), 0);
		Instant now = T0.plus(Duration.ofDays(5)).plusSeconds(3600);

		VersionPruning.Pruned pruned = this.pruning.prune(this.sbc, "route", retention, now);

		List<BackupStore.Version> after = this.store.versions(this.sbc, "route");
		assertThat(pruned.versions()).isEqualTo(4);
		assertThat(after).extracting(BackupStore.Version::id).containsExactly(before.get(4).id(), before.get(5).id(),
				before.get(6).id());
		for (int i = 0; i < after.size(); i++) {
			assertThat(new HashSet<>(this.reader.rows(after.get(i), TABLE).toList())).as("version %d", i + 4)
				.isEqualTo(new HashSet<>(tables.get(i + 4)));
		}
		TableDiff diff = this.reader.diff(after.get(0), after.get(2), TABLE);
		assertThat(diff.summary()).isEqualTo(KeyedDiff.diff(tables.get(4), tables.get(6), TABLE.keyFields()).summary());
		// the checks of the dropped versions went with them; the unchanged check is inside the window and stays
		assertThat(this.store.timeline(this.sbc, "route", 0, 100)).extracting(BackupStore.Check::outcome)
			.containsExactly(Outcome.UNCHANGED, Outcome.CHANGED, Outcome.CHANGED, Outcome.CHANGED);
		assertThat(pruned.checks()).isZero();
	}

	@Test
	void aChangeFoundOnTheBoxThatNobodyMarkedAsSeenStaysHoweverOld() {
		List<List<TableRow>> tables = sevenVersions();
		List<BackupStore.Version> before = this.store.versions(this.sbc, "route");
		before.stream().filter(version -> version.id() != before.get(2).id())
			.forEach(version -> this.store.markDriftSeen(this.sbc, version.id(), "tester"));

		VersionPruning.Pruned pruned = this.pruning.prune(this.sbc, "route", new Retention(Duration.ofDays(1), 0),
				T0.plus(Duration.ofDays(5)).plusSeconds(3600));

		List<BackupStore.Version> after = this.store.versions(this.sbc, "route");
		assertThat(pruned.versions()).isEqualTo(3);
		assertThat(after).extracting(BackupStore.Version::id).containsExactly(before.get(2).id(), before.get(4).id(),
				before.get(5).id(), before.get(6).id());
		assertThat(new HashSet<>(this.reader.rows(after.get(0), TABLE).toList())).isEqualTo(new HashSet<>(tables.get(2)));
		assertThat(this.reader.diff(after.get(0), after.get(1), TABLE).summary())
			.isEqualTo(KeyedDiff.diff(tables.get(2), tables.get(4), TABLE.keyFields()).summary());
	}

	@Test
	void aBackupReadBetweenAnApplysCallsIsTheApplysChangeNotTheBoxs() {
		List<TableRow> was = table(50);
		List<TableRow> applied = new ArrayList<>(was);
		applied.set(7, applied.get(7).with("digitMatch", "4477"));
		keep(was, T0);
		// the apply reads the table, writes; a backup reads the table between the write and the apply's read-back
		Instant applyRead = T0.plusSeconds(10);
		VersionKeeper.Found backup = keep(applied, T0.plusSeconds(12));
		assertThat(backup.drift()).isTrue();

		VersionKeeper.Found before = this.keeper.table(this.sbc, TABLE, "XBRouteList", "XBRoute", RowCodec.pack(was),
				Cause.BOX, null, "alice", applyRead, null);
		VersionKeeper.Found after = this.keeper.table(this.sbc, TABLE, "XBRouteList", "XBRoute",
				RowCodec.pack(applied), Cause.APPLY, "apply of draft 9 by alice", "alice", T0.plusSeconds(14), applyRead);

		assertThat(before.outcome()).isEqualTo(Outcome.UNCHANGED);
		assertThat(after.outcome()).isEqualTo(Outcome.UNCHANGED);
		List<BackupStore.Version> versions = this.store.versions(this.sbc, "route");
		assertThat(versions).hasSize(2);
		BackupStore.Version head = versions.get(1);
		assertThat(head.cause()).isEqualTo(Cause.APPLY);
		assertThat(head.drift()).isFalse();
		assertThat(head.appliedBy()).isEqualTo("alice");
		assertThat(head.summary()).isEqualTo("apply of draft 9 by alice: 0 added, 0 removed, 1 changed (1 field)");
	}

	@Test
	void aChangeFoundBeforeTheApplyBeganStaysTheBoxs() {
		List<TableRow> was = table(50);
		List<TableRow> changed = new ArrayList<>(was);
		changed.set(3, changed.get(3).with("digitMatch", "1"));
		keep(was, T0);
		keep(changed, T0.plusSeconds(5));

		this.keeper.table(this.sbc, TABLE, "XBRouteList", "XBRoute", RowCodec.pack(changed), Cause.APPLY,
				"apply of draft 3 by bob", "bob", T0.plusSeconds(20), T0.plusSeconds(10));

		BackupStore.Version head = this.store.head(this.sbc, "route").orElseThrow();
		assertThat(head.cause()).isEqualTo(Cause.BOX);
		assertThat(head.drift()).isTrue();
	}

	@Test
	void aBackupRunsUntilItEndsOrItsInstanceIsLongGoneAndTheLastGoodCountsTablesNeverReadWell() {
		Instant t = Instant.parse("2026-12-01T10:00:00Z");
		assertThat(this.store.start(this.sbc, t, null)).isTrue();
		assertThat(this.store.start(this.sbc, t, null)).as("started by another instance").isFalse();

		assertThat(this.store.runs().get(this.sbc).running(t.minusSeconds(3600))).isTrue();
		assertThat(this.store.runs().get(this.sbc).running(t.plusSeconds(1))).as("stale").isFalse();
		this.store.finish(this.sbc, t.plusSeconds(30));
		assertThat(this.store.runs().get(this.sbc).running(t.minusSeconds(3600))).isFalse();
		assertThat(this.store.start(this.sbc, t.plusSeconds(60), t.plusSeconds(1))).as("not the start read").isFalse();
		assertThat(this.store.start(this.sbc, t.plusSeconds(60), t)).isTrue();

		keep(table(3), T0.plusSeconds(100));
		this.keeper.failed(this.sbc, "resource", "SBC unreachable", "tester", T0.plusSeconds(50));
		this.keeper.failed(this.sbc, "resource", "SBC unreachable", "tester", T0.plusSeconds(200));
		assertThat(this.store.lastGood(this.sbc)).contains(T0.plusSeconds(50));
		assertThat(this.store.lastGood()).containsEntry(this.sbc, T0.plusSeconds(50));
	}

	@Test
	void checksThatFoundNothingNewGoOnceOlderThanTheWindowAndChangesStay() {
		List<TableRow> rows = table(5);
		keep(rows, T0);
		keep(rows, T0.plus(Duration.ofDays(1)));
		this.keeper.failed(this.sbc, "route", "SBC unreachable", "tester", T0.plus(Duration.ofDays(2)));
		keep(rows, T0.plus(Duration.ofDays(10)));

		VersionPruning.Pruned pruned = this.pruning.prune(this.sbc, "route", new Retention(Duration.ofDays(5), 0),
				T0.plus(Duration.ofDays(11)));

		assertThat(pruned).isEqualTo(new VersionPruning.Pruned(0, 2));
		assertThat(this.store.timeline(this.sbc, "route", 0, 10)).extracting(BackupStore.Check::checkedAt)
			.containsExactly(T0.plus(Duration.ofDays(10)), T0);
	}

	@Test
	void aFileIsKeptByteForByteAndItsZipStampsOrVolatileLinesAreNoChange() throws Exception {
		byte[] every = new byte[256];
		for (int i = 0; i < every.length; i++) {
			every[i] = (byte) i;
		}
		byte[] first = zip("systemConfiguration.sdc", "# saved 2026-01-01\n[route]\nr1\n", 1_000_000_000L);
		byte[] sameLater = zip("systemConfiguration.sdc", "# saved 2026-01-02\n[route]\nr1\n", 1_700_000_000_000L);
		byte[] changed = zip("systemConfiguration.sdc", "# saved 2026-01-03\n[route]\nr2\n", 1_700_000_000_000L);

		VersionKeeper.Found raw = this.keeper.file(this.sbc, "hardwareConfiguration", every, "tester", T0);
		VersionKeeper.Found one = this.keeper.file(this.sbc, "systemConfiguration", first, "tester", T0);
		VersionKeeper.Found two = this.keeper.file(this.sbc, "systemConfiguration", sameLater, "tester", T0.plusSeconds(1));
		VersionKeeper.Found three = this.keeper.file(this.sbc, "systemConfiguration", changed, "tester", T0.plusSeconds(2));

		assertThat(this.reader.file(this.store.version(raw.versionId()).orElseThrow())).isEqualTo(every);
		assertThat(this.reader.file(this.store.version(one.versionId()).orElseThrow())).isEqualTo(first);
		assertThat(this.reader.file(this.store.version(three.versionId()).orElseThrow())).isEqualTo(changed);
		assertThat(two.outcome()).isEqualTo(Outcome.UNCHANGED);
		assertThat(three.outcome()).isEqualTo(Outcome.CHANGED);
		// sealed at rest: the stored bytes are not the file's
		byte[] atRest = this.database.jdbc().queryForObject("SELECT full_data FROM backup_version WHERE id = ?",
				byte[].class, one.versionId());
		assertThat(atRest).isNotEqualTo(first);
	}

	private static byte[] zip(String name, String content, long time) throws Exception {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
			ZipEntry entry = new ZipEntry(name);
			entry.setTime(time);
			zip.putNextEntry(entry);
			zip.write(content.getBytes(java.nio.charset.StandardCharsets.UTF_8));
			zip.closeEntry();
		}
		return bytes.toByteArray();
	}

}
