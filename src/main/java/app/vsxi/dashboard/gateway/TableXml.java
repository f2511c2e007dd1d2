package app.vsxi.dashboard.gateway;

import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import javax.xml.stream.XMLStreamWriter;

/**
 * Reads and writes VSXi table XML ({@code <Root><Item>…</Item>…</Root>}) one entry at a time, so a table of a
 * million entries never has to be in memory whole. An element with children is a nested entry; an element name
 * met twice in one entry is a list.
 */
public final class TableXml {

	/** Deeper than any table of the box nests; a deeper document is refused instead of exhausting the stack. */
	static final int MAX_DEPTH = 32;

	private TableXml() {
	}

	public static TableDocument read(InputStream in) {
		List<TableRow> rows = new ArrayList<>();
		ElementNames names = stream(in, rows::add);
		return new TableDocument(names.root(), names.item(), rows);
	}

	/** Hands each entry to {@code sink} as soon as it is read. */
	public static ElementNames stream(InputStream in, Consumer<TableRow> sink) {
		try {
			XMLStreamReader xml = SafeXml.INPUT.createXMLStreamReader(in);
			try {
				String root = nextStart(xml);
				if (root == null) {
					throw new TableFormatException("no root element");
				}
				String item = null;
				while (xml.hasNext()) {
					int event = xml.next();
					if (event == XMLStreamConstants.START_ELEMENT) {
						if (item == null) {
							item = xml.getLocalName();
						}
						TableRow row = readEntry(xml);
						try {
							sink.accept(row);
						}
						catch (RuntimeException ex) {
							throw new SinkFailure(ex);
						}
					}
					else if (event == XMLStreamConstants.END_ELEMENT) {
						break;
					}
					else if (event == XMLStreamConstants.DTD || event == XMLStreamConstants.ENTITY_REFERENCE) {
						throw new TableFormatException("DTDs and entities are not accepted");
					}
				}
				return new ElementNames(root, item);
			}
			finally {
				xml.close();
			}
		}
		catch (SinkFailure ex) {
			throw (RuntimeException) ex.getCause();
		}
		catch (TableFormatException ex) {
			throw ex;
		}
		catch (XMLStreamException | RuntimeException ex) {
			// the StAX parser reports broken input (a cut stream, bad bytes) as runtime exceptions too
			throw new TableFormatException("not well-formed XML: " + ex.getMessage());
		}
	}

	/** Carries what the receiver of the entries threw past the parser's own error handling. */
	private static final class SinkFailure extends RuntimeException {

		SinkFailure(RuntimeException cause) {
			super(cause);
		}

	}

	public static void write(TableDocument table, OutputStream out) {
		write(table.names(), table.rows().iterator(), out);
	}

	/** Writes entries as they come from {@code rows}. */
	public static void write(ElementNames names, Iterator<TableRow> rows, OutputStream out) {
		try {
			XMLStreamWriter xml = SafeXml.OUTPUT.createXMLStreamWriter(out, "UTF-8");
			xml.writeStartDocument("UTF-8", "1.0");
			xml.writeStartElement(names.root());
			while (rows.hasNext()) {
				writeValue(xml, names.item(), rows.next());
			}
			xml.writeEndElement();
			xml.writeEndDocument();
			xml.flush();
		}
		catch (XMLStreamException ex) {
			throw new IllegalStateException("Cannot write table XML", ex);
		}
	}

	private static String nextStart(XMLStreamReader xml) throws XMLStreamException {
		while (xml.hasNext()) {
			int event = xml.next();
			if (event == XMLStreamConstants.DTD) {
				throw new TableFormatException("DTDs and entities are not accepted");
			}
			if (event == XMLStreamConstants.START_ELEMENT) {
				return xml.getLocalName();
			}
		}
		return null;
	}

	/** Reads the element the reader stands on: text for a leaf, an entry for an element with children. */
	private static TableRow readEntry(XMLStreamReader xml) throws XMLStreamException {
		Object value = readValue(xml, 1);
		return value instanceof TableRow row ? row : new TableRow(Map.of());
	}

	private static Object readValue(XMLStreamReader xml, int depth) throws XMLStreamException {
		if (depth > MAX_DEPTH) {
			throw new TableFormatException("entries nest deeper than " + MAX_DEPTH + " elements");
		}
		// most elements are a field with one piece of text: the map and the builder are made only when needed
		Fields fields = null;
		String single = null;
		StringBuilder text = null;
		while (xml.hasNext()) {
			int event = xml.next();
			switch (event) {
				case XMLStreamConstants.START_ELEMENT -> {
					if (fields == null) {
						fields = new Fields();
					}
					String name = xml.getLocalName();
					fields.add(name, readValue(xml, depth + 1));
				}
				case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA -> {
					if (single == null && text == null) {
						single = xml.getText();
					}
					else {
						if (text == null) {
							text = new StringBuilder(single);
						}
						text.append(xml.getText());
					}
				}
				case XMLStreamConstants.ENTITY_REFERENCE, XMLStreamConstants.DTD ->
					throw new TableFormatException("DTDs and entities are not accepted");
				case XMLStreamConstants.END_ELEMENT -> {
					if (fields != null) {
						return fields.row();
					}
					return text != null ? text.toString() : single != null ? single : "";
				}
				default -> {
				}
			}
		}
		throw new TableFormatException("the document ends inside an element");
	}

	/**
	 * An element's children as they are read: names and values side by side, a repeated name gathering its values
	 * in a list where it first appeared (no map per entry: a million-row table is a million of these).
	 */
	private static final class Fields {

		private String[] names = new String[16];

		private Object[] values = new Object[16];

		private int count;

		void add(String name, Object value) {
			for (int i = 0; i < this.count; i++) {
				if (this.names[i].equals(name)) {
					if (this.values[i] instanceof RepeatedList list) {
						list.add(value);
					}
					else {
						RepeatedList list = new RepeatedList();
						list.add(this.values[i]);
						list.add(value);
						this.values[i] = list;
					}
					return;
				}
			}
			if (this.count == this.names.length) {
				this.names = java.util.Arrays.copyOf(this.names, this.count * 2);
				this.values = java.util.Arrays.copyOf(this.values, this.count * 2);
			}
			this.names[this.count] = name;
			this.values[this.count++] = value;
		}

		TableRow row() {
			return TableRow.of(this.names, this.values, this.count);
		}

	}

	private static void writeValue(XMLStreamWriter xml, String name, Object value) throws XMLStreamException {
		if (value instanceof List<?> values) {
			for (Object each : values) {
				writeValue(xml, name, each);
			}
			return;
		}
		xml.writeStartElement(name);
		if (value instanceof TableRow row) {
			for (Map.Entry<String, Object> field : row.fields().entrySet()) {
				writeValue(xml, field.getKey(), field.getValue());
			}
		}
		else if (value != null) {
			xml.writeCharacters(value.toString());
		}
		xml.writeEndElement();
	}

	/** A repeated element's values; a plain list so equality with a JSON array of the same values holds. */
	private static final class RepeatedList extends ArrayList<Object> {
	}

}
