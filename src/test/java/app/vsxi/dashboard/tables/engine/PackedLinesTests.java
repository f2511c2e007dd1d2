package app.vsxi.dashboard.tables.engine;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

import org.junit.jupiter.api.Test;

import app.vsxi.dashboard.gateway.TableRow;

import static app.vsxi.dashboard.tables.engine.Rows.ROUTE_KEY;
import static app.vsxi.dashboard.tables.engine.Rows.route;
import static app.vsxi.dashboard.tables.engine.Rows.row;
import static org.assertj.core.api.Assertions.assertThat;

class PackedLinesTests {

	/** Rows of every kind a table may hold, the shape changing along the way. */
	private static List<TableRow> awkward() {
		List<TableRow> rows = new ArrayList<>();
		rows.add(route("r1", "1", "1555"));
		rows.add(route("r \"quoted\" \\ back", "2", "1666"));
		rows.add(route("Zürich-äöü", "3", "1777"));
		rows.add(route("tab\tand\nnewline", "4", ""));
		rows.add(row("alias", "n1", "tableId", 5, "digitMatch", "x", "policy", "p"));
		rows.add(row("alias", "n2", "tableId", 5.50, "digitMatch", "x", "policy", "p"));
		rows.add(row("alias", "n3", "tableId", true, "digitMatch", "x", "policy", "p"));
		rows.add(row("alias", null, "tableId", "6", "digitMatch", "x", "policy", "p"));
		rows.add(row("alias", row("inner", "a,b:c]"), "tableId", "7", "digitMatch", "x", "policy", "p"));
		rows.add(row("alias", List.of("a", row("x", "[{")), "tableId", "8", "digitMatch", "x", "policy", "p"));
		rows.add(row("tableId", "9", "alias", "reordered", "extra", "e"));
		rows.add(row("digitMatch", "no key fields at all"));
		rows.add(route("r1", "1", "1555"));
		rows.add(route("big", "10", "d".repeat(200_000)));
		rows.add(route("", "", ""));
		rows.add(route("ends with \\", "11", "1"));
		rows.add(route("last-é", "12", "1"));
		rows.add(route("é-first", "13", "1"));
		rows.add(route("q\"", "14\"", "1"));
		rows.add(route("\"", "-0", "1"));
		rows.add(row("alias", "x", "tableId", -0.0, "digitMatch", "x", "policy", "p"));
		return rows;
	}

	private static List<long[]> hashes(LargeTableDiff.RawRecords raw) {
		List<long[]> hashes = new ArrayList<>();
		raw.forEachHash(ROUTE_KEY, (key, content) -> hashes.add(new long[] { key, content }));
		return hashes;
	}

	@Test
	void rowsComeBackEqualWhateverTheirShapeValuesOrSize() {
		List<TableRow> rows = awkward();
		RowCodec.Packed packed = RowCodec.pack(rows);

		assertThat(packed.toList()).isEqualTo(rows);
		List<TableRow> one = new ArrayList<>();
		packed.oneByOne().forEach(one::add);
		assertThat(one).isEqualTo(rows);
		assertThat(packed.rows()).isEqualTo(rows.size());
	}

	@Test
	void namesAreWrittenOnceForRowsThatShareThemAndAgainWhenTheyChange() throws IOException {
		RowCodec.Packed packed = RowCodec.pack(List.of(route("r1", "1", "1"), route("r2", "2", "2"),
				row("alias", "r3"), route("r4", "4", "4")));

		String[] lines = unpacked(packed.data()).split("\n");

		assertThat(lines).containsExactly("#[\"alias\",\"tableId\",\"digitMatch\",\"policy\"]",
				"[\"r1\",\"1\",\"1\",\"top_down\"]", "[\"r2\",\"2\",\"2\",\"top_down\"]", "#[\"alias\"]", "[\"r3\"]",
				"#[\"alias\",\"tableId\",\"digitMatch\",\"policy\"]", "[\"r4\",\"4\",\"4\",\"top_down\"]");
	}

	@Test
	void eachLinesKeyHashIsThatOfItsBuiltRowsKeySoAKeyAskedForFindsItsLine() {
		List<TableRow> rows = awkward();

		List<long[]> hashes = hashes(RowCodec.pack(rows).raw());

		assertThat(hashes).hasSize(rows.size());
		for (int i = 0; i < rows.size(); i++) {
			assertThat(hashes.get(i)[0]).as("key hash of %s", rows.get(i).toString().substring(0,
					Math.min(60, rows.get(i).toString().length())))
				.isEqualTo(LargeTableDiff.keyHash(RowKey.of(rows.get(i), ROUTE_KEY).values()));
		}
		// the numbers as the row's reader gives them, not as written
		assertThat(RowKey.of(rows.get(5), ROUTE_KEY).values()).containsExactly("n2", "5.5");
	}

