package app.vsxi.dashboard.tables;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class FieldHintsTests {

	@Test
	void aWholeNumberFieldRefusesTextAndTakesNumbersAndEmpty() {
		assertThat(FieldHints.problem(EditableTable.ROUTE, "minLen", "1x", false)).contains("whole number");
		assertThat(FieldHints.problem(EditableTable.ROUTE, "minLen", "-12", false)).isNull();
		assertThat(FieldHints.problem(EditableTable.ROUTE, "minLen", "", false)).isNull();
		assertThat(FieldHints.problem(EditableTable.ROUTE, "resourceId7", "x", false)).contains("whole number");
	}

	@Test
	void aKeyCannotBeEmptyAndNoFieldTakesLineBreaks() {
		assertThat(FieldHints.problem(EditableTable.ROUTE, "alias", " ", true)).contains("cannot be empty");
		assertThat(FieldHints.problem(EditableTable.ROUTE, "alias", "a\nb", false)).contains("line breaks");
	}

	@Test
	void aFieldNobodyDescribedIsFreeText() {
		assertThat(FieldHints.of("someNewFirmwareField")).isNull();
		assertThat(FieldHints.problem(EditableTable.RESOURCE, "someNewFirmwareField", "anything 1", false)).isNull();
		assertThat(FieldHints.help("someNewFirmwareField")).isEmpty();
	}

	@Test
	void helpTellsTheTypeTheExamplesAndWhereItComesFrom() {
		assertThat(FieldHints.of("codecPolicy").text()).contains("codecs", "transparent", "[seed]");
		assertThat(FieldHints.of("payloadType").text()).contains("a whole number", "101");
		assertThat(FieldHints.of("maxRegistrations").text()).endsWith("[inferred]");
	}

}
