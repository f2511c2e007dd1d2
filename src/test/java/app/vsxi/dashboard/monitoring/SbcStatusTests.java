package app.vsxi.dashboard.monitoring;

import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.Test;

import app.vsxi.dashboard.fleet.Sbc;
import app.vsxi.dashboard.gateway.GatewayError;
import app.vsxi.dashboard.gateway.RealtimeStats;

import static org.assertj.core.api.Assertions.assertThat;

class SbcStatusTests {

	private final Sbc sbc = new Sbc(3L, "nyc-1", "https://10.0.0.1:8888", "api", "k:x", "NYC", 1L, null, null, null,
			Instant.now(), Instant.now());

	private final RealtimeStats stats = new RealtimeStats(12, 100, 20, 19750, 2, 10000, 90, "active", Map.of());

	@Test
	void noAnswerIsDownAndAnAnswerThatFailsIsAnError() {
		SbcStatus waiting = SbcStatus.waiting(this.sbc);

		assertThat(waiting.failed(this.sbc, new GatewayError.Unreachable("connection refused"), Instant.now()).state())
			.isEqualTo(SbcStatus.State.DOWN);
		assertThat(waiting.failed(this.sbc, new GatewayError.Timeout("read"), Instant.now()).state())
			.isEqualTo(SbcStatus.State.DOWN);
		assertThat(waiting.failed(this.sbc, new GatewayError.NotAuthorized("401 …"), Instant.now()).state())
			.isEqualTo(SbcStatus.State.ERROR);
		assertThat(waiting.failed(this.sbc, new GatewayError.CertificateNotConfirmed(), Instant.now()).state())
			.isEqualTo(SbcStatus.State.ERROR);
	}

	@Test
	void theBadgeNamesTheKindOfTrouble() {
		SbcStatus waiting = SbcStatus.waiting(this.sbc);

		assertThat(waiting.badge()).isEqualTo("Waiting");
		assertThat(waiting.failed(this.sbc, new GatewayError.Unreachable("x"), Instant.now()).badge())
			.isEqualTo("Unreachable");
		assertThat(waiting.failed(this.sbc, new GatewayError.NotAuthorized("401"), Instant.now()).badge())
			.isEqualTo("Login refused");
		assertThat(waiting.failed(this.sbc, new GatewayError.CertificateChanged("AA", "BB"), Instant.now()).badge())
			.isEqualTo("Certificate changed");
		assertThat(waiting.failed(this.sbc, new GatewayError.CertificateNotConfirmed(), Instant.now()).badge())
			.isEqualTo("Not set up");
		assertThat(waiting.reached(this.sbc, this.stats, null, Instant.now()).badge()).isEqualTo("Reachable");
	}

	@Test
	void theKindOfTroubleComesFromTheErrorNotFromItsSentence() {
		SbcStatus changed = SbcStatus.waiting(this.sbc)
			.failed(this.sbc, new GatewayError.CertificateChanged("AA", "BB"), Instant.now());

		assertThat(changed.trouble()).isEqualTo(Trouble.CERTIFICATE_CHANGED);
		assertThat(changed.trouble().cssClass()).isEqualTo("certificate-changed");
		assertThat(changed.trouble().fixedInConnection()).isTrue();
		assertThat(changed.problem()).isEqualTo(new GatewayError.CertificateChanged("AA", "BB").message());
	}

	@Test
	void whilePollingIsPausedTheLastRealCauseStays() {
		SbcStatus refused = SbcStatus.waiting(this.sbc)
			.failed(this.sbc, new GatewayError.Unreachable("connection refused at 10.0.0.1:8888"), Instant.now());

		SbcStatus paused = refused.failed(this.sbc, new GatewayError.CircuitOpen(), Instant.now());

		assertThat(paused.state()).isEqualTo(SbcStatus.State.DOWN);
		assertThat(paused.error()).isEqualTo(new GatewayError.Unreachable("connection refused at 10.0.0.1:8888"));
		assertThat(paused.problem()).isEqualTo("Unreachable: connection refused at 10.0.0.1:8888");
	}

	@Test
	void theLastKnownFiguresStayWhenAnSbcGoesDownAndItIsUpAgainOnTheNextAnswer() {
		Instant reached = Instant.now().minusSeconds(30);
		SbcStatus up = SbcStatus.waiting(this.sbc).reached(this.sbc, this.stats, "3 day 01:00:00", reached);

		SbcStatus down = up.failed(this.sbc, new GatewayError.Unreachable("connection refused"), Instant.now());
		SbcStatus back = down.reached(this.sbc, this.stats, "3 day 01:01:00", Instant.now());

		assertThat(down.stats()).isEqualTo(this.stats);
		assertThat(down.lastReached()).isEqualTo(reached);
		assertThat(back.state()).isEqualTo(SbcStatus.State.UP);
		assertThat(back.problem()).isNull();
	}

}
