package app.vsxi.dashboard.gateway;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The XML a box is sent, exactly: declaration, nesting, escaping, every element closed. */
class TableXmlEdgeTests {

	@Test
	void aDocumentIsWrittenWithItsDeclarationAndEveryElementClosed() {
		Map<String, Object> fields = new LinkedHashMap<>();
		fields.put("name", "a<b & \"c\"");
		fields.put("node", List.of(new TableRow(Map.of("fqdn", "x")), new TableRow(Map.of("fqdn", "y"))));
		fields.put("empty", "");
		ByteArrayOutputStream out = new ByteArrayOutputStream();

		TableXml.write(new ElementNames("XBResourceList", "XBResource"), List.of(new TableRow(fields)).iterator(), out);

		assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("<?xml version='1.0' encoding='UTF-8'?>"
				+ "<XBResourceList><XBResource><name>a&lt;b &amp; \"c\"</name><node><fqdn>x</fqdn></node>"
				+ "<node><fqdn>y</fqdn></node><empty></empty></XBResource></XBResourceList>");
	}

	@Test
	void noEntryIsAnEmptyList() {
		ByteArrayOutputStream out = new ByteArrayOutputStream();

		TableXml.write(new ElementNames("XBRouteList", "XBRoute"), java.util.Collections.emptyIterator(), out);

		assertThat(out.toString(StandardCharsets.UTF_8))
			.isEqualTo("<?xml version='1.0' encoding='UTF-8'?><XBRouteList/>");
	}

}
