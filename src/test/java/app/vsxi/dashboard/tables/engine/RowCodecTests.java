package app.vsxi.dashboard.tables.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import app.vsxi.dashboard.gateway.TableRow;

import static org.assertj.core.api.Assertions.assertThat;

class RowCodecTests {

	@Test
	void packedRowsComeBackOneByOneAsOftenAsAskedEqualToThoseWritten() {
		List<TableRow> rows = new ArrayList<>();
		for (int i = 0; i < 1000; i++) {
			rows.add(new TableRow(Map.of("alias", "r" + i, "node", List.of(new TableRow(Map.of("fqdn", "h" + i))))));
		}
		RowCodec.Packed packed = RowCodec.pack(rows);

		List<TableRow> first = new ArrayList<>();
		packed.oneByOne().forEach(first::add);
		List<TableRow> second = new ArrayList<>();
		packed.oneByOne().forEach(second::add);

		assertThat(first).isEqualTo(rows);
		assertThat(second).isEqualTo(rows);
		assertThat(RowCodec.pack(List.of()).oneByOne()).isEmpty();
	}

}
