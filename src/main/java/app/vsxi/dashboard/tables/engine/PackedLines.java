package app.vsxi.dashboard.tables.engine;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.LongPredicate;
import java.util.zip.GZIPInputStream;

import tools.jackson.databind.json.JsonMapper;

import app.vsxi.dashboard.gateway.TableRow;

/**
 * Packed rows ({@link RowCodec.Packed}) read as raw records, one line each: the keyed diff hashes every line from
 * its bytes, and only the rows it asks for are built. A row's key values are cut from its line (the elements of
 * the key fields in the line's field names) and hashed as {@link LargeTableDiff#keyHash(List)} hashes the values
 * of the built row's key, so a key asked for by its values finds its line. A line's content hash covers its bytes
 * and the field names it is read with: two packings of equal rows give equal hashes, and where they do not (a
 * row packed with its names, as before) the row is only a candidate the exact diff then finds equal.
 */
public final class PackedLines implements LargeTableDiff.RawRecords {

	private static final Object LAYOUT = "packed lines";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class,
			ByteOrder.LITTLE_ENDIAN);

	private final byte[] data;

	PackedLines(byte[] data) {
		this.data = data;
	}

	@Override
	public Object layout() {
		return LAYOUT;
	}

	@Override
	public void forEachHash(List<String> keyFields, LargeTableDiff.HashSink sink) {
		scan(keyFields, (line, keyHash) -> sink.accept(keyHash, line.contentHash()));
	}

	@Override
	public void forEachWanted(List<String> keyFields, LongPredicate wanted, Consumer<TableRow> sink) {
		scan(keyFields, (line, keyHash) -> {
			if (wanted.test(keyHash)) {
				sink.accept(line.row());
			}
		});
	}

	private interface LineSink {

		void accept(Line line, long keyHash);

	}

	private void scan(List<String> keyFields, LineSink sink) {
		try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(this.data), 1 << 16)) {
			Line line = new Line(in, keyFields);
			while (line.next()) {
				if (line.namesFields()) {
					line.takeNames();
				}
				else {
					sink.accept(line, line.keyHash());
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** One line at a time from the unpacked bytes, with the field names and key positions in force. */
	static final class Line {

		private final InputStream in;

		private final List<String> keyFields;

		private byte[] buffer = new byte[1 << 16];

		private int filled;

		private int start;

		/** Where the line ends, at its line break; before the first line, just before the buffer. */
		private int end = -1;

		private List<String> names = List.of();

		/** Where each key field is among the names, -1 where the rows have no such field. */
		private int[] keyColumns;

		private long namesHash;

		/** The start and end of each top-level element (array) or value (object) of the line. */
		private int[] elementStarts = new int[64];

		private int[] elementEnds = new int[64];

		private int elements;

		Line(InputStream in, List<String> keyFields) {
			this.in = in;
			this.keyFields = keyFields;
			this.keyColumns = new int[keyFields.size()];
			Arrays.fill(this.keyColumns, -1);
		}

		/** Moves to the next line that is not empty; false at the end. */
		boolean next() throws IOException {
			int from = this.end + 1;
			while (true) {
				int newline = from;
				while (newline < this.filled && this.buffer[newline] != '\n') {
					newline++;
				}
				if (newline < this.filled) {
					if (newline == from) {
						from++;
						continue;
					}
					this.start = from;
					this.end = newline;
					return true;
				}
				// keep the unfinished line at the front and read more behind it
				int kept = this.filled - from;
				System.arraycopy(this.buffer, from, this.buffer, 0, kept);
				this.filled = kept;
				from = 0;
				if (this.filled == this.buffer.length) {
					this.buffer = Arrays.copyOf(this.buffer, this.buffer.length * 2);
				}
				int read = this.in.read(this.buffer, this.filled, this.buffer.length - this.filled);
				if (read < 0) {
					if (this.filled == 0) {
						return false;
					}
					// a last line without its line break
					if (this.filled == this.buffer.length) {
						this.buffer = Arrays.copyOf(this.buffer, this.buffer.length + 1);
					}
					this.buffer[this.filled] = '\n';
					this.start = 0;
					this.end = this.filled++;
					return true;
				}
				this.filled += read;
			}
		}

		boolean namesFields() {
			return this.buffer[this.start] == '#';
		}

		void takeNames() {
			this.names = RowCodec.namesOf(text());
			this.namesHash = hash(this.buffer, this.start, this.end, LargeTableDiff.SEED);
			for (int k = 0; k < this.keyFields.size(); k++) {
				this.keyColumns[k] = this.names.indexOf(this.keyFields.get(k));
			}
		}

		String text() {
			return new String(this.buffer, this.start, this.end - this.start, StandardCharsets.UTF_8);
		}

		TableRow row() {
			return RowCodec.fromLine(this.names, text());
		}

		long contentHash() {
			return LargeTableDiff.finish(hash(this.buffer, this.start, this.end, this.namesHash));
		}

		/** The hash of the key's values as the built row's key has them, a missing field counting as empty. */
		long keyHash() {
			boolean named = this.buffer[this.start] == '{';
			int needed = Integer.MAX_VALUE;
			if (!named) {
				needed = 0;
				for (int column : this.keyColumns) {
					needed = Math.max(needed, column + 1);
				}
			}
			cutElements(named, needed);
			long hash = LargeTableDiff.SEED;
			for (int k = 0; k < this.keyFields.size(); k++) {
				int element = named ? namedElement(this.keyFields.get(k)) : this.keyColumns[k];
				if (element < 0 || element >= this.elements) {
					hash = LargeTableDiff.mix(hash, "");
				}
				else {
					hash = mixValue(hash, this.elementStarts[element], this.elementEnds[element]);
				}
			}
			return hash;
		}

		/** The element holding the value of a field on a line that names its fields: its value follows the name. */
		private int namedElement(String field) {
			for (int e = 0; e + 1 < this.elements; e += 2) {
				if (JSON.readValue(new String(this.buffer, this.elementStarts[e],
						this.elementEnds[e] - this.elementStarts[e], StandardCharsets.UTF_8), String.class).equals(field)) {
					return e + 1;
				}
			}
			return -1;
		}

		/** A scalar's text as {@link TableRow#text} gives it of the built row; empty for null, a nested row or a list. */
		private long mixValue(long hash, int from, int to) {
			byte first = this.buffer[from];
			if (first == '"') {
				boolean plain = true;
				for (int i = from + 1; i < to - 1 && plain; i++) {
					plain = this.buffer[i] != '\\' && this.buffer[i] >= 0;
				}
				if (plain) {
					return LargeTableDiff.mixAscii(hash, this.buffer, from + 1, to - 1);
				}
			}
			if (first == '{' || first == '[' || first == 'n') {
				return LargeTableDiff.mix(hash, "");
			}
			// escapes, other characters, numbers and booleans: as the row's reader reads them
			Object value = JSON.readValue(new String(this.buffer, from, to - from, StandardCharsets.UTF_8), Object.class);
			return LargeTableDiff.mix(hash, value == null ? "" : value.toString());
		}

		/**
		 * Cuts the line into its top-level elements, the first {@code needed} of them: the values of an array, or
		 * the names and values of an object one after the other. Strings may hold any character, escaped quotes
		 * included.
		 */
		private void cutElements(boolean named, int needed) {
			this.elements = 0;
			int p = this.start + 1;
			int close = this.end - 1;
			while (p < close && this.elements < needed) {
				int from = p;
				p = skipValue(p);
				add(from, p);
				while (p < close && (this.buffer[p] == ',' || this.buffer[p] == ':' || this.buffer[p] == ' ')) {
					p++;
				}
			}
			if (named && p >= close && this.elements % 2 != 0) {
				throw new IllegalStateException("A packed row names a field without its value");
			}
		}

		private int skipValue(int p) {
			byte c = this.buffer[p];
			if (c == '"') {
				return skipString(p);
			}
			if (c == '{' || c == '[') {
				int depth = 0;
				while (p < this.end) {
					c = this.buffer[p];
					if (c == '"') {
						p = skipString(p);
						continue;
					}
					if (c == '{' || c == '[') {
						depth++;
					}
					else if (c == '}' || c == ']') {
						depth--;
						if (depth == 0) {
							return p + 1;
						}
					}
					p++;
				}
				return p;
			}
			while (p < this.end - 1 && this.buffer[p] != ',' && this.buffer[p] != ':') {
				p++;
			}
			return p;
		}

		private int skipString(int p) {
			p++;
			while (p < this.end) {
				byte c = this.buffer[p];
				if (c == '\\') {
					p += 2;
					continue;
				}
				if (c == '"') {
					return p + 1;
				}
				p++;
			}
			return p;
		}

		private void add(int from, int to) {
			if (this.elements == this.elementStarts.length) {
				this.elementStarts = Arrays.copyOf(this.elementStarts, this.elements * 2);
				this.elementEnds = Arrays.copyOf(this.elementEnds, this.elements * 2);
			}
			this.elementStarts[this.elements] = from;
			this.elementEnds[this.elements++] = to;
		}

	}

	/** A 64-bit hash of bytes, eight at a time. */
	static long hash(byte[] bytes, int from, int to, long seed) {
		long h = seed;
		int i = from;
		for (; i + 8 <= to; i += 8) {
			h = Long.rotateLeft(h ^ ((long) LONGS.get(bytes, i) * 0x9e3779b97f4a7c15L), 29) * 0xbf58476d1ce4e5b9L;
		}
		for (; i < to; i++) {
			h = (h ^ bytes[i]) * 0x100000001b3L;
		}
		return h ^ (to - from);
	}

}
