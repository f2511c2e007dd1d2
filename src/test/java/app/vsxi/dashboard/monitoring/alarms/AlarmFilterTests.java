package app.vsxi.dashboard.monitoring.alarms;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import app.vsxi.dashboard.monitoring.alarms.AlarmService.AlarmRow;
import app.vsxi.dashboard.monitoring.AlarmLevel;

import static org.assertj.core.api.Assertions.assertThat;

/** The alarms page's filters and grouping, on hand-made alarms whose SBC, group, level and state are known. */
class AlarmFilterTests {

	private static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");

	// SBC 1 "nyc-1" and SBC 3 "ams-1" in group 10; SBC 2 "lon-1" in group 20
	private final AlarmRow nycWarning = row(1, 1, "nyc-1", 10, AlarmLevel.WARNING, false, false);

	private final AlarmRow lonCriticalAcknowledged = row(2, 2, "lon-1", 20, AlarmLevel.CRITICAL, true, false);

	private final AlarmRow nycCriticalCleared = row(3, 1, "nyc-1", 10, AlarmLevel.CRITICAL, false, true);

	private final AlarmRow amsWarning = row(4, 3, "ams-1", 10, AlarmLevel.WARNING, false, false);

	private final List<AlarmRow> all = List.of(this.nycWarning, this.lonCriticalAcknowledged, this.nycCriticalCleared,
			this.amsWarning);

	@Test
	void noFilterKeepsEveryAlarmInItsOrder() {
		assertThat(AlarmFilter.of(null, "", " ", "nonsense", null).apply(this.all)).containsExactlyElementsOf(this.all);
	}

	@Test
	void anSbcFilterKeepsThatSbcsAlarmsOnly() {
		assertThat(AlarmFilter.of("1", null, null, null, null).apply(this.all))
			.containsExactly(this.nycWarning, this.nycCriticalCleared);
	}

	@Test
	void aGroupFilterKeepsTheAlarmsOfThatGroupsSbcsOnly() {
		assertThat(AlarmFilter.of(null, "20", null, null, null).apply(this.all)).containsExactly(this.lonCriticalAcknowledged);
	}

	@Test
	void aLevelFilterKeepsThatLevelOnly() {
		assertThat(AlarmFilter.of(null, null, "critical", null, null).apply(this.all))
			.containsExactly(this.lonCriticalAcknowledged, this.nycCriticalCleared);
	}

	@Test
	void aStateFilterTellsOpenAcknowledgedAndClearedApart() {
		assertThat(AlarmFilter.of(null, null, null, "unacknowledged", null).apply(this.all))
			.containsExactly(this.nycWarning, this.amsWarning);
		assertThat(AlarmFilter.of(null, null, null, "acknowledged", null).apply(this.all))
			.containsExactly(this.lonCriticalAcknowledged);
		assertThat(AlarmFilter.of(null, null, null, "cleared", null).apply(this.all)).containsExactly(this.nycCriticalCleared);
	}

	@Test
	void filtersCombine() {
		assertThat(AlarmFilter.of(null, "10", "warning", "unacknowledged", null).apply(this.all))
			.containsExactly(this.nycWarning, this.amsWarning);
	}

	@Test
	void groupingBySbcPutsEachSbcsAlarmsUnderItsNameKeepingTheirOrderWithin() {
		AlarmFilter filter = AlarmFilter.of(null, null, null, null, "sbc");

		List<AlarmFilter.Section> sections = filter.sections(filter.apply(this.all));

		assertThat(sections).extracting(AlarmFilter.Section::sbcName).containsExactly("ams-1", "lon-1", "nyc-1");
		assertThat(sections.get(2).rows()).containsExactly(this.nycWarning, this.nycCriticalCleared);
	}

	@Test
	void withoutGroupingTheAlarmsAreOneSectionWithoutAHeading() {
		List<AlarmFilter.Section> sections = AlarmFilter.none().sections(this.all);

		assertThat(sections).singleElement().satisfies(section -> {
			assertThat(section.sbcName()).isNull();
			assertThat(section.rows()).containsExactlyElementsOf(this.all);
		});
	}

	private static AlarmRow row(long id, long sbcId, String sbcName, long groupId, AlarmLevel level,
			boolean acknowledged, boolean cleared) {
		Alarm alarm = new Alarm(id, sbcId, AlarmMetric.CPU, "", level, 95.0, 90.0, null, T0.plusSeconds(id),
				cleared ? T0.plusSeconds(100) : null, acknowledged ? "ops" : null, acknowledged ? T0.plusSeconds(50) : null);
		return new AlarmRow(alarm, sbcName, groupId, false);
	}

}
