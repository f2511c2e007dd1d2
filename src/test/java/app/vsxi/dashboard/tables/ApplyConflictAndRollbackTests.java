package app.vsxi.dashboard.tables;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import app.vsxi.dashboard.fleet.FleetService;
import app.vsxi.dashboard.fleet.Sbc;
import app.vsxi.dashboard.gateway.Format;
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
import org.springframework.security.test.context.support.TestExecutionEvent;
import org.springframework.security.test.context.support.WithUserDetails;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import app.vsxi.dashboard.support.SameApplication;
import app.vsxi.dashboard.tables.engine.FieldChange;
import app.vsxi.dashboard.tables.engine.KeyedDiff;
import app.vsxi.dashboard.tables.engine.RowChange;
import app.vsxi.dashboard.tables.engine.RowKey;
import app.vsxi.dashboard.tables.engine.TableDiff;
import app.vsxi.dashboard.tables.engine.ThreeWayMerge;
import app.vsxi.dashboard.tables.engine.WriteAction;

/** Apply when the box changed meanwhile, a Large apply the box partly refuses, and roll back to a snapshot. */
@SpringBootTest(properties = "vsxi.tables.large-above=0")
@org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc
@ActiveProfiles({ "demo", "test" })
@WithUserDetails(value = "admin", setupBefore = TestExecutionEvent.TEST_METHOD)
@ResourceLock(providers = SameApplication.class)
class ApplyConflictAndRollbackTests {

	private static final List<String> KEY = List.of("alias", "tableId");

	@Autowired
	DraftOpening draftOpening;

	@Autowired
	DraftEdits draftEdits;

	@Autowired
	DraftFiles draftFiles;

	@Autowired
	DraftAccess draftAccess;

	@Autowired
	TableApplier applier;

	@Autowired
	FleetService fleet;

	@Autowired
	TableCommands gateway;

	@Autowired
	app.vsxi.dashboard.demo.DemoFleet demo;

	@Autowired
	app.vsxi.dashboard.fleet.SbcRepository sbcs;

	@Autowired
	org.springframework.test.web.servlet.MockMvc mvc;

	@Autowired
	org.springframework.jdbc.core.JdbcTemplate jdbc;

