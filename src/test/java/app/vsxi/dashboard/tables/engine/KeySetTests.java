package app.vsxi.dashboard.tables.engine;

import java.util.List;

import org.junit.jupiter.api.Test;

import static app.vsxi.dashboard.tables.engine.Rows.ROUTE_KEY;
import static app.vsxi.dashboard.tables.engine.Rows.route;
import static org.assertj.core.api.Assertions.assertThat;

class KeySetTests {

	private final KeySet touched = new KeySet(List.of(new RowKey(List.of("a", "1"), 0), new RowKey(List.of("b", "2"), 1)),
			ROUTE_KEY);

	@Test
	void aRowWhoseKeyIsAmongThemIsMatchedAsItsFirstOccurrence() {
		assertThat(this.touched.match(route("b", "2", "1999"))).isEqualTo(new RowKey(List.of("b", "2"), 0));
		assertThat(this.touched.match(route("a", "1", "1201"))).isEqualTo(new RowKey(List.of("a", "1"), 0));
	}

	@Test
	void aRowOfAnotherKeyIsNotMatchedEvenWhereOneOfItsValuesIs() {
		assertThat(this.touched.match(route("a", "2", "1201"))).isNull();
		assertThat(this.touched.match(route("c", "1", "1201"))).isNull();
	}

	@Test
	void aKeyIsContainedWhicheverOccurrenceItNames() {
		assertThat(this.touched.contains(new RowKey(List.of("b", "2"), 0))).isTrue();
		assertThat(this.touched.contains(new RowKey(List.of("a", "1"), 3))).isTrue();
		assertThat(this.touched.contains(new RowKey(List.of("a", "2"), 0))).isFalse();
	}

}
