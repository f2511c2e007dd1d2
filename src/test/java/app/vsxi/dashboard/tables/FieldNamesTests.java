package app.vsxi.dashboard.tables;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import app.vsxi.dashboard.gateway.TableRow;

import static org.assertj.core.api.Assertions.assertThat;

class FieldNamesTests {

	@Test
	void namesTheBoxsXmlCanCarryPassAndOthersDoNot() {
		for (String good : List.of("alias", "_x", "a-b.c", "résumé", "resourceId1", "Zürich")) {
			assertThat(FieldNames.xmlName(good)).as(good).isTrue();
		}
		for (String bad : List.of("", "1a", "a b", "a:b", "<b>", "-x", ".x", "=SUM(A1)", "a\u0000b", "a/b")) {
			assertThat(FieldNames.xmlName(bad)).as(bad).isFalse();
		}
	}

	@Test
	void aBadNameInsideANestedEntryOrAListIsFoundToo() {
		TableRow nested = new TableRow(Map.of("node", List.of(new TableRow(Map.of("fqdn", "h")),
				new TableRow(Map.of("f q", "h")))));
		assertThat(FieldNames.firstBad(nested)).isEqualTo("f q");
		assertThat(FieldNames.firstBad(new TableRow(Map.of("ok", new TableRow(Map.of("fine", "1")))))).isNull();
	}

}
