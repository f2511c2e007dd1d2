package app.vsxi.dashboard.gateway;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * VSXi table JSON ({@code {"Root":{"Item":[…]}}}), read whichever way the box wrote it: the box converts its XML,
 * so one entry comes as an object and none may come as an empty object or string. JSON numbers and booleans are
 * kept as such, so a table written back is the table read.
 */
public final class TableJson {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private TableJson() {
	}

	static final TableCodec CODEC = new TableCodec() {

		@Override
		public ElementNames read(java.io.InputStream in, java.util.function.Consumer<TableRow> sink) {
			return stream(in, sink);
		}

		/** Entry by entry, so a zipped JSON table is never held whole either. */
		@Override
		public void write(ElementNames names, java.util.Iterator<TableRow> rows, java.io.OutputStream out) {
			TableJson.write(names, rows, out);
		}
	};

	/** Writes entries as they come from {@code rows}, so a large table is never held whole; {@code out} stays open. */
	public static void write(ElementNames names, java.util.Iterator<TableRow> rows, java.io.OutputStream out) {
		try (tools.jackson.core.JsonGenerator json = JSON.writer()
			.without(tools.jackson.core.StreamWriteFeature.AUTO_CLOSE_TARGET)
			.createGenerator(out)) {
			json.writeStartObject();
			json.writeName(names.root());
			json.writeStartObject();
			json.writeName(names.item());
			json.writeStartArray();
			while (rows.hasNext()) {
				json.writePOJO(plain(rows.next()));
			}
			json.writeEndArray();
			json.writeEndObject();
			json.writeEndObject();
		}
	}

	/**
	 * Reads {@code {"Root":{"Item":[…]}}} entry by entry: only one entry is ever held as a tree, so a large JSON
	 * table streams like a large XML one.
	 */
	public static ElementNames stream(java.io.InputStream in, java.util.function.Consumer<TableRow> sink) {
		try (tools.jackson.core.JsonParser parser = JSON.createParser(in)) {
			expect(parser.nextToken(), tools.jackson.core.JsonToken.START_OBJECT);
			expect(parser.nextToken(), tools.jackson.core.JsonToken.PROPERTY_NAME);
			String root = parser.currentName();
			tools.jackson.core.JsonToken token = parser.nextToken();
			if (token != tools.jackson.core.JsonToken.START_OBJECT) {
				parser.skipChildren();
				return new ElementNames(root, null);
			}
			if (parser.nextToken() != tools.jackson.core.JsonToken.PROPERTY_NAME) {
				return new ElementNames(root, null);
			}
			String item = parser.currentName();
			token = parser.nextToken();
			if (token == tools.jackson.core.JsonToken.START_ARRAY) {
				for (token = parser.nextToken(); token != tools.jackson.core.JsonToken.END_ARRAY && token != null;
						token = parser.nextToken()) {
					if (token == tools.jackson.core.JsonToken.START_OBJECT) {
						sink.accept(row(parser.readValueAsTree()));
					}
					else if (token == tools.jackson.core.JsonToken.VALUE_STRING) {
						IncompleteAnswerException.refuseRecursion(parser.getString());
					}
					else {
						parser.skipChildren();
					}
				}
			}
			else if (token == tools.jackson.core.JsonToken.VALUE_STRING) {
				IncompleteAnswerException.refuseRecursion(parser.getString());
			}
			else if (token == tools.jackson.core.JsonToken.START_OBJECT) {
				sink.accept(row(parser.readValueAsTree()));
			}
			return new ElementNames(root, item);
		}
		catch (tools.jackson.core.JacksonException ex) {
			throw new TableFormatException("not JSON: " + FailureClassifier.abbreviate(String.valueOf(ex.getMessage())));
		}
	}

	private static void expect(tools.jackson.core.JsonToken token, tools.jackson.core.JsonToken expected) {
		if (token != expected) {
			throw new TableFormatException("expected " + expected + " but found " + token);
		}
	}

	public static TableDocument read(String text) {
		JsonNode root;
		try {
			root = JSON.readTree(text);
		}
		catch (RuntimeException ex) {
			throw new TableFormatException("not JSON: " + FailureClassifier.abbreviate(String.valueOf(ex.getMessage())));
		}
		if (root == null || !root.isObject() || root.size() != 1) {
			throw new TableFormatException("expected one root object");
		}
		String rootName = root.propertyNames().iterator().next();
		JsonNode list = root.get(rootName);
		String item = null;
		List<TableRow> rows = new ArrayList<>();
		if (list.isObject() && list.size() > 0) {
			item = list.propertyNames().iterator().next();
			for (JsonNode entry : StatsDumpReader.asList(list.get(item))) {
				if (entry.isObject()) {
					rows.add(row(entry));
				}
				else if (entry.isString()) {
					IncompleteAnswerException.refuseRecursion(entry.asString());
				}
			}
		}
		return new TableDocument(rootName, item, rows);
	}

	public static String write(TableDocument table) {
		ObjectNode items = JsonNodeFactory.instance.objectNode();
		List<Object> rows = new ArrayList<>();
		for (TableRow row : table.rows()) {
			rows.add(plain(row));
		}
		ObjectNode root = JsonNodeFactory.instance.objectNode();
		root.set(table.root(), items);
		items.set(table.item(), JSON.valueToTree(rows));
		return JSON.writeValueAsString(root);
	}

	private static TableRow row(JsonNode entry) {
		Map<String, Object> fields = new LinkedHashMap<>();
		for (Map.Entry<String, JsonNode> field : entry.properties()) {
			fields.put(field.getKey(), value(field.getValue()));
		}
		return new TableRow(fields);
	}

	private static Object value(JsonNode node) {
		if (node.isObject()) {
			return row(node);
		}
		if (node.isArray()) {
			List<Object> values = new ArrayList<>();
			node.forEach(each -> values.add(value(each)));
			return values;
		}
		if (node.isNumber()) {
			return node.numberValue();
		}
		if (node.isBoolean()) {
			return node.booleanValue();
		}
		return node.isNull() ? "" : node.asString();
	}

	private static Object plain(Object value) {
		if (value instanceof TableRow row) {
			Map<String, Object> fields = new LinkedHashMap<>();
			row.fields().forEach((name, each) -> fields.put(name, plain(each)));
			return fields;
		}
		if (value instanceof List<?> values) {
			return values.stream().map(TableJson::plain).toList();
		}
		return value;
	}

}
