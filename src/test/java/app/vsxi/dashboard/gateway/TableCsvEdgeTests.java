package app.vsxi.dashboard.gateway;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** CSV written to the end: every line there when the writer returns, nothing at all for no entry. */
class TableCsvEdgeTests {

	@Test
	void everyLineIsWrittenWhenWriteReturns() {
		Map<String, Object> first = new LinkedHashMap<>();
		first.put("alias", "a,b");
		first.put("tableId", 1);
		Map<String, Object> second = new LinkedHashMap<>();
		second.put("alias", "c");
		second.put("tableId", null);
		ByteArrayOutputStream out = new ByteArrayOutputStream();

		TableCsv.write(List.of(new TableRow(first), new TableRow(second)).iterator(), out);

		assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("alias,tableId\r\n\"a,b\",1\r\nc,\r\n");
	}

	@Test
	void noEntryWritesNothing() {
		ByteArrayOutputStream out = new ByteArrayOutputStream();

		TableCsv.write(Collections.emptyIterator(), out);

		assertThat(out.size()).isZero();
	}

}
