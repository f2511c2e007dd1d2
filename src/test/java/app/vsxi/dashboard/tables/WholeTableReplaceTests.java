package app.vsxi.dashboard.tables;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;

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

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.test.context.support.TestExecutionEvent;
import org.springframework.security.test.context.support.WithUserDetails;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;
import app.vsxi.dashboard.support.SameApplication;
import app.vsxi.dashboard.tables.engine.RowKey;
import app.vsxi.dashboard.tables.engine.KeyedDiff;
import app.vsxi.dashboard.tables.engine.RowChange;
import app.vsxi.dashboard.tables.engine.WriteAction;

/**
 * Replacing a whole table: only on the operator's typed confirmation, overwriting the box, audited either way. A
 * table that fits one plain call (here 100 rows: the demo boxes hold fewer subscribers and more routes) goes by
 * all-or-nothing {@code upload}, a larger one by {@code replaceLarge}.
 */
@SpringBootTest(properties = "vsxi.tables.plain-limit=100")
@ActiveProfiles({ "demo", "test" })
@WithUserDetails(value = "admin", setupBefore = TestExecutionEvent.TEST_METHOD)
@ResourceLock(providers = SameApplication.class)
class WholeTableReplaceTests {

	private static final List<String> KEY = List.of("alias", "tableId");

	@Autowired
	DraftOpening draftOpening;

	@Autowired
	DraftEdits draftEdits;

	@Autowired
	DraftFiles draftFiles;

	@Autowired
	TableApplier applier;

	@Autowired
	FleetService fleet;

	@Autowired
	TableCommands gateway;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	app.vsxi.dashboard.demo.DemoFleet demo;

	private long sbc() {
		return this.fleet.visible().stream().filter(sbc -> sbc.name().equals("demo-sbc-3")).map(Sbc::id).findFirst()
			.orElseThrow();
	}

	private SbcEndpoint endpoint(long sbcId) {
		return this.fleet.endpoint(this.fleet.get(sbcId));
	}

	private List<TableRow> routes(long sbcId) {
		List<TableRow> rows = new ArrayList<>();
		GatewayResult<TableZip.Summary> result = this.gateway.downloadLarge(endpoint(sbcId), VsxiTable.ROUTE, rows::add)
			.block(Duration.ofMinutes(1));
		assertThat(result).isInstanceOf(GatewayResult.Ok.class);
		return rows;
	}

	private int audited(String outcome) {
		return this.jdbc.queryForObject(
				"SELECT COUNT(*) FROM audit_event WHERE action = 'TABLE_REPLACE' AND outcome = ?", Integer.class,
				outcome);
	}

	@Test
	void aReplaceSendsNothingUntilTheNameAndPasswordAreRightThenTheBoxHoldsExactlyTheDraft() {
		long sbcId = sbc();
		List<TableRow> original = routes(sbcId);
		long draftId = ((DraftOpening.Opened.Draft) this.draftOpening.open(sbcId, "route")).id();
		TableRow changed = original.get(0);
		TableRow removed = original.get(1);
		this.draftEdits.edit(sbcId, draftId, RowKey.of(changed, KEY), "digitMatch", "4242");
		this.draftEdits.delete(sbcId, draftId, RowKey.of(removed, KEY));
		// a change on the box after the draft was opened: a replace overwrites it, as the page warns
		TableRow theirs = original.get(2);
		GatewayResult<WriteOutcome> meanwhile = this.gateway.update(endpoint(sbcId), VsxiTable.ROUTE,
				new TableDocument("XBRouteList", "XBRoute", List.of(theirs.with("digitMatch", "999"))))
			.block(Duration.ofMinutes(1));
		assertThat(meanwhile).isInstanceOf(GatewayResult.Ok.class);
		int refusedBefore = audited("FAILED");

		assertThat(this.applier.replace(sbcId, draftId, "routes", "admin"))
			.isInstanceOfSatisfying(TableApplier.ApplyOutcome.Refused.class,
					refused -> assertThat(refused.reason()).contains("route"));
		assertThat(this.applier.replace(sbcId, draftId, "route", "wrong"))
			.isInstanceOfSatisfying(TableApplier.ApplyOutcome.Refused.class,
					refused -> assertThat(refused.reason()).contains("password"));
		assertThat(audited("FAILED")).isEqualTo(refusedBefore + 2);
		assertThat(find(routes(sbcId), changed).text("digitMatch")).isEqualTo(changed.text("digitMatch"));

		TableApplier.ApplyOutcome outcome = this.applier.replace(sbcId, draftId, "route", "admin");

		assertThat(outcome).isInstanceOf(TableApplier.ApplyOutcome.Applied.class);
		TableApplier.ApplyOutcome.Applied applied = (TableApplier.ApplyOutcome.Applied) outcome;
		assertThat(original).hasSizeGreaterThan(100);
		assertThat(applied.calls()).singleElement()
			.satisfies(call -> assertThat(call.action()).isEqualTo(WriteAction.REPLACE_LARGE));
		assertThat(applied.verification().matches()).as(applied.toString()).isTrue();
		List<TableRow> intended = new ArrayList<>();
		for (TableRow row : original) {
			if (row.equals(removed)) {
				continue;
			}
			intended.add(row.equals(changed) ? row.with("digitMatch", "4242") : row);
		}
		assertThat(KeyedDiff.diff(intended, routes(sbcId), KEY).isEmpty()).as("the box holds exactly the draft")
			.isTrue();
		assertThat(audited("SUCCESS")).isPositive();
		assertThat(this.applier.snapshots(sbcId, "route")).isNotEmpty();
	}

