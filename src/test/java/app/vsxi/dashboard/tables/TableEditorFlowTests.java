package app.vsxi.dashboard.tables;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
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

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.test.context.support.TestExecutionEvent;
import org.springframework.security.test.context.support.WithUserDetails;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;
import app.vsxi.dashboard.support.SameApplication;
import app.vsxi.dashboard.tables.engine.KeyedDiff;
import app.vsxi.dashboard.tables.engine.TableDiff;
import app.vsxi.dashboard.tables.engine.ApplyPlan;
import app.vsxi.dashboard.tables.engine.RowKey;
import app.vsxi.dashboard.tables.engine.WriteAction;

/** Open, edit, preview, apply and verify every table against the simulated demo boxes over real HTTPS. */
@SpringBootTest
// unused here, but the same set-up as the other demo tests lets this class share their application
@AutoConfigureMockMvc
@ActiveProfiles({ "demo", "test" })
@WithUserDetails(value = "admin", setupBefore = TestExecutionEvent.TEST_METHOD)
@ResourceLock(providers = SameApplication.class)
class TableEditorFlowTests {

	@Autowired
	DraftOpening draftOpening;

	@Autowired
	DraftEdits draftEdits;

	@Autowired
	TableApplier applier;

	@Autowired
	FleetService fleet;

	@Autowired
	TableCommands gateway;

	@Autowired
	DemoFleet demo;

	@Autowired
	JdbcTemplate jdbc;

	private Sbc sbc(String name) {
		return this.fleet.visible().stream().filter(sbc -> sbc.name().equals(name)).findFirst().orElseThrow();
	}

	private long open(long sbcId, EditableTable table) {
		DraftOpening.Opened opened = this.draftOpening.open(sbcId, table.table());
		assertThat(opened).isInstanceOf(DraftOpening.Opened.Draft.class);
		return ((DraftOpening.Opened.Draft) opened).id();
	}

	private List<TableRow> download(long sbcId, EditableTable table) {
		SbcEndpoint endpoint = this.fleet.endpoint(this.fleet.get(sbcId));
		if (table.downloadsLarge()) {
			List<TableRow> rows = new java.util.ArrayList<>();
			GatewayResult<TableZip.Summary> result = this.gateway.downloadLarge(endpoint, table.catalog(), table.format(),
					rows::add)
				.block(Duration.ofMinutes(1));
			assertThat(result).isInstanceOf(GatewayResult.Ok.class);
			return rows;
		}
		GatewayResult<TableDocument> result = this.gateway.download(endpoint, table.catalog()).block(Duration.ofMinutes(1));
		assertThat(result).isInstanceOf(GatewayResult.Ok.class);
		return ((GatewayResult.Ok<TableDocument>) result).value().rows();
	}

	/** A field an operator would change: not a key, plain text, and a new value the box accepts. */
	private static Map.Entry<String, String> edit(EditableTable table, TableRow row) {
		for (Map.Entry<String, Object> field : row.fields().entrySet()) {
			if (table.keyFields().contains(field.getKey()) || !(field.getValue() instanceof String value)) {
				continue;
			}
			if (value.matches("\\d{1,6}") && !Set.of("tableId", "trunkId", "groupId").contains(field.getKey())
					&& !field.getKey().startsWith("resourceId")) {
				return Map.entry(field.getKey(), String.valueOf(Integer.parseInt(value) + 1));
			}
			if (Set.of("alias", "description", "digitMatch", "companyName", "name", "password", "digits")
				.contains(field.getKey())) {
				return Map.entry(field.getKey(), value + "7");
			}
		}
		throw new AssertionError("no field to edit in " + row);
	}

	/**
	 * Every writable table on a box keyed as the simulator's catalog says; route, digit_mapping and subscriber also
	 * on boxes keyed on fewer and on more fields (no source names any table's key).
	 */
	static Stream<Arguments> roundTrips() {
		Map<EditableTable, List<List<String>>> readings = Map.of(EditableTable.ROUTE,
				List.of(List.of("alias"), List.of("alias", "tableId", "digitMatch")), EditableTable.DIGIT_MAPPING,
				List.of(List.of("alias"), List.of("alias", "tableId", "origDnis")), EditableTable.SUBSCRIBER,
				List.of(List.of("username"), List.of("username", "userDomain", "alias")));
		return Stream.of(EditableTable.values())
			.filter(table -> !Set.of(EditableTable.MEDIA_SERVER, EditableTable.MEDIA_SERVER_PROFILE,
					EditableTable.SMC_DATA_FILE, EditableTable.USERS).contains(table))
			.flatMap(table -> Stream.concat(Stream.of(Arguments.of(table, List.of())),
					readings.getOrDefault(table, List.of()).stream().map(key -> Arguments.of(table, key))));
	}

	@ParameterizedTest(name = "{0} on a box keyed on {1}")
	@MethodSource("roundTrips")
	void everyWritableTableRoundTripsAnEditThroughTheBox(EditableTable table, List<String> boxKey) {
		long sbcId = sbc("demo-sbc-1").id();
		if (!boxKey.isEmpty()) {
			this.demo.box("demo-sbc-1").quirks(Map.of("rowKeys", Map.of(table.table(), boxKey)));
		}
		try {
			roundTrip(sbcId, table);
		}
		finally {
			this.demo.box("demo-sbc-1").quirks(Map.of("rowKeys", Map.of()));
		}
	}

