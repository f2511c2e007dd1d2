package app.vsxi.dashboard.tables.engine;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import app.vsxi.dashboard.gateway.TableRow;

import static app.vsxi.dashboard.tables.engine.Rows.ROUTE_KEY;
import static app.vsxi.dashboard.tables.engine.Rows.route;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A draft is its base plus its edits: edits take their row's place, deleted rows leave, new rows come last, and a
 * key held twice is told apart by its occurrence, whichever way the draft is read.
 */
class DraftRowsTests {

	private static final List<TableRow> BASE = List.of(route("r1", "1", "100"), route("dup", "1", "400"),
			route("r2", "1", "200"), route("dup", "1", "401"), route("r3", "1", "300"));

	private static RowKey key(String alias, String tableId) {
		return new RowKey(List.of(alias, tableId), 0);
	}

	private static List<String> digits(Iterable<TableRow> rows) {
		List<String> digits = new ArrayList<>();
		rows.forEach(row -> digits.add(row.text("alias") + ":" + row.text("digitMatch")));
		return digits;
	}

	private static List<String> intended(Map<RowKey, TableRow> edits) {
		List<TableRow> rows = new ArrayList<>();
		new DraftRows(edits, ROUTE_KEY).intended(BASE.iterator()).forEachRemaining(rows::add);
		return digits(rows);
	}

	@Test
	void withoutEditsTheDraftIsItsBase() {
		assertThat(intended(Map.of())).containsExactly("r1:100", "dup:400", "r2:200", "dup:401", "r3:300");
		assertThat(new DraftRows(Map.of(), ROUTE_KEY).changes(BASE::forEach).isEmpty()).isTrue();
	}

	@Test
	void anAddedRowComesLastAndIsTheOnlyChange() {
		Map<RowKey, TableRow> edits = Map.of(key("new", "2"), route("new", "2", "900"));
		assertThat(intended(edits)).containsExactly("r1:100", "dup:400", "r2:200", "dup:401", "r3:300", "new:900");
		TableDiff changes = new DraftRows(edits, ROUTE_KEY).changes(BASE::forEach);
		assertThat(changes.added()).extracting(RowChange.Added::key).containsExactly(key("new", "2"));
		assertThat(changes.removed()).isEmpty();
		assertThat(changes.changed()).isEmpty();
	}

	@Test
	void aChangedRowKeepsItsPlace() {
		Map<RowKey, TableRow> edits = Map.of(key("r2", "1"), route("r2", "1", "250"));
		assertThat(intended(edits)).containsExactly("r1:100", "dup:400", "r2:250", "dup:401", "r3:300");
		TableDiff changes = new DraftRows(edits, ROUTE_KEY).changes(BASE::forEach);
		assertThat(changes.changed()).singleElement().satisfies(change -> {
			assertThat(change.key()).isEqualTo(key("r2", "1"));
			assertThat(change.before().text("digitMatch")).isEqualTo("200");
			assertThat(change.after().text("digitMatch")).isEqualTo("250");
		});
		assertThat(changes.added()).isEmpty();
		assertThat(changes.removed()).isEmpty();
	}

	@Test
	void aDeletedRowLeavesAndADeleteOfNoRowIsNothing() {
		Map<RowKey, TableRow> edits = new LinkedHashMap<>();
		edits.put(key("r3", "1"), null);
		edits.put(key("gone", "9"), null);
		assertThat(intended(edits)).containsExactly("r1:100", "dup:400", "r2:200", "dup:401");
		TableDiff changes = new DraftRows(edits, ROUTE_KEY).changes(BASE::forEach);
		assertThat(changes.removed()).extracting(RowChange.Removed::key).containsExactly(key("r3", "1"));
		assertThat(changes.added()).isEmpty();
	}

	@Test
	void theSecondOccurrenceOfAKeyIsEditedAloneInItsPlace() {
		Map<RowKey, TableRow> edits = Map.of(key("dup", "1").nth(1), route("dup", "1", "999"));
		assertThat(intended(edits)).containsExactly("r1:100", "dup:400", "r2:200", "dup:999", "r3:300");
		TableDiff changes = new DraftRows(edits, ROUTE_KEY).changes(BASE::forEach);
		assertThat(changes.changed()).singleElement().satisfies(change -> {
			assertThat(change.key()).isEqualTo(new RowKey(List.of("dup", "1"), 1));
			assertThat(change.before().text("digitMatch")).isEqualTo("401");
		});
	}

	@Test
	void theFirstOccurrenceOfAKeyDeletedLeavesTheSecond() {
		Map<RowKey, TableRow> edits = new LinkedHashMap<>();
		edits.put(key("dup", "1"), null);
		assertThat(intended(edits)).containsExactly("r1:100", "r2:200", "dup:401", "r3:300");
	}

