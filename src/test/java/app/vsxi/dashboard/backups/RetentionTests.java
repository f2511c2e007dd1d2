package app.vsxi.dashboard.backups;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Every change of the recent window, then the last version of each month, and always the newest. */
class RetentionTests {

	private static final Instant NOW = Instant.parse("2026-12-06T12:00:00Z");

	private static Retention.Taken taken(long id, String at) {
		return new Retention.Taken(id, Instant.parse(at));
	}

	private static final List<Retention.Taken> VERSIONS = List.of(
			taken(1, "2026-06-03T10:00:00Z"), taken(2, "2026-06-20T10:00:00Z"),
			taken(3, "2026-07-01T00:00:00Z"), taken(4, "2026-07-31T23:59:59Z"),
			taken(5, "2026-08-15T10:00:00Z"),
			taken(6, "2026-09-06T11:00:00Z"), taken(7, "2026-09-06T13:00:00Z"),
			taken(8, "2026-11-30T10:00:00Z"), taken(9, "2026-12-05T10:00:00Z"));

	@Test
	void olderThanTheWindowOnlyEachMonthsLastVersionStays() {
		// the window starts 2026-09-07T12:00Z: versions 6 and 7 are before it, 8 and 9 inside
		List<Long> dropped = new Retention(Duration.ofDays(90), 0).toDrop(VERSIONS, NOW);

		assertThat(dropped).containsExactly(1L, 3L, 6L);
	}

	@Test
	void monthsBeyondTheKeptNumberGoAltogether() {
		// three months kept, counted back from the window's month (September): July, August, September
		List<Long> dropped = new Retention(Duration.ofDays(90), 3).toDrop(VERSIONS, NOW);

		assertThat(dropped).containsExactly(1L, 2L, 3L, 6L);
	}

	@Test
	void everyVersionInsideTheWindowStaysAndAVersionJustAtItsStartToo() {
		List<Retention.Taken> recent = List.of(taken(1, "2026-09-07T12:00:00Z"), taken(2, "2026-10-01T00:00:00Z"),
				taken(3, "2026-10-01T00:00:01Z"));

		assertThat(new Retention(Duration.ofDays(90), 1).toDrop(recent, NOW)).isEmpty();
	}

	@Test
	void theNewestVersionStaysHoweverOld() {
		List<Retention.Taken> old = List.of(taken(1, "2020-01-01T00:00:00Z"), taken(2, "2020-01-02T00:00:00Z"));

		assertThat(new Retention(Duration.ofDays(90), 1).toDrop(old, NOW)).containsExactly(1L);
		assertThat(new Retention(Duration.ofDays(90), 1).toDrop(List.of(), NOW)).isEmpty();
	}

}
