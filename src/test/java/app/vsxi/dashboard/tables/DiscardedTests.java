package app.vsxi.dashboard.tables;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import app.vsxi.dashboard.gateway.TableRow;

import static org.assertj.core.api.Assertions.assertThat;
import app.vsxi.dashboard.tables.engine.RowKey;

class DiscardedTests {

	private static final List<String> KEY = List.of("alias", "tableId");

	private static final List<TableRow> SENT = List.of(new TableRow(Map.of("alias", "a", "tableId", "1")),
			new TableRow(Map.of("alias", "b", "tableId", "1")), new TableRow(Map.of("alias", "c", "tableId", "2")));

	@Test
	void aLineNamingAnEntryIsMatchedToThatRowOfTheCall() {
		List<Discarded> read = Discarded.read(List.of("entry 3: minLen is not a number", "Entry 1 - empty alias"),
				SENT, KEY);

		assertThat(read).containsExactly(new Discarded(RowKey.of(SENT.get(2), KEY), "minLen is not a number"),
				new Discarded(RowKey.of(SENT.get(0), KEY), "empty alias"));
	}

	@Test
	void aLineNamingNoEntryOrOneTheCallDidNotCarryIsKeptWithoutARow() {
		List<Discarded> read = Discarded.read(List.of("entry 4: out of range", "see the log", "entry 0: none"), SENT,
				KEY);

		assertThat(read).extracting(Discarded::key).containsOnlyNulls();
		assertThat(read).extracting(Discarded::reason).containsExactly("entry 4: out of range", "see the log",
				"entry 0: none");
	}

	@Test
	void noLinesNoDiscards() {
		assertThat(Discarded.read(List.of(), SENT, KEY)).isEmpty();
	}

}
