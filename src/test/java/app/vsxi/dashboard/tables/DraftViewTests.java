package app.vsxi.dashboard.tables;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import app.vsxi.dashboard.gateway.TableRow;
import app.vsxi.dashboard.tables.DraftView.State;

import static app.vsxi.dashboard.tables.engine.Rows.ROUTE_KEY;
import static app.vsxi.dashboard.tables.engine.Rows.route;
import static app.vsxi.dashboard.tables.engine.Rows.row;
import static org.assertj.core.api.Assertions.assertThat;
import app.vsxi.dashboard.tables.engine.CellOrder;
import app.vsxi.dashboard.tables.engine.RowKey;
import app.vsxi.dashboard.tables.engine.RowStore;

class DraftViewTests {

	private static RowStore store(List<TableRow> rows) {
		RowStore.Builder builder = RowStore.builder(ROUTE_KEY);
		rows.forEach(builder::add);
		return builder.build();
	}

	private static final List<TableRow> ROUTES = IntStream.range(0, 25)
		.mapToObj(i -> route("r" + i, String.valueOf(i % 3), String.valueOf(100 - i)))
		.toList();

	private static DraftView.Request request(Map<String, String> filters, String sort, boolean descending, int page,
			int size) {
		return new DraftView.Request(filters, sort, descending, page, size);
	}

	@Test
	void rowsComeBackExactlyAsStored() {
		TableRow nested = row("alias", "n", "tableId", "1", "node", List.of(row("fqdn", "a")));
		TableRow numbers = row("alias", "m", "tableId", 2L, "digitMatch", "5", "policy", "x");
		TableRow reordered = row("tableId", "3", "alias", "o", "digitMatch", "5", "policy", "x");
		List<TableRow> rows = List.of(ROUTES.get(0), nested, numbers, reordered, ROUTES.get(1));
		RowStore store = store(rows);
		assertThat(IntStream.range(0, rows.size()).mapToObj(store::row)).containsExactlyElementsOf(rows);
		assertThat(List.copyOf(store.row(3).fields().keySet())).containsExactly("tableId", "alias", "digitMatch",
				"policy");
		assertThat(store.columns()).containsExactly("alias", "tableId", "digitMatch", "policy", "node");
		assertThat(store.cell(1, 4)).isEqualTo("[{fqdn=a}]");
		assertThat(store.cell(0, 4)).isEmpty();
	}

	@Test
	void aColumnFirstSeenLaterKeepsEarlierRowsExact() {
		TableRow first = row("alias", "a", "tableId", "1");
		TableRow second = row("alias", "b", "tableId", "1", "extra", "x");
		TableRow third = row("alias", "c", "tableId", "1", "extra", "y");
		RowStore store = store(List.of(first, second, third));
		assertThat(store.row(0)).isEqualTo(first);
		assertThat(store.row(1)).isEqualTo(second);
		assertThat(store.row(2)).isEqualTo(third);
	}

	@Test
	void pagesCutTheTableInItsOrder() {
		DraftView view = new DraftView(store(ROUTES), Map.of());
		DraftView.Page first = view.page(request(Map.of(), null, false, 0, 10));
		assertThat(first.total()).isEqualTo(25);
		assertThat(first.pages()).isEqualTo(3);
		assertThat(first.baseSize()).isEqualTo(25);
		assertThat(first.rows()).extracting(DraftView.ViewRow::row).containsExactlyElementsOf(ROUTES.subList(0, 10));
		DraftView.Page last = view.page(request(Map.of(), null, false, 2, 10));
		assertThat(last.rows()).extracting(DraftView.ViewRow::row).containsExactlyElementsOf(ROUTES.subList(20, 25));
		assertThat(last.rows()).allMatch(row -> row.state() == State.BASE);
		assertThat(view.page(request(Map.of(), null, false, 9, 10)).rows()).isEmpty();
	}

	@Test
	void filtersMatchTextInAColumnIgnoringCase() {
		DraftView view = new DraftView(store(ROUTES), Map.of());
		DraftView.Page page = view.page(request(Map.of("alias", "R1"), null, false, 0, 50));
		assertThat(page.rows()).extracting(row -> row.row().text("alias"))
			.containsExactly("r1", "r10", "r11", "r12", "r13", "r14", "r15", "r16", "r17", "r18", "r19");
		DraftView.Page both = view.page(request(Map.of("alias", "r1", "tableId", "0"), null, false, 0, 50));
		assertThat(both.rows()).extracting(row -> row.row().text("alias")).containsExactly("r12", "r15", "r18");
		assertThat(view.page(request(Map.of("nosuchcolumn", "x"), null, false, 0, 50)).total()).isZero();
		assertThat(view.page(request(Map.of("nosuchcolumn", " "), null, false, 0, 50)).total()).isEqualTo(25);
	}

