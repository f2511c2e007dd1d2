package app.vsxi.dashboard.tables.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import app.vsxi.dashboard.gateway.TableRow;

import static app.vsxi.dashboard.tables.engine.Rows.ROUTE_KEY;
import static app.vsxi.dashboard.tables.engine.Rows.route;
import static app.vsxi.dashboard.tables.engine.Rows.row;
import static org.assertj.core.api.Assertions.assertThat;

class LargeTableDiffTests {

	private static TableDiff large(List<TableRow> before, List<TableRow> after) {
		return LargeTableDiff.diff(before::forEach, after::forEach, ROUTE_KEY);
	}

	@Test
	void findsExactlyWhatTheInMemoryDiffFinds() {
		Random random = new Random(42);
		List<TableRow> before = IntStream.range(0, 5000).mapToObj(i -> route("r" + i, String.valueOf(i % 7), "5" + i))
			.toList();
		List<TableRow> after = new ArrayList<>();
		for (TableRow row : before) {
			int dice = random.nextInt(100);
			if (dice < 3) {
				continue;
			}
			after.add(dice < 6 ? row.with("digitMatch", "changed" + dice) : row);
		}
		IntStream.range(0, 40).forEach(i -> after.add(route("new" + i, "1", "9")));
		TableDiff expected = KeyedDiff.diff(before, after, ROUTE_KEY);
		TableDiff actual = large(before, after);
		assertThat(actual.added()).containsExactlyInAnyOrderElementsOf(expected.added());
		assertThat(actual.removed()).containsExactlyInAnyOrderElementsOf(expected.removed());
		assertThat(actual.changed()).containsExactlyInAnyOrderElementsOf(expected.changed());
		assertThat(actual.summary()).isEqualTo(expected.summary());
		assertThat(actual.summary().removed()).isPositive();
		assertThat(actual.summary().changed()).isPositive();
		assertThat(actual.summary().added()).isEqualTo(40);
	}

	@Test
	void equalTablesAreReadOnceEachAndTablesThatDifferTwice() {
		List<TableRow> before = IntStream.range(0, 300).mapToObj(i -> route("r" + i, "1", "5")).toList();
		List<TableRow> after = new ArrayList<>(before);
		int[] reads = new int[2];
		LargeTableDiff.RowSource first = sink -> {
			reads[0]++;
			before.forEach(sink);
		};
		LargeTableDiff.RowSource second = sink -> {
			reads[1]++;
			after.forEach(sink);
		};

		assertThat(LargeTableDiff.diff(first, second, ROUTE_KEY).isEmpty()).isTrue();
		assertThat(reads).containsExactly(1, 1);

		after.set(7, before.get(7).with("digitMatch", "6"));
		assertThat(LargeTableDiff.diff(first, second, ROUTE_KEY).changed()).hasSize(1);
		assertThat(reads).containsExactly(3, 3);
	}

	@Test
	void equalTablesInAnotherOrderDoNotDiffer() {
		List<TableRow> before = IntStream.range(0, 300).mapToObj(i -> route("r" + i, "1", "5")).toList();
		List<TableRow> after = new ArrayList<>(before);
		java.util.Collections.reverse(after);
		assertThat(large(before, after).isEmpty()).isTrue();
	}

	@Test
	void fieldOrderDoesNotMakeADifferenceButAnyFieldDoes() {
		TableRow before = row("alias", "a", "tableId", "1", "x", "1", "y", "2");
		assertThat(large(List.of(before), List.of(row("alias", "a", "tableId", "1", "y", "2", "x", "1"))).isEmpty())
			.isTrue();
		assertThat(large(List.of(before), List.of(before.with("y", "3"))).changed()).hasSize(1);
		assertThat(large(List.of(before), List.of(row("alias", "a", "tableId", "1", "x", "1", "y", "2", "z", "")))
			.changed()).hasSize(1);
	}

