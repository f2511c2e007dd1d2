package app.vsxi.dashboard.calls;

import java.util.Map;

import org.junit.jupiter.api.Test;

import app.vsxi.dashboard.gateway.TableRow;

import static org.assertj.core.api.Assertions.assertThat;

/** The condition sent to the box and the same condition applied to the box's answer. */
class CallSearchTests {

	private static final TableRow CALL = new TableRow(Map.of("ani", "13125550199", "dnis", "12125550100", "orig_tid",
			"11", "term_tid", "22", "orig_ip", "198.51.100.1", "term_ip", "203.0.113.2", "duration", "60"));

	@Test
	void valuesAreQuotedWithQuotesDoubledSoTheyCannotEndTheCondition() {
		CallSearch search = search("1' or '1'='1", null, null, null, null);

		assertThat(search.boxCondition()).isEqualTo("ani like '%1'' or ''1''=''1%'");
		assertThat(search.matcher().test(CALL)).isFalse();
	}

	@Test
	void aDnisPrefixIsLiteralAndLikeTakesWildcards() {
		assertThat(search(null, "1212", "prefix", null, null).boxCondition()).isEqualTo("dnis like '1212%'");
		assertThat(search(null, "1212", "prefix", null, null).matcher().test(CALL)).isTrue();
		assertThat(search(null, "1212%", "prefix", null, null).problem()).contains("like");
		assertThat(search(null, "_212555%00", "like", null, null).boxCondition()).isEqualTo("dnis like '_212555%00'");
		assertThat(search(null, "_212555%00", "like", null, null).matcher().test(CALL)).isTrue();
		assertThat(search(null, "9%", "like", null, null).matcher().test(CALL)).isFalse();
	}

	@Test
	void alternativesGoToTheBoxOnlyWhenTheyAreTheWholeCondition() {
		assertThat(search(null, null, null, "22", "either").boxCondition()).isEqualTo("orig_tid='22' or term_tid='22'");
		assertThat(search(null, "1212", "prefix", "22", "either").boxCondition()).isEqualTo("dnis like '1212%'");
		assertThat(search(null, "1212", "prefix", "22", "either").matcher().test(CALL)).isTrue();
		assertThat(search(null, null, null, "22", "orig").matcher().test(CALL)).isFalse();
		assertThat(search(null, "1212", "prefix", "11", "orig").boxCondition())
			.isEqualTo("dnis like '1212%' and orig_tid='11'");
	}

	@Test
	void backslashesAndControlCharactersAreRefused() {
		assertThat(search("1\\", null, null, null, null).problem()).isNotNull();
		assertThat(search(null, "12\n", null, null, null).problem()).isNotNull();
		assertThat(search("1312", null, null, null, null).problem()).isNull();
	}

	@Test
	void durationIsFilteredOnTheAnswer() {
		CallSearch longer = new CallSearch(null, null, null, null, null, null, 61L, null, null, null, null);
		CallSearch shorter = new CallSearch(null, null, null, null, null, null, null, 60L, null, null, null);

		assertThat(longer.boxCondition()).isNull();
		assertThat(longer.matcher().test(CALL)).isFalse();
		assertThat(shorter.matcher().test(CALL)).isTrue();
	}

	private static CallSearch search(String ani, String dnis, String match, String trunk, String side) {
		return new CallSearch(ani, dnis, match, trunk, side, null, null, null, null, null, null);
	}

}
