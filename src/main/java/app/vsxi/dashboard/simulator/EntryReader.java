package app.vsxi.dashboard.simulator;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads the entries of an input file (XML, JSON or CSV, plain or zipped) into raw maps, before validation. XML
 * is read with DTDs and external entities off; zips are bounded in entries and size.
 */
final class EntryReader {

	/** SOAP-era chunks held 5,000 entries each, so a large table comes in many files. */
	static final int MAX_ZIP_ENTRIES = 1000;

	static final long MAX_UNZIPPED_BYTES = 256L * 1024 * 1024;

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final XMLInputFactory XML = safeXmlFactory();

	private EntryReader() {
	}

	/** Entries of a plain body; the format is sniffed from the first character, XML unless it looks otherwise. */
	static List<Map<String, Object>> read(byte[] body, TableSpec spec) {
		String text = new String(body, StandardCharsets.UTF_8).strip();
		if (text.startsWith("\uFEFF")) {
			text = text.substring(1);
		}
		if (text.isEmpty()) {
			return List.of();
		}
		if (text.startsWith("<")) {
			return xml(text, spec);
		}
		if (text.startsWith("{") || text.startsWith("[")) {
			return json(text, spec);
		}
		return Csv.read(text);
	}

	/** Entries of every file in a zip, in order. */
	static List<Map<String, Object>> readZip(byte[] body, TableSpec spec) {
		List<Map<String, Object>> entries = new ArrayList<>();
		for (byte[] file : unzip(body)) {
			entries.addAll(read(file, spec));
		}
		return entries;
	}

	static List<byte[]> unzip(byte[] body) {
		List<byte[]> files = new ArrayList<>();
		long total = 0;
		try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(body))) {
			ZipEntry entry;
			while ((entry = zip.getNextEntry()) != null) {
				if (entry.isDirectory()) {
					continue;
				}
				if (files.size() == MAX_ZIP_ENTRIES) {
					throw new UnreadableInputException("more than " + MAX_ZIP_ENTRIES + " files in the zip");
				}
				ByteArrayOutputStream file = new ByteArrayOutputStream();
				byte[] buffer = new byte[8192];
				int read;
				while ((read = zip.read(buffer)) > 0) {
					total += read;
					if (total > MAX_UNZIPPED_BYTES) {
						throw new UnreadableInputException("zip content larger than " + MAX_UNZIPPED_BYTES + " bytes");
					}
					file.write(buffer, 0, read);
				}
				files.add(file.toByteArray());
			}
		}
		catch (IOException ex) {
			throw new UnreadableInputException("not a zip file: " + ex.getMessage());
		}
		if (files.isEmpty()) {
			throw new UnreadableInputException("no file in the zip");
		}
		return files;
	}

	private static List<Map<String, Object>> xml(String text, TableSpec spec) {
		try {
			XMLStreamReader reader = XML.createXMLStreamReader(new java.io.StringReader(text));
			reader.nextTag();
			if (!spec.root().equals(reader.getLocalName())) {
				throw new UnreadableInputException("root element " + reader.getLocalName() + ", expected " + spec.root());
			}
			List<Map<String, Object>> entries = new ArrayList<>();
			while (reader.nextTag() == XMLStreamConstants.START_ELEMENT) {
				if (!spec.item().equals(reader.getLocalName())) {
					throw new UnreadableInputException("element " + reader.getLocalName() + ", expected " + spec.item());
				}
				Object entry = element(reader);
				entries.add(entry instanceof Map<?, ?> ? castMap(entry) : new LinkedHashMap<>());
			}
			return entries;
		}
		catch (XMLStreamException ex) {
			throw new UnreadableInputException("malformed XML: " + ex.getMessage());
		}
	}

	/** Reads the element the reader is on: its text, or its child elements as a map (repeated names as lists). */
	private static Object element(XMLStreamReader reader) throws XMLStreamException {
		Map<String, Object> children = new LinkedHashMap<>();
		StringBuilder text = new StringBuilder();
		while (true) {
			int event = reader.next();
			if (event == XMLStreamConstants.START_ELEMENT) {
				String name = reader.getLocalName();
				Object child = element(reader);
				children.merge(name, child, EntryReader::repeat);
			}
			else if (event == XMLStreamConstants.CHARACTERS || event == XMLStreamConstants.CDATA) {
				text.append(reader.getText());
			}
			else if (event == XMLStreamConstants.END_ELEMENT) {
				return children.isEmpty() ? text.toString() : children;
			}
		}
	}

	@SuppressWarnings("unchecked")
	private static Object repeat(Object existing, Object next) {
		List<Object> list = existing instanceof RepeatedList ? (List<Object>) existing : new RepeatedList(existing);
		list.add(next);
		return list;
	}

	private static List<Map<String, Object>> json(String text, TableSpec spec) {
		JsonNode tree;
		try {
			tree = JSON.readTree(text);
		}
		catch (JacksonException ex) {
			throw new UnreadableInputException("malformed JSON: " + ex.getOriginalMessage());
		}
		JsonNode items = tree.path(spec.root()).path(spec.item());
		if (!tree.has(spec.root())) {
			throw new UnreadableInputException("JSON without " + spec.root());
		}
		List<Map<String, Object>> entries = new ArrayList<>();
		for (JsonNode item : items.isArray() ? items : List.of(items)) {
			if (item.isMissingNode()) {
				continue;
			}
			if (!item.isObject()) {
				throw new UnreadableInputException(spec.item() + " must be an object");
			}
			entries.add(castMap(JSON.convertValue(item, Map.class)));
		}
		return entries;
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> castMap(Object map) {
		return (Map<String, Object>) map;
	}

	private static XMLInputFactory safeXmlFactory() {
		XMLInputFactory factory = XMLInputFactory.newFactory();
		factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
		factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
		return factory;
	}

	/** A list made by repeated XML elements, told apart from a value that merely is a list. */
	private static final class RepeatedList extends ArrayList<Object> {

		RepeatedList(Object first) {
			add(first);
		}

	}

	/** The input cannot be read at all: the box answers {@code 400 fail - validation exception}. */
	static final class UnreadableInputException extends RuntimeException {

		UnreadableInputException(String reason) {
			super(reason);
		}

	}

}
