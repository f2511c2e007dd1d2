package app.vsxi.dashboard.tables.engine;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.ser.std.StdSerializer;

import app.vsxi.dashboard.gateway.TableRow;

/**
 * How drafts and snapshots keep rows at rest: gzipped JSON, one row per line, every field in order with its
 * value's kind (text, number, nested row, repeated values), so a row read back equals the row written.
 * <p>
 * A line {@code #["alias","tableId",...]} names the fields of the rows after it, each of which is a line of their
 * values in that order, {@code ["r1","5",...]}; a row with other fields names them first. So a table's field names
 * are written once, not once per row, and a row's line holds only its values: a million routes pack to a few
 * times less, and {@link PackedLines} hashes them from their bytes. A line {@code {"alias":"r1",...}} is a row
 * with its names, as rows were packed before; it is still read.
 */
public final class RowCodec {

	private static final byte[] NAMES = { '#' };

	/** Writes a row as an object of its fields, nested rows alike, without copying it into a map first. */
	private static final JsonMapper JSON = JsonMapper.builder()
		.addModule(new SimpleModule().addSerializer(TableRow.class, new StdSerializer<>(TableRow.class) {
			@Override
			public void serialize(TableRow row, JsonGenerator out, SerializationContext context) {
				out.writeStartObject();
				row.fields().forEach((name, value) -> {
					out.writeName(name);
					context.writeValue(out, value);
				});
				out.writeEndObject();
			}
		}))
		.build();

	private RowCodec() {
	}

	/** Packs rows as they come, e.g. straight from a streaming download. */
	public static final class Packer {

		private final java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();

		private final GZIPOutputStream zip;

		private int rows;

