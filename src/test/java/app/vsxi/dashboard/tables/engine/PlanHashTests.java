package app.vsxi.dashboard.tables.engine;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import app.vsxi.dashboard.gateway.TableRow;

import static org.assertj.core.api.Assertions.assertThat;

/** The hash an approval binds: the same only for exactly the same calls. */
class PlanHashTests {

	private static TableRow row(String... pairs) {
		Map<String, Object> fields = new LinkedHashMap<>();
		for (int i = 0; i + 1 < pairs.length; i += 2) {
			fields.put(pairs[i], pairs[i + 1]);
		}
		return new TableRow(fields);
	}

	private static String hash(String table, ApplyPlan.Call... calls) {
		return PlanHash.of(table, List.of(calls));
	}

	@Test
	void theSameCallsHashAlikeAndAnyDifferenceDoesNot() {
		ApplyPlan.Call call = new ApplyPlan.Call(WriteAction.UPDATE, List.of(row("a", "1", "b", "2")));
		String same = hash("route", call);

		assertThat(hash("route", new ApplyPlan.Call(WriteAction.UPDATE, List.of(row("a", "1", "b", "2"))))).isEqualTo(same)
			.matches("[0-9a-f]{64}");
		assertThat(hash("routegroup", call)).isNotEqualTo(same);
		assertThat(hash("route", new ApplyPlan.Call(WriteAction.DELETE, call.rows()))).isNotEqualTo(same);
		assertThat(hash("route", new ApplyPlan.Call(WriteAction.UPDATE, List.of(row("a", "1", "b", "3"))))).isNotEqualTo(same);
		assertThat(hash("route", new ApplyPlan.Call(WriteAction.UPDATE, List.of(row("a", "1", "c", "2"))))).isNotEqualTo(same);
		assertThat(hash("route", call, call)).isNotEqualTo(same);
		assertThat(hash("route")).isNotEqualTo(same);
	}

	@Test
	void valuesCannotImitateOtherFieldsOrCalls() {
		assertThat(hash("t", new ApplyPlan.Call(WriteAction.UPDATE, List.of(row("a", "1b", "c", "2")))))
			.isNotEqualTo(hash("t", new ApplyPlan.Call(WriteAction.UPDATE, List.of(row("a", "1", "bc", "2")))));
		assertThat(hash("t", new ApplyPlan.Call(WriteAction.UPDATE, List.of(row("a", "1"), row("b", "2")))))
			.isNotEqualTo(hash("t", new ApplyPlan.Call(WriteAction.UPDATE, List.of(row("a", "1"))),
					new ApplyPlan.Call(WriteAction.UPDATE, List.of(row("b", "2")))));
		Map<String, Object> nulls = new LinkedHashMap<>();
		nulls.put("a", null);
		assertThat(hash("t", new ApplyPlan.Call(WriteAction.UPDATE, List.of(new TableRow(nulls)))))
			.isNotEqualTo(hash("t", new ApplyPlan.Call(WriteAction.UPDATE, List.of(row("a", "null")))));
	}

	@Test
	void aReplaceIsBoundToTheBoxItReplacesAndPartsHashInOrder() {
		List<TableRow> rows = List.of(row("a", "1"));
		TableDiff nothing = KeyedDiff.diff(rows, rows, List.of("a"));
		TableDiff changed = KeyedDiff.diff(List.of(row("a", "1", "x", "0")), List.of(row("a", "1", "x", "9")),
				List.of("a"));

		String againstNothing = PlanHash.of("t").call(WriteAction.UPLOAD, rows).against(nothing).hex();
		assertThat(PlanHash.of("t").call(WriteAction.UPLOAD, rows).against(nothing).hex()).isEqualTo(againstNothing);
		assertThat(PlanHash.of("t").call(WriteAction.UPLOAD, rows).against(changed).hex()).isNotEqualTo(againstNothing);
		assertThat(PlanHash.ofParts(List.of("1:x", "2:y"))).isNotEqualTo(PlanHash.ofParts(List.of("2:y", "1:x")))
			.isEqualTo(PlanHash.ofParts(List.of("1:x", "2:y")));
	}

	/**
	 * The encoding pinned: SHA-256 over each part as its UTF-8 length, a colon and its bytes, in the order the class
	 * documents. The expected values were worked out apart from this code (Python's hashlib over those bytes).
	 */
	@Test
	void theHashIsOfTheDocumentedEncodingPartByPart() {
		assertThat(hash("route", new ApplyPlan.Call(WriteAction.UPDATE, List.of(row("a", "1", "b", "2")))))
			.isEqualTo("0ce5950cb7bae11c616a1377d52f4c7c941fb6f642831c9852c6af30d75970bb");
		TableDiff diff = KeyedDiff.diff(List.of(row("a", "2"), row("a", "3", "x", "0")),
				List.of(row("a", "3", "x", "9"), row("a", "4")), List.of("a"));
		assertThat(PlanHash.of("t").call(WriteAction.UPLOAD, List.of(row("a", "1"))).against(diff).hex())
			.isEqualTo("d14ac253ec56f14abcb1c1cf996f3511f6c113fd807e5246c15c184951c2a239");
		assertThat(PlanHash.ofParts(List.of("1:x", "2:y")))
			.isEqualTo("1c6084f4e817a087eeabe35aafbe6ee00fed454ea460ccd0682e22d63b3a5b47");
	}

}
