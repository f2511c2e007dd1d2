package app.vsxi.dashboard.monitoring.alarms;

import org.junit.jupiter.api.Test;

import app.vsxi.dashboard.monitoring.AlarmLevel;
import app.vsxi.dashboard.monitoring.Feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** The built-in rules each metric brings and the level a figure reaches under given thresholds. */
class AlarmMetricTests {

	@Test
	void theBuiltInRulesWarnCriticalAndHoldAsDocumented() {
		assertThat(AlarmMetric.values())
			.extracting(metric -> metric.defaultRule().warning(), metric -> metric.defaultRule().critical(),
					metric -> metric.defaultRule().hold())
			.containsExactly(tuple(80.0, 90.0, 3), tuple(80.0, 90.0, 3), tuple(80.0, 90.0, 3), tuple(80.0, 90.0, 3),
					tuple(5.0, 15.0, 2), tuple(70.0, 50.0, 2), tuple(3.0, 5.0, 2), tuple(3.0, 3.0, 1),
					tuple(1.0, 1.0, 1), tuple(1.0, 2.0, 1), tuple(1.0, 1.0, 1), tuple(26.0, 50.0, 1),
					tuple(1.0, 1.0, 1));
	}

	@Test
	void aBuiltInRuleIsEnabledForTheWholeFleetAndStoredNowhere() {
		AlarmRule rule = AlarmMetric.CPU.defaultRule();

		assertThat(rule).isEqualTo(new AlarmRule(null, null, null, AlarmMetric.CPU, 80, 90, 3, true, null, null));
		assertThat(rule.builtIn()).isTrue();
	}

	@Test
	void eachMetricSaysWhatItIsInWhichUnitOnWhichFeedAndWhetherPerSubject() {
		assertThat(AlarmMetric.CPU.title()).isEqualTo("CPU use");
		assertThat(AlarmMetric.TRUNK_PDD.title()).isEqualTo("Trunk average PDD, 15 min");
		assertThat(AlarmMetric.TRUNK_PDD.unit()).isEqualTo("s");
		assertThat(AlarmMetric.UNREACHABLE.unit()).isEqualTo("poll intervals without answer");
		assertThat(AlarmMetric.CERTIFICATE_CHANGED.unit()).isEmpty();
		assertThat(AlarmMetric.values()).extracting(AlarmMetric::feed).containsExactly(Feed.REALTIME, Feed.REALTIME,
				Feed.MEDIA_SERVER, Feed.REALTIME, Feed.RESOURCE, Feed.RESOURCE, Feed.RESOURCE, Feed.REALTIME,
				Feed.REALTIME, Feed.REALTIME, Feed.MEDIA_SERVER, Feed.REALTIME, Feed.REALTIME);
		assertThat(AlarmMetric.values()).filteredOn(AlarmMetric::perSubject).containsExactly(
				AlarmMetric.MEDIA_SESSIONS, AlarmMetric.TRUNK_UTILISATION, AlarmMetric.TRUNK_FAILURE,
				AlarmMetric.TRUNK_ASR, AlarmMetric.TRUNK_PDD, AlarmMetric.MEDIA_SERVER_DOWN);
	}

	@Test
	void anOverMetricReachesEachLevelAtItsThresholdAndNotJustUnder() {
		assertThat(AlarmMetric.TRUNK_PDD.level(5, 3, 5)).isEqualTo(AlarmLevel.CRITICAL);
		assertThat(AlarmMetric.TRUNK_PDD.level(4.99, 3, 5)).isEqualTo(AlarmLevel.WARNING);
		assertThat(AlarmMetric.TRUNK_PDD.level(3, 3, 5)).isEqualTo(AlarmLevel.WARNING);
		assertThat(AlarmMetric.TRUNK_PDD.level(2.99, 3, 5)).isNull();
	}

	@Test
	void anUnderMetricReachesEachLevelJustUnderItsThreshold() {
		assertThat(AlarmMetric.TRUNK_ASR.level(49.99, 70, 50)).isEqualTo(AlarmLevel.CRITICAL);
		assertThat(AlarmMetric.TRUNK_ASR.level(50, 70, 50)).isEqualTo(AlarmLevel.WARNING);
		assertThat(AlarmMetric.TRUNK_ASR.level(69.99, 70, 50)).isEqualTo(AlarmLevel.WARNING);
		assertThat(AlarmMetric.TRUNK_ASR.level(70, 70, 50)).isNull();
	}

}
