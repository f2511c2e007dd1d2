package app.vsxi.dashboard.simulator;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A stats answer in the database-dump style (reference §5.1): {@code mysqldump/database/table/row/field}, in the
 * older ({@code table}) or newer ({@code table_data} + {@code table_structure}) generation.
 */
final class StatsDump {

	private final Map<String, List<Map<String, Object>>> tables = new LinkedHashMap<>();

	StatsDump table(String name, List<Map<String, Object>> rows) {
		this.tables.put(name, rows);
		return this;
	}

	byte[] render(Document.Format format, StatsGeneration generation) {
		String listElement = generation == StatsGeneration.NEWER ? "table_data" : "table";
		if (format == Document.Format.JSON) {
			return Document.json(Map.of("mysqldump", Map.of("database", jsonDatabase(listElement, generation))));
		}
		return Document.xml(writer -> {
			writer.writeStartElement("mysqldump");
			writer.writeStartElement("database");
			writer.writeAttribute("name", VsxiConventions.DUMP_DATABASE);
			if (generation == StatsGeneration.NEWER) {
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
				writer.writeAttribute("name", table.getKey());
				for (Map<String, Object> row : table.getValue()) {
					writer.writeStartElement("row");
					for (Map.Entry<String, Object> field : row.entrySet()) {
						writer.writeStartElement("field");
						writer.writeAttribute("name", field.getKey());
						writer.writeCharacters(String.valueOf(field.getValue()));
						writer.writeEndElement();
					}
					writer.writeEndElement();
				}
				writer.writeEndElement();
			}
			writer.writeEndElement();
			writer.writeEndElement();
		});
	}

	private Map<String, Object> jsonDatabase(String listElement, StatsGeneration generation) {
		List<Object> tableList = new ArrayList<>();
		List<Object> structures = new ArrayList<>();
		for (Map.Entry<String, List<Map<String, Object>>> table : this.tables.entrySet()) {
			Map<String, Object> json = new LinkedHashMap<>();
			json.put("name", table.getKey());
			List<Object> rows = new ArrayList<>();
			for (Map<String, Object> row : table.getValue()) {
				List<Object> fields = new ArrayList<>();
				row.forEach((name, value) -> fields.add(nameFirst(name, "content", value)));
				rows.add(Map.of("field", Document.jsonList(fields)));
			}
			if (!rows.isEmpty()) {
				json.put("row", Document.jsonList(rows));
			}
			tableList.add(json);
			structures.add(nameFirst(table.getKey(), "field",
					columns(table.getValue()).stream().map(column -> Map.of("Field", column)).toList()));
		}
		Map<String, Object> database = new LinkedHashMap<>();
		database.put("name", VsxiConventions.DUMP_DATABASE);
		if (generation == StatsGeneration.NEWER) {
			database.put("table_structure", structures);
		}
		database.put(listElement, tableList);
		return database;
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
