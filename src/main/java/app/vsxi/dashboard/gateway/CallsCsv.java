package app.vsxi.dashboard.gateway;

import java.util.ArrayList;
import java.util.List;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.MappingIterator;
import tools.jackson.databind.ObjectReader;
import tools.jackson.dataformat.csv.CsvMapper;
import tools.jackson.dataformat.csv.CsvReadFeature;

/**
 * The box's answer to {@code stats/active_calls?format=csv}, kept as the bytes it sent, split into its records
 * and their cells. The only CSV kill known to work is the box's own CSV sent back (reference §10.3), so a kill is
 * cut from these bytes, never rewritten from parsed fields; which line is which call is the caller's to tell.
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
