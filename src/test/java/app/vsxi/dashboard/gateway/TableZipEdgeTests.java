package app.vsxi.dashboard.gateway;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** The edges of the Large zips: which files count, and the limits exactly at their values. */
class TableZipEdgeTests {

	private static final String ONE_ROUTE = "<XBRouteList><XBRoute><alias>r</alias></XBRoute></XBRouteList>";

	@Test
	void filesOfAnotherFormatArePassedOverAndANameWithoutExtensionIsTaken() throws IOException {
		byte[] zip = zip(Map.of("notes.txt", "not xml at all <", ".txt", "<<", "dir/ROUTE.XML", ONE_ROUTE, "plain",
				ONE_ROUTE.replace(">r<", ">s<")));
		List<TableRow> rows = new ArrayList<>();

		TableZip.Summary summary = TableZip.readXml(new ByteArrayInputStream(zip), ZipLimits.DEFAULT, rows::add);

		assertThat(summary.rows()).isEqualTo(2);
		assertThat(summary.names()).isEqualTo(new ElementNames("XBRouteList", "XBRoute"));
		assertThat(rows).extracting(row -> row.text("alias")).containsExactlyInAnyOrder("r", "s");
	}

	@Test
	void aZipWithOnlyOtherFilesHoldsNoTable() throws IOException {
		byte[] zip = zip(Map.of("readme.txt", "hello"));

		assertThatExceptionOfType(TableFormatException.class)
			.isThrownBy(() -> TableZip.readXml(new ByteArrayInputStream(zip), ZipLimits.DEFAULT, row -> {
			}))
			.withMessage("the zip holds no xml file");
	}

	@Test
	void exactlyTheMostFilesAllowedAreRead() throws IOException {
		byte[] zip = zip(Map.of("a.xml", ONE_ROUTE, "b.xml", ONE_ROUTE));

		assertThat(TableZip.readXml(new ByteArrayInputStream(zip), new ZipLimits(2, 1_000_000, 200, 1024), row -> {
		}).rows()).isEqualTo(2);
		assertThatExceptionOfType(TableFormatException.class)
			.isThrownBy(() -> TableZip.readXml(new ByteArrayInputStream(zip), new ZipLimits(1, 1_000_000, 200, 1024),
					row -> {
					}))
			.withMessage("the zip holds more than 1 files");
	}

	@Test
	void exactlyTheMostBytesAllowedAreUnpacked() throws IOException {
		byte[] zip = zip(Map.of("a.xml", ONE_ROUTE));
		long size = ONE_ROUTE.getBytes(StandardCharsets.UTF_8).length;

		assertThat(TableZip.readXml(new ByteArrayInputStream(zip), new ZipLimits(5, size, 200, 1 << 20), row -> {
		}).rows()).isEqualTo(1);
		assertThatExceptionOfType(TableFormatException.class)
			.isThrownBy(() -> TableZip.readXml(new ByteArrayInputStream(zip), new ZipLimits(5, size - 1, 200, 1 << 20),
					row -> {
					}))
			.withMessage("the zip unpacks to more than " + (size - 1) + " bytes");
	}

	@Test
	void theRatioIsCheckedOnlyPastItsGraceAndOnlyAgainstTheRatio() throws IOException {
		// hardly compressible: random aliases pack to about half their size
		Random random = new Random(7);
		StringBuilder xml = new StringBuilder("<XBRouteList>");
		IntStream.range(0, 2000).forEach(i -> xml.append("<XBRoute><alias>").append(Long.toHexString(random.nextLong()))
			.append("</alias></XBRoute>"));
		byte[] plain = zip(Map.of("a.xml", xml.append("</XBRouteList>").toString()));
		byte[] squeezable = zip(Map.of("a.xml", "<XBRouteList>" + "<XBRoute><alias>same</alias></XBRoute>".repeat(20_000)
				+ "</XBRouteList>"));

		assertThat(TableZip.readXml(new ByteArrayInputStream(plain), new ZipLimits(5, 1 << 30, 20, 0), row -> {
		}).rows()).isEqualTo(2000);
		assertThat(TableZip.readXml(new ByteArrayInputStream(squeezable), new ZipLimits(5, 1 << 30, 20, 1 << 30), row -> {
		}).rows()).isEqualTo(20_000);
		assertThatExceptionOfType(TableFormatException.class)
			.isThrownBy(() -> TableZip.readXml(new ByteArrayInputStream(squeezable), new ZipLimits(5, 1 << 30, 20, 0),
					row -> {
					}))
			.withMessage("the zip unpacks more than 20 times its size: refused as a zip bomb");
	}

	@Test
	void aWrittenZipIsCompleteWithItsDirectory(@TempDir Path dir) throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		TableZip.write("route.csv", Format.CSV, new ElementNames(null, null),
				List.of(new TableRow(Map.of("alias", "a"))).iterator(), out);
		Path file = dir.resolve("route.zip");
		Files.write(file, out.toByteArray());

		try (ZipFile zip = new ZipFile(file.toFile())) {
			List<? extends ZipEntry> entries = Collections.list(zip.entries());
			assertThat(entries).extracting(ZipEntry::getName).containsExactly("route.csv");
			assertThat(new String(zip.getInputStream(entries.get(0)).readAllBytes(), StandardCharsets.UTF_8))
				.isEqualTo("alias\r\na\r\n");
		}
	}

	static byte[] zip(Map<String, String> files) throws IOException {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
			for (Map.Entry<String, String> file : new java.util.TreeMap<>(files).entrySet()) {
				zip.putNextEntry(new ZipEntry(file.getKey()));
				zip.write(file.getValue().getBytes(StandardCharsets.UTF_8));
				zip.closeEntry();
			}
		}
		return bytes.toByteArray();
	}

}
