package app.vsxi.dashboard.tables.engine;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.LongPredicate;

import app.vsxi.dashboard.gateway.Format;
import app.vsxi.dashboard.gateway.TableCsv;
import app.vsxi.dashboard.gateway.TableFormatException;
import app.vsxi.dashboard.gateway.TableRow;
import app.vsxi.dashboard.gateway.TableZip;
import app.vsxi.dashboard.gateway.ZipLimits;

/**
 * A zipped CSV download ({@code downloadLarge} of route or of the SMC data file as CSV) as a source for the
 * large diff. Rows are built by the gateway's CSV reader as always; for hashing, each record is cut from the
 * unpacked bytes (quotes respected), its key fields unquoted and its bytes hashed whole, so a million routes are
 * compared without building a million rows. Only the rows of the keys that differ are then built, by the same
 * CSV reader, from their own lines under the file's header.
 */
public final class ZippedCsvRows implements LargeTableDiff.RowSource, LargeTableDiff.RawRecords {

	/** Opens the zip afresh for each pass. */
	@FunctionalInterface
	public interface Opener {

		InputStream open() throws IOException;

	}

	private final Opener zip;

	private final ZipLimits limits;

	private List<String> header;

	private Index index;

	public ZippedCsvRows(Opener zip, ZipLimits limits) {
		this.zip = zip;
		this.limits = limits;
	}

	public static ZippedCsvRows of(byte[] zip) {
		return new ZippedCsvRows(() -> new ByteArrayInputStream(zip), ZipLimits.DEFAULT);
	}

