package app.vsxi.dashboard.tables;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

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

		assertThat(ConflictChoices.from(form)).containsExactlyInAnyOrderEntriesOf(
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

		assertThat(ConflictChoices.from(form)).containsExactlyEntriesOf(Map.of(PLAIN, ThreeWayMerge.Side.OURS));
	}

}
