package app.vsxi.dashboard.monitoring.alarms;

import java.time.Instant;

import app.vsxi.dashboard.monitoring.AlarmLevel;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Figures on alarm lines and rules as people write them: whole numbers whole, a value with its threshold. */
class AlarmWordingTests {

	@Test
	void aRuleWithAThresholdOf80Shows80() {
		AlarmRule rule = new AlarmRule(7L, null, null, AlarmMetric.CPU, 80, 92.5, 3, true, "ops", Instant.now());

		assertThat(rule.warningText()).isEqualTo("80 %");
		assertThat(rule.criticalText()).isEqualTo("92.5 %");
	}

	@Test
	void anAlarmLineSaysItsValueAndTheThresholdItFellBelow() {
		assertThat(alarm(AlarmMetric.TRUNK_ASR, 31.0, 40.0).valueAndThreshold()).isEqualTo("31 % below 40 %");
	}

	@Test
	void anAlarmLineSaysItsValueAndTheThresholdItRoseAbove() {
		assertThat(alarm(AlarmMetric.CPU, 95.333, 90.0).valueAndThreshold()).isEqualTo("95.33 % above 90 %");
		assertThat(alarm(AlarmMetric.TRUNK_PDD, 3.0, 3.0).valueAndThreshold()).isEqualTo("3 s at 3 s");
	}

	@Test
	void anAlarmRaisedBeforeThresholdsWereKeptSaysItsValueAlone() {
		assertThat(alarm(AlarmMetric.CPU, 95.0, null).valueAndThreshold()).isEqualTo("95 %");
	}

	private static Alarm alarm(AlarmMetric metric, Double reading, Double threshold) {
		return new Alarm(1, 1, metric, "trunk 7", AlarmLevel.CRITICAL, reading, threshold, null, Instant.now(), null,
				null, null);
	}

}
