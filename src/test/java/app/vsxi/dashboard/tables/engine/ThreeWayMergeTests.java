package app.vsxi.dashboard.tables.engine;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import app.vsxi.dashboard.gateway.TableRow;
import app.vsxi.dashboard.tables.engine.ThreeWayMerge.Side;

import static app.vsxi.dashboard.tables.engine.Rows.ROUTE_KEY;
import static app.vsxi.dashboard.tables.engine.Rows.route;
import static app.vsxi.dashboard.tables.engine.Rows.row;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class ThreeWayMergeTests {

	private static final TableRow A = route("a", "1", "5");

	private static final TableRow B = route("b", "1", "6");

	private static final TableRow C = route("c", "1", "7");

	private static final List<TableRow> BASE = List.of(A, B, C);

	private static RowKey key(String alias) {
		return new RowKey(List.of(alias, "1"), 0);
	}

	@Test
	void nobodyChangedAnything() {
		ThreeWayMerge.Result result = ThreeWayMerge.merge(BASE, BASE, BASE, ROUTE_KEY);
		assertThat(result.clean()).isTrue();
		assertThat(result.resolve(Map.of())).containsExactlyElementsOf(BASE);
	}

	@Test
	void editsOnRowsTheOtherSideDidNotTouchMergeOnTheirOwn() {
		TableRow theirsB = route("b", "1", "66");
		TableRow oursC = route("c", "1", "77");
		TableRow oursNew = route("d", "1", "8");
		TableRow theirsNew = route("e", "1", "9");
		List<TableRow> theirs = List.of(A, theirsB, C, theirsNew);
		List<TableRow> ours = List.of(A, B, oursC, oursNew);
		ThreeWayMerge.Result result = ThreeWayMerge.merge(BASE, theirs, ours, ROUTE_KEY);
		assertThat(result.clean()).isTrue();
		assertThat(result.resolve(Map.of())).containsExactly(A, theirsB, oursC, theirsNew, oursNew);
	}

	@Test
	void deletionsOnEitherSideMerge() {
		ThreeWayMerge.Result result = ThreeWayMerge.merge(BASE, List.of(A, C), List.of(A, B), ROUTE_KEY);
		assertThat(result.clean()).isTrue();
		assertThat(result.resolve(Map.of())).containsExactly(A);
	}

	@Test
	void theSameEditOnBothSidesIsNoConflict() {
		TableRow edited = route("b", "1", "66");
		ThreeWayMerge.Result result = ThreeWayMerge.merge(BASE, List.of(A, edited, C), List.of(A, edited, C),
				ROUTE_KEY);
		assertThat(result.clean()).isTrue();
		assertThat(result.resolve(Map.of())).containsExactly(A, edited, C);
	}

	@Test
	void bothDeletingARowIsNoConflict() {
		ThreeWayMerge.Result result = ThreeWayMerge.merge(BASE, List.of(A, C), List.of(A, C), ROUTE_KEY);
		assertThat(result.clean()).isTrue();
		assertThat(result.resolve(Map.of())).containsExactly(A, C);
	}

	@Test
	void differentFieldsOfOneRowMergeFieldByField() {
		TableRow base = row("alias", "b", "tableId", "1", "digitMatch", "6", "maxLen", "10", "policy", "top_down");
		TableRow theirs = row("alias", "b", "tableId", "1", "digitMatch", "66", "maxLen", "10", "policy", "top_down");
		TableRow ours = row("alias", "b", "tableId", "1", "digitMatch", "6", "maxLen", "12", "policy", "top_down");
		ThreeWayMerge.Result result = ThreeWayMerge.merge(List.of(base), List.of(theirs), List.of(ours), ROUTE_KEY);
		assertThat(result.clean()).isTrue();
		TableRow merged = result.resolve(Map.of()).get(0);
		assertThat(merged.fields()).containsExactly(Map.entry("alias", "b"), Map.entry("tableId", "1"),
				Map.entry("digitMatch", "66"), Map.entry("maxLen", "12"), Map.entry("policy", "top_down"));
	}

	@Test
	void aFieldMergeKeepsTheBoxsFieldOrderAndFieldsEitherSideAdded() {
		TableRow base = row("alias", "b", "tableId", "1", "x", "1", "y", "1");
		TableRow theirs = row("alias", "b", "tableId", "1", "y", "2", "x", "1", "newOnBox", "n");
		TableRow ours = row("alias", "b", "tableId", "1", "x", "3", "y", "1");
		TableRow merged = ThreeWayMerge.merge(List.of(base), List.of(theirs), List.of(ours), ROUTE_KEY)
			.resolve(Map.of())
			.get(0);
		assertThat(List.copyOf(merged.fields().keySet())).containsExactly("alias", "tableId", "y", "x", "newOnBox");
		assertThat(merged.text("x")).isEqualTo("3");
		assertThat(merged.text("y")).isEqualTo("2");
	}

	@Test
	void aFieldOneSideDroppedStaysDropped() {
		TableRow base = row("alias", "b", "tableId", "1", "x", "1", "y", "1");
		TableRow theirs = row("alias", "b", "tableId", "1", "x", "1");
		TableRow ours = row("alias", "b", "tableId", "1", "x", "1", "y", "1", "z", "ours");
		TableRow merged = ThreeWayMerge.merge(List.of(base), List.of(theirs), List.of(ours), ROUTE_KEY)
			.resolve(Map.of())
			.get(0);
		assertThat(List.copyOf(merged.fields().keySet())).containsExactly("alias", "tableId", "x", "z");
	}

	@Test
	void bothChangingOneFieldDifferentlyNeedsAChoice() {
		TableRow theirs = route("b", "1", "66");
		TableRow ours = route("b", "1", "67");
		ThreeWayMerge.Result result = ThreeWayMerge.merge(BASE, List.of(A, theirs, C), List.of(A, ours, C), ROUTE_KEY);
		assertThat(result.clean()).isFalse();
		assertThat(result.conflicts())
			.containsExactly(new ThreeWayMerge.Conflict(key("b"), B, theirs, ours, List.of("digitMatch")));
		assertThat(result.resolve(Map.of(key("b"), Side.OURS))).containsExactly(A, ours, C);
		assertThat(result.resolve(Map.of(key("b"), Side.THEIRS))).containsExactly(A, theirs, C);
	}

	@Test
	void fieldsBothChangedAreTakenEachFromTheSideChosenForItAndTheRestMergeAsUsual() {
		TableRow base = row("alias", "b", "tableId", "1", "digitMatch", "6", "minLen", "1", "maxLen", "9", "policy", "top_down");
		TableRow theirs = row("alias", "b", "tableId", "1", "digitMatch", "66", "minLen", "2", "maxLen", "9", "policy", "top_down");
		TableRow ours = row("alias", "b", "tableId", "1", "digitMatch", "67", "minLen", "3", "maxLen", "8", "policy", "top_down");
		ThreeWayMerge.Result result = ThreeWayMerge.merge(List.of(A, base), List.of(A, theirs), List.of(A, ours),
				ROUTE_KEY);
		assertThat(result.conflicts()).singleElement()
			.satisfies(conflict -> assertThat(conflict.fields()).containsExactly("digitMatch", "minLen"));

		List<TableRow> resolved = result.resolve(new ThreeWayMerge.Choices(Map.of(),
				Map.of(key("b"), Map.of("digitMatch", Side.THEIRS, "minLen", Side.OURS))));

		assertThat(resolved).containsExactly(A,
				row("alias", "b", "tableId", "1", "digitMatch", "66", "minLen", "3", "maxLen", "8", "policy", "top_down"));
	}

	@Test
	void aRowWithAChoiceForOnlySomeOfItsClashingFieldsIsRefused() {
		TableRow base = row("alias", "b", "tableId", "1", "digitMatch", "6", "minLen", "1");
		TableRow theirs = row("alias", "b", "tableId", "1", "digitMatch", "66", "minLen", "2");
		TableRow ours = row("alias", "b", "tableId", "1", "digitMatch", "67", "minLen", "3");
		ThreeWayMerge.Result result = ThreeWayMerge.merge(List.of(base), List.of(theirs), List.of(ours), ROUTE_KEY);
		ThreeWayMerge.Choices half = new ThreeWayMerge.Choices(Map.of(), Map.of(key("b"), Map.of("digitMatch", Side.OURS)));

		assertThat(half.cover(result.conflicts().get(0))).isFalse();
		assertThatIllegalArgumentException().isThrownBy(() -> result.resolve(half)).withMessageContaining("b / 1");
	}

	@Test
	void aConflictWithoutAChoiceIsRefused() {
		ThreeWayMerge.Result result = ThreeWayMerge.merge(BASE, List.of(A, route("b", "1", "66"), C),
				List.of(A, route("b", "1", "67"), C), ROUTE_KEY);
		assertThatIllegalArgumentException().isThrownBy(() -> result.resolve(Map.of()))
			.withMessageContaining("b / 1");
	}

	@Test
	void deletedByOneSideAndChangedByTheOtherNeedsAChoice() {
		TableRow theirs = route("b", "1", "66");
		ThreeWayMerge.Result result = ThreeWayMerge.merge(BASE, List.of(A, theirs, C), List.of(A, C), ROUTE_KEY);
		assertThat(result.conflicts()).containsExactly(new ThreeWayMerge.Conflict(key("b"), B, theirs, null, List.of()));
		assertThat(result.resolve(Map.of(key("b"), Side.OURS))).containsExactly(A, C);
		assertThat(result.resolve(Map.of(key("b"), Side.THEIRS))).containsExactly(A, theirs, C);
		TableRow ours = route("b", "1", "67");
		ThreeWayMerge.Result other = ThreeWayMerge.merge(BASE, List.of(A, C), List.of(A, ours, C), ROUTE_KEY);
		assertThat(other.conflicts()).containsExactly(new ThreeWayMerge.Conflict(key("b"), B, null, ours, List.of()));
		assertThat(other.resolve(Map.of(key("b"), Side.THEIRS))).containsExactly(A, C);
		assertThat(other.resolve(Map.of(key("b"), Side.OURS))).containsExactly(A, C, ours);
	}

	@Test
	void theSameKeyAddedDifferentlyOnBothSidesNeedsAChoice() {
		TableRow theirs = route("d", "1", "1");
		TableRow ours = route("d", "1", "2");
		ThreeWayMerge.Result result = ThreeWayMerge.merge(BASE, List.of(A, B, C, theirs), List.of(A, B, C, ours),
				ROUTE_KEY);
		assertThat(result.conflicts()).containsExactly(new ThreeWayMerge.Conflict(key("d"), null, theirs, ours, List.of()));
	}

	@Test
	void theSameRowAddedOnBothSidesIsNoConflict() {
		TableRow added = route("d", "1", "1");
		ThreeWayMerge.Result result = ThreeWayMerge.merge(BASE, List.of(A, B, C, added), List.of(A, B, C, added),
				ROUTE_KEY);
		assertThat(result.clean()).isTrue();
		assertThat(result.resolve(Map.of())).containsExactly(A, B, C, added);
	}

	@Test
	void mergedCarriesOnlyRowsThatMergedOnTheirOwn() {
		ThreeWayMerge.Result result = ThreeWayMerge.merge(BASE, List.of(A, route("b", "1", "66"), C),
				List.of(A, route("b", "1", "67")), ROUTE_KEY);
		assertThat(result.merged()).containsOnlyKeys(key("a"));
		assertThat(result.conflicts()).extracting(ThreeWayMerge.Conflict::key).containsExactly(key("b"));
		assertThat(result.order()).containsExactly(key("a"), key("b"), key("c"));
	}

}
