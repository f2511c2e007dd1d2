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

	/**
	 * The lines at rest are the same bytes whether a row's values are written straight or by the JSON mapper (the
	 * raw diff of two packings compares lines byte for byte, so a stored draft and a new download must agree).
	 */
	@Test
	void linesAtRestAreTheJsonArraysOfTheValuesWhateverTheyHold() throws Exception {
		RowCodec.Packer packer = new RowCodec.Packer();
		packer.add(Rows.row("alias", "r1", "digitMatch", "1212", "node", "10.0.0.1:5060"));
		packer.add(Rows.row("alias", "a/b", "digitMatch", "q\"x", "node", "back\\slash"));
		packer.add(Rows.row("alias", "tab\there", "digitMatch", "caf\u00e9", "node", ""));
		packer.add(Rows.row("alias", "r2", "digitMatch", "~ !#$%&'()*+,-.:;<=>?@[]^_`{|}", "node", "x"));

		List<String> lines;
		try (java.io.BufferedReader read = new java.io.BufferedReader(new java.io.InputStreamReader(
				new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(packer.finish().data())),
				java.nio.charset.StandardCharsets.UTF_8))) {
			lines = read.lines().toList();
		}

		assertThat(lines).containsExactly("#[\"alias\",\"digitMatch\",\"node\"]",
				"[\"r1\",\"1212\",\"10.0.0.1:5060\"]",
				"[\"a/b\",\"q\\\"x\",\"back\\\\slash\"]",
				"[\"tab\\there\",\"caf\u00e9\",\"\"]",
				"[\"r2\",\"~ !#$%&'()*+,-.:;<=>?@[]^_`{|}\",\"x\"]");
	}

}
