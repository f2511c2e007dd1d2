package app.vsxi.dashboard.simulator;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import app.vsxi.dashboard.support.SimulatedBox;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Validation as the vendor guide describes it: every field required; plain is all or nothing, Large is not. */
class ValidationTests {

	private SimulatedVsxi box;

	private SimulatorClient client;

	private final TableSpec spec = TableCatalog.DIGIT_MAPPING;

	@BeforeEach
	void start() {
		this.box = SimulatedBox.start("validation");
		this.client = new SimulatorClient(this.box, "admin", "admin");
	}

	@AfterEach
	void stop() {
		this.box.stop();
	}

	@Test
	void aPlainInputWithOneBadEntryIsRefusedWholeAndChangesNothing() {
		String before = this.client.getText("download/digit_mapping");

		String answer = this.client.text("POST", "update/digit_mapping", xml(twoGoodOneMissingAField()));

		assertThat(answer).isEqualTo("400 fail - validation exception");
		assertThat(this.client.getText("download/digit_mapping")).isEqualTo(before);
		assertThat(this.box.userAccessLog()).anyMatch(line -> line.contains("update/digit_mapping VALIDATION ERROR")
				&& line.contains("entry 3: missing field dnisAction") && line.contains("user=admin"));
	}

	@Test
	void aLargeInputWithOneBadEntryAppliesTheOthersAndAnswers300() {
		List<Map<String, Object>> input = twoGoodOneMissingAField();

		String answer = SimulatorClient.text(this.client.send("POST", "updateLarge/digit_mapping",
				SimulatorClient.zip("digit_mapping.xml", xml(input))));

		assertThat(answer).isEqualTo(
				"300 Finished With Errors - Validation Errors were detected. Please see User Access Log file for details.");
		List<Map<String, Object>> after = TableRoundTripTests.entries(this.spec,
				this.client.getText("download/digit_mapping"));
		assertThat(after).contains(input.get(0), input.get(1));
		assertThat(after).noneMatch(entry -> "BAD_ONE".equals(entry.get("alias")));
		assertThat(this.box.userAccessLog())
			.anyMatch(line -> line.contains("updateLarge/digit_mapping VALIDATION ERROR") && line.contains("entry 3"))
			.anyMatch(line -> line.contains("updateLarge/digit_mapping OK - 2 of 3 entries applied, 1 discarded"));
	}

	@Test
	void aNumberFieldWithTextIsInvalid() {
		Map<String, Object> entry = good("NOT_A_NUMBER");
		entry.put("tableId", "four");

		assertThat(this.client.text("POST", "update/digit_mapping", xml(List.of(entry))))
			.isEqualTo("400 fail - validation exception");
		assertThat(this.box.userAccessLog()).anyMatch(line -> line.contains("tableId is not a number: four"));
	}

	@Test
	void malformedXmlAndExternalEntitiesAreRefusedWithoutReadingAnything() {
		String entity = "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>"
				+ "<DigitTranslationList><DigitTrans><alias>&e;</alias></DigitTrans></DigitTranslationList>";

		assertThat(this.client.text("POST", "update/digit_mapping", entity)).isEqualTo("400 fail - validation exception");
		assertThat(this.client.text("POST", "update/digit_mapping", "<DigitTranslationList><DigitTrans>"))
			.isEqualTo("400 fail - validation exception");
		assertThat(String.join("\n", this.box.userAccessLog())).doesNotContain("root:");
	}

	@Test
	void aZipWithTooManyFilesIsRefused() throws Exception {
		java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
		try (java.util.zip.ZipOutputStream zip = new java.util.zip.ZipOutputStream(bytes)) {
			for (int i = 0; i <= EntryReader.MAX_ZIP_ENTRIES; i++) {
				zip.putNextEntry(new java.util.zip.ZipEntry("part" + i + ".xml"));
				zip.write(xml(List.of(good("Z" + i))).getBytes(StandardCharsets.UTF_8));
			}
		}

		assertThat(SimulatorClient.text(this.client.send("POST", "updateLarge/digit_mapping", bytes.toByteArray())))
			.isEqualTo("400 fail - validation exception");
		assertThat(this.client.getText("download/digit_mapping")).doesNotContain("<alias>Z0</alias>");
	}

