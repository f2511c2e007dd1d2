package app.vsxi.dashboard.monitoring;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.Test;

import app.vsxi.dashboard.fleet.Sbc;
import app.vsxi.dashboard.gateway.GatewayError;
import app.vsxi.dashboard.gateway.RealtimeStats;

import static org.assertj.core.api.Assertions.assertThat;

class SbcStatusTests {

	private static final Duration PAUSE = Duration.ofSeconds(30);

	private static final Instant T0 = Instant.parse("2026-11-29T10:00:00Z");

	private final Sbc sbc = new Sbc(3L, "nyc-1", "https://10.0.0.1:8888", "api", "k:x", "NYC", 1L, null, null, null,
			false, Instant.now(), Instant.now());

	private final RealtimeStats stats = new RealtimeStats(12, 100, 20, 19750, 2, 10000, 90, "active",
			Map.of("slave_stat", "64", "ha_current_state", "active", "ha_pre_state", "standby", "ha_remote_status", "0"));

	private final RealtimeStats slaveStats = new RealtimeStats(12, 100, 20, 19750, 2, 10000, 90, "standby",
			Map.of("slave_stat", "65", "ha_current_state", "standby"));

	@Test
	void noAnswerIsDownAndAnAnswerThatFailsIsAnError() {
		SbcStatus waiting = SbcStatus.waiting(this.sbc);

		assertThat(waiting.failed(this.sbc, new GatewayError.Unreachable("connection refused"), T0, PAUSE).state())
			.isEqualTo(SbcStatus.State.DOWN);
		assertThat(waiting.failed(this.sbc, new GatewayError.Timeout("read"), T0, PAUSE).state())
			.isEqualTo(SbcStatus.State.DOWN);
		assertThat(waiting.failed(this.sbc, new GatewayError.NotAuthorized("401 …"), T0, PAUSE).state())
			.isEqualTo(SbcStatus.State.ERROR);
		assertThat(waiting.failed(this.sbc, new GatewayError.CertificateNotConfirmed(), T0, PAUSE).state())
			.isEqualTo(SbcStatus.State.ERROR);
	}

	@Test
	void theBadgeNamesTheKindOfTrouble() {
		SbcStatus waiting = SbcStatus.waiting(this.sbc);

		assertThat(waiting.badge()).isEqualTo("Waiting");
		assertThat(waiting.failed(this.sbc, new GatewayError.Unreachable("x"), T0, PAUSE).badge())
			.isEqualTo("Unreachable");
		assertThat(waiting.failed(this.sbc, new GatewayError.NotAuthorized("401"), T0, PAUSE).badge())
			.isEqualTo("Login refused");
		assertThat(waiting.failed(this.sbc, new GatewayError.CertificateChanged("AA", "BB"), T0, PAUSE).badge())
			.isEqualTo("Certificate changed");
		assertThat(waiting.failed(this.sbc, new GatewayError.CertificateNotConfirmed(), T0, PAUSE).badge())
			.isEqualTo("Not set up");
		assertThat(waiting.reached(this.sbc, this.stats, null, T0).badge()).isEqualTo("Reachable");
	}

	@Test
	void theKindOfTroubleComesFromTheErrorNotFromItsSentence() {
		SbcStatus changed = SbcStatus.waiting(this.sbc)
			.failed(this.sbc, new GatewayError.CertificateChanged("AA", "BB"), T0, PAUSE);

		assertThat(changed.condition()).isEqualTo(Condition.CERTIFICATE_CHANGED);
		assertThat(changed.condition().cssClass()).isEqualTo("certificate-changed");
		assertThat(changed.condition().fixedInConnection()).isTrue();
		assertThat(changed.problem()).isEqualTo(new GatewayError.CertificateChanged("AA", "BB").message());
	}

	@Test
	void whileTheBreakerHoldsPollsBackTheRowStillSaysUnreachableWithTheRealCauseAndTheNextTryAsADetail() {
		SbcStatus refused = SbcStatus.waiting(this.sbc);
		for (int i = 0; i < 5; i++) {
			refused = refused.failed(this.sbc, new GatewayError.Unreachable("connection refused"), T0.plusSeconds(i),
					PAUSE);
		}

		SbcStatus paused = refused.failed(this.sbc, new GatewayError.CircuitOpen(), T0.plusSeconds(5), PAUSE);
		SbcStatus stillPaused = paused.failed(this.sbc, new GatewayError.CircuitOpen(), T0.plusSeconds(10), PAUSE);

		assertThat(paused.state()).isEqualTo(SbcStatus.State.PAUSED);
		assertThat(paused.condition()).isEqualTo(Condition.UNREACHABLE);
		assertThat(paused.badge()).isEqualTo("Unreachable");
		assertThat(paused.problem()).isEqualTo("Unreachable: connection refused");
		assertThat(paused.failures()).isEqualTo(6);
		assertThat(paused.nextTry()).isEqualTo(T0.plusSeconds(4).plus(PAUSE));
		assertThat(stillPaused.note(T0.plusSeconds(10))).isEqualTo("next try in 24 s");
		assertThat(stillPaused.since()).isEqualTo(T0);
	}

	@Test
	void anOutageFirstSeenHeldBackByTheBreakerTellsTheCauseTheGatewayKept() {
		GatewayError cause = new GatewayError.UnexpectedResponse(503, "Service Unavailable");

		SbcStatus paused = SbcStatus.waiting(this.sbc).reached(this.sbc, this.stats, null, T0)
			.failed(this.sbc, new GatewayError.CircuitOpen(cause), T0.plusSeconds(5), PAUSE);

		assertThat(paused.condition()).isEqualTo(Condition.UNREACHABLE);
		assertThat(paused.problem()).isEqualTo("Unexpected answer (HTTP 503): Service Unavailable");
		assertThat(paused.note(T0.plusSeconds(5))).doesNotContain("failures").startsWith("next try in");
		assertThat(paused.since()).isEqualTo(T0.plusSeconds(5));
	}

