package app.vsxi.dashboard.gateway;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TableRowTests {

	private static Map<String, Object> route(String alias, String digits) {
		Map<String, Object> fields = new LinkedHashMap<>();
		fields.put("alias", alias);
		fields.put("digitMatch", digits);
		fields.put("nested", new TableRow(Map.of("ip", "10.0.0.1")));
		fields.put("empty", null);
		return fields;
	}

	@Test
	void keepsEveryFieldInItsOrderWithItsValueEvenANullOne() {
		TableRow row = new TableRow(route("r1", "1555"));

		assertThat(row.fields().keySet()).containsExactly("alias", "digitMatch", "nested", "empty");
		assertThat(row.fields().values()).containsExactly("r1", "1555", new TableRow(Map.of("ip", "10.0.0.1")), null);
		assertThat(row.get("digitMatch")).isEqualTo("1555");
		assertThat(row.text("alias")).isEqualTo("r1");
		assertThat(row.text("nested")).isNull();
		assertThat(row.has("empty")).isTrue();
		assertThat(row.get("empty")).isNull();
		assertThat(row.has("missing")).isFalse();
		assertThat(row.get("missing")).isNull();
		assertThat(row.fields()).containsEntry("alias", "r1").doesNotContainKey("missing").hasSize(4);
		assertThat(row.fields().keySet()).hasSize(4).contains("empty").doesNotContain("missing");
		assertThat(row.fields().keySet().contains(7)).isFalse();
		assertThat(row.fields().values()).hasSize(4);
		assertThat(row.fields().entrySet()).hasSize(4);
		assertThat(row).hasToString("{alias=r1, digitMatch=1555, nested={ip=10.0.0.1}, empty=null}");
	}

	@Test
	void isNotChangedByTheMapItCameFromNorThroughItsFields() {
		Map<String, Object> source = route("r1", "1555");
		TableRow row = new TableRow(source);
		source.put("alias", "changed");
		source.put("added", "x");

		assertThat(row.text("alias")).isEqualTo("r1");
		assertThat(row.has("added")).isFalse();
		assertThatThrownBy(() -> row.fields().put("alias", "x")).isInstanceOf(UnsupportedOperationException.class);
		assertThatThrownBy(() -> row.fields().entrySet().iterator().next().setValue("x"))
			.isInstanceOf(UnsupportedOperationException.class);
	}

	@Test
	void withChangesOneFieldInPlaceOrAddsANewOneLastLeavingTheRowAsItWas() {
		TableRow row = new TableRow(route("r1", "1555"));

		TableRow changed = row.with("digitMatch", "1666");
		TableRow added = row.with("note", "n");

		assertThat(changed.fields().keySet()).containsExactly("alias", "digitMatch", "nested", "empty");
		assertThat(changed.text("digitMatch")).isEqualTo("1666");
		assertThat(added.fields().keySet()).containsExactly("alias", "digitMatch", "nested", "empty", "note");
		assertThat(row.text("digitMatch")).isEqualTo("1555");
		assertThat(row.has("note")).isFalse();
	}

	@Test
	void equalsAndHashesAsAMapOfItsFieldsWhateverTheirOrder() {
		Map<String, Object> reordered = new LinkedHashMap<>();
		reordered.put("digitMatch", "1555");
		reordered.put("alias", "r1");
		reordered.put("empty", null);
		reordered.put("nested", new TableRow(Map.of("ip", "10.0.0.1")));
		TableRow row = new TableRow(route("r1", "1555"));

		assertThat(row).isEqualTo(new TableRow(reordered)).isEqualTo(new TableRow(route("r1", "1555")));
		assertThat(row.hashCode()).isEqualTo(new TableRow(reordered).hashCode())
			.isEqualTo(new HashMap<>(route("r1", "1555")).hashCode());
		assertThat(row).isNotEqualTo(new TableRow(route("r1", "1556")))
			.isNotEqualTo(new TableRow(Map.of("alias", "r1")))
			.isNotEqualTo(route("r1", "1555"));
		assertThat(row.fields()).isEqualTo(route("r1", "1555"));
	}

	@Test
	void aRowBuiltFromAnotherRowsFieldsIsThatRow() {
		TableRow row = new TableRow(route("r1", "1555"));

		TableRow copy = new TableRow(row.fields());

		assertThat(copy).isEqualTo(row);
		assertThat(copy.fields().keySet()).containsExactly("alias", "digitMatch", "nested", "empty");
	}

	@Test
	void sameFieldsMeansTheSameNamesInTheSameOrder() {
		TableRow row = new TableRow(route("r1", "1555"));
		Map<String, Object> reordered = new LinkedHashMap<>();
		reordered.put("digitMatch", "1555");
		reordered.put("alias", "r1");
		reordered.put("nested", null);
		reordered.put("empty", null);

		assertThat(row.sameFields(new TableRow(route("r2", "1666")))).isTrue();
		assertThat(row.sameFields(row.with("alias", "r3"))).isTrue();
		assertThat(row.sameFields(new TableRow(reordered))).isFalse();
		assertThat(row.sameFields(row.with("note", "n"))).isFalse();
	}

	@Test
	void rowsWithThousandsOfDifferentFieldSetsEachKeepTheirOwn() {
		List<TableRow> rows = new ArrayList<>();
		for (int i = 0; i < 10_000; i++) {
			rows.add(new TableRow(Map.of("field" + i, "value" + i)));
		}

		for (int i = 0; i < 10_000; i++) {
			assertThat(rows.get(i).fields().keySet()).containsExactly("field" + i);
			assertThat(rows.get(i).text("field" + i)).isEqualTo("value" + i);
			assertThat(rows.get(i).has("field" + (i + 1))).isFalse();
		}
	}

}
