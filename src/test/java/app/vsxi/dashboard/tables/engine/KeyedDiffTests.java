package app.vsxi.dashboard.tables.engine;

import java.util.List;

import org.junit.jupiter.api.Test;

import app.vsxi.dashboard.gateway.TableRow;

import static app.vsxi.dashboard.tables.engine.Rows.ROUTE_KEY;
import static app.vsxi.dashboard.tables.engine.Rows.route;
import static app.vsxi.dashboard.tables.engine.Rows.row;
import static org.assertj.core.api.Assertions.assertThat;

class KeyedDiffTests {

	@Test
	void identicalTablesHaveNoDifference() {
		List<TableRow> table = List.of(route("a", "1", "555"), route("b", "1", "666"));
		TableDiff diff = KeyedDiff.diff(table, List.copyOf(table), ROUTE_KEY);
		assertThat(diff.isEmpty()).isTrue();
		assertThat(diff.reordered()).isFalse();
		assertThat(diff.summary()).isEqualTo(new TableDiff.Summary(0, 0, 0, 0));
	}

	@Test
	void emptyTablesOnEitherSide() {
		List<TableRow> table = List.of(route("a", "1", "555"), route("b", "2", "666"));
		assertThat(KeyedDiff.diff(List.of(), List.of(), ROUTE_KEY).isEmpty()).isTrue();
		TableDiff created = KeyedDiff.diff(List.of(), table, ROUTE_KEY);
		assertThat(created.added()).extracting(RowChange.Added::row).containsExactlyElementsOf(table);
		assertThat(created.removed()).isEmpty();
		TableDiff emptied = KeyedDiff.diff(table, List.of(), ROUTE_KEY);
		assertThat(emptied.removed()).extracting(RowChange.Removed::row).containsExactlyElementsOf(table);
		assertThat(emptied.added()).isEmpty();
		assertThat(emptied.isEmpty()).isFalse();
		assertThat(emptied.summary().text()).isEqualTo("0 added, 2 removed, 0 changed (0 fields)");
	}

	@Test
	void addedRowsComeInTheNewerOrderWithTheirKeys() {
		TableDiff diff = KeyedDiff.diff(List.of(route("a", "1", "5")),
				List.of(route("z", "1", "9"), route("a", "1", "5"), route("b", "2", "7")), ROUTE_KEY);
		assertThat(diff.added()).extracting(change -> change.key().values())
			.containsExactly(List.of("z", "1"), List.of("b", "2"));
		assertThat(diff.removed()).isEmpty();
		assertThat(diff.changed()).isEmpty();
		assertThat(diff.summary()).isEqualTo(new TableDiff.Summary(2, 0, 0, 0));
	}

	@Test
	void removedRowsKeepEveryFieldTheBoxSent() {
		TableRow gone = row("alias", "b", "tableId", "1", "mystery", "x");
		TableDiff diff = KeyedDiff.diff(List.of(route("a", "1", "5"), gone), List.of(route("a", "1", "5")), ROUTE_KEY);
		assertThat(diff.removed()).containsExactly(new RowChange.Removed(new RowKey(List.of("b", "1"), 0), gone));
		assertThat(diff.added()).isEmpty();
	}

	@Test
	void aChangedRowListsEachChangedFieldOldToNew() {
		TableRow before = row("alias", "a", "tableId", "1", "digitMatch", "555", "policy", "top_down", "maxLen", "10");
		TableRow after = row("alias", "a", "tableId", "1", "digitMatch", "556", "policy", "top_down", "maxLen", "12");
		TableDiff diff = KeyedDiff.diff(List.of(before), List.of(after), ROUTE_KEY);
		assertThat(diff.changed()).hasSize(1);
		RowChange.Changed changed = diff.changed().get(0);
		assertThat(changed.before()).isEqualTo(before);
		assertThat(changed.after()).isEqualTo(after);
		assertThat(changed.fields()).containsExactly(new FieldChange("digitMatch", "555", "556", true, true),
				new FieldChange("maxLen", "10", "12", true, true));
		assertThat(diff.summary()).isEqualTo(new TableDiff.Summary(0, 0, 1, 2));
		assertThat(diff.summary().text()).isEqualTo("0 added, 0 removed, 1 changed (2 fields)");
	}

