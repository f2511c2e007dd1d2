package app.vsxi.dashboard.gateway;

import java.io.InputStream;
import java.io.OutputStream;
import java.util.Iterator;
import java.util.function.Consumer;

/** Reads and writes table entries in one of the API's formats, one entry at a time. */
interface TableCodec {

	/** Hands each entry to {@code sink} as it is read; the element names where the format has them. */
	ElementNames read(InputStream in, Consumer<TableRow> sink);

	/** Writes the entries as they come, under {@code names} where the format has element names. */
	void write(ElementNames names, Iterator<TableRow> rows, OutputStream out);

	static TableCodec of(Format format) {
		return switch (format) {
			case XML -> XmlCodec.INSTANCE;
			case JSON -> TableJson.CODEC;
			case CSV -> TableCsv.CODEC;
		};
	}

	final class XmlCodec implements TableCodec {

		static final XmlCodec INSTANCE = new XmlCodec();

		@Override
		public ElementNames read(InputStream in, Consumer<TableRow> sink) {
			return TableXml.stream(in, sink);
		}

		@Override
		public void write(ElementNames names, Iterator<TableRow> rows, OutputStream out) {
			TableXml.write(names, rows, out);
		}

	}

}
