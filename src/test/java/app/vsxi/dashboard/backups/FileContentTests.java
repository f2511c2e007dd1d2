package app.vsxi.dashboard.backups;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Two downloads of a box's file are the same when the files inside the zip are, volatile lines aside. */
class FileContentTests {

	private static final List<Pattern> SAVED = List.of(Pattern.compile("^# saved "));

	private static byte[] zip(long time, String... nameAndContent) throws Exception {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
			for (int i = 0; i < nameAndContent.length; i += 2) {
				ZipEntry entry = new ZipEntry(nameAndContent[i]);
				entry.setTime(time);
				zip.putNextEntry(entry);
				zip.write(nameAndContent[i + 1].getBytes(StandardCharsets.UTF_8));
				zip.closeEntry();
			}
		}
		return bytes.toByteArray();
	}

	@Test
	void theZipsOwnTimeStampsAreNoChange() throws Exception {
		byte[] early = zip(1_000_000_000L, "a.sdc", "x\n");
		byte[] late = zip(1_700_000_000_000L, "a.sdc", "x\n");

		assertThat(early).isNotEqualTo(late);
		assertThat(FileContent.digest(early, List.of())).isEqualTo(FileContent.digest(late, List.of()));
	}

	@Test
	void anotherContentAnotherNameOrAnotherEntryIsAChange() throws Exception {
		String base = FileContent.digest(zip(0, "a.sdc", "x\n"), List.of());

		assertThat(FileContent.digest(zip(0, "a.sdc", "y\n"), List.of())).isNotEqualTo(base);
		assertThat(FileContent.digest(zip(0, "b.sdc", "x\n"), List.of())).isNotEqualTo(base);
		assertThat(FileContent.digest(zip(0, "a.sdc", "x\n", "b.sdc", ""), List.of())).isNotEqualTo(base);
		// the boundary between name and content counts: "ab" + "c" is not "a" + "bc"
		assertThat(FileContent.digest(zip(0, "ab", "c"), List.of()))
			.isNotEqualTo(FileContent.digest(zip(0, "a", "bc"), List.of()));
	}

	@Test
	void aVolatileLineIsIgnoredAndEveryOtherLineCounts() throws Exception {
		String monday = FileContent.digest(zip(0, "a.sdc", "# saved Monday\nroute r1\n"), SAVED);

		assertThat(FileContent.digest(zip(0, "a.sdc", "# saved Tuesday\nroute r1\n"), SAVED)).isEqualTo(monday);
		assertThat(FileContent.digest(zip(0, "a.sdc", "# saved Tuesday\nroute r2\n"), SAVED)).isNotEqualTo(monday);
		assertThat(FileContent.digest(zip(0, "a.sdc", "# saved Tuesday\nroute r1\n"), List.of()))
			.isNotEqualTo(FileContent.digest(zip(0, "a.sdc", "# saved Monday\nroute r1\n"), List.of()));
	}

	@Test
	void aFileThatIsNoZipIsComparedAsItCameLessItsVolatileLines() {
		byte[] one = "# saved 1\nabc\n".getBytes(StandardCharsets.ISO_8859_1);
		byte[] two = "# saved 2\nabc\n".getBytes(StandardCharsets.ISO_8859_1);

		assertThat(FileContent.digest(one, SAVED)).isEqualTo(FileContent.digest(two, SAVED));
		assertThat(FileContent.digest(one, List.of())).isNotEqualTo(FileContent.digest(two, List.of()));
		assertThat(FileContent.digest(new byte[0], List.of()))
			.isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
	}

	@Test
	void aZipCutShortIsComparedAsTheBytesItIs() throws Exception {
		// content that does not compress, so the cut falls inside the entry's data
		java.util.Random random = new java.util.Random(7);
		StringBuilder content = new StringBuilder();
		for (int i = 0; i < 20_000; i++) {
			content.append((char) ('!' + random.nextInt(90)));
		}
		byte[] whole = zip(0, "a.sdc", content.toString());
		byte[] cut = java.util.Arrays.copyOf(whole, whole.length / 2);

		String expected = java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(cut));
		assertThat(FileContent.digest(cut, List.of())).isEqualTo(expected);
	}

	@Test
	void filteringKeepsEveryByteOfTheLinesItKeeps() {
		byte[] raw = { 'a', (byte) 0xff, '\n', '#', ' ', 's', 'a', 'v', 'e', 'd', ' ', '1', '\n', (byte) 0x80 };

		assertThat(FileContent.filtered(raw, SAVED)).containsExactly('a', (byte) 0xff, '\n', (byte) 0x80, '\n');
		assertThat(FileContent.filtered(raw, List.of())).isSameAs(raw);
	}

}
