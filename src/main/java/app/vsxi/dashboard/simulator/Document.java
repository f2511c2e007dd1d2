package app.vsxi.dashboard.simulator;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.util.List;
import java.util.Map;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

import tools.jackson.databind.json.JsonMapper;

/**
 * Writes the simulator's answers. An entry is an ordered map whose values are text, numbers, nested entries or
 * lists of them; a list becomes a repeated element in XML and an array in JSON.
 */
final class Document {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final XMLOutputFactory XML = XMLOutputFactory.newFactory();

	private Document() {
	}

	/**
	 * Inferred from the reference (§5.1): the box makes JSON by converting XML, so a list of one becomes an
	 * object. Clients must cope; the simulator imitates it.
	 */
	static Object jsonList(List<?> values) {
		return values.size() == 1 ? values.get(0) : values;
	}

	static byte[] json(Object tree) {
		return JSON.writeValueAsBytes(tree);
	}

	static byte[] xml(XmlBody body) {
		ByteArrayOutputStream out = new ByteArrayOutputStream(4096);
		writeXml(out, body);
		return out.toByteArray();
	}

	static void writeXml(OutputStream out, XmlBody body) {
		try {
			XMLStreamWriter writer = XML.createXMLStreamWriter(out, "UTF-8");
			writer.writeStartDocument("UTF-8", "1.0");
			body.write(writer);
			writer.writeEndDocument();
			writer.close();
		}
		catch (XMLStreamException ex) {
			throw new IllegalStateException("Cannot write simulator XML", ex);
		}
	}

	static void writeElement(XMLStreamWriter writer, String name, Object value) throws XMLStreamException {
		if (value instanceof List<?> values) {
			for (Object each : values) {
				writeElement(writer, name, each);
			}
			return;
		}
		writer.writeStartElement(name);
		if (value instanceof Map<?, ?> fields) {
			for (Map.Entry<?, ?> field : fields.entrySet()) {
				writeElement(writer, field.getKey().toString(), field.getValue());
			}
		}
		else if (value != null) {
			writer.writeCharacters(value.toString());
		}
		writer.writeEndElement();
	}

	@FunctionalInterface
	interface XmlBody {

		void write(XMLStreamWriter writer) throws XMLStreamException;

	}

	enum Format {

		XML("application/xml"), JSON("application/json"), CSV("text/csv");

		final String contentType;

		Format(String contentType) {
			this.contentType = contentType;
		}

	}

}
