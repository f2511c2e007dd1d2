package app.vsxi.dashboard.web;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PluralTests {

	private final Plural plural = new Plural();

	@Test
	void oneTakesTheSingular() {
		assertThat(this.plural.of(1, "entry", "entries")).isEqualTo("1 entry");
	}

	@Test
	void twoAndMoreTakeThePlural() {
		assertThat(this.plural.of(2, "entry", "entries")).isEqualTo("2 entries");
		assertThat(Plural.count(1000, "call", "calls")).isEqualTo("1000 calls");
	}

	@Test
	void noneTakesThePlural() {
		assertThat(Plural.count(0, "row", "rows")).isEqualTo("0 rows");
	}

	@Test
	void theNounAloneFollowsTheSameRule() {
		assertThat(this.plural.word(1, "registration", "registrations")).isEqualTo("registration");
		assertThat(Plural.noun(3, "registration", "registrations")).isEqualTo("registrations");
	}

}
