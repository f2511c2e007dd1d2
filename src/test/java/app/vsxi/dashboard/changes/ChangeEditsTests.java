package app.vsxi.dashboard.changes;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import app.vsxi.dashboard.gateway.TableRow;
import app.vsxi.dashboard.tables.engine.KeyedDiff;
import app.vsxi.dashboard.tables.engine.RowKey;
import app.vsxi.dashboard.tables.engine.TableDiff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A draft's edits carried to other boxes' own rows, edit by edit, with what each does there. */
class ChangeEditsTests {

	private static final List<String> KEY = List.of("name");

	private static final List<String> FIELDS = List.of("name", "limit", "note");

	private static TableRow row(String name, String limit, String note) {
		Map<String, Object> fields = new LinkedHashMap<>();
		fields.put("name", name);
		fields.put("limit", limit);
		fields.put("note", note);
		return new TableRow(fields);
	}

	/** The edits of a source table {a:5, b:1, c:1} turned into {a:6 (limit), c gone, d added}. */
	private static ChangeEdits edits() {
		TableDiff diff = KeyedDiff.diff(List.of(row("a", "5", "x"), row("b", "1", "y"), row("c", "1", "z")),
				List.of(row("a", "6", "x"), row("b", "1", "y"), row("d", "2", "new")), KEY);
		return ChangeEdits.of(diff, KEY, field -> false);
	}

	private static Map<List<String>, List<TableRow>> box(TableRow... rows) {
		Map<List<String>, List<TableRow>> byKey = new LinkedHashMap<>();
		for (TableRow row : rows) {
			byKey.computeIfAbsent(List.of(row.text("name")), key -> new java.util.ArrayList<>()).add(row);
		}
		return byKey;
	}

	@Test
	void aDraftsEditsBecomeOnlyTheFieldsItChangedTheKeysItDeletedAndTheRowsItAdded() {
		ChangeEdits edits = edits();

		assertThat(edits.edits()).extracting(ChangeEdits.Edit::kind, ChangeEdits.Edit::key, ChangeEdits.Edit::values)
			.containsExactly(
					org.assertj.core.groups.Tuple.tuple(ChangeEdits.Kind.CHANGE, List.of("a"), Map.of("limit", "6")),
					org.assertj.core.groups.Tuple.tuple(ChangeEdits.Kind.DELETE, List.of("c"), Map.of()),
					org.assertj.core.groups.Tuple.tuple(ChangeEdits.Kind.ADD, List.of("d"),
							Map.of("name", "d", "limit", "2", "note", "new")));
		assertThat(edits.summary()).isEqualTo("1 to add, 1 to change, 1 to delete");
		assertThat(edits.keys()).containsExactlyInAnyOrder(List.of("a"), List.of("c"), List.of("d"));
		assertThat(ChangeEdits.fromJson(edits.toJson())).isEqualTo(edits);
		assertThat(edits.edits().get(2).values().keySet()).containsExactly("name", "limit", "note");
	}

