package app.vsxi.dashboard.web;

import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PrefixedParamsTests {

	@Test
	void namedValuesAreKeyedByTheTextAfterThePrefixInTheFormsOrder() {
		Map<String, String> form = new LinkedHashMap<>();
		form.put("v_name", "west");
		form.put("key", "R1");
		form.put("v_max\tLen", "8");
		form.put("k_name", "east");

		PrefixedParams<String> read = PrefixedParams.named(form, "v_");

		assertThat(read.values()).containsExactly(Map.entry("name", "west"), Map.entry("max\tLen", "8"));
		assertThat(read.refused()).isEmpty();
	}

	@Test
	void aNameThatIsThePrefixAloneIsRefused() {
		Map<String, String> form = new LinkedHashMap<>();
		form.put("f_", "x");
		form.put("f_digits", "12");

		PrefixedParams<String> read = PrefixedParams.named(form, "f_");

		assertThat(read.values()).containsExactly(Map.entry("digits", "12"));
		assertThat(read.refused()).containsExactly("f_");
	}

	@Test
	void indexedValuesAreKeyedByTheirNumber() {
		Map<String, String> form = new LinkedHashMap<>();
		form.put("choice_0", "OURS");
		form.put("choice_12", "THEIRS");
		form.put("choice_999999999", "OURS");

		assertThat(PrefixedParams.indexed(form, "choice_").values())
			.containsExactly(Map.entry(0, "OURS"), Map.entry(12, "THEIRS"), Map.entry(999999999, "OURS"));
	}

	@Test
	void malformedIndexesAreRefusedNotGuessed() {
		Map<String, String> form = new LinkedHashMap<>();
		form.put("choice_", "OURS");
		form.put("choice_x", "OURS");
		form.put("choice_-1", "OURS");
		form.put("choice_+1", "OURS");
		form.put("choice_ 1", "OURS");
		form.put("choice_1 ", "OURS");
		form.put("choice_1_2", "OURS");
		form.put("choice_١", "OURS");
		form.put("choice_2", "THEIRS");

		PrefixedParams<Integer> read = PrefixedParams.indexed(form, "choice_");

		assertThat(read.values()).containsExactly(Map.entry(2, "THEIRS"));
		assertThat(read.refused()).containsExactly("choice_", "choice_x", "choice_-1", "choice_+1", "choice_ 1",
				"choice_1 ", "choice_1_2", "choice_١");
	}

	@Test
	void anIndexTooLargeForAnIntIsRefused() {
		Map<String, String> form = new LinkedHashMap<>();
		form.put("choice_1000000000", "OURS");
		form.put("choice_99999999999999999999", "OURS");

		PrefixedParams<Integer> read = PrefixedParams.indexed(form, "choice_");

		assertThat(read.values()).isEmpty();
		assertThat(read.refused()).containsExactly("choice_1000000000", "choice_99999999999999999999");
	}

	@Test
	void anIndexHasOneSpellingSoTwoNamesNeverClaimOneRow() {
		Map<String, String> form = new LinkedHashMap<>();
		form.put("choice_01", "THEIRS");
		form.put("choice_1", "OURS");
		form.put("choice_001", "THEIRS");

		PrefixedParams<Integer> read = PrefixedParams.indexed(form, "choice_");

		assertThat(read.values()).containsExactly(Map.entry(1, "OURS"));
		assertThat(read.refused()).containsExactly("choice_01", "choice_001");
	}

	@Test
	void pairedValuesAreKeyedByBothNumbers() {
		Map<String, String> form = new LinkedHashMap<>();
		form.put("field_0_1", "OURS");
		form.put("field_3_0", "THEIRS");
		form.put("fieldname_0_1", "digitMatch");

		assertThat(PrefixedParams.paired(form, "field_").values()).containsExactly(
				Map.entry(new PrefixedParams.Pair(0, 1), "OURS"), Map.entry(new PrefixedParams.Pair(3, 0), "THEIRS"));
	}

	@Test
	void aPairMissingEitherNumberOrWithAThirdIsRefused() {
		Map<String, String> form = new LinkedHashMap<>();
		form.put("field_0", "OURS");
		form.put("field_0_", "OURS");
		form.put("field__1", "OURS");
		form.put("field_0_1_2", "OURS");
		form.put("field_0_x", "OURS");
		form.put("field_0_1000000000", "OURS");
		form.put("field_0_01", "OURS");
		form.put("field_2_2", "THEIRS");

		PrefixedParams<PrefixedParams.Pair> read = PrefixedParams.paired(form, "field_");

		assertThat(read.values()).containsExactly(Map.entry(new PrefixedParams.Pair(2, 2), "THEIRS"));
		assertThat(read.refused()).containsExactly("field_0", "field_0_", "field__1", "field_0_1_2", "field_0_x",
				"field_0_1000000000", "field_0_01");
	}

	@Test
	void aMissingPrefixReadsAsNothing() {
		PrefixedParams<Integer> read = PrefixedParams.indexed(Map.of("key", "R1", "page", "2"), "choice_");

		assertThat(read.values()).isEmpty();
		assertThat(read.refused()).isEmpty();
	}

}
