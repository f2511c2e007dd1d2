package app.vsxi.dashboard.tables;

import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import app.vsxi.dashboard.gateway.ElementNames;
import app.vsxi.dashboard.gateway.Format;
import app.vsxi.dashboard.gateway.TableCsv;
import app.vsxi.dashboard.gateway.TableFormatException;
import app.vsxi.dashboard.gateway.TableJson;
import app.vsxi.dashboard.gateway.TableRow;
import app.vsxi.dashboard.gateway.TableXml;
import app.vsxi.dashboard.tables.engine.CsvCells;

/**
 * Export of a table (or a filtered view of it) as CSV, XML or JSON, and import of such a file into a draft. CSV
 * cells, the header's included, are neutralised against formula injection on the way out and restored on the way in.
 */
public final class TableTransfer {

	private TableTransfer() {
	}

	/** Writes the rows as they come, so a table of any size streams; each format's writer holds one row at a time. */
	public static void export(Format format, String root, String item, Iterator<TableRow> rows, OutputStream out) {
		switch (format) {
			case CSV -> TableCsv.write(new Neutralised(rows), out);
			case XML -> TableXml.write(new ElementNames(root, item), rows, out);
			case JSON -> TableJson.write(new ElementNames(root, item), rows, out);
		}
	}

	/**
	 * Rows of an imported file, CSV cells (header included) restored. A file that cannot be read, holds more than
	 * {@code maxRows} rows or has a field name the box's XML cannot carry is refused with {@link ImportRefused}.
	 */
	public static List<TableRow> read(Format format, InputStream in, int maxRows) {
		List<TableRow> rows = new ArrayList<>();
		Set<String> goodNames = new HashSet<>();
		Consumer<TableRow> sink = row -> {
			if (rows.size() >= maxRows) {
				throw new ImportRefused("The file holds more than " + maxRows
						+ " rows, the most one import takes (vsxi.tables.import-rows): split it into smaller files");
			}
			String bad = FieldNames.firstBad(row, goodNames);
			if (bad != null) {
				throw new ImportRefused("The file has a field named \"" + bad + "\", which cannot be an element name "
						+ "of the box's XML: a field name starts with a letter or _ and holds only letters, digits, _, - and .");
			}
			rows.add(row);
		};
		try {
			switch (format) {
				case CSV -> TableCsv.read(in, row -> sink.accept(restored(row)));
				case XML -> TableXml.stream(in, sink);
				case JSON -> TableJson.stream(in, sink);
			}
		}
		catch (TableFormatException ex) {
			throw new ImportRefused("The file cannot be read: " + ex.getMessage());
		}
		return rows;
	}

	/**
	 * An imported row in the shape of the box's rows: exactly the fields of {@code template}, in its order. The
	 * editor writes back only what the box sent, so a file that adds or lacks a field is refused, not repaired.
	 */
	public static TableRow conform(TableRow imported, TableRow template) {
		return conform(imported, template, "the box's rows");
	}

	/**
	 * The same against another shape, e.g. the first row of a file for a table the box never sends;
	 * {@code shape} names it in the refusal.
	 */
	public static TableRow conform(TableRow imported, TableRow template, String shape) {
		if (imported.sameFields(template)) {
			return imported;
		}
		Set<String> expected = template.fields().keySet();
		for (String field : expected) {
			if (!imported.has(field)) {
				throw new TableFormatException("an imported row lacks field " + field + " of " + shape);
			}
		}
		for (String field : imported.fields().keySet()) {
			if (!template.has(field)) {
				throw new TableFormatException("an imported row has field " + field + " that is not in " + shape);
			}
		}
		Map<String, Object> fields = new LinkedHashMap<>();
		for (String field : expected) {
			fields.put(field, imported.get(field));
		}
		return new TableRow(fields);
	}

	/**
	 * Every imported row conformed to {@code template}, or, where any does not fit, a refusal that names every
	 * field missing or added across the whole file, with how many entries each concerns.
	 */
	public static List<TableRow> conformAll(List<TableRow> imported, TableRow template, String shape) {
		ShapeProblems problems = new ShapeProblems(template);
		boolean fits = true;
		for (TableRow row : imported) {
			fits &= problems.check(row);
		}
		if (!fits) {
			throw new TableFormatException("the file's entries do not have the fields of " + shape + ": "
					+ problems.text(shape));
		}
		return imported.stream().map(row -> conform(row, template, shape)).toList();
	}

	/** The format of a file by its name's ending. */
	public static Format formatOf(String fileName) {
		String name = fileName == null ? "" : fileName.toLowerCase(java.util.Locale.ROOT);
		if (name.endsWith(".json")) {
			return Format.JSON;
		}
		if (name.endsWith(".xml")) {
			return Format.XML;
		}
		if (name.endsWith(".csv")) {
			return Format.CSV;
		}
		throw new TableEditorException("Import takes .csv, .xml or .json files");
	}

	private static TableRow restored(TableRow row) {
		Map<String, Object> fields = new LinkedHashMap<>();
		row.fields().forEach((name, value) -> fields.put(CsvCells.restore(name),
				value instanceof String text ? CsvCells.restore(text) : value));
		return new TableRow(fields);
	}

	private record Neutralised(Iterator<TableRow> rows) implements Iterator<TableRow> {

		@Override
		public boolean hasNext() {
			return this.rows.hasNext();
		}

		@Override
		public TableRow next() {
			Map<String, Object> fields = new LinkedHashMap<>();
			// a header cell is a cell too: a field name starting with = must not run as a formula either
			this.rows.next().fields().forEach((name, value) -> fields.put(CsvCells.neutralise(name),
					value == null || value instanceof TableRow || value instanceof List<?> ? value
							: CsvCells.neutralise(value.toString())));
			return new TableRow(fields);
		}

	}

}
