package app.vsxi.dashboard.monitoring;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import app.vsxi.dashboard.fleet.Sbc;
import app.vsxi.dashboard.gateway.GatewayError;
import app.vsxi.dashboard.gateway.RealtimeStats;
import app.vsxi.dashboard.monitoring.alarms.Alarm;
import app.vsxi.dashboard.monitoring.alarms.AlarmMetric;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Acknowledged alarms on the overview and the wallboard: in hand, so they count toward no total or colour and are
 * shown apart; and current problems are SBCs out of reach or with a critical alarm nobody acknowledged.
 */
class FleetViewAlarmsTests {

	private static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");

	private final RealtimeStats stats = new RealtimeStats(12, 100, 20, 19750, 2, 10000, 90, "active",
			Map.of("ha_current_state", "active"));

	@Test
	void anAcknowledgedAlarmLeavesTheCountAndTheWorstColour() {
		SbcStatus nyc = up(1, "nyc-1");
		List<Alarm> alarms = List.of(alarm(1, AlarmLevel.CRITICAL, true), alarm(1, AlarmLevel.WARNING, false));

		FleetView.Row row = FleetView.of(List.of(nyc), Map.of(), id -> null, id -> alarms, FleetView.Sort.NAME, "")
			.rows().get(0);

		assertThat(row.worstAlarm()).isEqualTo(AlarmLevel.WARNING);
		assertThat(row.unacknowledged()).extracting(RaisedAlarm::level).containsExactly(AlarmLevel.WARNING);
		assertThat(row.acknowledgedCount()).isEqualTo(1);
		assertThat(row.tone()).isEqualTo("warning");
	}

	@Test
	void anSbcWhoseAlarmsAreAllAcknowledgedCountsAsNotAlarmedAndLooksFine() {
		SbcStatus nyc = up(1, "nyc-1");
		SbcStatus lon = up(2, "lon-1");

		FleetView view = FleetView.of(List.of(nyc, lon), Map.of(), id -> null,
				id -> id == 1 ? List.of(alarm(1, AlarmLevel.CRITICAL, true)) : List.of(alarm(2, AlarmLevel.WARNING, false)),
				FleetView.Sort.NAME, "");

		assertThat(view.summary().alarmed()).isEqualTo(1);
		FleetView.Row nycRow = view.rows().stream().filter(row -> row.status().sbcId() == 1).findFirst().orElseThrow();
		assertThat(nycRow.worstAlarm()).isNull();
		assertThat(nycRow.tone()).isEqualTo("ok");
		assertThat(nycRow.acknowledgedCount()).isEqualTo(1);
	}

	@Test
	void currentProblemsOmitAnSbcWithOnlyAWarningAndIncludeOneWithAnUnacknowledgedCritical() {
		SbcStatus warned = up(1, "warned");
		SbcStatus critical = up(2, "critical");
		SbcStatus handled = up(3, "handled");
		SbcStatus quiet = up(4, "quiet");
		SbcStatus down = unreachable(5, "down");

		FleetView view = FleetView.of(List.of(warned, critical, handled, quiet, down), Map.of(), id -> null, id -> switch ((int) id) {
			case 1 -> List.of(alarm(1, AlarmLevel.WARNING, false), alarm(1, AlarmLevel.WARNING, false));
			case 2 -> List.of(alarm(2, AlarmLevel.CRITICAL, false));
			case 3 -> List.of(alarm(3, AlarmLevel.CRITICAL, true), alarm(3, AlarmLevel.WARNING, false));
			default -> List.of();
		}, FleetView.Sort.NAME, "");

		assertThat(view.problems()).extracting(row -> row.status().name()).containsExactlyInAnyOrder("critical", "down");
	}

	private SbcStatus up(long id, String name) {
		Sbc sbc = sbc(id, name);
		return SbcStatus.waiting(sbc).reached(sbc, this.stats, "1 day", T0);
	}

	private SbcStatus unreachable(long id, String name) {
		Sbc sbc = sbc(id, name);
		return SbcStatus.waiting(sbc).failed(sbc, new GatewayError.Unreachable("connection refused"), T0,
				Duration.ofMinutes(1));
	}

	private static Sbc sbc(long id, String name) {
		return Sbc.builder().id(id).name(name).baseUrl("https://127.0.0.1:1").username("api").groupId(1L).build();
	}

	private static Alarm alarm(long sbcId, AlarmLevel level, boolean acknowledged) {
		return new Alarm(sbcId * 10 + level.ordinal(), sbcId, AlarmMetric.CPU, "", level, 95.0, 90.0, null, T0, null,
				acknowledged ? "ops" : null, acknowledged ? T0.plusSeconds(60) : null);
	}

}
