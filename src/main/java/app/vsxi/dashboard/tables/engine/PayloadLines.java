package app.vsxi.dashboard.tables.engine;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import app.vsxi.dashboard.gateway.TableCsv;
import app.vsxi.dashboard.gateway.TableDocument;
import app.vsxi.dashboard.gateway.TableFormatException;
import app.vsxi.dashboard.gateway.TableRow;
import app.vsxi.dashboard.gateway.TableXml;

/**
 * A payload as a person reads it: XML one element a line, indented by depth, and the lines of the fields the draft
 * changed marked; CSV line by line with the lines of changed rows marked. A body that cannot be read is shown line
 * by line as it is, nothing marked.
 */
public final class PayloadLines {

	private static final String INDENT = "  ";

	private PayloadLines() {
	}

	/** The changed fields of each changed row, by the name of the row's element that holds each. */
	public static Map<RowKey, Set<String>> changedFields(TableDiff diff) {
		Map<RowKey, Set<String>> fields = new LinkedHashMap<>();
		for (RowChange.Changed change : diff.changed()) {
			Set<String> names = new HashSet<>();
			change.fields().forEach(field -> names.add(field.field()));
			fields.put(change.key(), names);
		}
		return fields;
	}

	public static List<PayloadLine> xml(String body, List<String> keyFields, Map<RowKey, Set<String>> changed) {
		TableDocument document;
		try {
			document = TableXml.read(new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)));
		}
		catch (TableFormatException | IllegalStateException ex) {
			return asIs(body);
		}
		if (document.root() == null) {
			return asIs(body);
		}
		List<PayloadLine> lines = new ArrayList<>();
		lines.add(new PayloadLine("<?xml version=\"1.0\" encoding=\"UTF-8\"?>", false));
		lines.add(new PayloadLine("<" + document.root() + ">", false));
		Map<RowKey, TableRow> rows = KeyedDiff.index(document.rows(), keyFields);
		rows.forEach((key, row) -> element(lines, document.item(), row, 1, changed.getOrDefault(key, Set.of()), "", false));
		lines.add(new PayloadLine("</" + document.root() + ">", false));
		return lines;
	}

	public static List<PayloadLine> csv(String body, List<String> keyFields, Map<RowKey, Set<String>> changed) {
		List<String> text = body.lines().toList();
		List<TableRow> rows = new ArrayList<>();
		try {
			TableCsv.read(new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)), rows::add);
		}
		catch (TableFormatException ex) {
			return asIs(body);
		}
		if (text.size() != rows.size() + 1) {
			// a quoted value spans lines: which line is which row cannot be told
			return asIs(body);
		}
		List<PayloadLine> lines = new ArrayList<>();
		lines.add(new PayloadLine(text.get(0), false));
		int i = 1;
		for (RowKey key : KeyedDiff.index(rows, keyFields).keySet()) {
			lines.add(new PayloadLine(text.get(i++), changed.containsKey(key)));
		}
		return lines;
	}

	/**
	 * One element: a leaf on one line, an entry over several. {@code path} is where it sits in the row as the diff
	 * names fields ({@code typeSIPgw/direction}, {@code node[2]}); an element whose path is a changed field is
	 * marked, and so is everything inside it ({@code inside}).
	 */
	private static void element(List<PayloadLine> lines, String name, Object value, int depth, Set<String> changed,
			String path, boolean inside) {
		if (value instanceof List<?> values) {
			boolean whole = inside || changed.contains(path);
			for (int i = 0; i < values.size(); i++) {
				element(lines, name, values.get(i), depth, changed, path + "[" + (i + 1) + "]", whole);
			}
			return;
		}
		String indent = INDENT.repeat(depth);
		boolean marked = inside || !path.isEmpty() && changed.contains(path);
		if (value instanceof TableRow row) {
			lines.add(new PayloadLine(indent + "<" + name + ">", marked));
			row.fields()
				.forEach((field, inner) -> element(lines, field, inner, depth + 1, changed,
						path.isEmpty() ? field : path + "/" + field, marked));
			lines.add(new PayloadLine(indent + "</" + name + ">", marked));
		}
		else {
			String text = value == null ? "" : escape(value.toString());
			lines.add(new PayloadLine(indent + "<" + name + ">" + text + "</" + name + ">", marked));
		}
	}

	private static String escape(String text) {
		return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
	}

	private static List<PayloadLine> asIs(String body) {
		return body.lines().map(line -> new PayloadLine(line, false)).toList();
	}

}
