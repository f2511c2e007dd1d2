package app.vsxi.dashboard.monitoring;

import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.Test;

import app.vsxi.dashboard.gateway.GatewayError;
import app.vsxi.dashboard.gateway.SystemInfo;

import static org.assertj.core.api.Assertions.assertThat;

class SnapshotStoreTests {

	private static final Instant T0 = Instant.parse("2026-11-30T00:00:00Z");

	@Test
	void aSeriesKeepsTheLastSamplesOldestFirst() {
		Series series = new Series(3);
		for (int i = 1; i <= 5; i++) {
			series.add(T0.plusSeconds(i), i * 10);
		}

		assertThat(series.samples()).extracting(Series.Sample::value).containsExactly(30.0, 40.0, 50.0);
		assertThat(series.samples()).extracting(Series.Sample::at)
			.containsExactly(T0.plusSeconds(3), T0.plusSeconds(4), T0.plusSeconds(5));
	}

	@Test
	void historyIsAnHourAtThePollIntervalAndTrunkSeriesAreCapped() {
		SnapshotStore store = new SnapshotStore(MonitoringSettings.of(Map.of("max-trunks", "2")));
		for (int trunk = 1; trunk <= 5; trunk++) {
			store.record(7, "asr:" + trunk, T0, 80);
		}
		for (int i = 0; i < 800; i++) {
			store.record(7, "calls", T0.plusSeconds(5L * i), i);
		}

		assertThat(store.samplesPerSeries()).isEqualTo(720);
		assertThat(store.series(7, "calls")).hasSize(720).first().extracting(Series.Sample::value).isEqualTo(80.0);
		assertThat(store.seriesNames(7)).containsExactlyInAnyOrder("calls", "asr:1", "asr:2");
		assertThat(store.maxSeriesPerSbc()).isEqualTo(6);
	}

	@Test
	void aFailedPollKeepsTheLastAnswerAndMarksItStale() {
		SnapshotStore store = new SnapshotStore(MonitoringSettings.of(Map.of()));
		SystemInfo answer = new SystemInfo("3 days", Map.of("Host Name", "vsxi"));
		store.answered(7, Feed.SYSTEM, answer, T0);

		store.failed(7, Feed.SYSTEM, new GatewayError.Timeout("read"), T0.plusSeconds(60));

		FeedSnapshot snapshot = store.latest(7, Feed.SYSTEM);
		assertThat(snapshot.system()).isEqualTo(new SystemInfo("3 days", Map.of("Host Name", "vsxi")));
		assertThat(snapshot.stale()).isTrue();
		assertThat(snapshot.ageSeconds(T0.plusSeconds(90))).isEqualTo(90);
		assertThat(snapshot.polledAt()).isEqualTo(T0.plusSeconds(60));
	}

}
