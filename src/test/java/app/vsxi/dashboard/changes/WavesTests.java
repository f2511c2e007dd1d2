package app.vsxi.dashboard.changes;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WavesTests {

	@Test
	void theCanaryGoesAloneThenWavesOfTheChosenSize() {
		Waves waves = new Waves(3, 1);

		assertThat(new int[] { waves.waveOf(0), waves.waveOf(1), waves.waveOf(2), waves.waveOf(3), waves.waveOf(4),
				waves.waveOf(6), waves.waveOf(7) }).containsExactly(0, 1, 1, 1, 2, 2, 3);
		assertThat(new Waves(1, 0).waveOf(5)).isEqualTo(5);
	}

	@Test
	void aWaveStopsTheRunOnlyAboveItsThresholdAndTheCanaryOnAnyFailure() {
		Waves waves = new Waves(5, 1);

		assertThat(waves.stops(0, 0)).isFalse();
		assertThat(waves.stops(0, 1)).isTrue();
		assertThat(waves.stops(1, 1)).isFalse();
		assertThat(waves.stops(1, 2)).isTrue();
		assertThat(new Waves(5, 0).stops(2, 1)).isTrue();
		assertThat(new Waves(5, 0).stops(2, 0)).isFalse();
	}

	@Test
	void aWaveHoldsAtLeastOneSbcAndNoThresholdIsNegative() {
		assertThatThrownBy(() -> new Waves(0, 0)).isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> new Waves(1, -1)).isInstanceOf(IllegalArgumentException.class);
		assertThat(new Waves(1, 0).size()).isEqualTo(1);
	}

}