	@Test
	void oneChangedFieldIsSingular() {
		TableDiff diff = KeyedDiff.diff(List.of(route("a", "1", "5")), List.of(route("a", "1", "6")), ROUTE_KEY);
		assertThat(diff.summary().text()).isEqualTo("0 added, 0 removed, 1 changed (1 field)");
	}

	@Test
	void aChangedKeyIsARemovalAndAnAddition() {
		TableDiff diff = KeyedDiff.diff(List.of(route("a", "1", "5")), List.of(route("a", "2", "5")), ROUTE_KEY);
		assertThat(diff.removed()).extracting(change -> change.key().values()).containsExactly(List.of("a", "1"));
		assertThat(diff.added()).extracting(change -> change.key().values()).containsExactly(List.of("a", "2"));
		assertThat(diff.changed()).isEmpty();
	}

	@Test
	void reorderedRowsAreNoChangeButAreNoticed() {
		List<TableRow> before = List.of(route("a", "1", "5"), route("b", "1", "6"), route("c", "1", "7"));
		List<TableRow> after = List.of(route("a", "1", "5"), route("c", "1", "7"), route("b", "1", "6"));
		TableDiff diff = KeyedDiff.diff(before, after, ROUTE_KEY);
		assertThat(diff.isEmpty()).isTrue();
		assertThat(diff.reordered()).isTrue();
	}

	@Test
	void addingAndRemovingRowsIsNoReorder() {
		List<TableRow> before = List.of(route("a", "1", "5"), route("b", "1", "6"), route("c", "1", "7"));
		List<TableRow> after = List.of(route("x", "1", "0"), route("a", "1", "5"), route("c", "1", "7"));
		assertThat(KeyedDiff.diff(before, after, ROUTE_KEY).reordered()).isFalse();
	}

	@Test
	void rowsEqualOnBothEndsButSwappedAreAReorder() {
		List<TableRow> before = List.of(route("a", "1", "5"), route("b", "1", "6"));
		assertThat(KeyedDiff.diff(before, List.of(before.get(1), before.get(0)), ROUTE_KEY).reordered()).isTrue();
	}

	@Test
	void duplicateKeysAreMatchedByOccurrenceAndReported() {
		TableRow first = route("a", "1", "5");
		TableRow second = route("a", "1", "6");
		TableRow secondEdited = route("a", "1", "7");
		TableDiff diff = KeyedDiff.diff(List.of(first, second), List.of(first, secondEdited), ROUTE_KEY);
		assertThat(diff.duplicatesBefore()).containsExactly(new RowKey(List.of("a", "1"), 0));
		assertThat(diff.duplicatesAfter()).containsExactly(new RowKey(List.of("a", "1"), 0));
		assertThat(diff.changed()).hasSize(1);
		assertThat(diff.changed().get(0).key()).isEqualTo(new RowKey(List.of("a", "1"), 1));
		assertThat(diff.changed().get(0).fields())
			.containsExactly(new FieldChange("digitMatch", "6", "7", true, true));
	}

	@Test
	void droppingADuplicateRemovesTheLastOccurrence() {
		TableRow first = route("a", "1", "5");
		TableRow second = route("a", "1", "6");
		TableDiff diff = KeyedDiff.diff(List.of(first, second), List.of(first), ROUTE_KEY);
		assertThat(diff.removed()).containsExactly(new RowChange.Removed(new RowKey(List.of("a", "1"), 1), second));
		assertThat(diff.duplicatesBefore()).hasSize(1);
		assertThat(diff.duplicatesAfter()).isEmpty();
	}

	@Test
	void aKeyThreeTimesIsReportedOnce() {
		TableRow r = route("a", "1", "5");
		TableDiff diff = KeyedDiff.diff(List.of(), List.of(r, r, r), ROUTE_KEY);
		assertThat(diff.duplicatesAfter()).containsExactly(new RowKey(List.of("a", "1"), 0));
		assertThat(diff.added()).extracting(change -> change.key().occurrence()).containsExactly(0, 1, 2);
	}

