package app.vsxi.dashboard.gateway;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** Database dumps at their edges: glitches at every level, tables named twice, what XML may not carry. */
class StatsDumpReaderEdgeTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@Test
	void theRecursionMessageAtAnyLevelOfJsonIsAnIncompleteAnswer() {
		for (String glitch : List.of(
				"{\"mysqldump\":{\"database\":{\"table\":\"Max recursion depth reached\"}}}",
				"{\"mysqldump\":{\"database\":{\"table_data\":[\"Max recursion depth reached\",{\"name\":\"t\"}]}}}",
				"{\"mysqldump\":{\"database\":{\"table\":{\"name\":\"t\",\"row\":{\"field\":[\"Max recursion depth reached\"]}}}}}")) {
			assertThatExceptionOfType(IncompleteAnswerException.class).as(glitch)
				.isThrownBy(() -> StatsDumpReader.read(JSON.readTree(glitch)));
		}
	}

	@Test
	void theRecursionMessageAsAFieldsTextInXmlIsAnIncompleteAnswer() {
		assertThatExceptionOfType(IncompleteAnswerException.class).isThrownBy(() -> xml(
				"<mysqldump><database><table name=\"t\"><row><field name=\"f\">Max recursion depth reached</field>"
						+ "</row></table></database></mysqldump>"));
	}

	@Test
	void aTableNamedTwiceKeepsTheRowsOfWhicheverHasThem() {
		assertThat(xml("<mysqldump><database><table name=\"t\"/><table_data name=\"t\"><row><field name=\"f\">1</field>"
				+ "</row></table_data></database></mysqldump>")).isEqualTo(Map.of("t", List.of(Map.of("f", "1"))));
		assertThat(xml("<mysqldump><database><table_data name=\"t\"><row><field name=\"f\">1</field></row></table_data>"
				+ "<table name=\"t\"/></database></mysqldump>")).isEqualTo(Map.of("t", List.of(Map.of("f", "1"))));
		assertThat(xml("<mysqldump><database><table_data name=\"t\"><row><field name=\"f\">1</field></row></table_data>"
				+ "<table name=\"t\"><row><field name=\"f\">2</field></row></table></database></mysqldump>"))
			.isEqualTo(Map.of("t", List.of(Map.of("f", "1"))));
	}

	@Test
	void xmlWithADoctypeIsRefusedAsSuch() {
		assertThatExceptionOfType(TableFormatException.class)
			.isThrownBy(() -> xml("<?xml version=\"1.0\"?><!DOCTYPE mysqldump [<!ENTITY e \"x\">]><mysqldump><database>"
					+ "<table name=\"t\"><row><field name=\"f\">&e;</field></row></table></database></mysqldump>"))
			.withMessage("DTDs and entities are not accepted");
	}

	@Test
	void xmlThatIsNotWellFormedIsSaidToBe() {
		assertThatExceptionOfType(TableFormatException.class)
			.isThrownBy(() -> xml("<mysqldump><database><table name=\"t\">"))
			.withMessageStartingWith("not well-formed XML: ");
		assertThatExceptionOfType(IncompleteAnswerException.class)
			.isThrownBy(() -> xml("<mysqldump><database></database></mysqldump>"))
			.withMessage("the answer holds no table");
	}

	@Test
	void fieldsOutsideARowAndRowsOutsideATableAreIgnored() {
		assertThat(xml("<mysqldump><database><row><field name=\"lost\">1</field></row><field name=\"x\">2</field>"
				+ "<table name=\"t\"><row><field name=\"f\">3</field><field>unnamed</field></row></table></database></mysqldump>"))
			.isEqualTo(Map.of("t", List.of(Map.of("f", "3"))));
	}

	private static Map<String, List<Map<String, String>>> xml(String text) {
		return StatsDumpReader.readXml(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
	}

}
