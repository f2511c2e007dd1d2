package app.vsxi.dashboard.gateway;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.MappingIterator;
import tools.jackson.databind.ObjectReader;
import tools.jackson.dataformat.csv.CsvMapper;
import tools.jackson.dataformat.csv.CsvReadFeature;

/**
 * The box's answer to {@code stats/active_calls?format=csv}, kept as the bytes it sent. The only CSV kill known
 * to work is the box's own CSV sent back (reference §10.3), so a kill is cut from these bytes: the header line and
 * the chosen calls' lines exactly as the box wrote them, never rewritten from parsed fields.
 */
public final class CallsCsv {

	private static final ObjectReader CELLS = new CsvMapper().readerFor(String[].class)
		.with(CsvReadFeature.WRAP_AS_ARRAY);

	private final byte[] bytes;

	private final Span header;

	private final List<Span> lines;

	private final List<TableRow> rows;

	private CallsCsv(byte[] bytes, Span header, List<Span> lines, List<TableRow> rows) {
		this.bytes = bytes;
		this.header = header;
		this.lines = lines;
		this.rows = rows;
	}

	/**
	 * Splits the answer into records where an unquoted line break ends one, so commas, quotes and line breaks
	 * inside a quoted cell stay in their call's line; each record's cells are read by Jackson's CSV parser.
	 */
	public static CallsCsv parse(byte[] bytes) {
		List<Span> spans = records(bytes);
		if (spans.isEmpty()) {
			throw new TableFormatException("the active calls CSV has no header line");
		}
		Span header = spans.get(0);
		List<String> columns = List.of(cells(bytes, header));
		List<Span> lines = new ArrayList<>(spans.size() - 1);
		List<TableRow> rows = new ArrayList<>(spans.size() - 1);
		for (Span line : spans.subList(1, spans.size())) {
			String[] cells = cells(bytes, line);
			if (cells.length != columns.size()) {
				throw new TableFormatException("a line of the active calls CSV has " + cells.length + " cells under "
						+ columns.size() + " columns");
			}
			Map<String, Object> fields = new LinkedHashMap<>();
			for (int i = 0; i < cells.length; i++) {
				fields.put(columns.get(i), cells[i]);
			}
			lines.add(line);
			rows.add(new TableRow(fields));
		}
		return new CallsCsv(bytes, header, lines, rows);
	}

	/** The calls in the box's order, every field the header names. */
	public List<TableRow> rows() {
		return Collections.unmodifiableList(this.rows);
	}

	/** The box's header line, line break included. */
	public byte[] headerLine() {
		return this.header.of(this.bytes);
	}

	/** The box's line of the call at {@code index} in {@link #rows()}, line break included. */
	public byte[] line(int index) {
		return this.lines.get(index).of(this.bytes);
	}

	/**
	 * The CSV to send to end the calls at these indexes: the header line, then their lines in the box's order, so
	 * a last line without a line break can only stand last.
	 */
	public byte[] deleteBody(Collection<Integer> indexes) {
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		body.writeBytes(headerLine());
		for (int index : new TreeSet<>(indexes)) {
			body.writeBytes(line(index));
		}
		return body.toByteArray();
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