	@Override
	public void forEach(Consumer<TableRow> sink) {
		try (InputStream in = this.zip.open()) {
			TableZip.read(in, Format.CSV, this.limits, sink);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@Override
	public LargeTableDiff.RawRecords raw() {
		return this;
	}

	/** The first file's column names: raw hashes of two files compare only under the same header. */
	@Override
	public synchronized Object layout() {
		if (this.header == null) {
			List<String> found = new ArrayList<>();
			try {
				files(file -> {
					Records records = new Records(file);
					if (records.next()) {
						for (int f = 0; f < records.fields; f++) {
							found.add(records.field(f));
						}
					}
					throw new HeaderRead();
				});
			}
			catch (HeaderRead done) {
				// the rest of the zip is not needed
			}
			this.header = List.copyOf(found);
		}
		return this.header;
	}

	@Override
	public void forEachHash(List<String> keyFields, LargeTableDiff.HashSink sink) {
		Index.Builder index = new Index.Builder(keyFields);
		files(file -> {
			index.file();
			scan(file, keyFields, (records, keyHash, seed) -> {
				if (index.header() == null) {
					index.header(records.headerLine);
				}
				index.add(keyHash, records.offset(), records.length());
				sink.accept(keyHash, records.hash(seed));
			});
		});
		synchronized (this) {
			this.index = index.build();
		}
	}

	/**
	 * Builds the rows of the wanted keys. After a hash pass with the same key fields their records are copied by
	 * the offsets that pass noted, without cutting the file into records again.
	 */
	@Override
	public void forEachWanted(List<String> keyFields, LongPredicate wanted, Consumer<TableRow> sink) {
		Index noted;
		synchronized (this) {
			noted = this.index;
		}
		if (noted != null && noted.keyFields().equals(keyFields)) {
			int[] file = { 0 };
			files(in -> {
				ByteArrayOutputStream picked = new ByteArrayOutputStream();
				Copier copier = new Copier(in);
				int f = file[0]++;
				for (int r = f == 0 ? 0 : noted.fileEnds()[f - 1]; r < noted.fileEnds()[f]; r++) {
					if (wanted.test(noted.keyHashes()[r])) {
						copier.copy(noted.offsets()[r], noted.lengths()[r], picked);
						picked.write('\n');
					}
				}
				parse(noted.headers().get(f), picked, sink);
			});
			return;
		}
		files(file -> {
			ByteArrayOutputStream picked = new ByteArrayOutputStream();
			byte[][] header = { null };
			scan(file, keyFields, (records, keyHash, seed) -> {
				if (header[0] == null) {
					header[0] = records.headerLine;
				}
				if (wanted.test(keyHash)) {
					records.copyTo(picked);
				}
			});
			parse(header[0], picked, sink);
		});
	}

	/** The chosen records under their file's header, read by the gateway's CSV reader. */
	private static void parse(byte[] header, ByteArrayOutputStream picked, Consumer<TableRow> sink) {
		if (picked.size() == 0) {
			return;
		}
		ByteArrayOutputStream chosen = new ByteArrayOutputStream(header.length + picked.size() + 1);
		chosen.write(header, 0, header.length);
		chosen.write('\n');
		chosen.write(picked.toByteArray(), 0, picked.size());
		TableCsv.read(new ByteArrayInputStream(chosen.toByteArray()), sink);
	}

	/** Where each record of the last hash pass lies: its key hash, offset and length in its file, in file order. */
	private record Index(List<String> keyFields, long[] keyHashes, long[] offsets, int[] lengths, int[] fileEnds,
			List<byte[]> headers) {

		public static final class Builder {

			private final List<String> keyFields;

			private long[] keyHashes = new long[1 << 12];

			private long[] offsets = new long[1 << 12];

			private int[] lengths = new int[1 << 12];

			private final List<Integer> fileEnds = new ArrayList<>();

			private final List<byte[]> headers = new ArrayList<>();

			private int count;

			public Builder(List<String> keyFields) {
				this.keyFields = List.copyOf(keyFields);
			}

			public void file() {
				if (!this.headers.isEmpty() || !this.fileEnds.isEmpty()) {
					this.fileEnds.add(this.count);
				}
				this.headers.add(null);
			}

			public byte[] header() {
				return this.headers.get(this.headers.size() - 1);
			}

			public void header(byte[] line) {
				this.headers.set(this.headers.size() - 1, line);
			}

			public void add(long keyHash, long offset, int length) {
				if (this.count == this.keyHashes.length) {
					int capacity = this.count * 2;
					this.keyHashes = Arrays.copyOf(this.keyHashes, capacity);
					this.offsets = Arrays.copyOf(this.offsets, capacity);
					this.lengths = Arrays.copyOf(this.lengths, capacity);
				}
				this.keyHashes[this.count] = keyHash;
				this.offsets[this.count] = offset;
				this.lengths[this.count++] = length;
			}

			public Index build() {
				this.fileEnds.add(this.count);
				return new Index(this.keyFields, Arrays.copyOf(this.keyHashes, this.count),
						Arrays.copyOf(this.offsets, this.count), Arrays.copyOf(this.lengths, this.count),
						this.fileEnds.stream().mapToInt(Integer::intValue).toArray(), this.headers);
			}

		}

	}

	/** Copies byte ranges at rising offsets out of a stream, reading (never skipping) what lies between. */
	private static final class Copier {

		private final InputStream in;

		private final byte[] buffer = new byte[1 << 16];

		private long position;

		public Copier(InputStream in) {
			this.in = in;
		}

		public void copy(long offset, int length, ByteArrayOutputStream out) throws IOException {
			while (this.position < offset) {
				int n = this.in.read(this.buffer, 0, (int) Math.min(this.buffer.length, offset - this.position));
				if (n < 0) {
					throw new TableFormatException("the zip changed between two readings");
				}
				this.position += n;
			}
			int left = length;
			while (left > 0) {
				int n = this.in.read(this.buffer, 0, Math.min(this.buffer.length, left));
				if (n < 0) {
					throw new TableFormatException("the zip changed between two readings");
				}
				out.write(this.buffer, 0, n);
				this.position += n;
				left -= n;
			}
		}

	}

	@FunctionalInterface
	private interface RecordSink {

		void accept(Records records, long keyHash, long seed);

	}

	/** Every record under the file's header, with its key hash and the hash seed of that header. */
	private static void scan(InputStream file, List<String> keyFields, RecordSink sink) throws IOException {
		Records records = new Records(file);
		if (!records.next()) {
			return;
		}
		List<String> columns = new ArrayList<>(records.fields);
		for (int f = 0; f < records.fields; f++) {
			columns.add(records.field(f));
		}
		records.headerLine = records.bytes();
		long seed = records.hash(0xcbf29ce484222325L);
		int[] keyColumns = keyFields.stream().mapToInt(columns::indexOf).toArray();
		while (records.next()) {
			if (records.fields != columns.size()) {
				throw new TableFormatException(
						"a CSV row has " + records.fields + " cells under " + columns.size() + " columns");
			}
			// as LargeTableDiff.keyHash of the key's values, a missing key field counting as empty text
			long keyHash = LargeTableDiff.SEED;
			for (int column : keyColumns) {
				keyHash = column < 0 ? LargeTableDiff.mix(keyHash, "") : records.mixField(keyHash, column);
			}
			sink.accept(records, keyHash, seed);
		}
	}

	private void files(TableZip.FileReader reader) {
		try (InputStream in = this.zip.open()) {
			TableZip.forEachFile(in, Format.CSV, this.limits, reader);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static final class HeaderRead extends RuntimeException {

		public HeaderRead() {
			super(null, null, false, false);
		}

	}

	/**
	 * Cuts CSV records out of a stream as RFC 4180 does: a field that starts with a quote runs to the closing
	 * quote, two quotes inside it stand for one, and commas and line breaks inside it belong to the value. A record
	 * ends at CR or LF outside quotes; empty lines are passed over, as the gateway's CSV reader does.
	 */
	public static final class Records {

		private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class,
				ByteOrder.LITTLE_ENDIAN);

		private final InputStream in;

		private byte[] buffer = new byte[1 << 16];

		private int start;

		private int end;

		private int filled;

		private boolean eof;

		/** Bytes of the file dropped from the front of the buffer so far. */
		private long dropped;

		private int[] fieldStarts = new int[32];

		private int[] fieldEnds = new int[32];

		private boolean[] quoted = new boolean[32];

		int fields;

		byte[] headerLine;

		public Records(InputStream in) {
			this.in = in;
		}

		/** Moves to the next non-empty record; false at the end of the file. */
		public boolean next() throws IOException {
			while (true) {
				this.start = this.end;
				// step over the line break that ended the last record
				if (this.start < this.filled || fill()) {
					byte first = this.buffer[this.start];
					if (first == '\n' || first == '\r') {
						this.end = this.start + 1;
						continue;
					}
				}
				else {
					return false;
				}
				cut();
				return true;
			}
		}

		private void cut() throws IOException {
			int p = this.start;
			this.fields = 0;
			int fieldStart = p;
			boolean inQuotes = false;
			boolean fieldQuoted = false;
			while (true) {
				if (p >= this.filled) {
					int before = this.start;
					boolean more = fill();
					int shift = before - this.start;
					p -= shift;
					fieldStart -= shift;
					shiftFields(shift);
					if (!more) {
						break;
					}
					continue;
				}
				byte c = this.buffer[p];
				if (inQuotes) {
					if (c == '"') {
						if (p + 1 >= this.filled && !this.eof) {
							int before = this.start;
							fill();
							int shift = before - this.start;
							p -= shift;
							fieldStart -= shift;
							shiftFields(shift);
							continue;
						}
						if (p + 1 < this.filled && this.buffer[p + 1] == '"') {
							p += 2;
							continue;
						}
						inQuotes = false;
					}
					p++;
					continue;
				}
				if (c == '"' && p == fieldStart) {
					inQuotes = true;
					fieldQuoted = true;
					p++;
					continue;
				}
				if (c == ',') {
					addField(fieldStart, p, fieldQuoted);
					fieldStart = p + 1;
					fieldQuoted = false;
					p++;
					continue;
				}
				if (c == '\n' || c == '\r') {
					break;
				}
				p++;
			}
			addField(fieldStart, p, fieldQuoted);
			this.end = p;
		}

		private void shiftFields(int shift) {
			for (int f = 0; f < this.fields; f++) {
				this.fieldStarts[f] -= shift;
				this.fieldEnds[f] -= shift;
			}
		}

		private void addField(int from, int to, boolean isQuoted) {
			if (this.fields == this.fieldStarts.length) {
				this.fieldStarts = Arrays.copyOf(this.fieldStarts, this.fields * 2);
				this.fieldEnds = Arrays.copyOf(this.fieldEnds, this.fields * 2);
				this.quoted = Arrays.copyOf(this.quoted, this.fields * 2);
			}
			this.fieldStarts[this.fields] = from;
			this.fieldEnds[this.fields] = to;
			this.quoted[this.fields++] = isQuoted;
		}

		/** Keeps the current record and reads more after it; false when nothing more came. */
		private boolean fill() throws IOException {
			if (this.eof) {
				return false;
			}
			if (this.start > 0) {
				this.dropped += this.start;
				System.arraycopy(this.buffer, this.start, this.buffer, 0, this.filled - this.start);
				this.filled -= this.start;
				this.end -= this.start;
				this.start = 0;
			}
			if (this.filled == this.buffer.length) {
				this.buffer = Arrays.copyOf(this.buffer, this.buffer.length * 2);
			}
			int n = this.in.read(this.buffer, this.filled, this.buffer.length - this.filled);
			if (n < 0) {
				this.eof = true;
				return false;
			}
			this.filled += n;
			return true;
		}

		/** Field {@code f} of the current record as text: quotes taken off, doubled quotes made single. */
		public String field(int f) {
			int from = this.fieldStarts[f];
			int to = this.fieldEnds[f];
			if (!this.quoted[f]) {
				return new String(this.buffer, from, to - from, StandardCharsets.UTF_8);
			}
			int close = to;
			for (int p = from + 1; p < to; p++) {
				if (this.buffer[p] == '"') {
					if (p + 1 < to && this.buffer[p + 1] == '"') {
						p++;
						continue;
					}
					close = p;
					break;
				}
			}
			String inside = new String(this.buffer, from + 1, close - from - 1, StandardCharsets.UTF_8);
			return inside.replace("\"\"", "\"") + new String(this.buffer, Math.min(close + 1, to),
					Math.max(0, to - close - 1), StandardCharsets.UTF_8);
		}

		/** The current record's bytes, hashed whole from {@code seed}, eight at a time. */
		public long hash(long seed) {
			long h = seed ^ (this.end - this.start);
			int p = this.start;
			for (; p + 8 <= this.end; p += 8) {
				h = (h ^ (long) LONGS.get(this.buffer, p)) * 0x9e3779b97f4a7c15L;
				h ^= h >>> 29;
			}
			for (; p < this.end; p++) {
				h = (h ^ this.buffer[p]) * 0x100000001b3L;
			}
			return LargeTableDiff.finish(h);
		}

		/** Where the current record starts in the file, and how long it is (without its line break). */
		public long offset() {
			return this.dropped + this.start;
		}

		public int length() {
			return this.end - this.start;
		}

		/** {@link LargeTableDiff#mix} of field {@code f}'s text; straight from the bytes when they are plain ASCII. */
		public long mixField(long hash, int f) {
			int from = this.fieldStarts[f];
			int to = this.fieldEnds[f];
			if (!this.quoted[f]) {
				boolean ascii = true;
				for (int p = from; p < to && ascii; p++) {
					ascii = this.buffer[p] >= 0;
				}
				if (ascii) {
					return LargeTableDiff.mixAscii(hash, this.buffer, from, to);
				}
			}
			return LargeTableDiff.mix(hash, field(f));
		}

		public byte[] bytes() {
			return Arrays.copyOfRange(this.buffer, this.start, this.end);
		}

		public void copyTo(ByteArrayOutputStream out) {
			out.write(this.buffer, this.start, this.end - this.start);
			out.write('\n');
		}

	}

}
