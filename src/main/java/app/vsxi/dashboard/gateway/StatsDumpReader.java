package app.vsxi.dashboard.gateway;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;

/**
 * Reads a stats answer in the database-dump style whichever way the box wrote it: tables under {@code table} or
 * {@code table_data}, one row as an object or many as a list, values as numbers or strings, and stray entries
 * that are plain strings (seen during HA failover) skipped.
 */
final class StatsDumpReader {

	private StatsDumpReader() {
	}

	/** Table name → rows, each row field name → value as text. */
	static Map<String, List<Map<String, String>>> read(JsonNode root) {
		JsonNode database = root.path("mysqldump").path("database");
		if (database.isMissingNode()) {
			throw new IllegalArgumentException("no mysqldump/database element");
		}
		Map<String, List<Map<String, String>>> tables = new LinkedHashMap<>();
		for (String listName : List.of("table", "table_data")) {
			for (JsonNode table : asList(database.path(listName))) {
				if (!table.isObject() || !table.has("name")) {
					continue;
				}
				List<Map<String, String>> rows = new ArrayList<>();
				for (JsonNode row : asList(table.path("row"))) {
					Map<String, String> fields = new LinkedHashMap<>();
					for (JsonNode field : asList(row.path("field"))) {
						if (field.isObject() && field.has("name")) {
							fields.put(field.path("name").asString(), field.path("content").asString(""));
						}
					}
					rows.add(fields);
				}
				tables.merge(table.path("name").asString(), rows, (a, b) -> a.isEmpty() ? b : a);
			}
		}
		return tables;
	}

	static List<JsonNode> asList(JsonNode node) {
		if (node == null || node.isMissingNode() || node.isNull()) {
			return List.of();
		}
		if (node.isArray()) {
			List<JsonNode> items = new ArrayList<>(node.size());
			node.forEach(items::add);
			return items;
		}
		return List.of(node);
	}

}
