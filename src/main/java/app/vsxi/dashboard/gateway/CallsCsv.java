package app.vsxi.dashboard.gateway;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.MappingIterator;
import tools.jackson.databind.ObjectReader;
import tools.jackson.dataformat.csv.CsvMapper;
import tools.jackson.dataformat.csv.CsvReadFeature;

/**
 * The box's answer to {@code stats/active_calls?format=csv}, kept as the bytes it sent. The only CSV kill known
 * to work is the box's own CSV sent back (reference §10.3), so a kill is cut from these bytes, never rewritten from
 * parsed fields. No source shows that CSV (§11.3): it may or may not start with a header, under any column names.
 * So no column is read by name: each line is matched to a call of the JSON list, whose names are known, by the
 * call's slot and Call-ID standing among the line's cells.
 */
public final class CallsCsv {

	private static final ObjectReader CELLS = new CsvMapper().readerFor(String[].class)
		.with(CsvReadFeature.WRAP_AS_ARRAY);

	private final byte[] bytes;

	private final List<Span> records;

	private final List<List<String>> cells;

	private CallsCsv(byte[] bytes, List<Span> records, List<List<String>> cells) {
		this.bytes = bytes;
		this.records = records;
		this.cells = cells;
	}

	/**
	 * Splits the answer into records where an unquoted line break ends one, so commas, quotes and line breaks
	 * inside a quoted cell stay in their call's line; each record's cells are read by Jackson's CSV parser. No
	 * line is taken for a header here.
	 */
	public static CallsCsv parse(byte[] bytes) {
		List<Span> spans = records(bytes);
		List<List<String>> cells = new ArrayList<>(spans.size());
		for (Span span : spans) {
			cells.add(List.of(cells(bytes, span)));
		}
		return new CallsCsv(bytes, spans, cells);
	}

	/** The number of lines (records), a header among them if the box writes one. */
	public int size() {
		return this.records.size();
	}

	/** The cells of the record at {@code index}, as the box wrote them. */
	public List<String> cells(int index) {
		return this.cells.get(index);
	}

	/** The box's record at {@code index}, line break included. */
	public byte[] line(int index) {
		return this.records.get(index).of(this.bytes);
	}

	/**
	 * Which line is which of the {@code listed} calls (read from the JSON list). A line is a call's when one of its
	 * cells is the call's Call-ID and another its slot; a call is identified when exactly one line is its and that
	 * line is no other call's. A first line that is no call's is the box's header when it has no slot where the
	 * identified lines have theirs; where that cannot be told, no call is identified.
	 */
	public Lines identify(List<TableRow> listed) {
		Map<String, List<TableRow>> byCallId = new HashMap<>();
		for (TableRow call : listed) {
			if (!blank(call.text("ssm_index")) && !blank(call.text("callID"))) {
				byCallId.computeIfAbsent(call.text("callID").strip(), id -> new ArrayList<>()).add(call);
			}
		}
		Map<Integer, Set<String>> callsOfLine = new HashMap<>();
		Map<String, List<Integer>> linesOfCall = new LinkedHashMap<>();
		byCallId.values().forEach(calls -> calls.forEach(call -> linesOfCall.put(VsxiGateway.callKey(call), new ArrayList<>())));
		for (int line = 0; line < this.cells.size(); line++) {
			List<String> row = this.cells.get(line);
			Set<String> calls = new LinkedHashSet<>();
			for (int cell = 0; cell < row.size(); cell++) {
				for (TableRow call : byCallId.getOrDefault(row.get(cell).strip(), List.of())) {
					if (holdsElsewhere(row, cell, call.text("ssm_index").strip())) {
						calls.add(VsxiGateway.callKey(call));
					}
				}
			}
			callsOfLine.put(line, calls);
			for (String call : calls) {
				linesOfCall.get(call).add(line);
			}
		}
		Map<String, Integer> lineOf = new LinkedHashMap<>();
		Map<String, String> unsure = new LinkedHashMap<>();
		linesOfCall.forEach((call, lines) -> {
			if (lines.isEmpty()) {
				unsure.put(call, "its line is not in the box's CSV (it may have just ended)");
			}
			else if (lines.size() > 1) {
				unsure.put(call, "more than one line of the box's CSV carries its slot and Call-ID");
			}
			else if (callsOfLine.get(lines.get(0)).size() > 1) {
				unsure.put(call, "its line in the box's CSV also carries another call's slot and Call-ID");
			}
			else {
				lineOf.put(call, lines.get(0));
			}
		});
		boolean header = !this.cells.isEmpty() && callsOfLine.get(0).isEmpty();
		if (header && !lineOf.isEmpty()) {
			Boolean callLine = looksLikeACall(this.cells.get(0), lineOf, listed);
			if (callLine == null) {
				lineOf.keySet().forEach(call -> unsure.put(call,
						"the first line of the box's CSV is no listed call's, and whether it is a header cannot be told"));
				lineOf.clear();
			}
			else {
				header = !callLine;
			}
		}
		return new Lines(this, header, Map.copyOf(lineOf), Map.copyOf(unsure));
	}