	@Test
	void unknownFieldsAreComparedLikeAnyOther() {
		TableRow before = row("alias", "a", "tableId", "1", "futureField", "old");
		TableRow after = row("alias", "a", "tableId", "1", "futureField", "new");
		TableDiff diff = KeyedDiff.diff(List.of(before), List.of(after), ROUTE_KEY);
		assertThat(diff.changed().get(0).fields())
			.containsExactly(new FieldChange("futureField", "old", "new", true, true));
	}

	@Test
	void aFieldOnOnlyOneSideIsAChangeFromOrToAbsent() {
		TableRow before = row("alias", "a", "tableId", "1", "gone", "x");
		TableRow after = row("alias", "a", "tableId", "1", "extra", "y");
		List<FieldChange> fields = KeyedDiff.diff(List.of(before), List.of(after), ROUTE_KEY).changed().get(0).fields();
		assertThat(fields).containsExactly(new FieldChange("extra", null, "y", false, true),
				new FieldChange("gone", "x", null, true, false));
		assertThat(fields.get(0).beforeText()).isEqualTo("(absent)");
		assertThat(fields.get(0).afterText()).isEqualTo("y");
		assertThat(fields.get(1).beforeText()).isEqualTo("x");
		assertThat(fields.get(1).afterText()).isEqualTo("(absent)");
	}

	@Test
	void anEmptyValueIsNotAnAbsentField() {
		TableRow before = row("alias", "a", "tableId", "1", "note", "");
		TableRow after = row("alias", "a", "tableId", "1");
		List<FieldChange> fields = KeyedDiff.diff(List.of(before), List.of(after), ROUTE_KEY).changed().get(0).fields();
		assertThat(fields).containsExactly(new FieldChange("note", "", null, true, false));
	}

	@Test
	void numbersAndTheirTextAreTheSameValue() {
		TableRow fromXml = row("alias", "a", "tableId", "1", "maxLen", "10");
		TableRow fromJson = row("alias", "a", "tableId", 1L, "maxLen", 10L);
		assertThat(KeyedDiff.diff(List.of(fromXml), List.of(fromJson), ROUTE_KEY).isEmpty()).isTrue();
	}

	@Test
	void fieldOrderInsideARowIsNoChange() {
		TableRow before = row("alias", "a", "tableId", "1", "x", "1", "y", "2");
		TableRow after = row("alias", "a", "tableId", "1", "y", "2", "x", "1");
		assertThat(KeyedDiff.diff(List.of(before), List.of(after), ROUTE_KEY).isEmpty()).isTrue();
	}

	@Test
	void nestedFieldsAreReportedByTheirPath() {
		TableRow sip = row("direction", "both", "optionPoll", "enable");
		TableRow before = row("trunkId", "7", "typeSIPgw", sip, "node",
				List.of(row("fqdn", "10.0.0.1", "capacity", "10"), row("fqdn", "10.0.0.2", "capacity", "20")));
		TableRow after = row("trunkId", "7", "typeSIPgw", sip.with("direction", "inbound"), "node",
				List.of(row("fqdn", "10.0.0.1", "capacity", "10"), row("fqdn", "10.0.0.9", "capacity", "20")));
		List<FieldChange> fields = KeyedDiff.diff(List.of(before), List.of(after), List.of("trunkId")).changed().get(0)
			.fields();
		assertThat(fields).extracting(FieldChange::field).containsExactly("typeSIPgw/direction", "node[2]/fqdn");
		assertThat(fields).extracting(FieldChange::beforeText).containsExactly("both", "10.0.0.2");
		assertThat(fields).extracting(FieldChange::afterText).containsExactly("inbound", "10.0.0.9");
	}

