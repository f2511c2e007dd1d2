package app.vsxi.dashboard.gateway;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class TableZipTests {

	@Test
	void aWrittenZipReadsBackEntryForEntry() {
		List<TableRow> rows = IntStream.range(0, 1000)
			.mapToObj(i -> new TableRow(Map.of("alias", "r" + i)))
			.toList();
		ByteArrayOutputStream zip = new ByteArrayOutputStream();
		TableZip.writeXml("route.xml", new ElementNames("XBRouteList", "XBRoute"), rows.iterator(), zip);

		List<TableRow> back = new ArrayList<>();
		TableZip.Summary summary = TableZip.readXml(new ByteArrayInputStream(zip.toByteArray()), ZipLimits.DEFAULT,
				back::add);

		assertThat(back).isEqualTo(rows);
		assertThat(summary).isEqualTo(new TableZip.Summary("XBRouteList", "XBRoute", 1000));
	}

	@Test
	void theSameEntriesZipToTheSameBytesWhateverTheClockSays() throws IOException {
		List<TableRow> rows = List.of(new TableRow(Map.of("alias", "r1")));
		ByteArrayOutputStream zip = new ByteArrayOutputStream();
		TableZip.writeXml("route.xml", new ElementNames("R", "I"), rows.iterator(), zip);

		try (java.util.zip.ZipInputStream in = new java.util.zip.ZipInputStream(
				new ByteArrayInputStream(zip.toByteArray()))) {
			assertThat(in.getNextEntry().getTimeLocal()).isEqualTo(java.time.LocalDateTime.of(1980, 1, 1, 0, 0));
		}
	}

	@Test
	void aZipBombIsRefusedBeforeItIsUnpacked() throws IOException {
		ByteArrayOutputStream bomb = new ByteArrayOutputStream();
		try (ZipOutputStream zip = new ZipOutputStream(bomb)) {
			zip.putNextEntry(new ZipEntry("route.xml"));
			zip.write("<R><I><a>".getBytes(StandardCharsets.UTF_8));
			byte[] spaces = new byte[1024 * 1024];
			java.util.Arrays.fill(spaces, (byte) ' ');
			for (int i = 0; i < 64; i++) {
				zip.write(spaces);
			}
			zip.write("</a></I></R>".getBytes(StandardCharsets.UTF_8));
			zip.closeEntry();
		}

		assertThatExceptionOfType(TableFormatException.class)
			.isThrownBy(() -> TableZip.readXml(new ByteArrayInputStream(bomb.toByteArray()), ZipLimits.DEFAULT, row -> {
			}))
			.withMessageContaining("zip bomb");
	}

	@Test
	void tooManyFilesAreRefused() throws IOException {
		ByteArrayOutputStream many = new ByteArrayOutputStream();
		try (ZipOutputStream zip = new ZipOutputStream(many)) {
			for (int i = 0; i < 3; i++) {
				zip.putNextEntry(new ZipEntry("part" + i + ".xml"));
				zip.write("<R><I><a>1</a></I></R>".getBytes(StandardCharsets.UTF_8));
				zip.closeEntry();
			}
		}

		assertThatExceptionOfType(TableFormatException.class)
			.isThrownBy(() -> TableZip.readXml(new ByteArrayInputStream(many.toByteArray()),
					new ZipLimits(2, 1_000_000, 200, 1024), row -> {
					}))
			.withMessageContaining("more than 2 files");
	}

	@Test
	void aTruncatedZipIsATableFormatError() {
		ByteArrayOutputStream zip = new ByteArrayOutputStream();
		TableZip.writeXml("route.xml", new ElementNames("R", "I"),
				IntStream.range(0, 5000).mapToObj(i -> new TableRow(Map.of("a", "value-" + i))).iterator(), zip);
		byte[] cut = java.util.Arrays.copyOf(zip.toByteArray(), zip.size() / 2);

		assertThatExceptionOfType(TableFormatException.class)
			.isThrownBy(() -> TableZip.readXml(new ByteArrayInputStream(cut), ZipLimits.DEFAULT, row -> {
			}));
	}

	@Test
	void somethingThatIsNotAZipIsRefused() {
		assertThatExceptionOfType(TableFormatException.class)
			.isThrownBy(() -> TableZip.readXml(new ByteArrayInputStream("200 OK".getBytes(StandardCharsets.UTF_8)),
					ZipLimits.DEFAULT, row -> {
					}))
			.withMessageContaining("holds no xml file");
	}

}
