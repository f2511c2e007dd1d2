package app.vsxi.dashboard.gateway;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class TableCsvTests {

	@Test
	void quotedCellsWithCommasQuotesAndLineBreaksSurviveARoundTrip() {
		List<TableRow> rows = List.of(new TableRow(Map.of("alias", "a,b", "note", "say \"hi\"\nthen go")),
				new TableRow(Map.of("alias", "plain", "note", "")));
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		TableCsv.write(rows.iterator(), out);

		List<TableRow> back = new ArrayList<>();
		TableCsv.read(new ByteArrayInputStream(out.toByteArray()), back::add);

		assertThat(back).isEqualTo(rows);
	}

	@Test
	void theHeaderNamesTheFields() {
		List<TableRow> rows = new ArrayList<>();
		TableCsv.read(new ByteArrayInputStream("alias,tableId\r\nr1,4\r\n".getBytes(StandardCharsets.UTF_8)), rows::add);

		assertThat(rows).containsExactly(new TableRow(Map.of("alias", "r1", "tableId", "4")));
	}

	@Test
	void aRowWithTheWrongNumberOfCellsIsRefused() {
		assertThatExceptionOfType(TableFormatException.class).isThrownBy(() -> TableCsv
			.read(new ByteArrayInputStream("a,b\r\n1,2,3\r\n".getBytes(StandardCharsets.UTF_8)), row -> {
			}));
	}

	@Test
	void nestedEntriesHaveNoCsvForm() {
		assertThatIllegalArgumentException().isThrownBy(() -> TableCsv.write(
				List.of(new TableRow(Map.of("node", new TableRow(Map.of("fqdn", "x"))))).iterator(),
				new ByteArrayOutputStream()));
	}

}
