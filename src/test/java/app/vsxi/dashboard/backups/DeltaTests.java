package app.vsxi.dashboard.backups;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import app.vsxi.dashboard.gateway.TableRow;
import app.vsxi.dashboard.tables.engine.KeyedDiff;
import app.vsxi.dashboard.tables.engine.RowCodec;
import app.vsxi.dashboard.tables.engine.TableDiff;

import static org.assertj.core.api.Assertions.assertThat;

/** A delta between two versions, chained with the next, and undone over a whole table. */
class DeltaTests {

	private static final List<String> KEY = List.of("alias");

	private static TableRow row(String alias, String digits) {
		Map<String, Object> fields = new LinkedHashMap<>();
		fields.put("alias", alias);
		fields.put("digitMatch", digits);
		return new TableRow(fields);
	}

	private static Delta between(List<TableRow> older, List<TableRow> newer) {
		return Delta.of(KeyedDiff.diff(older, newer, KEY));
	}

	@Test
	void aDeltaKeepsTheRowsThatWentOrChangedAsTheyWereAndTheRowsThatCameOrChangedAsTheyBecame() {
		Delta delta = between(List.of(row("a", "1"), row("b", "2"), row("c", "3")),
				List.of(row("a", "1"), row("b", "22"), row("d", "4")));

		assertThat(delta.before()).containsExactlyInAnyOrder(row("b", "2"), row("c", "3"));
		assertThat(delta.after()).containsExactlyInAnyOrder(row("b", "22"), row("d", "4"));
		assertThat(delta.isEmpty()).isFalse();
	}

	@Test
	void aTableWithAKeyTwiceHasNoDelta() {
		assertThat(between(List.of(row("a", "1"), row("a", "2")), List.of(row("a", "1")))).isNull();
		assertThat(between(List.of(row("a", "1")), List.of(row("a", "1"), row("a", "3")))).isNull();
	}

	@Test
	void chainedDeltasTakeEachRowFromBeforeTheFirstChangeToAfterTheLast() {
		List<TableRow> one = List.of(row("a", "1"), row("b", "2"), row("c", "3"));
		List<TableRow> two = List.of(row("a", "11"), row("b", "2"), row("d", "4"));
		List<TableRow> three = List.of(row("a", "111"), row("b", "22"), row("c", "3"));

		Delta chained = between(one, two).then(between(two, three), KEY);

		TableDiff diff = chained.diff(KEY);
		TableDiff whole = KeyedDiff.diff(one, three, KEY).unordered();
		assertThat(diff.changed()).containsExactlyInAnyOrderElementsOf(whole.changed());
		assertThat(diff.added()).isEmpty();
		assertThat(diff.removed()).isEmpty();
		// c went and came back as it was; d came and went: neither is a change from one to three
		assertThat(chained.before()).containsExactlyInAnyOrder(row("a", "1"), row("b", "2"));
		assertThat(chained.after()).containsExactlyInAnyOrder(row("a", "111"), row("b", "22"));
	}

	@Test
	void aChangeAndItsUndoChainToNothing() {
		List<TableRow> one = List.of(row("a", "1"));
		List<TableRow> two = List.of(row("a", "2"), row("b", "9"));

		assertThat(between(one, two).then(between(two, one), KEY).isEmpty()).isTrue();
		for (Delta same : List.of(Delta.NONE.then(between(one, two), KEY), between(one, two).then(Delta.NONE, KEY))) {
			assertThat(same.before()).containsExactlyInAnyOrderElementsOf(between(one, two).before());
			assertThat(same.after()).containsExactlyInAnyOrderElementsOf(between(one, two).after());
		}
	}

	@Test
	void undoingADeltaOnTheNewerTableGivesTheOlder() {
		List<TableRow> older = List.of(row("a", "1"), row("b", "2"), row("c", "3"));
		List<TableRow> newer = List.of(row("a", "1"), row("b", "22"), row("d", "4"));
		Delta delta = between(older, newer);

		RowCodec.Packed undone = delta.undo(RowCodec.pack(newer), KEY);

		assertThat(new HashSet<>(undone.toList())).isEqualTo(new HashSet<>(older));
		assertThat(undone.rows()).isEqualTo(3);
	}

}
