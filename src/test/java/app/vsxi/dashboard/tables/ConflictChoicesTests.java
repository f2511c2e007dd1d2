package app.vsxi.dashboard.tables;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import app.vsxi.dashboard.tables.engine.RowKey;
import app.vsxi.dashboard.tables.engine.ThreeWayMerge;

class ConflictChoicesTests {

	private static final RowKey AWKWARD = new RowKey(List.of("west\t/ \"route\" Zürich", "3"), 0);

	private static final RowKey PLAIN = new RowKey(List.of("R1", "1"), 1);

	@Test
	void eachNumberedChoiceGoesToTheRowItsTokenNames() {
		Map<String, String> form = new LinkedHashMap<>();
		form.put("conflict_0", AWKWARD.token());
		form.put("choice_0", "OURS");
		form.put("conflict_1", PLAIN.token());
		form.put("choice_1", "THEIRS");

		assertThat(ConflictChoices.from(form).rows()).containsExactlyInAnyOrderEntriesOf(
				Map.of(AWKWARD, ThreeWayMerge.Side.OURS, PLAIN, ThreeWayMerge.Side.THEIRS));
	}

	@Test
	void aChoiceWhoseRowOrSideCannotBeReadIsLeftOutToBeAskedAgain() {
		Map<String, String> form = new LinkedHashMap<>();
		form.put("conflict_0", AWKWARD.token());
		form.put("choice_0", "MINE");
		form.put("choice_1", "OURS");
		form.put("conflict_2", "%%%");
		form.put("choice_2", "THEIRS");
		form.put("conflict_3", PLAIN.token());
		form.put("choice_3", "OURS");
		form.put("choice_x", "THEIRS");
		form.put("conflict_x", PLAIN.token());

		assertThat(ConflictChoices.from(form).rows()).containsExactlyEntriesOf(Map.of(PLAIN, ThreeWayMerge.Side.OURS));
	}

	@Test
	void eachFieldChoiceGoesToItsRowUnderTheNameItsValueCarries() {
		Map<String, String> form = new LinkedHashMap<>();
		form.put("conflict_0", AWKWARD.token());
		form.put("fieldname_0_0", "digitMatch");
		form.put("field_0_0", "THEIRS");
		form.put("fieldname_0_1", "max\tLen");
		form.put("field_0_1", "OURS");
		form.put("fieldname_0_2", "minLen");
		form.put("field_0_2", "MINE");
		form.put("field_0_3", "OURS");
		form.put("fieldname_0_x", "noMatch");
		form.put("field_0_x", "OURS");
		form.put("fieldname_1_0", "digitMatch");
		form.put("field_1_0", "OURS");

		ThreeWayMerge.Choices choices = ConflictChoices.from(form);

		assertThat(choices.rows()).isEmpty();
		assertThat(choices.fields()).containsOnlyKeys(AWKWARD);
		assertThat(choices.fields().get(AWKWARD)).containsExactlyInAnyOrderEntriesOf(
				Map.of("digitMatch", ThreeWayMerge.Side.THEIRS, "max\tLen", ThreeWayMerge.Side.OURS));
	}

}