	@Test
	void equalRowsHashEquallyAndAChangedValueOrNameChangesTheContentHash() {
		List<TableRow> rows = awkward();
		List<TableRow> changed = new ArrayList<>(rows);
		changed.set(0, rows.get(0).with("digitMatch", "1556"));
		changed.set(2, row("alias", "Zürich-äöü", "tableId", "3", "digitmatch", "1777", "policy", "top_down"));

		List<long[]> before = hashes(RowCodec.pack(rows).raw());
		List<long[]> again = hashes(RowCodec.pack(new ArrayList<>(rows)).raw());
		List<long[]> after = hashes(RowCodec.pack(changed).raw());

		for (int i = 0; i < rows.size(); i++) {
			assertThat(again.get(i)[1]).isEqualTo(before.get(i)[1]);
			if (i == 0 || i == 2) {
				assertThat(after.get(i)[1]).isNotEqualTo(before.get(i)[1]);
			}
			else {
				assertThat(after.get(i)[1]).isEqualTo(before.get(i)[1]);
			}
		}
		assertThat(before.get(0)[1]).isEqualTo(before.get(12)[1]);
	}

	@Test
	void onlyTheWantedRowsAreBuiltEqualToThoseWritten() {
		List<TableRow> rows = awkward();
		long wanted = LargeTableDiff.keyHash(List.of("Zürich-äöü", "3"));
		long alsoWanted = LargeTableDiff.keyHash(List.of("r1", "1"));

		List<TableRow> found = new ArrayList<>();
		RowCodec.pack(rows).raw().forEachWanted(ROUTE_KEY, key -> key == wanted || key == alsoWanted, found::add);

		assertThat(found).containsExactly(rows.get(0), rows.get(2), rows.get(12));
	}

	@Test
	void rowsPackedWithTheirNamesAsBeforeAreReadAndHashedByTheirKeys() throws IOException {
		List<TableRow> rows = List.of(route("r1", "1", "1555"), route("r \"2\"", "2", "1666"),
				row("alias", "n", "tableId", 5), row("digitMatch", "1", "tableId", "7", "alias", "last"),
				row("digitMatch", "no key"));
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (GZIPOutputStream zip = new GZIPOutputStream(bytes)) {
			zip.write(("{\"alias\":\"r1\",\"tableId\":\"1\",\"digitMatch\":\"1555\",\"policy\":\"top_down\"}\n"
					+ "{\"alias\":\"r \\\"2\\\"\",\"tableId\":\"2\",\"digitMatch\":\"1666\",\"policy\":\"top_down\"}\n\n"
					+ "{\"alias\":\"n\",\"tableId\":5}\n{\"digitMatch\":\"1\",\"tableId\":\"7\",\"alias\":\"last\"}\n"
					+ "{\"digitMatch\":\"no key\"}").getBytes(StandardCharsets.UTF_8));
		}
		RowCodec.Packed before = new RowCodec.Packed(bytes.toByteArray(), 5);

		assertThat(before.toList()).isEqualTo(rows);
		List<long[]> hashes = hashes(before.raw());
		assertThat(hashes).extracting(hash -> hash[0]).containsExactly(
				LargeTableDiff.keyHash(List.of("r1", "1")), LargeTableDiff.keyHash(List.of("r \"2\"", "2")),
				LargeTableDiff.keyHash(List.of("n", "5")), LargeTableDiff.keyHash(List.of("last", "7")),
				LargeTableDiff.keyHash(List.of("", "")));
	}

	@Test
	void theDiffOfTwoPackingsIsTheExactKeyedDiffOfTheirRows() {
		List<TableRow> before = new ArrayList<>();
		for (int i = 0; i < 5_000; i++) {
			before.add(route("r" + i, String.valueOf(i % 7), "1" + i));
		}
		before.add(route("dup", "1", "a"));
		before.add(route("dup", "1", "b"));
		List<TableRow> after = new ArrayList<>(before);
		after.set(10, before.get(10).with("digitMatch", "changed"));
		after.remove(20);
		after.add(route("new", "1", "n"));
		after.set(after.size() - 2, route("dup", "1", "c"));

		TableDiff fromBytes = LargeTableDiff.diff(RowCodec.pack(before), RowCodec.pack(after), ROUTE_KEY);
		TableDiff exact = KeyedDiff.diff(before, after, ROUTE_KEY);

		assertThat(fromBytes.changed()).isEqualTo(exact.changed()).hasSize(2);
		assertThat(fromBytes.added()).isEqualTo(exact.added()).hasSize(1);
		assertThat(fromBytes.removed()).isEqualTo(exact.removed()).hasSize(1);
	}

	@Test
	void bytesHashEightAtATimeAndTheRestOneByOne() {
		byte[] bytes = "0123456789abcdefXYZ".getBytes(StandardCharsets.UTF_8);
		Map<Long, String> seen = new HashMap<>();
		for (int to = 0; to <= bytes.length; to++) {
			long hash = PackedLines.hash(bytes, 0, to, LargeTableDiff.SEED);
			assertThat(seen.put(hash, new String(bytes, 0, to, StandardCharsets.UTF_8))).isNull();
		}
		byte[] flipped = Arrays.copyOf(bytes, bytes.length);
		flipped[3] ^= 1;
		assertThat(PackedLines.hash(flipped, 0, 16, 1)).isNotEqualTo(PackedLines.hash(bytes, 0, 16, 1));
		flipped = Arrays.copyOf(bytes, bytes.length);
		flipped[17] ^= 1;
		assertThat(PackedLines.hash(flipped, 0, 19, 1)).isNotEqualTo(PackedLines.hash(bytes, 0, 19, 1));
	}

	private static String unpacked(byte[] data) throws IOException {
		try (GZIPInputStream in = new GZIPInputStream(new java.io.ByteArrayInputStream(data))) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
	}

}
