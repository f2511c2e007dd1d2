package app.vsxi.dashboard.backups;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import app.vsxi.dashboard.web.RefusedException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Schedules as people write them, and ages as people read them. */
class DurationsTests {

	@Test
	void aScheduleIsANumberAndMinutesHoursOrDays() {
		assertThat(Durations.parse("30m")).isEqualTo(Duration.ofMinutes(30));
		assertThat(Durations.parse(" 12 H ")).isEqualTo(Duration.ofHours(12));
		assertThat(Durations.parse("7d")).isEqualTo(Duration.ofDays(7));
		assertThatThrownBy(() -> Durations.parse("1w")).isInstanceOf(RefusedException.class)
			.hasMessage("Write a schedule as a number and m, h or d, e.g. 12h or 1d");
		assertThatThrownBy(() -> Durations.parse("d")).isInstanceOf(RefusedException.class);
	}

	@Test
	void aScheduleIsWrittenInItsLargestWholeUnit() {
		assertThat(Durations.text(Duration.ofDays(2))).isEqualTo("2d");
		assertThat(Durations.text(Duration.ofHours(36))).isEqualTo("36h");
		assertThat(Durations.text(Duration.ofMinutes(90))).isEqualTo("90m");
		assertThat(Durations.text(Duration.ofHours(24))).isEqualTo("1d");
	}

	@Test
	void anAgeIsReadInItsTwoLargestUnits() {
		assertThat(Durations.age(Duration.ofSeconds(-3))).isEqualTo("0 s");
		assertThat(Durations.age(Duration.ofSeconds(59))).isEqualTo("59 s");
		assertThat(Durations.age(Duration.ofSeconds(60))).isEqualTo("1 min");
		assertThat(Durations.age(Duration.ofMinutes(59))).isEqualTo("59 min");
		assertThat(Durations.age(Duration.ofMinutes(60))).isEqualTo("1 h");
		assertThat(Durations.age(Duration.ofMinutes(185))).isEqualTo("3 h 5 min");
		assertThat(Durations.age(Duration.ofHours(24))).isEqualTo("1 d");
		assertThat(Durations.age(Duration.ofHours(52))).isEqualTo("2 d 4 h");
	}

}