	@Test
	void onABoxAChangedRowKeepsEveryOtherFieldAsThatBoxHasIt() {
		ChangeEdits.Laid laid = edits().on(box(row("a", "5", "theirs"), row("c", "9", "q")), FIELDS, KEY);

		assertThat(laid.rows()).containsEntry(RowKey.of(row("a", "", ""), KEY), row("a", "6", "theirs"))
			.containsEntry(RowKey.of(row("c", "", ""), KEY), null)
			.containsEntry(RowKey.of(row("d", "", ""), KEY), row("d", "2", "new"))
			.hasSize(3);
		assertThat(laid.anything()).isTrue();
		assertThat(laid.notes()).extracting(ChangeEdits.Note::key, ChangeEdits.Note::applies, ChangeEdits.Note::text)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("a", true, "limit 5 → 6"),
					org.assertj.core.groups.Tuple.tuple("c", true, "deleted"),
					org.assertj.core.groups.Tuple.tuple("d", true, "added"));
	}

	@Test
	void rowsABoxDoesNotHoldOrAlreadyHasAsEditedShowAsSuchAndChangeNothing() {
		ChangeEdits.Laid laid = edits().on(box(row("a", "6", "x"), row("d", "2", "new")), FIELDS, KEY);

		assertThat(laid.rows()).isEmpty();
		assertThat(laid.anything()).isFalse();
		assertThat(laid.notes()).extracting(ChangeEdits.Note::applies, ChangeEdits.Note::text)
			.containsExactly(org.assertj.core.groups.Tuple.tuple(false, "already so on this SBC"),
					org.assertj.core.groups.Tuple.tuple(false, "not on this SBC: nothing to delete"),
					org.assertj.core.groups.Tuple.tuple(false, "already on this SBC"));
	}

	@Test
	void aChangeOfARowTheBoxLacksIsSkipped() {
		ChangeEdits.Laid laid = edits().on(box(), FIELDS, KEY);

		assertThat(laid.notes().get(0).text()).isEqualTo("not on this SBC: nothing to change");
		assertThat(laid.rows()).containsOnlyKeys(RowKey.of(row("d", "", ""), KEY));
	}

	@Test
	void anAddedKeyTheBoxHoldsWithOtherValuesIsLeftAsItIs() {
		ChangeEdits.Laid laid = edits().on(box(row("d", "3", "new")), FIELDS, KEY);

		assertThat(laid.notes().get(2).text()).isEqualTo("already on this SBC with other values: left as it is (change it instead)");
		assertThat(laid.notes().get(2).applies()).isFalse();
		assertThat(laid.rows()).doesNotContainKey(RowKey.of(row("d", "", ""), KEY));
	}

	@Test
	void aBoxWhoseRowsHaveOtherFieldsGetsNoAddedRowAndAnEmptyTableTellsNoFields() {
		ChangeEdits.Laid other = edits().on(box(), List.of("name", "limit"), KEY);
		ChangeEdits.Laid empty = edits().on(box(), null, KEY);

		assertThat(other.notes().get(2).text()).isEqualTo("this SBC's rows have other fields than the row to add (name, limit): not added");
		assertThat(other.rows()).isEmpty();
		assertThat(empty.notes().get(2).text()).isEqualTo("this SBC holds no row of the table to tell its fields by: not added");
		assertThat(empty.rows()).isEmpty();
	}

	@Test
	void aChangeOfAFieldTheBoxsRowsLackIsSkippedWhole() {
		Map<String, Object> fields = new LinkedHashMap<>();
		fields.put("name", "a");
		fields.put("note", "x");
		ChangeEdits.Laid laid = edits().on(box(new TableRow(fields)), FIELDS, KEY);

		assertThat(laid.notes().get(0).text()).isEqualTo("this SBC's rows have no field limit: left as it is");
		assertThat(laid.notes().get(0).applies()).isFalse();
	}

	@Test
	void aKeyHeldTwiceOnABoxIsLeftAloneWhicheverEdit() {
		ChangeEdits.Laid laid = edits().on(box(row("a", "5", "x"), row("a", "7", "y"), row("c", "1", "z"),
				row("c", "1", "w")), FIELDS, KEY);

		assertThat(laid.notes().get(0).text()).isEqualTo("held 2 times on this SBC: which row is meant cannot be told, so it is left as it is");
		assertThat(laid.notes().get(1).applies()).isFalse();
		assertThat(laid.rows()).containsOnlyKeys(RowKey.of(row("d", "", ""), KEY));
	}

	@Test
	void passwordsNestedFieldsNewKeysAndKeylessRowsAreNotCarried() {
		TableDiff password = KeyedDiff.diff(List.of(row("a", "5", "x")), List.of(row("a", "5", "secret")), KEY);
		assertThatThrownBy(() -> ChangeEdits.of(password, KEY, field -> field.equals("note")))
			.hasMessageContaining("carries no passwords");
		TableDiff emptied = KeyedDiff.diff(List.of(row("a", "5", "x")), List.of(row("a", "5", "")), KEY);
		assertThat(ChangeEdits.of(emptied, KEY, field -> field.equals("note")).edits()).hasSize(1);
		TableDiff keyless = KeyedDiff.diff(List.of(), List.of(row("", "5", "x")), KEY);
		assertThatThrownBy(() -> ChangeEdits.of(keyless, KEY, field -> false)).hasMessageContaining("without a key");
		Map<String, Object> nested = new LinkedHashMap<>();
		nested.put("name", "n");
		nested.put("limit", new TableRow(Map.of("x", "1")));
		TableDiff deep = KeyedDiff.diff(List.of(), List.of(new TableRow(nested)), KEY);
		assertThatThrownBy(() -> ChangeEdits.of(deep, KEY, field -> false)).hasMessageContaining("plain fields only");
	}

}
