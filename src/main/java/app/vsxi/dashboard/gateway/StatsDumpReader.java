package app.vsxi.dashboard.gateway;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import tools.jackson.databind.JsonNode;

/**
 * Reads a stats answer in the database-dump style whichever way the box wrote it: tables under {@code table} or
 * {@code table_data}, one table or row as an object or many as a list, values as numbers or strings, a stray
 * {@code table} that only names itself, and in XML the {@code xsi} namespace with {@code xsi:nil} fields. An
 * answer without a single table, or with "Max recursion depth reached" in place of an entry, is incomplete.
 */
final class StatsDumpReader {

	private StatsDumpReader() {
	}

	/** Table name → rows, each row field name → value as text. */
	static Map<String, List<Map<String, String>>> read(JsonNode root) {
		JsonNode database = root.path("mysqldump").path("database");
		if (database.isMissingNode() || !database.isObject()) {
			throw new IncompleteAnswerException("no mysqldump/database element");
		}
		Map<String, List<Map<String, String>>> tables = new LinkedHashMap<>();
		for (String listName : List.of("table", "table_data")) {
			for (JsonNode table : asList(database.path(listName))) {
				refuseRecursion(table);
				if (!table.isObject() || !table.has("name")) {
					continue;
				}
				List<Map<String, String>> rows = new ArrayList<>();
				for (JsonNode row : asList(table.path("row"))) {
					refuseRecursion(row);
					Map<String, String> fields = new LinkedHashMap<>();
					for (JsonNode field : asList(row.path("field"))) {
						refuseRecursion(field);
						if (field.isObject() && field.has("name")) {
							fields.put(field.path("name").asString(), field.path("content").asString(""));
						}
					}
					rows.add(fields);
				}
				add(tables, table.path("name").asString(), rows);
			}
		}
		return complete(tables);
	}

	/** The same from the XML the box sends by default (and when it cannot make JSON). */
	static Map<String, List<Map<String, String>>> readXml(InputStream in) {
		Map<String, List<Map<String, String>>> tables = new LinkedHashMap<>();
		try {
			XMLStreamReader xml = SafeXml.INPUT.createXMLStreamReader(in);
			try {
				String table = null;
				List<Map<String, String>> rows = null;
				Map<String, String> row = null;
				String field = null;
				StringBuilder text = new StringBuilder();
				while (xml.hasNext()) {
					int event = xml.next();
					if (event == XMLStreamConstants.DTD || event == XMLStreamConstants.ENTITY_REFERENCE) {
						throw new TableFormatException("DTDs and entities are not accepted");
					}
					if (event == XMLStreamConstants.START_ELEMENT) {
						switch (xml.getLocalName()) {
							case "table", "table_data" -> {
								table = xml.getAttributeValue(null, "name");
								rows = new ArrayList<>();
							}
							case "row" -> row = new LinkedHashMap<>();
							case "field" -> {
								field = xml.getAttributeValue(null, "name");
								// an xsi:nil field has no text and reads as empty, like a JSON null
								text.setLength(0);
							}
							default -> {
							}
						}
					}
					else if (event == XMLStreamConstants.CHARACTERS || event == XMLStreamConstants.CDATA) {
						text.append(xml.getText());
						IncompleteAnswerException.refuseRecursion(xml.getText());
					}
					else if (event == XMLStreamConstants.END_ELEMENT) {
						switch (xml.getLocalName()) {
							case "field" -> {
								if (row != null && field != null) {
									row.put(field, text.toString());
								}
								field = null;
							}
							case "row" -> {
								if (rows != null && row != null) {
									rows.add(row);
								}
								row = null;
							}
							case "table", "table_data" -> {
								if (table != null) {
									add(tables, table, rows);
								}
								table = null;
							}
							default -> {
							}
						}
					}
				}
			}
			finally {
				xml.close();
			}
		}
		catch (XMLStreamException | RuntimeException ex) {
			if (ex instanceof TableFormatException format) {
				throw format;
			}
			throw new TableFormatException("not well-formed XML: " + ex.getMessage());
		}
		return complete(tables);
	}

	/** A table named twice (the newer generation's stray {@code table} beside {@code table_data}) keeps its rows. */
	private static void add(Map<String, List<Map<String, String>>> tables, String name, List<Map<String, String>> rows) {
		tables.merge(name, rows, (a, b) -> a.isEmpty() ? b : a);
	}

	private static Map<String, List<Map<String, String>>> complete(Map<String, List<Map<String, String>>> tables) {
		if (tables.isEmpty()) {
			throw new IncompleteAnswerException("the answer holds no table");
		}
		return tables;
	}

	private static void refuseRecursion(JsonNode node) {
		if (node.isString()) {
			IncompleteAnswerException.refuseRecursion(node.asString());
		}
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
