package app.vsxi.dashboard.gateway;

import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.MappingIterator;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.SequenceWriter;
import tools.jackson.dataformat.csv.CsvMapper;
import tools.jackson.dataformat.csv.CsvReadFeature;
import tools.jackson.dataformat.csv.CsvSchema;
import tools.jackson.dataformat.csv.CsvWriteFeature;

/**
 * The CSV of the tables that have one (routes, active calls, SMC data): a header row of field names, then one row
 * per entry, quoted as RFC 4180 says, read and written record by record with Jackson's CSV dataformat so a
 * million routes stream. Only flat entries have a CSV form.
 */
public final class TableCsv {

	private static final CsvMapper CSV = CsvMapper.builder()
		.enable(CsvReadFeature.WRAP_AS_ARRAY)
		.enable(CsvReadFeature.SKIP_EMPTY_LINES)
		// quote only what must be quoted, as the box's own CSV does for plain values
		.enable(CsvWriteFeature.STRICT_CHECK_FOR_QUOTING)
		.build();

	private static final ObjectReader RECORDS = CSV.readerFor(String[].class).with(CsvSchema.emptySchema());

	static final TableCodec CODEC = new TableCodec() {

		@Override
		public ElementNames read(InputStream in, Consumer<TableRow> sink) {
			TableCsv.read(in, sink);
			return new ElementNames(null, null);
		}

		@Override
		public void write(ElementNames names, Iterator<TableRow> rows, OutputStream out) {
			TableCsv.write(rows, out);
		}
	};

	private TableCsv() {
	}

	public static void read(InputStream in, Consumer<TableRow> sink) {
		try (MappingIterator<String[]> records = RECORDS.readValues(in)) {
			String[] header = null;
			while (records.hasNextValue()) {
				String[] record = records.nextValue();
				if (header == null) {
					header = record;
					continue;
				}
				if (record.length != header.length) {
					throw new TableFormatException(
							"a CSV row has " + record.length + " cells under " + header.length + " columns");
				}
				Map<String, Object> fields = new LinkedHashMap<>();
				for (int i = 0; i < header.length; i++) {
					fields.put(header[i], record[i]);
				}
				sink.accept(new TableRow(fields));
			}
		}
		catch (JacksonException ex) {
			throw new TableFormatException("unreadable CSV: " + FailureClassifier.abbreviate(ex.getOriginalMessage()));
		}
	}

	/** Columns are the first entry's fields; every entry must have the same. */
	public static void write(Iterator<TableRow> rows, OutputStream out) {
		SequenceWriter writer = null;
		List<String> columns = null;
		try {
			while (rows.hasNext()) {
				TableRow row = rows.next();
				if (columns == null) {
					columns = List.copyOf(row.fields().keySet());
					CsvSchema schema = CsvSchema.builder()
						.addColumns(columns, CsvSchema.ColumnType.STRING)
						.setUseHeader(true)
						.setLineSeparator("\r\n")
						.build();
					writer = CSV.writer(schema).writeValues(out);
				}
				if (!row.fields().keySet().equals(new LinkedHashSet<>(columns))) {
					throw new IllegalArgumentException("every CSV entry needs the same fields: " + columns);
				}
				List<String> cells = new ArrayList<>(columns.size());
				for (String column : columns) {
					Object value = row.get(column);
					if (value instanceof TableRow || value instanceof List<?>) {
						throw new IllegalArgumentException("field " + column + " has no CSV form");
					}
					cells.add(value == null ? "" : value.toString());
				}
				writer.write(cells.toArray(String[]::new));
			}
			if (writer != null) {
				writer.close();
			}
		}
		catch (JacksonException ex) {
			throw new java.io.UncheckedIOException(new java.io.IOException(ex.getOriginalMessage(), ex));
		}
	}

}