	@Test
	void anEditedRowEditedAgainHoldsItsLastValueAndAMovedRowIsRemovedAndAdded() {
		Map<RowKey, TableRow> edits = new LinkedHashMap<>();
		edits.put(key("r1", "1"), route("r1", "1", "110"));
		edits.put(key("r1", "1"), route("r1", "1", "120"));
		// r2's key changed to r9: the old key is deleted, the row lives under its new key
		edits.put(key("r2", "1"), null);
		edits.put(key("r9", "1"), route("r9", "1", "200"));
		edits.put(key("r9", "1"), route("r9", "1", "290"));
		assertThat(intended(edits)).containsExactly("r1:120", "dup:400", "dup:401", "r3:300", "r9:290");
		TableDiff changes = new DraftRows(edits, ROUTE_KEY).changes(BASE::forEach);
		assertThat(changes.changed()).singleElement().satisfies(change -> {
			assertThat(change.before().text("digitMatch")).isEqualTo("100");
			assertThat(change.after().text("digitMatch")).isEqualTo("120");
		});
		assertThat(changes.removed()).extracting(RowChange.Removed::key).containsExactly(key("r2", "1"));
		assertThat(changes.added()).singleElement().satisfies(added -> {
			assertThat(added.key()).isEqualTo(key("r9", "1"));
			assertThat(added.row().text("digitMatch")).isEqualTo("290");
		});
	}

	@Test
	void fromNothingEveryHeldRowIsAddedAndEveryDeletedOneRemoved() {
		Map<RowKey, TableRow> edits = new LinkedHashMap<>();
		edits.put(key("r1", "1"), null);
		edits.put(key("r2", "1"), route("r2", "1", "250"));
		TableDiff changes = new DraftRows(edits, ROUTE_KEY).changesFromNothing(BASE::forEach);
		assertThat(changes.removed()).extracting(RowChange.Removed::key).containsExactly(key("r1", "1"));
		assertThat(digits(changes.added().stream().map(RowChange.Added::row).toList()))
			.containsExactlyInAnyOrder("dup:400", "r2:250", "dup:401", "r3:300");
	}

	@Test
	void pushedAndPulledTheDraftIsTheSameAndDeletedBaseRowsAreTold() {
		Map<RowKey, TableRow> edits = new LinkedHashMap<>();
		edits.put(key("dup", "1").nth(1), null);
		edits.put(key("new", "2"), route("new", "2", "900"));
		List<TableRow> held = new ArrayList<>();
		List<TableRow> deleted = new ArrayList<>();
		new DraftRows(edits, ROUTE_KEY).forEach(BASE::forEach, held::add, deleted::add);
		assertThat(digits(held)).containsExactly("r1:100", "dup:400", "r2:200", "r3:300", "new:900");
		assertThat(digits(deleted)).containsExactly("dup:401");
		assertThat(intended(edits)).containsExactly("r1:100", "dup:400", "r2:200", "r3:300", "new:900");
	}

	@Test
	void rowsWithKeysFindsEveryOccurrenceUnderItsOccurrenceKey() {
		Map<RowKey, TableRow> found = DraftRows.rowsWithKeys(BASE::forEach,
				java.util.Set.of(key("dup", "1").nth(1), key("r3", "1")), ROUTE_KEY);
		assertThat(found.keySet()).containsExactly(key("dup", "1"), new RowKey(List.of("dup", "1"), 1),
				key("r3", "1"));
		assertThat(digits(found.values())).containsExactly("dup:400", "dup:401", "r3:300");
	}

	@Test
	void overASubsetHoldsItsEditsAndTheNewRows() {
		Map<RowKey, TableRow> edits = new LinkedHashMap<>();
		edits.put(key("dup", "1").nth(1), route("dup", "1", "999"));
		edits.put(key("new", "2"), route("new", "2", "900"));
		Map<RowKey, TableRow> subset = DraftRows.rowsWithKeys(BASE::forEach, edits.keySet(), ROUTE_KEY);
		assertThat(digits(new DraftRows(edits, ROUTE_KEY).over(subset.values())))
			.containsExactly("dup:400", "dup:999", "new:900");
	}

	@Test
	void occurrencesNumberRowsWithTheSameKeyFromZero() {
		Occurrences occurrences = new Occurrences();
		assertThat(occurrences.next(key("a", "1"))).isEqualTo(key("a", "1"));
		assertThat(occurrences.next(key("b", "1"))).isEqualTo(key("b", "1"));
		assertThat(occurrences.next(key("a", "1"))).isEqualTo(new RowKey(List.of("a", "1"), 1));
		assertThat(occurrences.next(key("a", "1"))).isEqualTo(new RowKey(List.of("a", "1"), 2));
	}

}
