package app.vsxi.dashboard.tables.engine;

import java.util.List;

import org.junit.jupiter.api.Test;

import static app.vsxi.dashboard.tables.engine.Rows.ROUTE_KEY;
import static app.vsxi.dashboard.tables.engine.Rows.route;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sorted key-hash index an edit finds its base row through: it must name every row with that key, in table
 * order, whichever end of the table or sign of the hash it sits at, as the scan it replaced did.
 */
class RowStoreKeyHashTests {

	@Test
	void aKeyHeldTwiceNamesBothRowsInTableOrder() {
		RowStore store = store("a", "b", "dup", "c", "d", "e", "f", "dup", "g", "last");

		assertThat(store.rowsWithKeyHash(hash("dup"))).containsExactly(2, 7);
		assertThat(store.rowsWithKeyHash(hash("a"))).containsExactly(0);
		assertThat(store.rowsWithKeyHash(hash("last"))).containsExactly(9);
		assertThat(store.rowsWithKeyHash(hash("absent"))).isEmpty();
	}

	@Test
	void everyRowOfALargeTableIsFoundAtItsOwnPlaceWhateverTheSignOfItsHash() {
		int size = 50_000;
		RowStore.Builder builder = RowStore.builder(ROUTE_KEY);
		for (int i = 0; i < size; i++) {
			builder.add(route("r" + i, "1", "55" + i));
		}
		RowStore store = builder.build();

		int negative = 0;
		for (int i = 0; i < size; i++) {
			long hash = hash("r" + i);
			negative += hash < 0 ? 1 : 0;
			assertThat(store.rowsWithKeyHash(hash)).as("row r%d", i).containsExactly(i);
		}
		// the index sorts hashes unsigned, so both signs must have been looked up
		assertThat(negative).isBetween(1, size - 1);
	}

	@Test
	void anEmptyTableHasNoRowForAnyKey() {
		assertThat(RowStore.builder(ROUTE_KEY).build().rowsWithKeyHash(hash("a"))).isEmpty();
	}

	private static RowStore store(String... aliases) {
		RowStore.Builder builder = RowStore.builder(ROUTE_KEY);
		for (String alias : aliases) {
			builder.add(route(alias, "1", "55"));
		}
		return builder.build();
	}

	private static long hash(String alias) {
		return LargeTableDiff.keyHash(List.of(alias, "1"));
	}

}