	@Test
	void sortingIsNumericForNumbersAndCanBeReversed() {
		DraftView view = new DraftView(store(ROUTES), Map.of());
		DraftView.Page page = view.page(request(Map.of(), "digitMatch", false, 0, 3));
		assertThat(page.rows()).extracting(row -> row.row().text("digitMatch")).containsExactly("76", "77", "78");
		DraftView.Page reversed = view.page(request(Map.of(), "digitMatch", true, 0, 3));
		assertThat(reversed.rows()).extracting(row -> row.row().text("digitMatch")).containsExactly("100", "99", "98");
	}

	@Test
	void editsShowInPlaceAddedRowsAfterAndDeletedRowsMarked() {
		RowStore store = store(ROUTES);
		Map<RowKey, TableRow> edits = new LinkedHashMap<>();
		edits.put(store.key(1), ROUTES.get(1).with("digitMatch", "555"));
		edits.put(store.key(2), null);
		TableRow added = route("new", "1", "1");
		edits.put(RowKey.of(added, ROUTE_KEY), added);
		DraftView view = new DraftView(store, edits);
		DraftView.Page page = view.page(request(Map.of(), null, false, 0, 30));
		assertThat(page.total()).isEqualTo(26);
		assertThat(page.rows().get(1).state()).isEqualTo(State.CHANGED);
		assertThat(page.rows().get(1).cells()).contains("555");
		assertThat(page.rows().get(2).state()).isEqualTo(State.DELETED);
		assertThat(page.rows().get(25).state()).isEqualTo(State.ADDED);
		assertThat(page.rows().get(25).baseIndex()).isEqualTo(-1);
		assertThat(page.rows().get(25).row()).isEqualTo(added);
	}

	@Test
	void filtersAndSortSeeTheEditedValues() {
		RowStore store = store(ROUTES);
		Map<RowKey, TableRow> edits = new HashMap<>();
		edits.put(store.key(5), ROUTES.get(5).with("digitMatch", "1"));
		TableRow added = route("zz", "1", "50");
		edits.put(RowKey.of(added, ROUTE_KEY), added);
		DraftView view = new DraftView(store, edits);
		DraftView.Page sorted = view.page(request(Map.of(), "digitMatch", false, 0, 2));
		assertThat(sorted.rows()).extracting(row -> row.row().text("alias")).containsExactly("r5", "zz");
		DraftView.Page filtered = view.page(request(Map.of("digitMatch", "95"), null, false, 0, 10));
		assertThat(filtered.total()).isZero();
		view.edits(Map.of());
		assertThat(view.page(request(Map.of("digitMatch", "95"), null, false, 0, 10)).total()).isEqualTo(1);
	}

	@Test
	void duplicateKeysGetTheirOccurrence() {
		RowStore store = store(List.of(route("a", "1", "1"), route("a", "1", "2"), route("b", "1", "3")));
		assertThat(store.key(0).occurrence()).isZero();
		assertThat(store.key(1).occurrence()).isEqualTo(1);
		assertThat(store.key(2).occurrence()).isZero();
	}

	@Test
	void cellsSortNumbersBeforeText() {
		assertThat(CellOrder.compare("9", "10")).isNegative();
		assertThat(CellOrder.compare("10", "9")).isPositive();
		assertThat(CellOrder.compare("-10", "-9")).isNegative();
		assertThat(CellOrder.compare("-1", "1")).isNegative();
		assertThat(CellOrder.compare("1", "-1")).isPositive();
		assertThat(CellOrder.compare("5", "a")).isNegative();
		assertThat(CellOrder.compare("a", "5")).isPositive();
		assertThat(CellOrder.compare("a", "b")).isNegative();
		assertThat(CellOrder.compare("12", "12")).isZero();
		assertThat(CellOrder.isNumber("007")).isFalse();
		assertThat(CellOrder.isNumber("0")).isTrue();
		assertThat(CellOrder.isNumber("-")).isFalse();
		assertThat(CellOrder.isNumber("")).isFalse();
		assertThat(CellOrder.isNumber("1234567890123456789")).isFalse();
		assertThat(CellOrder.isNumber("123456789012345678")).isTrue();
		assertThat(CellOrder.isNumber("1a")).isFalse();
	}

