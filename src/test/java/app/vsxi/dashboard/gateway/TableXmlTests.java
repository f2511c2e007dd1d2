package app.vsxi.dashboard.gateway;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class TableXmlTests {

	private static final String DIGIT_MAPPINGS = """
			<?xml version="1.0" encoding="UTF-8"?>
			<DigitTranslationList>
			  <DigitTrans><alias>API_Test</alias><tableId>4</tableId><origAni>any</origAni><transDnis></transDnis>
			    <fieldFromANewerVsxi>kept</fieldFromANewerVsxi></DigitTrans>
			  <DigitTrans><alias>Other</alias><tableId>4</tableId><origAni>1</origAni><transDnis>555</transDnis>
			    <fieldFromANewerVsxi>too</fieldFromANewerVsxi></DigitTrans>
			</DigitTranslationList>
			""";

	@Test
	void entriesKeepEveryFieldInOrderIncludingUnknownOnes() {
		TableDocument table = read(DIGIT_MAPPINGS);

		assertThat(table.root()).isEqualTo("DigitTranslationList");
		assertThat(table.item()).isEqualTo("DigitTrans");
		assertThat(table.rows()).hasSize(2);
		assertThat(table.rows().get(0).fields().keySet()).containsExactly("alias", "tableId", "origAni", "transDnis",
				"fieldFromANewerVsxi");
		assertThat(table.rows().get(0).text("transDnis")).isEmpty();
		assertThat(table.rows().get(1).text("fieldFromANewerVsxi")).isEqualTo("too");
	}

	@Test
	void aRoundTripWithOneChangeChangesThatFieldOnly() {
		TableDocument table = read(DIGIT_MAPPINGS);
		TableRow changed = table.rows().get(0).with("origAni", "212");

		TableDocument back = read(write(new TableDocument(table.root(), table.item(), List.of(changed, table.rows().get(1)))));

		assertThat(back.rows().get(0)).isEqualTo(table.rows().get(0).with("origAni", "212"));
		assertThat(back.rows().get(1)).isEqualTo(table.rows().get(1));
		assertThat(back.rows().get(0).text("fieldFromANewerVsxi")).isEqualTo("kept");
	}

	@Test
	void nestedEntriesAndRepeatedElementsSurviveARoundTrip() {
		String resource = "<XBResourceList><XBResource><trunkId>7</trunkId>"
				+ "<node><fqdn>10.0.0.1</fqdn><netmask>32</netmask></node><node><fqdn>10.0.0.2</fqdn><netmask>32</netmask></node>"
				+ "<ingress1><match>1</match><action1>none</action1></ingress1></XBResource></XBResourceList>";
		TableDocument table = read(resource);

		assertThat(table.rows().get(0).get("node")).asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.LIST)
			.hasSize(2);
		assertThat(((TableRow) table.rows().get(0).get("ingress1")).text("action1")).isEqualTo("none");
		assertThat(read(write(table))).isEqualTo(table);
	}

	@Test
	void externalEntitiesAreRefusedAndNeverResolved() {
		String xxe = "<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY secret SYSTEM \"file:///etc/passwd\">]>"
				+ "<Root><Item><alias>&secret;</alias></Item></Root>";

		assertThatExceptionOfType(TableFormatException.class).isThrownBy(() -> read(xxe))
			.withMessageNotContaining("root:");
	}

	@Test
	void entityExpansionBombsAreRefused() {
		String laughs = "<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\">"
				+ "<!ENTITY lol2 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">]><Root><Item><a>&lol2;</a></Item></Root>";

		assertThatExceptionOfType(TableFormatException.class).isThrownBy(() -> read(laughs));
	}

	@Test
	void garbageIsATableFormatErrorNotACrash() {
		assertThatExceptionOfType(TableFormatException.class).isThrownBy(() -> read("<Root><Item><a>1</a></Ite"));
		assertThatExceptionOfType(TableFormatException.class).isThrownBy(() -> read("200 OK"));
	}

	@Test
	void entriesAreHandedOnAsTheyAreRead() {
		List<String> aliases = new ArrayList<>();
		ElementNames names = TableXml.stream(stream(DIGIT_MAPPINGS), row -> aliases.add(row.text("alias")));

		assertThat(aliases).containsExactly("API_Test", "Other");
		assertThat(names).isEqualTo(new ElementNames("DigitTranslationList", "DigitTrans"));
	}

	static TableDocument read(String xml) {
		return TableXml.read(stream(xml));
	}

	static String write(TableDocument table) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		TableXml.write(table, out);
		return out.toString(StandardCharsets.UTF_8);
	}

	private static ByteArrayInputStream stream(String text) {
		return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
	}

}
