package app.vsxi.dashboard.tables.engine;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import app.vsxi.dashboard.gateway.TableRow;

import static app.vsxi.dashboard.tables.engine.Rows.ROUTE_KEY;
import static app.vsxi.dashboard.tables.engine.Rows.route;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class ApplyPlannerTests {

	private static final Set<WriteAction> ROUTE = EnumSet.allOf(WriteAction.class);

	private static final Set<WriteAction> PLAIN_ONLY = EnumSet.of(WriteAction.UPDATE, WriteAction.DELETE,
			WriteAction.UPLOAD);

	private final ApplyPlanner planner = new ApplyPlanner(100, 5000);

	private static List<TableRow> routes(String prefix, int count) {
		return IntStream.range(0, count).mapToObj(i -> route(prefix + i, "1", String.valueOf(i))).toList();
	}

	private static ApplyPlan.Calls calls(ApplyPlan plan) {
		assertThat(plan).isInstanceOf(ApplyPlan.Calls.class);
		return (ApplyPlan.Calls) plan;
	}

	@Test
	void nothingToDoIsNoCall() {
		List<TableRow> table = routes("r", 3);
		assertThat(calls(this.planner.plan(KeyedDiff.diff(table, table, ROUTE_KEY), ROUTE)).calls()).isEmpty();
	}

	@Test
	void changedAndNewRowsGoInOneUpdateThenRemovedRowsInOneDelete() {
		TableRow kept = route("k", "1", "1");
		TableRow changedBefore = route("c", "1", "1");
		TableRow changedAfter = route("c", "1", "2");
		TableRow removed = route("x", "1", "1");
		TableRow added = route("n", "1", "1");
		TableDiff diff = KeyedDiff.diff(List.of(kept, changedBefore, removed), List.of(kept, changedAfter, added),
				ROUTE_KEY);
		ApplyPlan.Calls plan = calls(this.planner.plan(diff, ROUTE));
		assertThat(plan.calls()).containsExactly(new ApplyPlan.Call(WriteAction.UPDATE, List.of(added, changedAfter)),
				new ApplyPlan.Call(WriteAction.DELETE, List.of(removed)));
		assertThat(plan.rows()).isEqualTo(3);
	}

	@Test
	void onlyDeletesSendNoUpdate() {
		List<TableRow> table = routes("r", 3);
		ApplyPlan.Calls plan = calls(this.planner.plan(KeyedDiff.diff(table, table.subList(0, 1), ROUTE_KEY), ROUTE));
		assertThat(plan.calls()).containsExactly(new ApplyPlan.Call(WriteAction.DELETE, table.subList(1, 3)));
	}

	@Test
	void exactlyTheThresholdStaysPlainAndOneMoreGoesLarge() {
		List<TableRow> hundred = routes("r", 100);
		assertThat(calls(this.planner.plan(KeyedDiff.diff(List.of(), hundred, ROUTE_KEY), ROUTE)).calls())
			.extracting(ApplyPlan.Call::action)
			.containsExactly(WriteAction.UPDATE);
		List<TableRow> more = routes("r", 101);
		ApplyPlan.Calls plan = calls(this.planner.plan(KeyedDiff.diff(List.of(), more, ROUTE_KEY), ROUTE));
		assertThat(plan.calls()).containsExactly(new ApplyPlan.Call(WriteAction.UPDATE_LARGE, more));
		ApplyPlan.Calls deletes = calls(this.planner.plan(KeyedDiff.diff(more, List.of(), ROUTE_KEY), ROUTE));
		assertThat(deletes.calls()).containsExactly(new ApplyPlan.Call(WriteAction.DELETE_LARGE, more));
	}

	@Test
	void withoutLargeActionsPlainWritesAreSplitAtTheLimit() {
		ApplyPlanner small = new ApplyPlanner(0, 3);
		List<TableRow> seven = routes("r", 7);
		ApplyPlan.Calls plan = calls(small.plan(KeyedDiff.diff(List.of(), seven, ROUTE_KEY), PLAIN_ONLY));
		assertThat(plan.calls()).containsExactly(new ApplyPlan.Call(WriteAction.UPDATE, seven.subList(0, 3)),
				new ApplyPlan.Call(WriteAction.UPDATE, seven.subList(3, 6)),
				new ApplyPlan.Call(WriteAction.UPDATE, seven.subList(6, 7)));
		List<TableRow> six = routes("r", 6);
		assertThat(calls(small.plan(KeyedDiff.diff(six, List.of(), ROUTE_KEY), PLAIN_ONLY)).calls())
			.containsExactly(new ApplyPlan.Call(WriteAction.DELETE, six.subList(0, 3)),
					new ApplyPlan.Call(WriteAction.DELETE, six.subList(3, 6)));
	}

	@Test
	void plainWritesNeverCarryMoreThanFiveThousandEntries() {
		ApplyPlanner planner = new ApplyPlanner(1_000_000, ApplyPlanner.PLAIN_LIMIT);
		List<TableRow> many = routes("r", 12_001);
		ApplyPlan.Calls plan = calls(planner.plan(KeyedDiff.diff(List.of(), many, ROUTE_KEY), ROUTE));
		assertThat(plan.calls()).extracting(call -> call.rows().size()).containsExactly(5000, 5000, 2001);
		assertThat(plan.calls()).allMatch(call -> call.action() == WriteAction.UPDATE);
		List<TableRow> sent = new ArrayList<>();
		plan.calls().forEach(call -> sent.addAll(call.rows()));
		assertThat(sent).containsExactlyElementsOf(many);
	}

	@Test
	void aTableWithOnlyLargeActionsUsesThemForFewRows() {
		Set<WriteAction> largeOnly = EnumSet.of(WriteAction.UPDATE_LARGE, WriteAction.DELETE_LARGE);
		List<TableRow> two = routes("r", 2);
		assertThat(calls(this.planner.plan(KeyedDiff.diff(List.of(), two, ROUTE_KEY), largeOnly)).calls())
			.containsExactly(new ApplyPlan.Call(WriteAction.UPDATE_LARGE, two));
	}

	@Test
	void aTableThatTakesNoUpdateOrDeleteIsRefused() {
		List<TableRow> two = routes("r", 2);
		ApplyPlan plan = this.planner.plan(KeyedDiff.diff(List.of(), two, ROUTE_KEY), EnumSet.of(WriteAction.DELETE));
		assertThat(plan).isEqualTo(new ApplyPlan.Refused("this table takes no update"));
		ApplyPlan deletes = this.planner.plan(KeyedDiff.diff(two, List.of(), ROUTE_KEY), EnumSet.of(WriteAction.UPDATE));
		assertThat(deletes).isEqualTo(new ApplyPlan.Refused("this table takes no delete"));
	}

	@Test
	void aDraftHoldingAKeyTwiceIsNotApplied() {
		TableRow row = route("a", "1", "1");
		ApplyPlan plan = this.planner.plan(KeyedDiff.diff(List.of(), List.of(row, route("a", "1", "2")), ROUTE_KEY),
				ROUTE);
		assertThat(plan).isInstanceOf(ApplyPlan.Refused.class);
		assertThat(((ApplyPlan.Refused) plan).reason()).contains("a / 1");
	}

	@Test
	void aBaseHoldingAKeyTwiceCanStillBeCleanedUp() {
		TableRow row = route("a", "1", "1");
		ApplyPlan.Calls plan = calls(this.planner.plan(KeyedDiff.diff(List.of(row, row), List.of(row), ROUTE_KEY), ROUTE));
		assertThat(plan.calls()).containsExactly(new ApplyPlan.Call(WriteAction.DELETE, List.of(row)));
	}

	@Test
	void replacingASmallTableIsOnePlainUpload() {
		List<TableRow> rows = routes("r", 50);
		assertThat(calls(this.planner.replace(rows, ROUTE)).calls())
			.containsExactly(new ApplyPlan.Call(WriteAction.UPLOAD, rows));
		assertThat(calls(this.planner.replace(rows, PLAIN_ONLY)).calls())
			.containsExactly(new ApplyPlan.Call(WriteAction.UPLOAD, rows));
	}

	@Test
	void replacingAnyTableThatFitsAPlainCallIsAnAllOrNothingUploadWhateverTheLargeThreshold() {
		List<TableRow> rows = routes("r", 101);
		assertThat(calls(this.planner.replace(rows, ROUTE)).calls())
			.containsExactly(new ApplyPlan.Call(WriteAction.UPLOAD, rows));
		List<TableRow> limit = routes("r", 5000);
		assertThat(calls(this.planner.replace(limit, ROUTE)).calls())
			.containsExactly(new ApplyPlan.Call(WriteAction.UPLOAD, limit));
		List<TableRow> above = routes("r", 5001);
		assertThat(calls(this.planner.replace(above, ROUTE)).calls())
			.containsExactly(new ApplyPlan.Call(WriteAction.REPLACE_LARGE, above));
	}

	@Test
	void replacingPastThePlainLimitNeedsReplaceLarge() {
		ApplyPlanner planner = new ApplyPlanner(1_000_000, 10);
		List<TableRow> eleven = routes("r", 11);
		assertThat(calls(planner.replace(eleven, ROUTE)).calls())
			.containsExactly(new ApplyPlan.Call(WriteAction.REPLACE_LARGE, eleven));
		assertThat(planner.replace(eleven, PLAIN_ONLY)).isEqualTo(new ApplyPlan.Refused(
				"11 rows are more than one plain upload takes (10) and this table has no replaceLarge"));
		List<TableRow> ten = routes("r", 10);
		assertThat(calls(planner.replace(ten, PLAIN_ONLY)).calls())
			.containsExactly(new ApplyPlan.Call(WriteAction.UPLOAD, ten));
	}

	@Test
	void aTableWithOnlyReplaceLargeIsReplacedThatWay() {
		List<TableRow> rows = routes("r", 2);
		assertThat(calls(this.planner.replace(rows, EnumSet.of(WriteAction.REPLACE_LARGE))).calls())
			.containsExactly(new ApplyPlan.Call(WriteAction.REPLACE_LARGE, rows));
	}

	@Test
	void aTableThatCannotBeReplacedSaysSo() {
		assertThat(this.planner.replace(routes("r", 2), EnumSet.of(WriteAction.UPDATE)))
			.isEqualTo(new ApplyPlan.Refused("this table cannot be replaced whole"));
	}

	@Test
	void settingsOutsideTheApiLimitsAreRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> new ApplyPlanner(-1, 10));
		assertThatIllegalArgumentException().isThrownBy(() -> new ApplyPlanner(10, 0));
		assertThatIllegalArgumentException().isThrownBy(() -> new ApplyPlanner(10, 5001));
		assertThat(new ApplyPlanner(0, 1)).isNotNull();
		assertThat(new ApplyPlanner(0, 5000)).isNotNull();
	}

	@Test
	void actionsKnowTheirPathsAndKinds() {
		assertThat(WriteAction.UPDATE_LARGE.path()).isEqualTo("updateLarge");
		assertThat(WriteAction.DELETE.path()).isEqualTo("delete");
		assertThat(WriteAction.UPDATE_LARGE.large()).isTrue();
		assertThat(WriteAction.UPDATE.large()).isFalse();
		assertThat(EnumSet.allOf(WriteAction.class).stream().filter(WriteAction::replaces))
			.containsExactlyInAnyOrder(WriteAction.UPLOAD, WriteAction.REPLACE_LARGE);
	}

}
