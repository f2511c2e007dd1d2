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
import tools.jackson.core.StreamWriteFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes the entries of a table as a document, one entry at a time, so a table of any size streams without
 * being held in memory twice.
 */
final class EntryWriter {

	/** Leaves the stream open: a zip goes on with its next file after a document. */
	private static final JsonMapper JSON = JsonMapper.builder().disable(StreamWriteFeature.AUTO_CLOSE_TARGET).build();

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

	/** @param singleObject in JSON, one entry is an object rather than a list of one */
	static void write(OutputStream out, TableSpec spec, Document.Format format, int count, Entries entries,
			boolean singleObject) {
		switch (format) {
			case XML -> xml(out, spec, entries);
			case JSON -> json(out, spec, count, entries, singleObject);
			case CSV -> csv(out, spec, entries);
		}
	}

	static byte[] bytes(TableSpec spec, Document.Format format, List<Map<String, Object>> entries) {
		return bytes(spec, format, entries, true);
	}

	static byte[] bytes(TableSpec spec, Document.Format format, List<Map<String, Object>> entries,
			boolean singleObject) {
		java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
		write(out, spec, format, entries.size(), Entries.of(entries), singleObject);
		return out.toByteArray();
	}

	/** A document of these entries, or the conversion failure where the switch says JSON fails at that size. */
	static Reply reply(Quirks quirks, Document.Format format, TableSpec spec, List<Map<String, Object>> entries,
			boolean singleObject) {
		if (quirks.jsonFails(format, entries.size())) {
			return Reply.Status.jsonConversionFailed();
		}
		return Reply.Body.of(format.contentType, bytes(spec, format, entries, singleObject));
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

	/** A list of one may be an object, as the box's XML-to-JSON conversion makes it (reference §5.1). */
	private static void json(OutputStream out, TableSpec spec, int count, Entries entries, boolean singleObject) {
		try (JsonGenerator generator = JSON.createGenerator(out)) {
			generator.writeStartObject();
			generator.writeName(spec.root());
			generator.writeStartObject();
			if (count > 0) {
				generator.writeName(spec.item());
				boolean array = count > 1 || !singleObject;
				if (array) {
					generator.writeStartArray();
				}
				entries.forEach(generator::writePOJO);
				if (array) {
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
