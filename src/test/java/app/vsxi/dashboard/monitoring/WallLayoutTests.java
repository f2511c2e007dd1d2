package app.vsxi.dashboard.monitoring;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The grid and the lines of a wallboard tile for fleets of several sizes, on 1920 × 1080. */
class WallLayoutTests {

	@Test
	void oneSbcTakesTheWholeScreenWithEverything() {
		assertThat(WallLayout.of(1)).isEqualTo(new WallLayout(1, 1, 4, true, true, false));
		assertThat(WallLayout.of(1).linesAttribute()).isEqualTo("6");
	}

	@Test
	void twelveSbcsAreFourByThreeWithFourAlarmLinesAtFortyEightPixels() {
		assertThat(WallLayout.of(12)).isEqualTo(new WallLayout(4, 3, 4, true, false, false));
		assertThat(WallLayout.of(12).linesAttribute()).isEqualTo("5.5");
		assertThat(WallLayout.of(12).size()).isGreaterThanOrEqualTo(48);
	}

	@Test
	void sixteenSbcsAreTheMostWithCallsOnAFullLine() {
		assertThat(WallLayout.of(16)).isEqualTo(new WallLayout(4, 4, 1, true, false, false));
		assertThat(WallLayout.of(16).size()).isGreaterThanOrEqualTo(48);
		assertThat(WallLayout.of(17).dense()).isTrue();
	}

	@Test
	void upToTwentySbcsNameAndStateStayAtFortyEightPixels() {
		assertThat(WallLayout.of(20)).isEqualTo(new WallLayout(4, 5, 1, false, false, true));
		assertThat(WallLayout.of(20).linesAttribute()).isEqualTo("3");
		assertThat(WallLayout.of(20).size()).isGreaterThanOrEqualTo(48);
		assertThat(WallLayout.of(21).size()).isLessThan(48);
	}

	@Test
	void aHundredSbcsAreTenByTenAtTwentyPixels() {
		assertThat(WallLayout.of(100)).isEqualTo(new WallLayout(10, 10, 1, false, false, true));
		assertThat(WallLayout.of(100).size()).isEqualTo(20.0);
	}

	@Test
	void noFleetHasMoreColumnsThanTheStylesheetKnows() {
		assertThat(WallLayout.of(2_000).cols()).isLessThanOrEqualTo(30);
		assertThat(WallLayout.of(0)).isEqualTo(WallLayout.of(1));
	}

}
