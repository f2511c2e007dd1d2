package app.vsxi.dashboard.monitoring;

import java.util.Locale;

import app.vsxi.dashboard.fleet.SbcHealth;

import org.springframework.stereotype.Component;

/** The fleet list's health of an SBC: its state and badge as the last poll left them. */
@Component
class PolledHealth implements SbcHealth {

	private final StatusBoard board;

	PolledHealth(StatusBoard board) {
		this.board = board;
	}

	@Override
	public Health of(long sbcId) {
		SbcStatus status = this.board.get(sbcId);
		return status == null ? null : new Health(status.state().name().toLowerCase(Locale.ROOT), status.badge());
	}

}
