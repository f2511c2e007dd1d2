package app.vsxi.dashboard.simulator;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes the entries of a table as a document, one entry at a time, so a table of any size streams without
 * being held in memory twice.
 */
final class EntryWriter {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final XMLOutputFactory XML = XMLOutputFactory.newFactory();

	private EntryWriter() {
	}

	/** A source of entries: calls its argument once per entry, in order. */
	@FunctionalInterface
	interface Entries {

		void forEach(Consumer<Map<String, Object>> each);

		static Entries of(List<Map<String, Object>> list) {
			return list::forEach;
		}

	}

	static void write(OutputStream out, TableSpec spec, Document.Format format, int count, Entries entries) {
		switch (format) {
			case XML -> xml(out, spec, entries);
			case JSON -> json(out, spec, count, entries);
			case CSV -> csv(out, spec, entries);
		}
	}

	static byte[] bytes(TableSpec spec, Document.Format format, List<Map<String, Object>> entries) {
		java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
		write(out, spec, format, entries.size(), Entries.of(entries));
		return out.toByteArray();
	}

	private static void xml(OutputStream out, TableSpec spec, Entries entries) {
		try {
			XMLStreamWriter writer = XML.createXMLStreamWriter(out, "UTF-8");
			writer.writeStartDocument("UTF-8", "1.0");
			writer.writeStartElement(spec.root());
			entries.forEach(entry -> {
				try {
					Document.writeElement(writer, spec.item(), entry);
				}
				catch (XMLStreamException ex) {
					throw new IllegalStateException(ex);
				}
			});
			writer.writeEndElement();
			writer.writeEndDocument();
			writer.flush();
		}
		catch (XMLStreamException ex) {
			throw new IllegalStateException("Cannot write " + spec.name(), ex);
		}
	}

	/** A list of one is an object, as the box's XML-to-JSON conversion makes it (reference §5.1). */
	private static void json(OutputStream out, TableSpec spec, int count, Entries entries) {
		try (JsonGenerator generator = JSON.createGenerator(out)) {
			generator.writeStartObject();
			generator.writeName(spec.root());
			generator.writeStartObject();
			if (count > 0) {
				generator.writeName(spec.item());
				if (count > 1) {
					generator.writeStartArray();
				}
				entries.forEach(generator::writePOJO);
				if (count > 1) {
					generator.writeEndArray();
				}
			}
			generator.writeEndObject();
			generator.writeEndObject();
		}
	}

	/** Inferred: a header row of the element names, then one line per entry, quoted where needed. */
	private static void csv(OutputStream out, TableSpec spec, Entries entries) {
		Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
		try {
			writer.write(String.join(",", spec.csvColumns()) + "\r\n");
			entries.forEach(entry -> {
				StringBuilder line = new StringBuilder();
				for (String column : spec.csvColumns()) {
					if (!line.isEmpty()) {
						line.append(',');
					}
					line.append(Csv.quote(String.valueOf(entry.getOrDefault(column, ""))));
				}
				try {
					writer.write(line.append("\r\n").toString());
				}
				catch (IOException ex) {
					throw new UncheckedIOException(ex);
				}
			});
			writer.flush();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