	private long sbc() {
		return this.fleet.visible().stream().filter(sbc -> sbc.name().equals("demo-sbc-2")).map(Sbc::id).findFirst()
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

	private long open(long sbcId) {
		return ((DraftOpening.Opened.Draft) this.draftOpening.open(sbcId, "route")).id();
	}

	private void changeOnTheBox(long sbcId, TableRow row) {
		GatewayResult<WriteOutcome> result = this.gateway.update(endpoint(sbcId), VsxiTable.ROUTE,
				new TableDocument("XBRouteList", "XBRoute", List.of(row))).block(Duration.ofMinutes(1));
		assertThat(result).isInstanceOf(GatewayResult.Ok.class);
	}

	@Test
	void anSbcThatBecameALoadBalanceSlaveTakesNoApplyAndNoRollBackAndKeepsItsSnapshots() {
		long sbcId = sbc();
		TableRow a = routes(sbcId).get(0);
		long draftId = open(sbcId);
		this.draftEdits.edit(sbcId, draftId, RowKey.of(a, KEY), "maxLen", "18");
		long snapshotId = ((TableApplier.ApplyOutcome.Applied) this.applier.apply(sbcId, draftId, Map.of()))
			.snapshotId();
		long nextDraft = open(sbcId);
		this.draftEdits.edit(sbcId, nextDraft, RowKey.of(a, KEY), "maxLen", "17");
		Sbc sbc = this.sbcs.findById(sbcId).orElseThrow();
		long master = this.fleet.visible().stream().filter(other -> other.name().equals("demo-sbc-1")).map(Sbc::id)
			.findFirst().orElseThrow();
		List<TableRow> before = routes(sbcId);
		List<app.vsxi.dashboard.tables.Snapshot> kept = this.applier.snapshots(sbcId, "route");
		this.sbcs.save(sbc.toBuilder().haMasterId(master).build());
		try {
			TableApplier.ApplyOutcome outcome = this.applier.apply(sbcId, nextDraft, Map.of());

			assertThat(outcome).isInstanceOf(TableApplier.ApplyOutcome.Refused.class);
			assertThat(((TableApplier.ApplyOutcome.Refused) outcome).reason()).contains("Load-Balance slave");
			assertThatThrownBy(() -> this.applier.rollback(sbcId, snapshotId))
				.isInstanceOf(TableEditorException.class).hasMessageContaining("Load-Balance slave");
			assertThat(routes(sbcId)).isEqualTo(before);
			assertThat(this.applier.snapshots(sbcId, "route")).isEqualTo(kept);
		}
		finally {
			this.sbcs.save(this.sbcs.findById(sbcId).orElseThrow().toBuilder().haMasterId(null).build());
		}
	}

	@Test
	void theAuditOfAnApplyAndOfItsRollBackNamesEachChangedRowAndFieldWithOldAndNewValue() {
		long sbcId = sbc();
		TableRow a = routes(sbcId).get(3);
		String old = a.text("maxLen");
		String changed = "17".equals(old) ? "16" : "17";
		long draftId = open(sbcId);
		this.draftEdits.edit(sbcId, draftId, RowKey.of(a, KEY), "maxLen", changed);
		long snapshotId = ((TableApplier.ApplyOutcome.Applied) this.applier.apply(sbcId, draftId, Map.of()))
			.snapshotId();
		long rollbackDraft = ((DraftOpening.Opened.Draft) this.applier.rollback(sbcId, snapshotId)).id();
		this.applier.apply(sbcId, rollbackDraft, Map.of());

		String row = a.text("alias") + " / " + a.text("tableId");
		assertThat(lastAudit("TABLE_APPLY")).contains("; edited by admin; calls: ")
			.endsWith("; changes: " + row + ": maxLen: " + old + " → " + changed);
		assertThat(lastAudit("TABLE_ROLLBACK")).contains("(snapshot " + snapshotId + ")")
			.endsWith("; changes: " + row + ": maxLen: " + changed + " → " + old);
	}

	@Test
	void theResultPageOfARollBackSaysWhichSnapshotItRestored() throws Exception {
		long sbcId = sbc();
		TableRow a = routes(sbcId).get(4);
		long draftId = open(sbcId);
		this.draftEdits.edit(sbcId, draftId, RowKey.of(a, KEY), "maxLen", "17".equals(a.text("maxLen")) ? "16" : "17");
		long snapshotId = ((TableApplier.ApplyOutcome.Applied) this.applier.apply(sbcId, draftId, Map.of()))
			.snapshotId();
		long rollbackDraft = ((DraftOpening.Opened.Draft) this.applier.rollback(sbcId, snapshotId)).id();

		String page = this.mvc.perform(post("/sbcs/{id}/tables/drafts/{d}/apply", sbcId, rollbackDraft).with(csrf()))
			.andReturn().getResponse().getContentAsString();

		assertThat(page).contains("<h1>Rolled back to snapshot " + snapshotId + " and verified: route on demo-sbc-2</h1>");
	}

	private String lastAudit(String action) {
		return this.jdbc.queryForObject("SELECT detail FROM audit_event WHERE action = ? AND target = ? "
				+ "ORDER BY id DESC LIMIT 1", String.class, action, "demo-sbc-2 route");
	}

	@Test
	void editsTheBoxMadeMeanwhileMergeAndOverlapsWaitForAChoiceThenRollBackRestoresTheSnapshot() {
		long sbcId = sbc();
		List<TableRow> original = routes(sbcId);
		TableRow a = original.get(0);
		TableRow b = original.get(1);
		long draftId = open(sbcId);
		this.draftEdits.edit(sbcId, draftId, RowKey.of(a, KEY), "digitMatch", "111");
		this.draftEdits.edit(sbcId, draftId, RowKey.of(b, KEY), "maxLen", "19");
		changeOnTheBox(sbcId, a.with("digitMatch", "222"));
		TableRow c = original.get(2);
		changeOnTheBox(sbcId, c.with("digitMatch", "333"));

		TableApplier.ApplyOutcome first = this.applier.apply(sbcId, draftId, Map.of());

		assertThat(first).isInstanceOf(TableApplier.ApplyOutcome.Conflicts.class);
		List<ThreeWayMerge.Conflict> conflicts = ((TableApplier.ApplyOutcome.Conflicts) first).conflicts();
		assertThat(conflicts).extracting(ThreeWayMerge.Conflict::key).containsExactly(RowKey.of(a, KEY));
		assertThat(conflicts.get(0).fields()).containsExactly("digitMatch");
		List<TableRow> beforeApply = routes(sbcId);

		TableApplier.ApplyOutcome second = this.applier.apply(sbcId, draftId,
				Map.of(RowKey.of(a, KEY), ThreeWayMerge.Side.OURS));

		assertThat(second).isInstanceOf(TableApplier.ApplyOutcome.Applied.class);
		TableApplier.ApplyOutcome.Applied applied = (TableApplier.ApplyOutcome.Applied) second;
		assertThat(applied.verification().matches()).isTrue();
		assertThat(applied.calls()).extracting(TableApplier.CallReport::action).containsExactly(WriteAction.UPDATE_LARGE);
		List<TableRow> after = routes(sbcId);
		TableRow afterA = find(after, a);
		assertThat(afterA.text("digitMatch")).isEqualTo("111");
		assertThat(find(after, b).text("maxLen")).isEqualTo("19");
		assertThat(find(after, c).text("digitMatch")).isEqualTo("333");

		DraftOpening.Opened rollback = this.applier.rollback(sbcId, applied.snapshotId());
		long rollbackDraft = ((DraftOpening.Opened.Draft) rollback).id();
		TableApplier.ApplyOutcome restored = this.applier.apply(sbcId, rollbackDraft, Map.of());

		assertThat(restored).isInstanceOf(TableApplier.ApplyOutcome.Applied.class);
		assertThat(KeyedDiff.diff(beforeApply, routes(sbcId), KEY).isEmpty()).as("the box holds the snapshot again")
			.isTrue();
	}

	@Test
	void aLargeApplyTheBoxPartlyRefusesShowsExactlyTheDiscardedRows() {
		long sbcId = sbc();
		List<TableRow> original = routes(sbcId);
		long draftId = open(sbcId);
		TableRow good = original.get(5).with("digitMatch", "5550");
		TableRow bad = original.get(6).with("minLen", "not-a-number");
		ByteArrayOutputStream file = new ByteArrayOutputStream();
		TableTransfer.export(Format.XML, "XBRouteList", "XBRoute", List.of(good, bad).iterator(), file);
		this.draftFiles.importRows(sbcId, draftId, "two.xml", new ByteArrayInputStream(file.toByteArray()));

		TableApplier.ApplyOutcome outcome = this.applier.apply(sbcId, draftId, Map.of());

		assertThat(outcome).isInstanceOf(TableApplier.ApplyOutcome.Applied.class);
		TableApplier.ApplyOutcome.Applied applied = (TableApplier.ApplyOutcome.Applied) outcome;
		assertThat(applied.calls()).singleElement().satisfies(call -> {
			assertThat(call.action()).isEqualTo(WriteAction.UPDATE_LARGE);
			assertThat(call.withErrors()).isTrue();
			assertThat(call.answer()).startsWith("300");
		});
		assertThat(applied.verification().matches()).isFalse();
		TableDiff differences = applied.verification().differences();
		assertThat(differences.changed()).extracting(RowChange::key).containsExactly(RowKey.of(bad, KEY));
		assertThat(differences.changed().get(0).fields()).extracting(FieldChange::field).containsExactly("minLen");
		assertThat(differences.added()).isEmpty();
		assertThat(differences.removed()).isEmpty();
		assertThat(find(routes(sbcId), good).text("digitMatch")).isEqualTo("5550");
		assertThat(new String(file.toByteArray(), StandardCharsets.UTF_8)).contains("not-a-number");
		// as documented, the 300 answer names no entry: the page says the reasons are in the box's log
		assertThat(applied.reasonFor(RowKey.of(bad, KEY))).isNull();
		assertThat(applied.reasonsOnlyInTheBoxLog()).isTrue();
	}

	@Test
	void aBoxThatNamesEachDiscardedEntryHasItsReasonShownAgainstThatRow() {
		long sbcId = sbc();
		this.demo.box("demo-sbc-2").quirks(Map.of("discardReasons", true));
		try {
			List<TableRow> original = routes(sbcId);
			long draftId = open(sbcId);
			TableRow good = original.get(8).with("digitMatch", "5551");
			TableRow bad = original.get(9).with("maxLen", "many");
			ByteArrayOutputStream file = new ByteArrayOutputStream();
			TableTransfer.export(Format.XML, "XBRouteList", "XBRoute", List.of(good, bad).iterator(), file);
			this.draftFiles.importRows(sbcId, draftId, "two.xml", new ByteArrayInputStream(file.toByteArray()));

			TableApplier.ApplyOutcome outcome = this.applier.apply(sbcId, draftId, Map.of());

			TableApplier.ApplyOutcome.Applied applied = (TableApplier.ApplyOutcome.Applied) outcome;
			assertThat(applied.calls()).singleElement()
				.satisfies(call -> assertThat(call.discarded()).extracting(Discarded::key)
					.containsExactly(RowKey.of(bad, KEY)));
			assertThat(applied.reasonFor(RowKey.of(bad, KEY))).contains("maxLen");
			assertThat(applied.reasonFor(RowKey.of(good, KEY))).isNull();
			assertThat(applied.reasonsOnlyInTheBoxLog()).isFalse();
			assertThat(applied.verification().differences().changed()).extracting(RowChange::key)
				.containsExactly(RowKey.of(bad, KEY));
		}
		finally {
			this.demo.box("demo-sbc-2").quirks(Map.of("discardReasons", false));
		}
	}

	@ParameterizedTest(name = "box keyed on {0}")
	@ValueSource(strings = { "alias", "alias,tableId", "alias,tableId,digitMatch" })
	void aLargeUpdateTheBoxPartlyDropsSendsNoDeleteAndKeepsTheDraft(String boxKey) {
		long sbcId = sbc();
		this.demo.box("demo-sbc-2").quirks(Map.of("rowKeys", Map.of("route", List.of(boxKey.split(",")))));
		try {
			List<TableRow> original = routes(sbcId);
			TableRow moving = original.get(20);
			TableRow removed = original.get(21);
			TableRow good = original.get(22).with("digitMatch", "5552");
			// moved to another table, with a value the box refuses: the replacement is dropped
			TableRow badReplacement = moving.with("tableId", moving.text("tableId").equals("1") ? "2" : "1")
				.with("minLen", "not-a-number");
			long draftId = open(sbcId);
			this.draftEdits.delete(sbcId, draftId, RowKey.of(moving, KEY));
			this.draftEdits.delete(sbcId, draftId, RowKey.of(removed, KEY));
			ByteArrayOutputStream file = new ByteArrayOutputStream();
			TableTransfer.export(Format.XML, "XBRouteList", "XBRoute", List.of(good, badReplacement).iterator(), file);
			this.draftFiles.importRows(sbcId, draftId, "moved.xml", new ByteArrayInputStream(file.toByteArray()));

			TableApplier.ApplyOutcome outcome = this.applier.apply(sbcId, draftId, Map.of());

			TableApplier.ApplyOutcome.Applied applied = (TableApplier.ApplyOutcome.Applied) outcome;
			assertThat(applied.calls()).extracting(TableApplier.CallReport::action)
				.containsExactly(WriteAction.UPDATE_LARGE);
			assertThat(applied.calls().get(0).answer()).startsWith("300");
			assertThat(applied.deletes().deletes()).isEmpty();
			assertThat(applied.deletes().heldBack()).containsExactlyInAnyOrder(moving, removed);
			assertThat(applied.deletes().notTaken()).containsExactly(badReplacement);
			assertThat(applied.draftKept()).isTrue();
			assertThat(this.draftAccess.draft(sbcId, draftId).id()).isEqualTo(draftId);
			List<TableRow> now = routes(sbcId);
			assertThat(now).contains(moving, removed);
			assertThat(find(now, good).text("digitMatch")).isEqualTo("5552");
		}
		finally {
			this.demo.box("demo-sbc-2").quirks(Map.of("rowKeys", Map.of()));
		}
	}

	@Test
	void theResultPageSaysWhichDeletesWereHeldBackAndWhyAndOffersTheRollBack() throws Exception {
		long sbcId = sbc();
		List<TableRow> original = routes(sbcId);
		TableRow removed = original.get(30);
		TableRow bad = original.get(31).with("tableId", "9").with("minLen", "not-a-number");
		long draftId = open(sbcId);
		this.draftEdits.delete(sbcId, draftId, RowKey.of(removed, KEY));
		ByteArrayOutputStream file = new ByteArrayOutputStream();
		TableTransfer.export(Format.XML, "XBRouteList", "XBRoute", List.of(bad).iterator(), file);
		this.draftFiles.importRows(sbcId, draftId, "bad.xml", new ByteArrayInputStream(file.toByteArray()));

		String page = this.mvc.perform(post("/sbcs/{id}/tables/drafts/{d}/apply", sbcId, draftId).with(csrf()))
			.andReturn()
			.getResponse()
			.getContentAsString();

		assertThat(page).contains("Deletes, decided after reading the table back")
			.contains("1 row was not deleted: 1 of the rows sent by update is not on the box")
			.contains("The draft is kept")
			.contains("1 row sent by update is not on the box.")
			.contains("/rollback\"")
			// the lists of rows held back and not taken name rows by their key, not by every field
			.contains("<li>" + removed.text("alias") + " / " + removed.text("tableId") + "</li>");
		// read from the box itself: the request above leaves this thread without a signed-in user
		assertThat(this.demo.box("demo-sbc-2").entries("route"))
			.anySatisfy(route -> assertThat(route.get("alias")).isEqualTo(removed.text("alias")));
	}

	private static TableRow find(List<TableRow> rows, TableRow wanted) {
		RowKey key = RowKey.of(wanted, KEY);
		return rows.stream().filter(row -> RowKey.of(row, KEY).equals(key)).findFirst().orElseThrow();
	}

}
