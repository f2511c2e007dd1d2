package app.vsxi.dashboard.simulator;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * A stats answer in the database-dump style (reference §5.1): {@code mysqldump/database/table/row/field}, in the
 * older ({@code table}) or newer ({@code table_data} + {@code table_structure}) generation.
 */
final class StatsDump {

	private static final Pattern NUMBER = Pattern.compile("-?(0|[1-9][0-9]*)(\\.[0-9]+)?");

	private final Map<String, List<Map<String, Object>>> tables = new LinkedHashMap<>();

	private String stray;

	StatsDump table(String name, List<Map<String, Object>> rows) {
		this.tables.put(name, rows);
		return this;
	}

	/** The newer generation's leftover: an empty {@code table} element naming a table it no longer fills. */
	StatsDump stray(String name) {
		this.stray = name;
		return this;
	}

	/** Rows in all tables, as the JSON conversion counts entries. */
	int rows() {
		return this.tables.values().stream().mapToInt(List::size).sum();
	}

	/**
	 * How a dump comes out.
	 *
	 * @param singleObject in JSON a list of one is an object, as the XML-to-JSON converter makes it
	 * @param numbersAsText JSON keeps numeric values as strings
	 * @param tableless a well-formed dump without any table
	 * @param recursion every table replaced by the text {@code Max recursion depth reached}
	 */
	record Style(boolean singleObject, boolean numbersAsText, boolean tableless, boolean recursion) {

		static final Style PLAIN = new Style(true, false, false, false);

		Object list(List<?> values) {
			return this.singleObject ? Document.jsonList(values) : values;
		}

	}

	byte[] render(Document.Format format, StatsGeneration generation, Style style) {
		String listElement = generation == StatsGeneration.NEWER ? "table_data" : "table";
		if (format == Document.Format.JSON) {
			return Document.json(Map.of("mysqldump", Map.of("database", jsonDatabase(listElement, generation, style))));
		}
		return Document.xml(writer -> {
			writer.setPrefix("xsi", VsxiConventions.XSI_NAMESPACE);
			writer.writeStartElement("mysqldump");
			writer.writeNamespace("xsi", VsxiConventions.XSI_NAMESPACE);
			writer.writeStartElement("database");
			writer.writeAttribute("name", VsxiConventions.DUMP_DATABASE);
			if (!style.tableless()) {
				writeTables(writer, listElement, generation, style);
			}
			writer.writeEndElement();
			writer.writeEndElement();
		});
	}

	private void writeTables(XMLStreamWriter writer, String listElement, StatsGeneration generation, Style style)
			throws XMLStreamException {
		if (generation == StatsGeneration.NEWER && !style.recursion()) {
			for (Map.Entry<String, List<Map<String, Object>>> table : this.tables.entrySet()) {
				writer.writeStartElement("table_structure");
				writer.writeAttribute("name", table.getKey());
				for (String column : columns(table.getValue())) {
					writer.writeEmptyElement("field");
					writer.writeAttribute("Field", column);
				}
				writer.writeEndElement();
			}
		}
		for (Map.Entry<String, List<Map<String, Object>>> table : this.tables.entrySet()) {
			writer.writeStartElement(listElement);
			if (style.recursion()) {
				writer.writeCharacters(VsxiConventions.MAX_RECURSION);
				writer.writeEndElement();
				continue;
			}
			writer.writeAttribute("name", table.getKey());
			for (Map<String, Object> row : table.getValue()) {
				writer.writeStartElement("row");
				for (Map.Entry<String, Object> field : row.entrySet()) {
					if (field.getValue() == null) {
						writer.writeEmptyElement("field");
						writer.writeAttribute("name", field.getKey());
						writer.writeAttribute("xsi", VsxiConventions.XSI_NAMESPACE, "nil", "true");
						continue;
					}
					writer.writeStartElement("field");
					writer.writeAttribute("name", field.getKey());
					writer.writeCharacters(String.valueOf(field.getValue()));
					writer.writeEndElement();
				}
				writer.writeEndElement();
			}
			writer.writeEndElement();
		}
		if (this.stray != null && !style.recursion()) {
			writer.writeEmptyElement("table");
			writer.writeAttribute("name", this.stray);
		}
	}

	private Map<String, Object> jsonDatabase(String listElement, StatsGeneration generation, Style style) {
		Map<String, Object> database = new LinkedHashMap<>();
		database.put("name", VsxiConventions.DUMP_DATABASE);
		if (style.tableless()) {
			return database;
		}
		List<Object> tableList = new ArrayList<>();
		List<Object> structures = new ArrayList<>();
		for (Map.Entry<String, List<Map<String, Object>>> table : this.tables.entrySet()) {
			if (style.recursion()) {
				tableList.add(VsxiConventions.MAX_RECURSION);
				continue;
			}
			Map<String, Object> json = new LinkedHashMap<>();
			json.put("name", table.getKey());
			List<Object> rows = new ArrayList<>();
			for (Map<String, Object> row : table.getValue()) {
				List<Object> fields = new ArrayList<>();
				row.forEach((name, value) -> fields.add(value == null ? nameFirst(name, "xsi:nil", true)
						: nameFirst(name, "content", jsonValue(value, style))));
				rows.add(Map.of("field", style.list(fields)));
			}
			if (!rows.isEmpty()) {
				json.put("row", style.list(rows));
			}
			tableList.add(json);
			structures.add(nameFirst(table.getKey(), "field",
					style.list(columns(table.getValue()).stream().map(column -> Map.of("Field", column)).toList())));
		}
		if (generation == StatsGeneration.NEWER && !style.recursion()) {
			database.put("table_structure", style.list(structures));
		}
		database.put(listElement, style.list(tableList));
		if (this.stray != null && !style.recursion()) {
			database.put("table", Map.of("name", this.stray));
		}
		return database;
	}

	/** The converter writes what reads as a number as a JSON number, everything else as a string. */
	private static Object jsonValue(Object value, Style style) {
		String text = String.valueOf(value);
		if (style.numbersAsText() || !NUMBER.matcher(text).matches()) {
			return text;
		}
		return text.contains(".") ? (Object) new BigDecimal(text) : (Object) Long.valueOf(text);
	}

	/** JSON objects keep the box's order: {@code name} first, as in every captured sample. */
	private static Map<String, Object> nameFirst(String name, String key, Object value) {
		Map<String, Object> ordered = new LinkedHashMap<>();
		ordered.put("name", name);
		ordered.put(key, value);
		return ordered;
	}

	private static List<String> columns(List<Map<String, Object>> rows) {
		return rows.isEmpty() ? List.of() : List.copyOf(rows.get(0).keySet());
	}

}
