package app.vsxi.dashboard.tables;

import java.util.List;

import org.junit.jupiter.api.Test;

import static app.vsxi.dashboard.tables.engine.Rows.row;
import static org.assertj.core.api.Assertions.assertThat;
import app.vsxi.dashboard.tables.engine.RowKey;
import app.vsxi.dashboard.tables.engine.ThreeWayMerge;

class ConflictFieldsTests {

	private static final RowKey KEY = new RowKey(List.of("r1", "1"), 0);

	@Test
	void eachSideIsMarkedWhereItDiffersFromTheBase() {
		ThreeWayMerge.Conflict conflict = new ThreeWayMerge.Conflict(KEY,
				row("alias", "r1", "digitMatch", "555", "policy", "top_down", "note", "x"),
				row("alias", "r1", "digitMatch", "557", "policy", "top_down", "note", "y"),
				row("alias", "r1", "digitMatch", "556", "policy", "round_robin", "note", "x"), List.of("digitMatch"));
		assertThat(ConflictFields.of(conflict)).containsExactly(
				new ConflictFields.Field("alias", "r1", "r1", "r1", false, false),
				new ConflictFields.Field("digitMatch", "555", "557", "556", true, true),
				new ConflictFields.Field("policy", "top_down", "top_down", "round_robin", false, true),
				new ConflictFields.Field("note", "x", "y", "x", true, false));
	}

	@Test
	void onlyAFieldBothSidesChangedDifferentlyClashes() {
		List<ConflictFields.Field> fields = ConflictFields.of(new ThreeWayMerge.Conflict(KEY,
				row("a", "1", "b", "1"), row("a", "2", "b", "3"), row("a", "2", "b", "4"), List.of("b")));
		assertThat(fields).extracting(ConflictFields.Field::clash).containsExactly(false, true);
	}

	@Test
	void aDeletedRowAndAnAbsentFieldReadAbsent() {
		List<ConflictFields.Field> fields = ConflictFields.of(new ThreeWayMerge.Conflict(KEY,
				row("alias", "r1", "old", "1"), null, row("alias", "r1", "new", "2"), List.of()));
		assertThat(fields).containsExactly(
				new ConflictFields.Field("alias", "r1", "(absent)", "r1", true, false),
				new ConflictFields.Field("new", "(absent)", "(absent)", "2", false, true),
				new ConflictFields.Field("old", "1", "(absent)", "(absent)", true, true));
	}

}