	@Test
	void aReplaceLargeTheBoxPartlyRefusesNamesTheDroppedRowWithTheBoxsReasonAndOffersTheRollBack() {
		long sbcId = sbc();
		this.demo.box("demo-sbc-3").quirks(Map.of("discardReasons", true));
		try {
			List<TableRow> original = routes(sbcId);
			assertThat(original).hasSizeGreaterThan(100);
			long draftId = ((DraftOpening.Opened.Draft) this.draftOpening.open(sbcId, "route")).id();
			TableRow bad = original.get(3).with("maxLen", "many");
			java.io.ByteArrayOutputStream file = new java.io.ByteArrayOutputStream();
			TableTransfer.export(app.vsxi.dashboard.gateway.Format.XML, "XBRouteList", "XBRoute",
					List.of(bad).iterator(), file);
			this.draftFiles.importRows(sbcId, draftId, "bad.xml", new java.io.ByteArrayInputStream(file.toByteArray()));
			assertThat(this.applier.replacePreview(sbcId, draftId).action()).isEqualTo(WriteAction.REPLACE_LARGE);

			TableApplier.ApplyOutcome outcome = this.applier.replace(sbcId, draftId, "route", "admin");

			TableApplier.ApplyOutcome.Applied applied = (TableApplier.ApplyOutcome.Applied) outcome;
			RowKey key = RowKey.of(bad, KEY);
			assertThat(applied.calls()).singleElement().satisfies(call -> {
				assertThat(call.action()).isEqualTo(WriteAction.REPLACE_LARGE);
				assertThat(call.withErrors()).isTrue();
				assertThat(call.discarded()).extracting(Discarded::key).containsExactly(key);
			});
			assertThat(applied.verification().matches()).isFalse();
			assertThat(applied.verification().differences().removed()).extracting(RowChange::key).containsExactly(key);
			assertThat(applied.reasonFor(key)).contains("maxLen");
			// the row the box dropped is gone from the live table: wipe and insert
			assertThat(routes(sbcId)).hasSize(original.size() - 1).doesNotContain(original.get(3));
			DraftOpening.Opened back = this.applier.rollback(sbcId, applied.snapshotId());
			long rollback = ((DraftOpening.Opened.Draft) back).id();
			assertThat(this.applier.apply(sbcId, rollback, Map.of()))
				.isInstanceOfSatisfying(TableApplier.ApplyOutcome.Applied.class,
						done -> assertThat(done.verification().matches()).isTrue());
			assertThat(KeyedDiff.diff(original, routes(sbcId), KEY).isEmpty()).isTrue();
		}
		finally {
			this.demo.box("demo-sbc-3").quirks(Map.of("discardReasons", false));
		}
	}

	@Test
	void aReplaceThatFitsAPlainCallIsAnUploadTheBoxTakesWholeOrNotAtAll() {
		long sbcId = sbc();
		long draftId = ((DraftOpening.Opened.Draft) this.draftOpening.open(sbcId, "routegroup")).id();
		List<TableRow> before = this.draftOpening.page(sbcId, draftId, new DraftView.Request(Map.of(), null, false, 0, 100))
			.page().rows().stream().map(DraftView.ViewRow::row).toList();
		assertThat(before).hasSizeBetween(2, 100);
		TableRow bad = before.get(0).with("resourceId1", "many");
		java.io.ByteArrayOutputStream file = new java.io.ByteArrayOutputStream();
		TableTransfer.export(app.vsxi.dashboard.gateway.Format.XML, "XBRouteGroupList", "XBRouteGroup",
				List.of(bad, before.get(1).with("alias", "replaced")).iterator(), file);
		this.draftFiles.importRows(sbcId, draftId, "bad.xml", new java.io.ByteArrayInputStream(file.toByteArray()));
		assertThat(this.applier.replacePreview(sbcId, draftId).action()).isEqualTo(WriteAction.UPLOAD);

		TableApplier.ApplyOutcome outcome = this.applier.replace(sbcId, draftId, "routegroup", "admin");

		assertThat(outcome).as(outcome.toString()).isInstanceOfAny(TableApplier.ApplyOutcome.Failed.class,
				TableApplier.ApplyOutcome.Applied.class);
		// all or nothing: the one bad row kept the good change out too, and no row vanished
		List<String> onTheBox = this.demo.box("demo-sbc-3").entries("routegroup").stream()
			.map(entry -> entry.get("groupId") + "|" + entry.get("alias")).toList();
		assertThat(onTheBox).containsExactlyInAnyOrderElementsOf(
				before.stream().map(row -> row.get("groupId") + "|" + row.get("alias")).toList());
	}

	@Test
	void aPlainApplyOfAReplaceOnlyTableIsRefused() {
		long sbcId = sbc();
		long draftId = ((DraftOpening.Opened.Draft) this.draftOpening.open(sbcId, "smcDataFile")).id();
		DraftView.ViewRow first = this.draftOpening.page(sbcId, draftId, new DraftView.Request(Map.of(), null, false, 0, 5))
			.page().rows().get(0);
		this.draftEdits.edit(sbcId, draftId, first.key(), "alias", "changed");

		assertThat(this.applier.apply(sbcId, draftId, Map.of()))
			.isInstanceOfSatisfying(TableApplier.ApplyOutcome.Refused.class,
					refused -> assertThat(refused.reason()).contains("only whole"));
	}

	private static TableRow find(List<TableRow> rows, TableRow wanted) {
		RowKey key = RowKey.of(wanted, KEY);
		return rows.stream().filter(row -> RowKey.of(row, KEY).equals(key)).findFirst().orElseThrow();
	}

}
