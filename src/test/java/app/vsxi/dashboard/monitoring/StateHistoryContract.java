package app.vsxi.dashboard.monitoring;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import app.vsxi.dashboard.fleet.Sbc;
import app.vsxi.dashboard.fleet.SbcGroupRepository;
import app.vsxi.dashboard.fleet.SbcRepository;
import app.vsxi.dashboard.gateway.GatewayError;
import app.vsxi.dashboard.gateway.RealtimeStats;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import static org.assertj.core.api.Assertions.assertThat;

/** The state history on every database the dashboard supports: kept in order, each period ended by the next. */
@Transactional(propagation = Propagation.NOT_SUPPORTED)
abstract class StateHistoryContract {

	private static final Instant T0 = Instant.parse("2026-11-29T10:00:00Z");

	private static final Duration PAUSE = Duration.ofSeconds(30);

	@Autowired
	StateChangeRepository changes;

	@Autowired
	SbcRepository sbcs;

	@Autowired
	SbcGroupRepository groups;

	@Autowired
	PlatformTransactionManager transactions;

	@Autowired
	JdbcTemplate jdbc;

	@AfterEach
	void cleanUp() {
		this.jdbc.update("DELETE FROM state_change");
		this.jdbc.update("DELETE FROM sbc WHERE name = 'flappy'");
	}

	private Sbc flappy() {
		return this.sbcs.save(Sbc.builder()
			.name("flappy")
			.baseUrl("https://10.9.9.9:8888")
			.username("api")
			.passwordCipher("k:x")
			.groupId(this.groups.findAll().get(0).id())
			.build());
	}

	@Test
	void aFlapNobodyWatchedLeavesEveryChangeWithItsDuration() throws Exception {
		Sbc sbc = flappy();
		StateHistory history = new StateHistory(this.changes, this.transactions);
		StatusBoard board = new StatusBoard(history);
		RealtimeStats stats = new RealtimeStats(1, 1, 1, 100, 0, 10, 90, "active", Map.of("slave_stat", "64"));

		board.update(sbc.id(), SbcStatus.waiting(sbc), status -> status.reached(sbc, stats, null, T0));
		board.update(sbc.id(), SbcStatus.waiting(sbc), status -> status.reached(sbc, stats, null, T0.plusSeconds(5)));
		board.update(sbc.id(), SbcStatus.waiting(sbc),
				status -> status.failed(sbc, new GatewayError.Unreachable("connection refused"), T0.plusSeconds(10), PAUSE));
		board.update(sbc.id(), SbcStatus.waiting(sbc), status -> status.reached(sbc, stats, null, T0.plusSeconds(40)));
		history.flush();

		List<StateChange> kept = history.of(sbc.id());
		assertThat(kept).extracting(StateChange::condition)
			.containsExactly(Condition.UP, Condition.UNREACHABLE, Condition.UP);
		assertThat(kept.get(1).duration(T0.plusSeconds(100))).isEqualTo(Duration.ofSeconds(30));
		assertThat(kept.get(1).detail()).isEqualTo("Unreachable: connection refused");
		assertThat(kept.get(0).endedAt()).isNull();
		assertThat(kept.get(2).endedAt()).isEqualTo(T0.plusSeconds(10));
		history.destroy();
	}

	@Test
	void anOnlyOwnedChangeIsKeptAndPruningForgetsOnlyWhatEndedLongerAgoThanKept() throws Exception {
		Sbc sbc = flappy();
		StateHistory history = new StateHistory(this.changes, this.transactions);
		StatusBoard board = new StatusBoard(history);
		RealtimeStats stats = new RealtimeStats(1, 1, 1, 100, 0, 10, 90, "active", Map.of());
		Instant old = T0.minus(Duration.ofDays(100));

		board.update(sbc.id(), SbcStatus.waiting(sbc), status -> status.reached(sbc, stats, null, old));
		board.update(sbc.id(), SbcStatus.waiting(sbc),
				status -> status.failed(sbc, new GatewayError.Unreachable("refused"), old.plusSeconds(10), PAUSE));
		// applied from what another instance polled: shown here, kept by that instance only
		board.update(sbc.id(), SbcStatus.waiting(sbc), status -> status.reached(sbc, stats, null, T0), false);
		history.flush();
		assertThat(history.of(sbc.id())).extracting(StateChange::condition)
			.containsExactly(Condition.UNREACHABLE, Condition.UP);

		MonitoringProperties kept90Days = MonitoringSettings.of(Map.of("state-history-kept", "90d"));
		int pruned = new StateHistoryPruning(this.changes, kept90Days,
				java.time.Clock.fixed(T0, java.time.ZoneOffset.UTC)).prune();

		// the first ended 100 days ago; the second, still the SBC's condition here, never ended
		assertThat(pruned).isEqualTo(1);
		assertThat(history.of(sbc.id())).extracting(StateChange::condition).containsExactly(Condition.UNREACHABLE);
		history.destroy();
	}

}
