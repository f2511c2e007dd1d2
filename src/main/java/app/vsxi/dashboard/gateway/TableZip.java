package app.vsxi.dashboard.gateway;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.function.Consumer;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * The zip files of the {@code *Large} actions, read and written as streams: entries are handed on one by one
 * while the zip is still arriving, and the limits are checked while unpacking.
 */
public final class TableZip {

	private TableZip() {
	}

	/** What was read: the table's element names and how many entries came. */
	public record Summary(String root, String item, long rows) {

		public ElementNames names() {
			return new ElementNames(this.root, this.item);
		}

	}

	/** Reads every XML file of the zip, handing each entry to {@code sink}. */
	public static Summary readXml(InputStream zip, ZipLimits limits, Consumer<TableRow> sink) {
		return read(zip, Format.XML, limits, sink);
	}

	/**
	 * Reads every file of the zip in the given format, handing each entry to {@code sink}; files named as another
	 * format (a {@code .txt} note, an {@code .xml} beside the CSV) are passed over.
	 */
	public static Summary read(InputStream zip, Format format, ZipLimits limits, Consumer<TableRow> sink) {
		TableCodec codec = TableCodec.of(format);
		long[] rows = { 0 };
		String[] names = { null, null };
		forEachFile(zip, format, limits, file -> {
			ElementNames read = codec.read(file, row -> {
				rows[0]++;
				sink.accept(row);
			});
			names[0] = names[0] == null ? read.root() : names[0];
			names[1] = names[1] == null ? read.item() : names[1];
		});
		return new Summary(names[0], names[1], rows[0]);
	}

	/** Reads one file of a zip; the stream stays the zip's. */
	@FunctionalInterface
	public interface FileReader {

		void read(InputStream file) throws IOException;

	}

	/**
	 * Hands every file of the zip in the given format to {@code reader} as a stream that stops at the limits, for
	 * readers that take the bytes themselves; files named as another format (a {@code .txt} note, an {@code .xml}
	 * beside the CSV) are passed over.
	 */
	public static void forEachFile(InputStream zip, Format format, ZipLimits limits, FileReader reader) {
		Counting packed = new Counting(zip);
		try (ZipInputStream entries = new ZipInputStream(packed)) {
			Guard guard = new Guard(packed, limits);
			int count = 0;
			for (ZipEntry entry = entries.getNextEntry(); entry != null; entry = entries.getNextEntry()) {
				if (entry.isDirectory() || !ofFormat(entry.getName(), format)) {
					continue;
				}
				if (++count > limits.maxEntries()) {
					throw new TableFormatException("the zip holds more than " + limits.maxEntries() + " files");
				}
				reader.read(guard.wrap(entries));
			}
			if (count == 0) {
				throw new TableFormatException("the zip holds no " + format.parameter() + " file");
			}
		}
		catch (IOException ex) {
			throw new TableFormatException("not a readable zip: " + ex.getMessage());
		}
	}

	/** A name without an extension is taken as the format asked for; one with another extension is not. */
	private static boolean ofFormat(String name, Format format) {
		String file = name.substring(name.lastIndexOf('/') + 1);
		int dot = file.lastIndexOf('.');
		return dot < 0 || file.substring(dot + 1).equalsIgnoreCase(format.parameter());
	}

	/** The time every zip the dashboard writes gives its entry: the first a zip's DOS time can hold. */
	private static final java.time.LocalDateTime ZIPPED_AT = java.time.LocalDateTime.of(1980, 1, 1, 0, 0);

	/** Writes one XML file named {@code entryName} into a zip, entry by entry. */
	public static void writeXml(String entryName, ElementNames names, Iterator<TableRow> rows, OutputStream out) {
		write(entryName, Format.XML, names, rows, out);
	}

	/** Writes one file in the given format named {@code entryName} into a zip, entry by entry. */
	public static void write(String entryName, Format format, ElementNames names, Iterator<TableRow> rows,
			OutputStream out) {
		try {
			ZipOutputStream zip = new ZipOutputStream(out);
			ZipEntry entry = new ZipEntry(entryName);
			// one fixed time, not the clock's: the same entries zip to the same bytes, so a call sent again (a
			// DELETE refused with 405 and sent as POST) carries exactly the body it carried the first time
			entry.setTimeLocal(ZIPPED_AT);
			zip.putNextEntry(entry);
			TableCodec.of(format).write(names, rows, new NonClosing(zip));
			zip.closeEntry();
			zip.finish();
			zip.flush();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Counts the packed bytes read from the wire. */
	private static final class Counting extends FilterInputStream {

		long count;

		Counting(InputStream in) {
			super(in);
		}

		@Override
		public int read() throws IOException {
			int b = super.read();
			if (b >= 0) {
				this.count++;
			}
			return b;
		}

		@Override
		public int read(byte[] buffer, int offset, int length) throws IOException {
			int n = super.read(buffer, offset, length);
			if (n > 0) {
				this.count += n;
			}
			return n;
		}

	}

	/** Counts unpacked bytes across all entries and stops at the limits. */
	private static final class Guard {

		private final Counting packed;

		private final ZipLimits limits;

		private long unpacked;

		Guard(Counting packed, ZipLimits limits) {
			this.packed = packed;
			this.limits = limits;
		}

		InputStream wrap(InputStream entry) {
			return new FilterInputStream(entry) {

				@Override
				public int read() throws IOException {
					int b = super.read();
					if (b >= 0) {
						count(1);
					}
					return b;
				}

				@Override
				public int read(byte[] buffer, int offset, int length) throws IOException {
					int n = super.read(buffer, offset, length);
					if (n > 0) {
						count(n);
					}
					return n;
				}

				@Override
				public void close() {
					// the zip stream stays open for the next entry
				}
			};
		}

		private void count(int n) {
			this.unpacked += n;
			if (this.unpacked > this.limits.maxUncompressedBytes()) {
				throw new TableFormatException("the zip unpacks to more than " + this.limits.maxUncompressedBytes() + " bytes");
			}
			if (this.unpacked > this.limits.ratioGraceBytes()
					&& this.unpacked / Math.max(1, this.packed.count) > this.limits.maxRatio()) {
				throw new TableFormatException("the zip unpacks more than " + this.limits.maxRatio()
						+ " times its size: refused as a zip bomb");
			}
		}

	}

	private static final class NonClosing extends java.io.FilterOutputStream {

		NonClosing(OutputStream out) {
			super(out);
		}

		@Override
		public void write(byte[] buffer, int offset, int length) throws IOException {
			this.out.write(buffer, offset, length);
		}

		@Override
		public void close() throws IOException {
			flush();
		}

	}

}
