package app.vsxi.dashboard.monitoring;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import app.vsxi.dashboard.fleet.Sbc;
import app.vsxi.dashboard.gateway.GatewayError;
import app.vsxi.dashboard.gateway.RealtimeStats;

import static org.assertj.core.api.Assertions.assertThat;

/** A fleet larger than the wall holds readable takes turns; trouble is on every turn while it fits. */
class WallTurnsTests {

	private static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");

	private final RealtimeStats stats = new RealtimeStats(12, 100, 20, 19750, 2, 10000, 90, "active",
			Map.of("ha_current_state", "active"));

	@Test
	void twentySbcsShowAtOnceTroubleFirst() {
		List<FleetView.Row> fleet = fleet(19, 1);

		WallTurns turns = WallTurns.of(fleet, 7);

		assertThat(turns.turning()).isFalse();
		assertThat(turns.rows()).hasSize(20);
		assertThat(turns.rows().get(0).status().name()).isEqualTo("down-01");
		assertThat(turns.unshown()).isZero();
	}

	@Test
	void aHundredWithThreeInTroubleShowTheThreeOnEveryTurnAndSeventeenHealthyATurnUntilAllWereShown() {
		List<FleetView.Row> fleet = fleet(97, 3);
		Set<String> healthySeen = new HashSet<>();

		for (long tick = 0; tick < 6; tick++) {
			WallTurns turns = WallTurns.of(fleet, tick);
			assertThat(turns.turns()).as("97 healthy, 17 a turn").isEqualTo(6);
			assertThat(turns.turn()).isEqualTo((int) tick + 1);
			assertThat(turns.rows().subList(0, 3)).extracting(row -> row.status().name())
				.containsExactly("down-01", "down-02", "down-03");
			List<String> healthy = turns.rows().subList(3, turns.rows().size()).stream()
				.map(row -> row.status().name()).toList();
			assertThat(healthy).hasSize(tick < 5 ? 17 : 12).allMatch(name -> name.startsWith("up-"));
			healthySeen.addAll(healthy);
		}

		assertThat(healthySeen).hasSize(97);
		assertThat(WallTurns.of(fleet, 6).turn()).as("then round again").isEqualTo(1);
	}

	@Test
	void moreInTroubleThanTheWallHoldsTakeTurnsThemselvesAndTheHealthyWait() {
		List<FleetView.Row> fleet = fleet(10, 90);

		WallTurns first = WallTurns.of(fleet, 0);
		WallTurns last = WallTurns.of(fleet, 4);

		assertThat(first.turns()).isEqualTo(5);
		assertThat(first.rows()).hasSize(20).allMatch(row -> row.status().name().startsWith("down-"));
		assertThat(first.rows().get(0).status().name()).isEqualTo("down-01");
		assertThat(last.rows()).hasSize(10);
		assertThat(last.rows().get(0).status().name()).isEqualTo("down-81");
		assertThat(last.unshown()).isEqualTo(90);
		assertThat(first.troubled()).isEqualTo(90);
	}

	@Test
	void theTurnFollowsTheClockFifteenSecondsATurn() {
		List<FleetView.Row> fleet = fleet(97, 3);
		Instant start = Instant.ofEpochSecond(15 * 600);

		assertThat(WallTurns.of(fleet, start).turn()).isEqualTo(1);
		assertThat(WallTurns.of(fleet, start.plusSeconds(14)).turn()).isEqualTo(1);
		assertThat(WallTurns.of(fleet, start.plusSeconds(15)).turn()).isEqualTo(2);
	}

	/** {@code up} SBCs that answer, named up-NN, and {@code down} that do not, named down-NN, in one list. */
	private List<FleetView.Row> fleet(int up, int down) {
		List<SbcStatus> statuses = new ArrayList<>();
		for (int n = 1; n <= Math.max(up, down); n++) {
			if (n <= up) {
				Sbc sbc = sbc(1000 + n, String.format("up-%02d", n));
				statuses.add(SbcStatus.waiting(sbc).reached(sbc, this.stats, "1 day", T0));
			}
			if (n <= down) {
				Sbc sbc = sbc(2000 + n, String.format("down-%02d", n));
				statuses.add(SbcStatus.waiting(sbc).failed(sbc, new GatewayError.Unreachable("connection refused"), T0,
						Duration.ofMinutes(1)));
			}
		}
		return FleetView.of(statuses, Map.of(), id -> null, id -> List.of(), FleetView.Sort.NAME, "").rows();
	}

	private static Sbc sbc(long id, String name) {
		return Sbc.builder().id(id).name(name).baseUrl("https://127.0.0.1:1").username("api").groupId(1L).build();
	}

}
