package app.vsxi.dashboard.tables.engine;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;


class KeyTextTests {

	@ParameterizedTest
	@ValueSource(strings = { "R1", "", " leading and trailing ", "tab\there", "line\nbreak\r\nand return\r",
			"back\\slash \\t not a tab", "a/b\\c", "\"double\" 'single' `back`", "<b>&amp;</b>", "Zürich 北京 🚀",
			"\u0000\u0001\u007f" })
	void aTokenCarriesAnyKeyBackExactly(String value) {
		RowKey key = new RowKey(List.of(value, "7", value), 2);

		String token = KeyText.token(key);

		assertThat(token).matches("[A-Za-z0-9_-]*");
		assertThat(KeyText.fromToken(token)).isEqualTo(key);
	}

	@Test
	void aVeryLongKeyRoundTripsThroughItsToken() {
		RowKey key = new RowKey(List.of("x\t".repeat(5000), "1"), 0);

		assertThat(KeyText.fromToken(key.token())).isEqualTo(key);
	}

	@Test
	void aTokenThatIsNotOneIsRefusedAsNotARowOfTheTable() {
		assertThatThrownBy(() -> KeyText.fromToken("not base64!")).isInstanceOf(UnreadableKey.class)
			.hasMessage("Not a row of this table");
		assertThatThrownBy(() -> KeyText.fromToken("bm90IGEga2V5")).isInstanceOf(UnreadableKey.class);
	}

}