	@Test
	void duplicateKeysGoToTheExactDiff() {
		TableRow first = route("a", "1", "5");
		TableRow second = route("a", "1", "6");
		TableDiff diff = large(List.of(first, second, route("b", "1", "1")), List.of(first, route("b", "1", "1")));
		assertThat(diff.removed()).extracting(RowChange.Removed::row).containsExactly(second);
		assertThat(diff.duplicatesBefore()).hasSize(1);
		TableDiff same = large(List.of(first, second), List.of(first, second));
		assertThat(same.isEmpty()).isTrue();
	}

	@Test
	void aKeyRepeatedOnlyInTheNewerTableIsAnAddedOccurrence() {
		TableRow first = route("a", "1", "5");
		TableRow again = route("a", "1", "6");
		TableDiff diff = large(List.of(first, route("b", "1", "1")), List.of(first, route("b", "1", "1"), again));
		TableDiff expected = KeyedDiff.diff(List.of(first, route("b", "1", "1")), List.of(first, route("b", "1", "1"), again),
				ROUTE_KEY);
		assertThat(diff.added()).isEqualTo(expected.added());
		assertThat(diff.added()).extracting(RowChange.Added::row).containsExactly(again);
		assertThat(diff.changed()).isEmpty();
		assertThat(diff.duplicatesAfter()).hasSize(1);
	}

	@Test
	void emptyTables() {
		assertThat(large(List.of(), List.of()).isEmpty()).isTrue();
		assertThat(large(List.of(), List.of(route("a", "1", "1"))).added()).hasSize(1);
		assertThat(large(List.of(route("a", "1", "1")), List.of()).removed()).hasSize(1);
	}

	@Test
	void radixSortOrdersUnsignedAndCarriesValues() {
		long[] keys = { 5, -1, 0, Long.MIN_VALUE, 3, Long.MAX_VALUE };
		long[] values = { 50, -10, 0, 7, 30, 9 };
		LargeTableDiff.radixSort(keys, values, keys.length);
		assertThat(keys).containsExactly(0, 3, 5, Long.MAX_VALUE, Long.MIN_VALUE, -1);
		assertThat(values).containsExactly(0, 30, 50, 9, 7, -10);
	}

	@Test
	void hashesDependOnEveryKeyFieldAndEveryValue() {
		assertThat(LargeTableDiff.keyHash(route("a", "1", "1"), ROUTE_KEY))
			.isNotEqualTo(LargeTableDiff.keyHash(route("a", "2", "1"), ROUTE_KEY))
			.isEqualTo(LargeTableDiff.keyHash(route("a", "1", "2"), ROUTE_KEY));
		assertThat(LargeTableDiff.keyHash(row("alias", "ab", "tableId", "c"), ROUTE_KEY))
			.isNotEqualTo(LargeTableDiff.keyHash(row("alias", "a", "tableId", "bc"), ROUTE_KEY));
		assertThat(LargeTableDiff.contentHash(row("a", "1", "b", "2")))
			.isNotEqualTo(LargeTableDiff.contentHash(row("a", "2", "b", "1")))
			.isEqualTo(LargeTableDiff.contentHash(row("b", "2", "a", "1")));
	}

	@Test
	void rowsThatDifferAnywhereHashApartWhateverTheirFieldOrder() {
		Random random = new Random(5);
		java.util.Set<TableRow> rows = new java.util.LinkedHashSet<>();
		while (rows.size() < 3000) {
			rows.add(row("alias", "r" + random.nextInt(50), "tableId", String.valueOf(random.nextInt(4)), "digitMatch",
					String.valueOf(random.nextInt(1000))));
		}
		List<Long> hashes = rows.stream().map(LargeTableDiff::contentHash).toList();
		assertThat(hashes).doesNotHaveDuplicates();
		TableRow one = rows.iterator().next();
		assertThat(LargeTableDiff.contentHash(row("digitMatch", one.text("digitMatch"), "tableId", one.text("tableId"),
				"alias", one.text("alias")))).isEqualTo(hashes.get(0));
	}

}
