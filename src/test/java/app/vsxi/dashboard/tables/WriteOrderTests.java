package app.vsxi.dashboard.tables;

import java.util.EnumSet;
import java.util.List;

import org.junit.jupiter.api.Test;

import app.vsxi.dashboard.gateway.TableRow;
import app.vsxi.dashboard.tables.engine.ApplyPlan;
import app.vsxi.dashboard.tables.engine.ApplyPlanner;
import app.vsxi.dashboard.tables.engine.KeyedDiff;
import app.vsxi.dashboard.tables.engine.TableDiff;
import app.vsxi.dashboard.tables.engine.WriteAction;

import static app.vsxi.dashboard.tables.engine.Rows.ROUTE_KEY;
import static app.vsxi.dashboard.tables.engine.Rows.route;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The steps of an apply as the preview lists them: updates first, a read-back before any delete, deletes only of
 * rows still held as read, the old version of a changed row last, and a final comparison.
 */
class WriteOrderTests {

	private static final String UPDATE = ": the box rewrites the entry it finds under the same key, or adds one.";

	private static final String READ_BACK = "Read the table back. No source says which fields the box matches rows "
			+ "on, so nothing is deleted before the dashboard sees what the updates did.";

	private static final String DELETE = ", each only if the box still holds it exactly as read: a box that keys "
			+ "the table on fewer fields has already rewritten it in place. If any update was not taken, no row is "
			+ "deleted, since it may be the row that update was to replace.";

	private static final String OLD_VERSION = "Where the box kept the old version of a changed row beside the new one "
			+ "(its key holds the changed field), delete the old version, once the new one is there.";

	private static final String COMPARE = "Read the whole table back and compare it with what was intended: the rows "
			+ "changed, and nothing else did.";

	private final ApplyPlanner planner = new ApplyPlanner(100, 5000);

	@Test
	void addedRowsAloneAreOneUpdateAndTheFinalComparisonWithoutARead() {
		TableRow kept = route("k", "1", "1");
		TableDiff diff = KeyedDiff.diff(List.of(kept), List.of(kept, route("n1", "1", "1"), route("n2", "1", "1")),
				ROUTE_KEY);

		assertThat(WriteOrder.steps(diff, plan(diff))).containsExactly("update with 2 rows" + UPDATE, COMPARE);
	}

	@Test
	void removedRowsAloneAreReadBackThenDeleted() {
		TableRow kept = route("k", "1", "1");
		TableDiff diff = KeyedDiff.diff(List.of(kept, route("x", "1", "1")), List.of(kept), ROUTE_KEY);

		assertThat(WriteOrder.steps(diff, plan(diff))).containsExactly(READ_BACK, "delete of at most 1 row" + DELETE,
				COMPARE);
	}

	@Test
	void aChangedRowIsUpdatedReadBackAndItsOldVersionDeletedIfTheBoxKeptIt() {
		TableDiff diff = KeyedDiff.diff(List.of(route("c", "1", "1")), List.of(route("c", "1", "2")), ROUTE_KEY);

		assertThat(WriteOrder.steps(diff, plan(diff))).containsExactly("update with 1 row" + UPDATE, READ_BACK,
				OLD_VERSION, COMPARE);
	}

	@Test
	void everyKindAtOnceKeepsTheOrder() {
		TableDiff diff = KeyedDiff.diff(List.of(route("c", "1", "1"), route("x", "1", "1"), route("y", "1", "1")),
				List.of(route("c", "1", "2"), route("n", "1", "1")), ROUTE_KEY);

		assertThat(WriteOrder.steps(diff, plan(diff))).containsExactly("update with 2 rows" + UPDATE, READ_BACK,
				"delete of at most 2 rows" + DELETE, OLD_VERSION, COMPARE);
	}

	@Test
	void aPlanSplitsIntoTheUpdatesSentFirstAndTheDeletesThatWaitAndCountsEveryRow() {
		TableRow a = route("a", "1", "1");
		TableRow b = route("b", "1", "1");
		TableRow c = route("c", "1", "1");
		ApplyPlan.Call update = new ApplyPlan.Call(WriteAction.UPDATE, List.of(a, b));
		ApplyPlan.Call deleteLarge = new ApplyPlan.Call(WriteAction.DELETE_LARGE, List.of(c));
		ApplyPlan.Call updateLarge = new ApplyPlan.Call(WriteAction.UPDATE_LARGE, List.of(c));
		ApplyPlan.Call delete = new ApplyPlan.Call(WriteAction.DELETE, List.of(a));
		ApplyPlan.Calls calls = new ApplyPlan.Calls(List.of(update, deleteLarge, updateLarge, delete));

		assertThat(calls.updates()).containsExactly(update, updateLarge);
		assertThat(calls.deletes()).containsExactly(deleteLarge, delete);
		assertThat(calls.rows()).isEqualTo(5);
		assertThat(new ApplyPlan.Calls(List.of()).rows()).isZero();
	}

	@Test
	void onlyTheTwoDeleteActionsRemoveEntries() {
		assertThat(EnumSet.allOf(WriteAction.class).stream().filter(WriteAction::deletes))
			.containsExactlyInAnyOrder(WriteAction.DELETE, WriteAction.DELETE_LARGE);
		assertThat(EnumSet.allOf(WriteAction.class).stream().filter(WriteAction::large))
			.containsExactlyInAnyOrder(WriteAction.UPDATE_LARGE, WriteAction.DELETE_LARGE, WriteAction.REPLACE_LARGE);
	}

	private ApplyPlan.Calls plan(TableDiff diff) {
		return (ApplyPlan.Calls) this.planner.plan(diff, EnumSet.allOf(WriteAction.class));
	}

}