	@Test
	void aRepeatedFieldThatGrewIsOneChangeOfTheWholeList() {
		TableRow before = row("trunkId", "7", "node", List.of(row("fqdn", "a")));
		TableRow after = row("trunkId", "7", "node", List.of(row("fqdn", "a"), row("fqdn", "b")));
		List<FieldChange> fields = KeyedDiff.diff(List.of(before), List.of(after), List.of("trunkId")).changed().get(0)
			.fields();
		assertThat(fields).hasSize(1);
		assertThat(fields.get(0).field()).isEqualTo("node");
		assertThat(fields.get(0).beforeText()).isEqualTo("[{fqdn=a}]");
		assertThat(fields.get(0).afterText()).isEqualTo("[{fqdn=a}; {fqdn=b}]");
	}

	@Test
	void aScalarReplacedByANestedValueIsOneChange() {
		TableRow before = row("trunkId", "7", "node", "none");
		TableRow after = row("trunkId", "7", "node", row("fqdn", "a"));
		List<FieldChange> fields = KeyedDiff.diff(List.of(before), List.of(after), List.of("trunkId")).changed().get(0)
			.fields();
		assertThat(fields).containsExactly(new FieldChange("node", "none", row("fqdn", "a"), true, true));
		assertThat(KeyedDiff.diff(List.of(after), List.of(before), List.of("trunkId")).changed()).hasSize(1);
	}

	@Test
	void aMissingKeyFieldCountsAsEmpty() {
		TableRow keyless = row("tableId", "1", "digitMatch", "5");
		assertThat(RowKey.of(keyless, ROUTE_KEY).values()).containsExactly("", "1");
		TableRow nestedKey = row("alias", row("x", "y"), "tableId", "1");
		assertThat(RowKey.of(nestedKey, ROUTE_KEY).values()).containsExactly("", "1");
	}

	@Test
	void keysLabelAndSort() {
		RowKey a = new RowKey(List.of("a", "1"), 0);
		RowKey a2 = new RowKey(List.of("a", "1"), 1);
		RowKey b = new RowKey(List.of("a", "2"), 0);
		RowKey shorter = new RowKey(List.of("a"), 0);
		assertThat(a.label()).isEqualTo("a / 1");
		assertThat(a2.label()).isEqualTo("a / 1 (#2)");
		assertThat(a.compareTo(a2)).isNegative();
		assertThat(a2.compareTo(a)).isPositive();
		assertThat(a.compareTo(b)).isNegative();
		assertThat(b.compareTo(a2)).isPositive();
		assertThat(shorter.compareTo(a)).isNegative();
		assertThat(a.compareTo(shorter)).isPositive();
		assertThat(a.compareTo(new RowKey(List.of("a", "1"), 0))).isZero();
	}

	@Test
	void valuesCompareByTextAndShape() {
		assertThat(FieldValues.same(null, null)).isTrue();
		assertThat(FieldValues.same("a", null)).isFalse();
		assertThat(FieldValues.same(null, "a")).isFalse();
		assertThat(FieldValues.same("1", 1L)).isTrue();
		assertThat(FieldValues.same("1", List.of("1"))).isFalse();
		assertThat(FieldValues.same("1", row("a", "1"))).isFalse();
		assertThat(FieldValues.same(row("a", "1"), "1")).isFalse();
		assertThat(FieldValues.same(List.of("1"), "1")).isFalse();
		assertThat(FieldValues.same(List.of("1", "2"), List.of("1", "2"))).isTrue();
		assertThat(FieldValues.same(List.of("1", "2"), List.of("1", "3"))).isFalse();
		assertThat(FieldValues.same(List.of("1"), List.of("1", "2"))).isFalse();
		assertThat(FieldValues.sameRow(row("a", "1"), row("a", "1", "b", "2"))).isFalse();
		assertThat(FieldValues.sameRow(row("a", "1", "b", "2"), row("a", "1", "c", "2"))).isFalse();
		assertThat(FieldValues.sameRow(row("a", "1", "b", null), row("a", "1", "c", null))).isFalse();
		assertThat(FieldValues.display(null)).isEmpty();
		assertThat(FieldValues.display(row("a", "1", "b", List.of("x", "y")))).isEqualTo("{a=1, b=[x; y]}");
	}

}