	/**
	 * Whether an unmatched first line is a call's (a whole number where every identified line has its slot), or
	 * null when the identified lines' slots are no whole numbers, so nothing tells a header from a call.
	 */
	private Boolean looksLikeACall(List<String> first, Map<String, Integer> lineOf, List<TableRow> listed) {
		Map<String, String> slots = new HashMap<>();
		listed.forEach(call -> slots.put(VsxiGateway.callKey(call), Objects.toString(call.text("ssm_index"), "").strip()));
		if (!slots.entrySet().stream().filter(slot -> lineOf.containsKey(slot.getKey())).allMatch(slot -> whole(slot.getValue()))) {
			return null;
		}
		List<Integer> slotColumns = new ArrayList<>();
		for (int column = 0; column < first.size(); column++) {
			int at = column;
			if (lineOf.entrySet().stream().allMatch(line -> at < this.cells.get(line.getValue()).size()
					&& this.cells.get(line.getValue()).get(at).strip().equals(slots.get(line.getKey())))) {
				slotColumns.add(column);
			}
		}
		if (slotColumns.isEmpty()) {
			return null;
		}
		return slotColumns.stream().anyMatch(column -> whole(first.get(column).strip()));
	}

	private static boolean holdsElsewhere(List<String> row, int except, String value) {
		for (int cell = 0; cell < row.size(); cell++) {
			if (cell != except && row.get(cell).strip().equals(value)) {
				return true;
			}
		}
		return false;
	}

	private static boolean whole(String value) {
		return !value.isEmpty() && value.chars().allMatch(Character::isDigit);
	}

	private static boolean blank(String value) {
		return value == null || value.isBlank();
	}

	/**
	 * The calls of a CSV matched to the JSON list.
	 *
	 * @param header whether the box's CSV starts with a header line
	 * @param lineOf the line of each identified call, by {@link VsxiGateway#callKey}
	 * @param unsure why each other listed call has no line that is surely its own
	 */
	public record Lines(CallsCsv csv, boolean header, Map<String, Integer> lineOf, Map<String, String> unsure) {

		/** Why this call cannot be cut from the CSV, or null when it can. */
		public String problem(String call) {
			return this.lineOf.containsKey(call) ? null
					: this.unsure.getOrDefault(call, "the box's CSV was not read with it listed");
		}

		/**
		 * The CSV that ends these calls: the box's header line if it writes one, then their lines in the box's
		 * order, so a last line without a line break can only stand last.
		 */
		public Cut cut(Collection<String> calls) {
			TreeSet<Integer> lines = new TreeSet<>();
			for (String call : calls) {
				Integer line = this.lineOf.get(call);
				if (line == null) {
					throw new IllegalArgumentException("no line of the box's CSV is surely the call " + call);
				}
				lines.add(line);
			}
			ByteArrayOutputStream body = new ByteArrayOutputStream();
			if (this.header) {
				body.writeBytes(this.csv.line(0));
			}
			lines.forEach(line -> body.writeBytes(this.csv.line(line)));
			List<String> targets = new ArrayList<>();
			this.lineOf.forEach((call, line) -> {
				if (lines.contains(line)) {
					targets.add(call);
				}
			});
			return new Cut(body.toByteArray(), List.copyOf(targets), this.header);
		}

	}

	/**
	 * A kill cut from the box's CSV.
	 *
	 * @param body what is sent, byte for byte the box's
	 * @param targets the calls it names, by {@link VsxiGateway#callKey}
	 * @param header whether it starts with the box's header line
	 */
	public record Cut(byte[] body, List<String> targets, boolean header) {

		/** Which CSV was sent, in words. */
		public String layout() {
			return this.header ? "CSV: the box's header line and the calls' lines"
					: "CSV: the calls' lines only, as the box writes its CSV without a header line";
		}

	}

	private static String[] cells(byte[] bytes, Span span) {
		try (MappingIterator<String[]> records = CELLS.readValues(bytes, span.start(), span.end() - span.start())) {
			return records.hasNext() ? records.next() : new String[0];
		}
		catch (JacksonException ex) {
			throw new TableFormatException("unreadable active calls CSV: " + ex.getOriginalMessage());
		}
	}

	/** Record spans, each with its line break; blank lines belong to no record. */
	private static List<Span> records(byte[] bytes) {
		List<Span> spans = new ArrayList<>();
		boolean quoted = false;
		int start = 0;
		for (int i = 0; i < bytes.length; i++) {
			byte b = bytes[i];
			if (b == '"') {
				// a doubled quote inside a quoted cell flips twice, which leaves it quoted
				quoted = !quoted;
			}
			else if (b == '\n' && !quoted) {
				add(spans, bytes, start, i + 1);
				start = i + 1;
			}
		}
		if (quoted) {
			throw new TableFormatException("the active calls CSV ends inside a quoted cell");
		}
		add(spans, bytes, start, bytes.length);
		return spans;
	}

	private static void add(List<Span> spans, byte[] bytes, int start, int end) {
		for (int i = start; i < end; i++) {
			if (bytes[i] != '\r' && bytes[i] != '\n') {
				spans.add(new Span(start, end));
				return;
			}
		}
	}

	private record Span(int start, int end) {

		byte[] of(byte[] bytes) {
			return java.util.Arrays.copyOfRange(bytes, this.start, this.end);
		}

	}

}