	@Test
	void oneOutageKeepsItsStartWhateverEachPollMet() {
		SbcStatus up = SbcStatus.waiting(this.sbc).reached(this.sbc, this.stats, null, T0);

		SbcStatus outage = up.failed(this.sbc, new GatewayError.Unreachable("connection reset"), T0.plusSeconds(5), PAUSE)
			.failed(this.sbc, new GatewayError.CircuitOpen(), T0.plusSeconds(10), PAUSE)
			.failed(this.sbc, new GatewayError.Timeout("read"), T0.plusSeconds(15), PAUSE)
			.failed(this.sbc, new GatewayError.UnexpectedResponse(503, ""), T0.plusSeconds(20), PAUSE);
		SbcStatus back = outage.reached(this.sbc, this.stats, null, T0.plusSeconds(25));

		assertThat(outage.condition()).isEqualTo(Condition.UNREACHABLE);
		assertThat(outage.since()).isEqualTo(T0.plusSeconds(5));
		assertThat(back.since()).isEqualTo(T0.plusSeconds(25));
	}

	@Test
	void anSbcSilentForMoreThanTwoIntervalsIsStaleSinceThen() {
		SbcStatus up = SbcStatus.waiting(this.sbc).reached(this.sbc, this.stats, null, T0);

		SbcStatus early = up.checkedAt(T0.plusSeconds(9), Duration.ofSeconds(10));
		SbcStatus stale = up.checkedAt(T0.plusSeconds(11), Duration.ofSeconds(10));

		assertThat(early.state()).isEqualTo(SbcStatus.State.UP);
		assertThat(stale.state()).isEqualTo(SbcStatus.State.STALE);
		assertThat(stale.badge()).isEqualTo("Stale");
		assertThat(stale.since()).isEqualTo(T0.plusSeconds(10));
		assertThat(stale.stats()).isEqualTo(this.stats);
	}

	@Test
	void theFirstGoodPollClearsAnyTrouble() {
		SbcStatus paused = SbcStatus.waiting(this.sbc)
			.failed(this.sbc, new GatewayError.Rejected("503"), T0, PAUSE)
			.failed(this.sbc, new GatewayError.CircuitOpen(), T0.plusSeconds(1), PAUSE);

		SbcStatus back = paused.reached(this.sbc, this.stats, null, T0.plusSeconds(2));

		assertThat(back.state()).isEqualTo(SbcStatus.State.UP);
		assertThat(back.error()).isNull();
		assertThat(back.failures()).isZero();
		assertThat(back.nextTry()).isNull();
		assertThat(back.since()).isEqualTo(T0.plusSeconds(2));
	}

	@Test
	void aLoadBalanceSlaveShowsItsRoleFromItsStats() {
		SbcStatus slave = SbcStatus.waiting(this.sbc).reached(this.sbc, this.slaveStats, null, T0);
		SbcStatus master = SbcStatus.waiting(this.sbc).reached(this.sbc, this.stats, null, T0);

		assertThat(slave.condition()).isEqualTo(Condition.SLAVE);
		assertThat(slave.ha().role()).isEqualTo("standby");
		assertThat(master.condition()).isEqualTo(Condition.UP);
		assertThat(master.ha().previousRole()).isEqualTo("standby");
		assertThat(master.ha().peerStatus()).isEqualTo("0");
	}

	@Test
	void aSlaveReadFromSlaveStatIsSaidToBeInferredAndOneThatRefusedAChangeIsNot() {
		SbcStatus read = SbcStatus.waiting(this.sbc).reached(this.sbc, this.slaveStats, null, T0);
		SbcStatus refused = SbcStatus.waiting(this.sbc)
			.failed(this.sbc, new GatewayError.SlaveMode("Slave mode", "nyc-0"), T0, PAUSE);

		assertThat(read.slaveInferred()).isTrue();
		assertThat(read.note(T0)).isEqualTo("Load-Balance slave (inferred from slave_stat): takes no changes");
		assertThat(refused.condition()).isEqualTo(Condition.SLAVE);
		assertThat(refused.slaveInferred()).isFalse();
		assertThat(refused.note(T0)).isEqualTo("Load-Balance slave: takes no changes");
	}

	@Test
	void theConditionStartsOnlyWhenItChanges() {
		SbcStatus up = SbcStatus.waiting(this.sbc).reached(this.sbc, this.stats, null, T0);
		SbcStatus upAgain = up.reached(this.sbc, this.stats, null, T0.plusSeconds(5));
		SbcStatus slave = upAgain.reached(this.sbc, this.slaveStats, null, T0.plusSeconds(10));

		assertThat(upAgain.since()).isEqualTo(T0);
		assertThat(slave.since()).isEqualTo(T0.plusSeconds(10));
	}

	@Test
	void theLastKnownFiguresStayWhenAnSbcGoesDownAndItIsUpAgainOnTheNextAnswer() {
		SbcStatus up = SbcStatus.waiting(this.sbc).reached(this.sbc, this.stats, "3 day 01:00:00", T0);

		SbcStatus down = up.failed(this.sbc, new GatewayError.Unreachable("connection refused"), T0.plusSeconds(30),
				PAUSE);
		SbcStatus back = down.reached(this.sbc, this.stats, "3 day 01:01:00", T0.plusSeconds(35));

		assertThat(down.stats()).isEqualTo(this.stats);
		assertThat(down.lastReached()).isEqualTo(T0);
		assertThat(back.state()).isEqualTo(SbcStatus.State.UP);
		assertThat(back.problem()).isNull();
	}

}