	@Test
	void aPlainUploadReplacesTheWholeTableAndSaysUploadXmlFileSuccess() {
		String answer = this.client.text("POST", "upload/routetable",
				"<XBRouteTableList><XBRouteTable><tableId>9</tableId><alias>ONLY</alias><description>d</description>"
						+ "</XBRouteTable></XBRouteTableList>");

		assertThat(answer).isEqualTo("200 OK - uploadXmlFile success");
		assertThat(this.client.getText("download/routetable")).isEqualTo("<?xml version='1.0' encoding='UTF-8'?>"
				+ "<XBRouteTableList><XBRouteTable><tableId>9</tableId><alias>ONLY</alias><description>d</description>"
				+ "</XBRouteTable></XBRouteTableList>");
	}

	@Test
	void deleteNeedsWholeEntriesAndRemovesOnlyThem() {
		List<Map<String, Object>> before = TableRoundTripTests.entries(this.spec,
				this.client.getText("download/digit_mapping"));

		assertThat(this.client.text("DELETE", "delete/digit_mapping", xml(List.of(before.get(1))))).isEqualTo("200 OK");

		List<Map<String, Object>> after = TableRoundTripTests.entries(this.spec,
				this.client.getText("download/digit_mapping"));
		List<Map<String, Object>> expected = new ArrayList<>(before);
		expected.remove(1);
		assertThat(after).isEqualTo(expected);
	}

	@Test
	void replacingTheRoutesOfOneRouteTableLeavesTheOtherTablesAlone() {
		TableSpec routes = TableCatalog.ROUTE;
		List<Map<String, Object>> before = TableRoundTripTests.entries(routes, this.client.getText("download/route"));
		Map<String, Object> only = new LinkedHashMap<>(before.get(0));
		only.put("alias", "ONLY_ONE");
		only.put("tableId", 1L);

		String answer = SimulatorClient.text(this.client.send("POST", "replaceLarge/routesInRouteTable?tableID=1",
				SimulatorClient.zip("route.xml", new String(EntryWriter.bytes(routes, Document.Format.XML, List.of(only)),
						StandardCharsets.UTF_8))));

		assertThat(answer).isEqualTo("200 OK");
		List<Map<String, Object>> after = TableRoundTripTests.entries(routes, this.client.getText("download/route"));
		List<Map<String, Object>> expected = new ArrayList<>(
				before.stream().filter(route -> !route.get("tableId").equals(1L)).toList());
		expected.add(only);
		assertThat(after).isEqualTo(expected);
	}

	private List<Map<String, Object>> twoGoodOneMissingAField() {
		Map<String, Object> bad = good("BAD_ONE");
		bad.remove("dnisAction");
		return List.of(good("GOOD_ONE"), good("GOOD_TWO"), bad);
	}

	/** The reference's complete digit_mapping example, under another alias. */
	private static Map<String, Object> good(String alias) {
		return new LinkedHashMap<>(SeedData.entry("alias", alias, "tableId", 4L, "origAni", "any", "origAniMinLength",
				0L, "origAniMaxLength", 40L, "origDnis", "555", "origDnisMinLength", 0L, "origDnisMaxLength", 40L,
				"transAni", "5555551234", "transDnis", "", "aniAction", "all", "dnisAction", "passthrough"));
	}

	private String xml(List<Map<String, Object>> entries) {
		StringBuilder xml = new StringBuilder("<?xml version=\"1.0\"?><DigitTranslationList>");
		for (Map<String, Object> entry : entries) {
			xml.append("<DigitTrans>");
			entry.forEach((name, value) -> xml.append('<').append(name).append('>').append(value).append("</")
				.append(name)
				.append('>'));
			xml.append("</DigitTrans>");
		}
		return xml.append("</DigitTranslationList>").toString();
	}

}