	/**
	 * Every page of every filter and order agrees with the plain definition, worked out here row by row: the rows
	 * as the draft holds them in table order (added ones last), those whose text contains every filter's, sorted
	 * stably by the column's text (numbers as numbers), reversed when descending, then cut into pages.
	 */
	@Test
	void everyPageIsTheDraftFilteredSortedAndCut() {
		java.util.Random random = new java.util.Random(7);
		List<String> values = List.of("7", "10", "9", "-3", "0", "a", "B", "ab", "", "100", "x1");
		for (int round = 0; round < 40; round++) {
			List<TableRow> rows = new java.util.ArrayList<>();
			for (int i = 0; i < 60; i++) {
				rows.add(route("r" + i, values.get(random.nextInt(values.size())),
						values.get(random.nextInt(values.size()))));
			}
			RowStore store = store(rows);
			Map<RowKey, TableRow> edits = new LinkedHashMap<>();
			for (int e = 0; e < 12; e++) {
				int at = random.nextInt(rows.size());
				String value = values.get(random.nextInt(values.size()));
				switch (random.nextInt(3)) {
					case 0 -> edits.put(store.key(at), rows.get(at).with("digitMatch", value));
					case 1 -> edits.put(store.key(at), null);
					default -> {
						TableRow added = route("n" + round + "_" + e, value, values.get(random.nextInt(values.size())));
						edits.put(RowKey.of(added, ROUTE_KEY), added);
					}
				}
			}
			DraftView view = new DraftView(store, edits);
			for (int ask = 0; ask < 30; ask++) {
				Map<String, String> filters = new HashMap<>();
				if (random.nextInt(3) == 0) {
					filters.put(random.nextBoolean() ? "digitMatch" : "tableId", values.get(random.nextInt(6)));
				}
				String sort = List.of("", "digitMatch", "tableId", "alias").get(random.nextInt(4));
				boolean descending = random.nextBoolean();
				int size = 1 + random.nextInt(25);
				int page = random.nextInt(4);
				List<String> expected = expectedPage(rows, edits, filters, sort, descending, page, size);
				DraftView.Page shown = view.page(request(filters, sort.isEmpty() ? null : sort, descending, page, size));
				assertThat(shown.rows()).extracting(row -> row.row().text("alias") + " " + row.state())
					.as("round %d: filters %s, sort %s%s, page %d of %d", round, filters, sort, descending ? " desc" : "",
							page, size)
					.containsExactlyElementsOf(expected);
				assertThat(shown.total()).isEqualTo(expectedPage(rows, edits, filters, sort, descending, 0, 1000).size());
			}
		}
	}

	private static List<String> expectedPage(List<TableRow> rows, Map<RowKey, TableRow> edits,
			Map<String, String> filters, String sort, boolean descending, int page, int size) {
		record Shown(TableRow row, State state) {
		}
		List<Shown> all = new java.util.ArrayList<>();
		java.util.Set<RowKey> onBase = new java.util.HashSet<>();
		for (TableRow row : rows) {
			RowKey key = RowKey.of(row, ROUTE_KEY);
			onBase.add(key);
			if (!edits.containsKey(key)) {
				all.add(new Shown(row, State.BASE));
			}
			else {
				all.add(edits.get(key) == null ? new Shown(row, State.DELETED) : new Shown(edits.get(key), State.CHANGED));
			}
		}
		edits.forEach((key, row) -> {
			if (!onBase.contains(key) && row != null) {
				all.add(new Shown(row, State.ADDED));
			}
		});
		List<Shown> kept = new java.util.ArrayList<>(all.stream()
			.filter(shown -> filters.entrySet().stream()
				.allMatch(filter -> shown.row().text(filter.getKey()).toLowerCase(java.util.Locale.ROOT)
					.contains(filter.getValue().strip().toLowerCase(java.util.Locale.ROOT))))
			.toList());
		if (!sort.isEmpty()) {
			kept.sort((a, b) -> CellOrder.compare(a.row().text(sort), b.row().text(sort)));
			if (descending) {
				java.util.Collections.reverse(kept);
			}
		}
		return kept.stream().skip((long) page * size).limit(size).map(s -> s.row().text("alias") + " " + s.state())
			.toList();
	}

}
