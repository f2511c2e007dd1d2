package app.vsxi.dashboard.gateway;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The CSV of the tables that have one (routes, active calls): a header row of field names, then one row per
 * entry, quoted as RFC 4180 says. Only flat entries have a CSV form.
 */
public final class TableCsv {

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
		try {
			BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
			List<String> header = null;
			for (List<String> record = next(lines); record != null; record = next(lines)) {
				if (header == null) {
					header = record;
					continue;
				}
				if (record.size() == 1 && record.get(0).isEmpty()) {
					continue;
				}
				if (record.size() != header.size()) {
					throw new TableFormatException("a CSV row has " + record.size() + " cells under " + header.size()
							+ " columns");
				}
				Map<String, Object> fields = new LinkedHashMap<>();
				for (int i = 0; i < header.size(); i++) {
					fields.put(header.get(i), record.get(i));
				}
				sink.accept(new TableRow(fields));
			}
		}
		catch (IOException ex) {
			throw new TableFormatException("unreadable CSV: " + ex.getMessage());
		}
	}

	/** Columns are the first entry's fields; every entry must have the same. */
	public static void write(Iterator<TableRow> rows, OutputStream out) {
		try {
			Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
			List<String> columns = null;
			while (rows.hasNext()) {
				TableRow row = rows.next();
				if (columns == null) {
					columns = List.copyOf(row.fields().keySet());
					writer.write(line(columns));
				}
				if (!row.fields().keySet().equals(new java.util.LinkedHashSet<>(columns))) {
					throw new IllegalArgumentException("every CSV entry needs the same fields: " + columns);
				}
				List<String> cells = new ArrayList<>();
				for (String column : columns) {
					Object value = row.get(column);
					if (value instanceof TableRow || value instanceof List<?>) {
						throw new IllegalArgumentException("field " + column + " has no CSV form");
					}
					cells.add(value == null ? "" : value.toString());
				}
				writer.write(line(cells));
			}
			writer.flush();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static String line(List<String> cells) {
		List<String> quoted = new ArrayList<>(cells.size());
		for (String cell : cells) {
			boolean quote = cell.contains(",") || cell.contains("\"") || cell.contains("\n") || cell.contains("\r");
			quoted.add(quote ? "\"" + cell.replace("\"", "\"\"") + "\"" : cell);
		}
		return String.join(",", quoted) + "\r\n";
	}

	/** One record, which may span lines inside quotes; null at the end. */
	private static List<String> next(BufferedReader lines) throws IOException {
		String line = lines.readLine();
		if (line == null) {
			return null;
		}
		List<String> cells = new ArrayList<>();
		StringBuilder cell = new StringBuilder();
		boolean quoted = false;
		while (true) {
			for (int i = 0; i < line.length(); i++) {
				char c = line.charAt(i);
				if (quoted) {
					if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
						cell.append('"');
						i++;
					}
					else if (c == '"') {
						quoted = false;
					}
					else {
						cell.append(c);
					}
				}
				else if (c == '"') {
					quoted = true;
				}
				else if (c == ',') {
					cells.add(cell.toString());
					cell.setLength(0);
				}
				else {
					cell.append(c);
				}
			}
			if (!quoted) {
				break;
			}
			String more = lines.readLine();
			if (more == null) {
				throw new TableFormatException("the CSV ends inside a quoted cell");
			}
			cell.append('\n');
			line = more;
		}
		cells.add(cell.toString());
		return cells;
	}

}