		public Packer() {
			try {
				// the fastest level: a million rows are packed while they arrive (a million routes, 101 MB of lines, pack
				// into 11.8 MB here against 8.1 MB at the default level, which made opening them too slow)
				this.zip = new GZIPOutputStream(this.bytes, 1 << 16) {
					{
						this.def.setLevel(java.util.zip.Deflater.BEST_SPEED);
					}
				};
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}

		private TableRow shape;

		public void add(TableRow row) {
			try {
				if (this.shape == null || !row.sameFields(this.shape)) {
					this.zip.write(NAMES);
					this.zip.write(JSON.writeValueAsBytes(row.fields().keySet()));
					this.zip.write('\n');
					this.shape = row;
				}
				if (!writePlain(row)) {
					this.zip.write(JSON.writeValueAsBytes(row.fields().values()));
				}
				this.zip.write('\n');
				this.rows++;
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}

		private final java.io.ByteArrayOutputStream line = new java.io.ByteArrayOutputStream(256);

		/**
		 * Writes the row's values as the JSON array the mapper writes, where that needs no escaping: every value
		 * text of printable ASCII without quote, backslash or slash (nearly every row of a table). Anything else is
		 * left to the mapper, so the bytes are the same either way.
		 */
		private boolean writePlain(TableRow row) throws IOException {
			this.line.reset();
			this.line.write('[');
			boolean first = true;
			for (Object value : row.fields().values()) {
				if (!(value instanceof String text)) {
					return false;
				}
				if (!first) {
					this.line.write(',');
				}
				first = false;
				this.line.write('"');
				for (int i = 0; i < text.length(); i++) {
					char c = text.charAt(i);
					if (c < 0x20 || c > 0x7e || c == '"' || c == '\\' || c == '/') {
						return false;
					}
					this.line.write(c);
				}
				this.line.write('"');
			}
			this.line.write(']');
			this.line.writeTo(this.zip);
			return true;
		}

		public Packed finish() {
			try {
				this.zip.close();
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
			return new Packed(this.bytes.toByteArray(), this.rows);
		}

	}

	/** Rows packed at rest, readable any number of times. */
	public record Packed(byte[] data, int rows) implements LargeTableDiff.RowSource {

		/** Its lines hashed from their bytes: a keyed diff of two packings builds only the rows that differ. */
		@Override
		public LargeTableDiff.RawRecords raw() {
			return new PackedLines(this.data);
		}

		@Override
		public void forEach(Consumer<TableRow> sink) {
			read(new java.io.ByteArrayInputStream(this.data), sink);
		}

		/** The rows one by one as they are unpacked, e.g. to zip them straight into a request body. */
		public Iterable<TableRow> oneByOne() {
			return this::iterator;
		}

		private java.util.Iterator<TableRow> iterator() {
			BufferedReader lines;
			try {
				lines = new BufferedReader(new InputStreamReader(
						new GZIPInputStream(new java.io.ByteArrayInputStream(this.data), 1 << 16), StandardCharsets.UTF_8));
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
			return new java.util.Iterator<>() {

				private final Lines read = new Lines();

				private TableRow next = advance();

				@Override
				public boolean hasNext() {
					return this.next != null;
				}

				@Override
				public TableRow next() {
					if (this.next == null) {
						throw new java.util.NoSuchElementException();
					}
					TableRow row = this.next;
					this.next = advance();
					return row;
				}

				private TableRow advance() {
					try {
						for (String line = lines.readLine(); line != null; line = lines.readLine()) {
							TableRow row = this.read.line(line);
							if (row != null) {
								return row;
							}
						}
						return null;
					}
					catch (IOException ex) {
						throw new UncheckedIOException(ex);
					}
				}

			};
		}

		public List<TableRow> toList() {
			List<TableRow> all = new ArrayList<>(this.rows);
			forEach(all::add);
			return all;
		}

	}

	public static Packed pack(Iterable<TableRow> rows) {
		Packer packer = new Packer();
		rows.forEach(packer::add);
		return packer.finish();
	}

	public static void read(InputStream in, Consumer<TableRow> sink) {
		try (BufferedReader lines = new BufferedReader(
				new InputStreamReader(new GZIPInputStream(in, 1 << 16), StandardCharsets.UTF_8))) {
			Lines read = new Lines();
			for (String line = lines.readLine(); line != null; line = lines.readLine()) {
				TableRow row = read.line(line);
				if (row != null) {
					sink.accept(row);
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	public static String toJson(TableRow row) {
		return row == null ? null : JSON.writeValueAsString(row);
	}

	public static TableRow fromJson(String json) {
		return json == null ? null : row(JSON.readValue(json, LinkedHashMap.class));
	}

	/** The row packed in one line, as {@link Lines} reads it, where the line names the fields itself or in a shape line. */
	static TableRow fromLine(List<String> names, String line) {
		Lines read = new Lines();
		read.names = names;
		return read.line(line);
	}

	/** The field names a {@code #} line gives, or null for another line. */
	static List<String> namesOf(String line) {
		return line.startsWith("#") ? names(line) : null;
	}

	@SuppressWarnings("unchecked")
	private static List<String> names(String line) {
		return List.copyOf(JSON.readValue(line.substring(1), List.class));
	}

	/** Reads packed lines in order: a {@code #} line names the fields of the value lines after it. */
	private static final class Lines {

		private List<String> names = List.of();

		/** The row a line holds, or null for a line that names fields or an empty one. */
		TableRow line(String line) {
			if (line.isEmpty()) {
				return null;
			}
			if (line.startsWith("#")) {
				this.names = names(line);
				return null;
			}
			if (line.startsWith("{")) {
				return row(JSON.readValue(line, LinkedHashMap.class));
			}
			List<?> values = JSON.readValue(line, List.class);
			if (values.size() != this.names.size()) {
				throw new IllegalStateException("A packed row holds " + values.size() + " values for "
						+ this.names.size() + " fields");
			}
			Map<String, Object> fields = new LinkedHashMap<>();
			for (int i = 0; i < values.size(); i++) {
				fields.put(this.names.get(i), value(values.get(i)));
			}
			return new TableRow(fields);
		}

	}

	private static TableRow row(Map<?, ?> fields) {
		Map<String, Object> values = new LinkedHashMap<>();
		fields.forEach((name, value) -> values.put((String) name, value(value)));
		return new TableRow(values);
	}

	private static Object value(Object value) {
		if (value instanceof Map<?, ?> map) {
			return row(map);
		}
		if (value instanceof List<?> list) {
			List<Object> values = new ArrayList<>(list.size());
			list.forEach(each -> values.add(value(each)));
			return values;
		}
		return value;
	}

}
