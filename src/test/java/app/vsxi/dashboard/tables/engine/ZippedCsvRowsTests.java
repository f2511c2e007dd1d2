package app.vsxi.dashboard.tables.engine;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.Test;

import app.vsxi.dashboard.gateway.ElementNames;
import app.vsxi.dashboard.gateway.Format;
import app.vsxi.dashboard.gateway.TableCsv;
import app.vsxi.dashboard.gateway.TableFormatException;
import app.vsxi.dashboard.gateway.TableRow;
import app.vsxi.dashboard.gateway.TableZip;

import static app.vsxi.dashboard.tables.engine.Rows.ROUTE_KEY;
import static app.vsxi.dashboard.tables.engine.Rows.route;
import static app.vsxi.dashboard.tables.engine.Rows.row;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ZippedCsvRowsTests {

	/** Quoted commas, doubled quotes, line breaks inside quotes, CRLF and LF, an empty line, non-ASCII text. */
	private static final String AWKWARD = "alias,tableId,note,digitMatch\r\n"
			+ "plain,1,nothing,100\r\n"
			+ "\"comma, inside\",1,\"say \"\"hi\"\"\",200\r\n"
			+ "\r\n"
			+ "breaks,2,\"two\nlines\r\nand more\",300\n"
			+ "münchen,2,\"\",\"+4989\"\n"
			+ "mid\"quote,3,a\"b,400\n"
			+ "last,3,,500";

	@Test
	void recordsAreCutAndUnquotedAsTheGatewaysCsvReaderReadsThem() throws IOException {
		List<TableRow> expected = new ArrayList<>();
		TableCsv.read(new ByteArrayInputStream(AWKWARD.getBytes(StandardCharsets.UTF_8)), expected::add);
		List<List<String>> cut = new ArrayList<>();
		ZippedCsvRows.Records records = new ZippedCsvRows.Records(
				new TrickleStream(AWKWARD.getBytes(StandardCharsets.UTF_8)));
		while (records.next()) {
			List<String> fields = new ArrayList<>();
			for (int f = 0; f < records.fields; f++) {
				fields.add(records.field(f));
			}
			cut.add(fields);
		}
		assertThat(cut).hasSize(expected.size() + 1);
		assertThat(cut.get(0)).containsExactly("alias", "tableId", "note", "digitMatch");
		for (int i = 0; i < expected.size(); i++) {
			assertThat(cut.get(i + 1)).as("record %d", i + 1)
				.containsExactlyElementsOf(expected.get(i).fields().values().stream().map(String::valueOf).toList());
		}
		assertThat(cut.get(2)).containsExactly("comma, inside", "1", "say \"hi\"", "200");
		assertThat(cut.get(3)).containsExactly("breaks", "2", "two\nlines\r\nand more", "300");
	}

	@Test
	void rowsAreTheGatewaysRowsAndTheDiffFindsWhatTheRowDiffFinds() {
		String changed = AWKWARD.replace("say \"\"hi\"\"", "say \"\"bye\"\"").replace("münchen,2", "münchen,9");
		ZippedCsvRows before = ZippedCsvRows.of(zip(AWKWARD));
		ZippedCsvRows after = ZippedCsvRows.of(zip(changed));
		List<TableRow> rows = new ArrayList<>();
		before.forEach(rows::add);
		assertThat(rows).hasSize(6);
		TableDiff raw = LargeTableDiff.diff(before, after, ROUTE_KEY);
		TableDiff expected = KeyedDiff.diff(list(before), list(after), ROUTE_KEY);
		assertThat(raw.added()).containsExactlyInAnyOrderElementsOf(expected.added());
		assertThat(raw.removed()).containsExactlyInAnyOrderElementsOf(expected.removed());
		assertThat(raw.changed()).containsExactlyInAnyOrderElementsOf(expected.changed());
		assertThat(raw.summary()).isEqualTo(new TableDiff.Summary(1, 1, 1, 1));
	}

	@Test
	void aThousandRowsWithEveryKindOfChangeDiffAsRows() {
		Random random = new Random(7);
		List<TableRow> older = IntStream.range(0, 3000)
			.mapToObj(i -> route("r" + i, String.valueOf(i % 5), i % 11 == 0 ? "+1555, \"" + i + "\"" : "5" + i))
			.toList();
		List<TableRow> newer = new ArrayList<>();
		for (TableRow row : older) {
			int dice = random.nextInt(100);
			if (dice < 2) {
				continue;
			}
			newer.add(dice < 5 ? row.with("policy", "edited\n" + dice) : row);
		}
		newer.add(older.get(17));
		IntStream.range(0, 25).forEach(i -> newer.add(route("new" + i, "1", "9")));
		ZippedCsvRows before = ZippedCsvRows.of(zip(older));
		ZippedCsvRows after = ZippedCsvRows.of(zip(newer));
		TableDiff raw = LargeTableDiff.diff(before, after, ROUTE_KEY);
		TableDiff expected = KeyedDiff.diff(older, newer, ROUTE_KEY);
		assertThat(raw.summary()).isEqualTo(expected.summary());
		assertThat(raw.added()).containsExactlyInAnyOrderElementsOf(expected.added());
		assertThat(raw.removed()).containsExactlyInAnyOrderElementsOf(expected.removed());
		assertThat(raw.changed()).containsExactlyInAnyOrderElementsOf(expected.changed());
		assertThat(raw.duplicatesAfter()).containsExactly(RowKey.of(older.get(17), ROUTE_KEY));
		assertThat(raw.summary().added()).isEqualTo(26);
	}

	@Test
	void anotherHeaderFallsBackToRowsWhereFieldOrderDoesNotCount() {
		List<TableRow> older = List.of(route("a", "1", "5"), route("b", "1", "6"));
		List<TableRow> reordered = List.of(row("tableId", "1", "alias", "a", "policy", "top_down", "digitMatch", "5"),
				row("tableId", "1", "alias", "b", "policy", "top_down", "digitMatch", "7"));
		ZippedCsvRows before = ZippedCsvRows.of(zip(older));
		ZippedCsvRows after = ZippedCsvRows.of(zip(reordered));
		assertThat(before.layout()).isNotEqualTo(after.layout());
		TableDiff diff = LargeTableDiff.diff(before, after, ROUTE_KEY);
		assertThat(diff.summary()).isEqualTo(new TableDiff.Summary(0, 0, 1, 1));
		assertThat(diff.changed().get(0).key().values()).containsExactly("b", "1");
	}

	@Test
	void aRecordWithTooFewCellsIsRefusedAsTheCsvReaderRefusesIt() {
		ZippedCsvRows broken = ZippedCsvRows.of(zip("alias,tableId,digitMatch\na,1,5\nb,1\n"));
		assertThatThrownBy(() -> broken.forEachHash(ROUTE_KEY, (key, content) -> {
		})).isInstanceOf(TableFormatException.class).hasMessageContaining("2 cells under 3 columns");
	}

	@Test
	void wantedRowsComeAlikeWithAndWithoutAnEarlierHashPassAcrossSeveralFiles() {
		byte[] zip = files(List.of("alias,tableId,note\na,1,x\n\"b, c\",2,y\n", "alias,tableId,note\r\nd,1,z\r\nmünchen,1,w"));
		List<String> wanted = new ArrayList<>();
		ZippedCsvRows fresh = ZippedCsvRows.of(zip);
		fresh.forEachWanted(ROUTE_KEY, key -> true, row -> wanted.add(row.text("alias")));
		assertThat(wanted).containsExactly("a", "b, c", "d", "münchen");
		ZippedCsvRows hashed = ZippedCsvRows.of(zip);
		List<Long> keys = new ArrayList<>();
		hashed.forEachHash(ROUTE_KEY, (key, content) -> keys.add(key));
		assertThat(keys).containsExactly(
				LargeTableDiff.keyHash(List.of("a", "1")), LargeTableDiff.keyHash(List.of("b, c", "2")),
				LargeTableDiff.keyHash(List.of("d", "1")), LargeTableDiff.keyHash(List.of("münchen", "1")));
		List<TableRow> picked = new ArrayList<>();
		hashed.forEachWanted(ROUTE_KEY, key -> key != keys.get(0), picked::add);
		assertThat(picked).containsExactly(row("alias", "b, c", "tableId", "2", "note", "y"),
				row("alias", "d", "tableId", "1", "note", "z"), row("alias", "münchen", "tableId", "1", "note", "w"));
	}

	@Test
	void aCsvZipIsDiffedFromItsRecordsWithoutBuildingItsRows() {
		List<TableRow> older = IntStream.range(0, 500).mapToObj(i -> route("r" + i, "1", "5" + i)).toList();
		List<TableRow> newer = new ArrayList<>(older.subList(1, 500));
		newer.set(10, newer.get(10).with("policy", "edited"));
		newer.add(route("new", "1", "9"));
		TableDiff diff = LargeTableDiff.diff(recordsOnly(ZippedCsvRows.of(zip(older))),
				recordsOnly(ZippedCsvRows.of(zip(newer))), ROUTE_KEY);
		assertThat(diff.summary()).isEqualTo(new TableDiff.Summary(1, 1, 1, 1));
		assertThat(diff.changed().get(0).after().text("policy")).isEqualTo("edited");
		assertThat(diff.removed().get(0).key().values()).containsExactly("r0", "1");
	}

	@Test
	void recordsThatDifferAnywhereHashApartAndEqualOnesAlike() throws IOException {
		Random random = new Random(11);
		StringBuilder csv = new StringBuilder("a,b\n");
		java.util.Set<String> lines = new java.util.LinkedHashSet<>();
		while (lines.size() < 3000) {
			StringBuilder line = new StringBuilder();
			int length = random.nextInt(40);
			for (int i = 0; i < length; i++) {
				line.append((char) ('a' + random.nextInt(4)));
			}
			lines.add(line + "," + random.nextInt(3));
		}
		lines.forEach(line -> csv.append(line).append('\n'));
		lines.forEach(line -> csv.append(line).append('\n'));
		List<Long> hashes = new ArrayList<>();
		ZippedCsvRows.of(zip(csv.toString())).forEachHash(List.of("a"), (key, content) -> hashes.add(content));
		assertThat(hashes).hasSize(6000);
		assertThat(hashes.subList(0, 3000)).doesNotHaveDuplicates().isEqualTo(hashes.subList(3000, 6000));
	}

	/** Only the raw records of a source: building its rows fails the test. */
	private static LargeTableDiff.RowSource recordsOnly(ZippedCsvRows rows) {
		return new LargeTableDiff.RowSource() {

			@Override
			public void forEach(java.util.function.Consumer<TableRow> sink) {
				throw new AssertionError("the rows were built");
			}

			@Override
			public LargeTableDiff.RawRecords raw() {
				return rows.raw();
			}
		};
	}

	private static List<TableRow> list(ZippedCsvRows rows) {
		List<TableRow> all = new ArrayList<>();
		rows.forEach(all::add);
		return all;
	}

	private static byte[] zip(List<TableRow> rows) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		TableZip.write("route.csv", Format.CSV, new ElementNames(null, null), rows.iterator(), out);
		return out.toByteArray();
	}

	private static byte[] zip(String csv) {
		return files(List.of(csv));
	}

	/** One CSV file per element, as a box may split a table into chunks. */
	private static byte[] files(List<String> files) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (ZipOutputStream zip = new ZipOutputStream(out)) {
			for (int f = 0; f < files.size(); f++) {
				zip.putNextEntry(new ZipEntry("route-" + f + ".csv"));
				zip.write(files.get(f).getBytes(StandardCharsets.UTF_8));
				zip.closeEntry();
			}
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		return out.toByteArray();
	}

	/** Hands out a few bytes at a time, so records and quotes are cut across reads. */
	private static final class TrickleStream extends InputStream {

		private final byte[] bytes;

		private int at;

		private int reads;

		TrickleStream(byte[] bytes) {
			this.bytes = bytes;
		}

		@Override
		public int read() {
			return this.at < this.bytes.length ? this.bytes[this.at++] & 0xff : -1;
		}

		@Override
		public int read(byte[] buffer, int offset, int length) {
			if (this.at >= this.bytes.length) {
				return -1;
			}
			// 1 to 13 bytes a read, so records, fields and quotes are cut at every place over the file
			this.reads++;
			int n = Math.min(Math.min(length, 1 + this.reads % 13), this.bytes.length - this.at);
			System.arraycopy(this.bytes, this.at, buffer, offset, n);
			this.at += n;
			return n;
		}

	}

}
