package app.vsxi.dashboard.backups;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * What makes two downloads of a box's file the same: the files inside the zip (names and contents), not the zip's
 * own stamps, less any line a setting names as volatile (a box that writes the time of the save into the file).
 * The file itself is kept byte for byte; only the comparison looks inside.
 */
final class FileContent {

	/** More than this unzipped and the file is compared as it came. */
	private static final long MOST_UNZIPPED = 256L << 20;

	private FileContent() {
	}

	static String digest(byte[] file, List<Pattern> volatileLines) {
		MessageDigest digest = sha256();
		try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(file))) {
			long total = 0;
			int entries = 0;
			for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
				byte[] content = zip.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, MOST_UNZIPPED - total + 1));
				total += content.length;
				if (total > MOST_UNZIPPED) {
					return raw(file, volatileLines);
				}
				digest.update(entry.getName().getBytes(StandardCharsets.UTF_8));
				digest.update((byte) 0);
				digest.update(filtered(content, volatileLines));
				digest.update((byte) 0);
				entries++;
			}
			if (entries == 0) {
				return raw(file, volatileLines);
			}
		}
		catch (IOException | IllegalArgumentException ex) {
			return raw(file, volatileLines);
		}
		return HexFormat.of().formatHex(digest.digest());
	}

	private static String raw(byte[] file, List<Pattern> volatileLines) {
		return sha256(filtered(file, volatileLines));
	}

	/** The SHA-256 of the bytes, in hex: how backups tell one content from another. */
	static String sha256(byte[] bytes) {
		return HexFormat.of().formatHex(sha256().digest(bytes));
	}

	/** The bytes without the lines a pattern finds; read as ISO-8859-1 so every byte stays itself. */
	static byte[] filtered(byte[] content, List<Pattern> volatileLines) {
		if (volatileLines.isEmpty()) {
			return content;
		}
		String text = new String(content, StandardCharsets.ISO_8859_1);
		StringBuilder kept = new StringBuilder(text.length());
		for (String line : text.split("\n", -1)) {
			if (volatileLines.stream().noneMatch(pattern -> pattern.matcher(line).find())) {
				kept.append(line).append('\n');
			}
		}
		return kept.toString().getBytes(StandardCharsets.ISO_8859_1);
	}

	private static MessageDigest sha256() {
		try {
			return MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