	private void roundTrip(long sbcId, EditableTable table) {
		List<TableRow> before = download(sbcId, table);
		assertThat(before).as("the demo box has rows of " + table.table()).isNotEmpty();
		long draftId = open(sbcId, table);
		DraftView.Page page = this.draftOpening.page(sbcId, draftId, new DraftView.Request(Map.of(), null, false, 0, 10))
			.page();
		assertThat(page.total()).isEqualTo(before.size());
		DraftView.ViewRow first = page.rows().get(0);
		Map.Entry<String, String> change = edit(table, first.row());
		DraftEdits.EditResult edited = this.draftEdits.edit(sbcId, draftId, first.key(), change.getKey(),
				change.getValue());
		assertThat(edited.problem()).isNull();
		TableDiff.Summary planned = this.applier.preview(sbcId, draftId).diff().summary();
		assertThat(planned).isEqualTo(new TableDiff.Summary(0, 0, 1, 1));

		TableApplier.ApplyOutcome outcome = this.applier.apply(sbcId, draftId, Map.of());

		assertThat(outcome).isInstanceOf(TableApplier.ApplyOutcome.Applied.class);
		TableApplier.ApplyOutcome.Applied applied = (TableApplier.ApplyOutcome.Applied) outcome;
		assertThat(applied.verification().matches()).as(applied.toString()).isTrue();
		List<TableRow> after = download(sbcId, table);
		List<TableRow> intended = before.stream()
			.map(row -> row.equals(first.row()) ? row.with(change.getKey(), change.getValue()) : row)
			.toList();
		assertThat(KeyedDiff.diff(intended, after, table.keyFields()).isEmpty()).as("box equals the intended table")
			.isTrue();
		// every field the box sent came back, in its order
		TableRow changedRow = after.stream()
			.filter(row -> RowKey.of(row, table.keyFields()).equals(RowKey.of(first.row(), table.keyFields())))
			.findFirst()
			.orElseThrow();
		assertThat(List.copyOf(changedRow.fields().keySet())).isEqualTo(List.copyOf(first.row().fields().keySet()));
	}

	@ParameterizedTest
	@EnumSource(value = EditableTable.class, names = { "MEDIA_SERVER", "MEDIA_SERVER_PROFILE" })
	void readOnlyTablesOpenButTakeNoEdit(EditableTable table) {
		long sbcId = sbc("demo-sbc-1").id();
		long draftId = open(sbcId, table);
		DraftOpening.DraftPage page = this.draftOpening.page(sbcId, draftId,
				new DraftView.Request(Map.of(), null, false, 0, 10));
		assertThat(page.readOnly()).isTrue();
		org.assertj.core.api.Assertions.assertThatThrownBy(() -> this.draftEdits.delete(sbcId, draftId,
				page.page().rows().get(0).key())).isInstanceOf(TableEditorException.class);
	}

	@Test
	void smcDataFileOpensAsRowsOfItsHeaderAndGoesBackOnlyByAConfirmedReplace() {
		EditableTable table = EditableTable.SMC_DATA_FILE;
		long sbcId = sbc("demo-sbc-1").id();
		List<TableRow> before = download(sbcId, table);
		assertThat(before).isNotEmpty();
		long draftId = open(sbcId, table);
		DraftView.Page page = this.draftOpening.page(sbcId, draftId, new DraftView.Request(Map.of(), null, false, 0, 10))
			.page();
		assertThat(page.columns()).isEqualTo(List.copyOf(before.get(0).fields().keySet()));
		DraftView.ViewRow first = page.rows().get(0);
		String value = first.row().get("value") + "9";
		assertThat(this.draftEdits.edit(sbcId, draftId, first.key(), "value", value).problem()).isNull();
		assertThat(this.applier.preview(sbcId, draftId).plan()).isInstanceOfSatisfying(ApplyPlan.Calls.class,
				calls -> assertThat(calls.calls()).extracting(ApplyPlan.Call::action)
					.containsExactly(WriteAction.REPLACE_LARGE));

		assertThat(this.applier.apply(sbcId, draftId, Map.of())).isInstanceOf(TableApplier.ApplyOutcome.Refused.class);
		assertThat(this.applier.replace(sbcId, draftId, "route", "admin"))
			.isInstanceOf(TableApplier.ApplyOutcome.Refused.class);
		assertThat(this.applier.replace(sbcId, draftId, table.table(), "not-my-password"))
			.isInstanceOf(TableApplier.ApplyOutcome.Refused.class);
		assertThat(download(sbcId, table)).as("nothing sent without confirmation").isEqualTo(before);

		TableApplier.ApplyOutcome outcome = this.applier.replace(sbcId, draftId, table.table(), "admin");

		assertThat(outcome).isInstanceOf(TableApplier.ApplyOutcome.Applied.class);
		assertThat(((TableApplier.ApplyOutcome.Applied) outcome).verification().matches()).isTrue();
		List<TableRow> after = download(sbcId, table);
		List<TableRow> intended = before.stream()
			.map(row -> row.equals(first.row()) ? row.with("value", value) : row)
			.toList();
		assertThat(after).isEqualTo(intended);
		assertThat(this.jdbc.queryForObject(
				"SELECT COUNT(*) FROM audit_event WHERE action = 'TABLE_REPLACE' AND outcome = 'SUCCESS'", Integer.class))
			.isPositive();
	}

}
