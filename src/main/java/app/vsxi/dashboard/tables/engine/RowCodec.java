package app.vsxi.dashboard.tables.engine;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

import tools.jackson.databind.json.JsonMapper;

import app.vsxi.dashboard.gateway.TableRow;

/**
 * How drafts and snapshots keep rows at rest: gzipped JSON, one row per line, every field in order with its
 * value's kind (text, number, nested row, repeated values), so a row read back equals the row written.
 */
public final class RowCodec {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private RowCodec() {
	}

	/** Packs rows as they come, e.g. straight from a streaming download. */
	public static final class Packer {

		private final java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();

		private final GZIPOutputStream zip;

		private int rows;

		public Packer() {
			try {
				this.zip = new GZIPOutputStream(this.bytes, 1 << 16);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}

		public void add(TableRow row) {
			try {
				this.zip.write(JSON.writeValueAsBytes(plain(row)));
				this.zip.write('\n');
				this.rows++;
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
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

				private String next = readLine();

				@Override
				public boolean hasNext() {
					return this.next != null;
				}

				@Override
				public TableRow next() {
					if (this.next == null) {
						throw new java.util.NoSuchElementException();
					}
					TableRow row = row(JSON.readValue(this.next, LinkedHashMap.class));
					this.next = readLine();
					return row;
				}

				private String readLine() {
					try {
						return lines.readLine();
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

	public static void write(Iterable<TableRow> rows, OutputStream out) {
		try (GZIPOutputStream zip = new GZIPOutputStream(out, 1 << 16)) {
			for (TableRow row : rows) {
				zip.write(JSON.writeValueAsBytes(plain(row)));
				zip.write('\n');
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	public static void read(InputStream in, Consumer<TableRow> sink) {
		try (BufferedReader lines = new BufferedReader(
				new InputStreamReader(new GZIPInputStream(in, 1 << 16), StandardCharsets.UTF_8))) {
			for (String line = lines.readLine(); line != null; line = lines.readLine()) {
				sink.accept(row(JSON.readValue(line, LinkedHashMap.class)));
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	public static String toJson(TableRow row) {
		return row == null ? null : JSON.writeValueAsString(plain(row));
	}

	public static TableRow fromJson(String json) {
		return json == null ? null : row(JSON.readValue(json, LinkedHashMap.class));
	}

	private static Object plain(Object value) {
		if (value instanceof TableRow row) {
			Map<String, Object> fields = new LinkedHashMap<>();
			row.fields().forEach((name, field) -> fields.put(name, plain(field)));
			return fields;
		}
		if (value instanceof List<?> list) {
			return list.stream().map(RowCodec::plain).toList();
		}
		return value;
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
