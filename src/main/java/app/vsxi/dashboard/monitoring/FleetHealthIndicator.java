package app.vsxi.dashboard.monitoring;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * {@code /actuator/health} component {@code fleet}: how many SBCs answer, how many do not, how many have open
 * alarms. The dashboard itself stays UP while SBCs are down (it is doing its job by saying so); details are shown
 * to administrators only, as for every component.
 */
@Component
public class FleetHealthIndicator implements HealthIndicator {

	private final StatusBoard board;

	private final OpenAlarms alarms;

	FleetHealthIndicator(StatusBoard board, OpenAlarms alarms) {
		this.board = board;
		this.alarms = alarms;
	}

	@Override
	public Health health() {
		int up = 0;
		int down = 0;
		int waiting = 0;
		int alarmed = 0;
		for (SbcStatus status : this.board.all()) {
			switch (status.condition()) {
				case UP, SLAVE -> up++;
				case WAITING -> waiting++;
				default -> down++;
			}
			if (this.alarms.unacknowledgedCount(status.sbcId()) > 0) {
				alarmed++;
			}
		}
		return Health.up().withDetail("up", up).withDetail("down", down).withDetail("waiting", waiting)
			.withDetail("alarmed", alarmed).build();
	}

}
