package app.vsxi.dashboard.simulator;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** CSV as the simulator writes and reads it: RFC 4180 quoting, a header row of field names. */
final class Csv {

	private Csv() {
	}

	static String quote(String value) {
		if (value.contains(",") || value.contains("\"") || value.contains("\n") || value.contains("\r")) {
			return "\"" + value.replace("\"", "\"\"") + "\"";
		}
		return value;
	}

	/** Entries keyed by the header row; a line with another number of cells than the header is refused. */
	static List<Map<String, Object>> read(String text) {
		List<List<String>> lines = cells(text);
		if (lines.isEmpty()) {
			return List.of();
		}
		List<String> header = lines.get(0);
		List<Map<String, Object>> entries = new ArrayList<>();
		for (List<String> line : lines.subList(1, lines.size())) {
			if (line.size() != header.size()) {
				throw new EntryReader.UnreadableInputException("CSV line with " + line.size() + " cells, header has "
						+ header.size());
			}
			Map<String, Object> entry = new LinkedHashMap<>();
			for (int i = 0; i < header.size(); i++) {
				entry.put(header.get(i).trim(), line.get(i));
			}
			entries.add(entry);
		}
		return entries;
	}

	/** Lines without a header row, keyed by these columns in order; a line with another number of cells is refused. */
	static List<Map<String, Object>> read(String text, List<String> columns) {
		List<Map<String, Object>> entries = new ArrayList<>();
		for (List<String> line : cells(text)) {
			if (line.size() != columns.size()) {
				throw new EntryReader.UnreadableInputException("CSV line with " + line.size() + " cells, the box has "
						+ columns.size() + " columns");
			}
			Map<String, Object> entry = new LinkedHashMap<>();
			for (int i = 0; i < columns.size(); i++) {
				entry.put(columns.get(i), line.get(i));
			}
			entries.add(entry);
		}
		return entries;
	}

	private static List<List<String>> cells(String text) {
		List<List<String>> lines = new ArrayList<>();
		List<String> line = new ArrayList<>();
		StringBuilder cell = new StringBuilder();
		boolean quoted = false;
		boolean any = false;
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (quoted) {
				if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
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
				any = true;
			}
			else if (c == ',') {
				line.add(cell.toString());
				cell.setLength(0);
				any = true;
			}
			else if (c == '\n' || c == '\r') {
				if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
					i++;
				}
				if (any || !cell.isEmpty()) {
					line.add(cell.toString());
					lines.add(line);
				}
				line = new ArrayList<>();
				cell.setLength(0);
				any = false;
			}
			else {
				cell.append(c);
				any = true;
			}
		}
		if (quoted) {
			throw new EntryReader.UnreadableInputException("unterminated quote in CSV");
		}
		if (any || !cell.isEmpty()) {
			line.add(cell.toString());
			lines.add(line);
		}
		return lines;
	}

}
