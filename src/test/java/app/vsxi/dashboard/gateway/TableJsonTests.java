package app.vsxi.dashboard.gateway;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** VSXi table JSON as boxes write it, read whole and entry by entry, and written back unchanged. */
class TableJsonTests {

	private static final String TWO = "{\"XBRouteList\":{\"XBRoute\":[{\"alias\":\"a\",\"tableId\":3,\"on\":true,"
			+ "\"gone\":null,\"node\":[{\"fqdn\":\"x\"},{\"fqdn\":\"y\"}],\"ratio\":1.5,\"nested\":{\"k\":\"v\"}},"
			+ "{\"alias\":\"b\",\"tableId\":\"4\"}]}}";

	@Test
	void aListOfEntriesKeepsEveryValueItsType() {
		TableDocument read = TableJson.read(TWO);

		assertThat(read.names()).isEqualTo(new ElementNames("XBRouteList", "XBRoute"));
		assertThat(read.rows()).hasSize(2);
		TableRow first = read.rows().get(0);
		assertThat(first.get("alias")).isEqualTo("a");
		assertThat(first.get("tableId")).isEqualTo(3);
		assertThat(first.get("on")).isEqualTo(true);
		assertThat(first.get("gone")).isEqualTo("");
		assertThat(first.get("ratio")).isEqualTo(new BigDecimal("1.5").doubleValue());
		assertThat(first.get("node")).isEqualTo(List.of(new TableRow(Map.of("fqdn", "x")), new TableRow(Map.of("fqdn", "y"))));
		assertThat(first.get("nested")).isEqualTo(new TableRow(Map.of("k", "v")));
		assertThat(read.rows().get(1).get("tableId")).isEqualTo("4");
	}

	@Test
	void streamingReadsTheSameEntriesAsReadingWhole() {
		List<TableRow> streamed = new ArrayList<>();
		ElementNames names = TableJson.stream(in(TWO), streamed::add);

		assertThat(names).isEqualTo(new ElementNames("XBRouteList", "XBRoute"));
		assertThat(streamed).isEqualTo(TableJson.read(TWO).rows());
	}

	@Test
	void oneEntryComesAsAnObject() {
		String one = "{\"DigitTranslationList\":{\"DigitTrans\":{\"alias\":\"only\"}}}";
		List<TableRow> streamed = new ArrayList<>();

		assertThat(TableJson.read(one).rows()).containsExactly(new TableRow(Map.of("alias", "only")));
		assertThat(TableJson.stream(in(one), streamed::add)).isEqualTo(new ElementNames("DigitTranslationList", "DigitTrans"));
		assertThat(streamed).containsExactly(new TableRow(Map.of("alias", "only")));
	}

	@Test
	void noEntryComesAsAnEmptyObjectOrAnEmptyString() {
		for (String none : List.of("{\"XBSubStatsList\":{}}", "{\"XBSubStatsList\":\"\"}")) {
			List<TableRow> streamed = new ArrayList<>();

			assertThat(TableJson.read(none)).as(none).isEqualTo(new TableDocument("XBSubStatsList", null, List.of()));
			assertThat(TableJson.stream(in(none), streamed::add)).as(none).isEqualTo(new ElementNames("XBSubStatsList", null));
			assertThat(streamed).as(none).isEmpty();
		}
		List<TableRow> streamed = new ArrayList<>();
		assertThat(TableJson.stream(in("{\"L\":{\"I\":\"\"}}"), streamed::add)).isEqualTo(new ElementNames("L", "I"));
		assertThat(TableJson.read("{\"L\":{\"I\":[]}}")).isEqualTo(new TableDocument("L", "I", List.of()));
		assertThat(streamed).isEmpty();
	}

	@Test
	void strayValuesInAListArePassedOver() {
		String stray = "{\"L\":{\"I\":[1,\"text\",[2],{\"a\":\"b\"},null]}}";
		List<TableRow> streamed = new ArrayList<>();
		TableJson.stream(in(stray), streamed::add);

		assertThat(streamed).containsExactly(new TableRow(Map.of("a", "b")));
		assertThat(TableJson.read(stray).rows()).containsExactly(new TableRow(Map.of("a", "b")));
	}

	@Test
	void theRecursionMessageInPlaceOfAnEntryIsAnIncompleteAnswer() {
		for (String glitch : List.of("{\"L\":{\"I\":[{\"a\":1},\"Max recursion depth reached\"]}}",
				"{\"L\":{\"I\":\"Max recursion depth reached\"}}")) {
			assertThatExceptionOfType(IncompleteAnswerException.class).isThrownBy(() -> TableJson.read(glitch));
			assertThatExceptionOfType(IncompleteAnswerException.class)
				.isThrownBy(() -> TableJson.stream(in(glitch), row -> {
				}));
		}
	}

	@Test
	void whatIsNoTableIsRefused() {
		for (String bad : List.of("[1]", "{\"A\":{},\"B\":{}}", "{}", "42")) {
			assertThatExceptionOfType(TableFormatException.class).as(bad).isThrownBy(() -> TableJson.read(bad))
				.withMessage("expected one root object");
		}
		assertThatExceptionOfType(TableFormatException.class).isThrownBy(() -> TableJson.read("{\"A\":"))
			.withMessageStartingWith("not JSON: ");
		assertThatExceptionOfType(TableFormatException.class).isThrownBy(() -> TableJson.stream(in("[1]"), row -> {
		})).withMessage("expected START_OBJECT but found START_ARRAY");
		assertThatExceptionOfType(TableFormatException.class).isThrownBy(() -> TableJson.stream(in("{}"), row -> {
		})).withMessage("expected PROPERTY_NAME but found END_OBJECT");
		assertThatExceptionOfType(TableFormatException.class).isThrownBy(() -> TableJson.stream(in("{\"A\":{\"B\":[{"), row -> {
		})).withMessageStartingWith("not JSON: ");
	}

	@Test
	void aTableWrittenIsTheTableRead() {
		TableDocument read = TableJson.read(TWO);

		assertThat(TableJson.write(read)).isEqualTo(TWO.replace("null", "\"\""));
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		TableJson.CODEC.write(read.names(), read.rows().iterator(), out);
		assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo(TWO.replace("null", "\"\""));
		List<TableRow> back = new ArrayList<>();
		assertThat(TableJson.CODEC.read(in(out.toString(StandardCharsets.UTF_8)), back::add)).isEqualTo(read.names());
		assertThat(back).isEqualTo(read.rows());
	}

	@Test
	void aDocumentTakesOtherEntriesUnderItsNames() {
		TableDocument read = TableJson.read(TWO);
		Map<String, Object> fields = new LinkedHashMap<>();
		fields.put("alias", "z");

		assertThat(read.with(List.of(new TableRow(fields)))).isEqualTo(new TableDocument("XBRouteList", "XBRoute",
				List.of(new TableRow(Map.of("alias", "z")))));
	}

	@Test
	void rowsAreEqualByTheirFields() {
		TableRow row = new TableRow(Map.of("alias", "a"));

		assertThat(row).isEqualTo(new TableRow(Map.of("alias", "a")))
			.isNotEqualTo(new TableRow(Map.of("alias", "b")))
			.isNotEqualTo("alias=a")
			.hasSameHashCodeAs(new TableRow(Map.of("alias", "a")))
			.hasToString("{alias=a}");
		assertThat(row.hashCode()).isNotEqualTo(new TableRow(Map.of("alias", "b")).hashCode());
	}

	private static ByteArrayInputStream in(String text) {
		return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
	}

}
