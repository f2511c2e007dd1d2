package app.vsxi.dashboard.calls;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import app.vsxi.dashboard.gateway.TableRow;

import static org.assertj.core.api.Assertions.assertThat;

class BoxTimeTests {

	@Test
	void aBoxTimeIsShownYearFirst() {
		BoxTime time = BoxTime.of("12-03-2026 16:05:09");
		assertThat(time.text()).isEqualTo("2026-12-03 16:05:09");
		assertThat(time.title()).isEqualTo("As the SBC sent it, on its own clock: 12-03-2026 16:05:09");
	}

	@Test
	void monthAndDayAreNotSwapped() {
		assertThat(BoxTime.of("01-31-2027 00:00:00").text()).isEqualTo("2027-01-31 00:00:00");
	}

	@Test
	void spaceAroundTheTimeIsIgnored() {
		assertThat(BoxTime.of(" 02-28-2026 23:59:59 ").text()).isEqualTo("2026-02-28 23:59:59");
	}

	@Test
	void anImpossibleDateIsShownAsSent() {
		BoxTime time = BoxTime.of("02-30-2026 10:00:00");
		assertThat(time.text()).isEqualTo("02-30-2026 10:00:00");
		assertThat(time.title()).isNull();
		assertThat(BoxTime.of("31-12-2026 10:00:00").text()).isEqualTo("31-12-2026 10:00:00");
	}

	@Test
	void textInAnotherFormIsShownAsSent() {
		assertThat(BoxTime.of("2026-12-03 16:05:09").text()).isEqualTo("2026-12-03 16:05:09");
		assertThat(BoxTime.of("never").text()).isEqualTo("never");
		assertThat(BoxTime.of("12-03-2026").text()).isEqualTo("12-03-2026");
	}

	@Test
	void emptyAndAbsentStayEmptyAndAbsent() {
		assertThat(BoxTime.of("").text()).isEmpty();
		assertThat(BoxTime.of(null).text()).isNull();
		assertThat(BoxTime.of(null).title()).isNull();
	}

	@Test
	void onlyTimeFieldsAreRead() {
		BoxTimes times = new BoxTimes();
		assertThat(times.of("inv_time", "12-03-2026 16:05:09").text()).isEqualTo("2026-12-03 16:05:09");
		assertThat(times.of("ans_time", "12-03-2026 16:05:10").text()).isEqualTo("2026-12-03 16:05:10");
		assertThat(times.of("createTime", "11-30-2026 08:00:00").text()).isEqualTo("2026-11-30 08:00:00");
		assertThat(times.of("expiration", "12-01-2026 08:00:00").text()).isEqualTo("2026-12-01 08:00:00");
		assertThat(times.of("ani", "12-03-2026 16:05:09").text()).isEqualTo("12-03-2026 16:05:09");
		assertThat(times.of("ani", "12-03-2026 16:05:09").title()).isNull();
	}

	@Test
	void timesSortInTimeOrderAcrossYears() {
		TableRow newYear = new TableRow(Map.of("createTime", "01-02-2027 00:00:00"));
		TableRow december = new TableRow(Map.of("createTime", "12-30-2026 23:00:00"));
		TableRow march = new TableRow(Map.of("createTime", "03-01-2026 08:00:00"));
		assertThat(TableView.sorted(List.of(newYear, december, march), "createTime", false))
			.containsExactly(march, december, newYear);
	}

}
