package app.vsxi.dashboard.gateway;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class TableCsvTests {

	@Test
	void aQuotedCommaStaysInsideItsCell() {
		assertThat(read("alias,note\r\n\"a,b\",x\r\n")).containsExactly(row("alias", "a,b", "note", "x"));
	}

	@Test
	void aDoubledQuoteInsideQuotesIsOneQuote() {
		assertThat(read("alias,note\r\nr1,\"say \"\"hi\"\"\"\r\n")).containsExactly(row("alias", "r1", "note", "say \"hi\""));
	}

	@Test
	void aLineBreakInsideQuotesBelongsToTheCellNotToANewRecord() {
		assertThat(read("alias,note\r\nr1,\"first\r\nsecond\"\r\nr2,plain\r\n")).containsExactly(
				row("alias", "r1", "note", "first\r\nsecond"), row("alias", "r2", "note", "plain"));
	}

	@Test
	void quotedCellsWithCommasQuotesAndLineBreaksSurviveARoundTrip() {
		List<TableRow> rows = List.of(row("alias", "a,b", "note", "say \"hi\"\nthen go"), row("alias", "plain", "note", ""));
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		TableCsv.write(rows.iterator(), out);

		assertThat(read(out.toString(StandardCharsets.UTF_8))).isEqualTo(rows);
	}

	@Test
	void onlyCellsThatNeedQuotesAreQuoted() {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		TableCsv.write(List.of(row("alias", "r1", "note", "a,b"), row("alias", "say \"hi\"", "note", "x")).iterator(), out);

		assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("alias,note\r\nr1,\"a,b\"\r\n\"say \"\"hi\"\"\",x\r\n");
	}

	@Test
	void theHeaderNamesTheFieldsInOrder() {
		List<TableRow> rows = read("tableId,alias\r\n4,r1\r\n");

		assertThat(rows).containsExactly(row("tableId", "4", "alias", "r1"));
		assertThat(rows.get(0).fields().keySet()).containsExactly("tableId", "alias");
	}

	@Test
	void blankLinesAreNotEntries() {
		assertThat(read("alias\nr1\n\nr2\n")).containsExactly(row("alias", "r1"), row("alias", "r2"));
	}

	@Test
	void aRowWithTheWrongNumberOfCellsIsRefused() {
		assertThatExceptionOfType(TableFormatException.class).isThrownBy(() -> read("a,b\r\n1,2,3\r\n"));
	}

	@Test
	void aCellLeftOpenAtTheEndIsRefused() {
		assertThatExceptionOfType(TableFormatException.class).isThrownBy(() -> read("a,b\r\n1,\"never closed\r\n"));
	}

	@Test
	void nestedEntriesHaveNoCsvForm() {
		assertThatIllegalArgumentException().isThrownBy(() -> TableCsv.write(
				List.of(new TableRow(Map.of("node", new TableRow(Map.of("fqdn", "x"))))).iterator(),
				new ByteArrayOutputStream()));
	}

	@Test
	void rowsAreHandedOnOneByOneWhileTheyAreWritten() {
		int[] pulled = { 0 };
		Iterator<TableRow> many = new Iterator<>() {
			@Override
			public boolean hasNext() {
				return pulled[0] < 100_000;
			}

			@Override
			public TableRow next() {
				pulled[0]++;
				return row("alias", "r" + pulled[0], "tableId", "1");
			}
		};
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		TableCsv.write(many, out);
		long[] read = { 0 };

		TableCsv.read(new ByteArrayInputStream(out.toByteArray()), entry -> read[0]++);

		assertThat(read[0]).isEqualTo(100_000);
	}

	private static List<TableRow> read(String csv) {
		List<TableRow> rows = new ArrayList<>();
		TableCsv.read(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)), rows::add);
		return rows;
	}

	private static TableRow row(String... pairs) {
		Map<String, Object> fields = new LinkedHashMap<>();
		for (int i = 0; i < pairs.length; i += 2) {
			fields.put(pairs[i], pairs[i + 1]);
		}
		return new TableRow(fields);
	}

}
