package app.vsxi.dashboard.monitoring;

import java.time.Clock;
import java.util.concurrent.TimeUnit;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DataAccessException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Hourly, on one instance: forgets the conditions of SBCs that ended longer ago than {@code state-history-kept}. */
@Component
public class StateHistoryPruning {

	private static final Logger log = LoggerFactory.getLogger(StateHistoryPruning.class);

	private final StateChangeRepository changes;

	private final MonitoringProperties properties;

	private final Clock clock;

	StateHistoryPruning(StateChangeRepository changes, MonitoringProperties properties, Clock clock) {
		this.changes = changes;
		this.properties = properties;
		this.clock = clock;
	}

	/** The scheduled turn; a job lock cannot pass on what a method returns, so this one returns nothing. */
	@Scheduled(initialDelay = 2, fixedDelay = 60, timeUnit = TimeUnit.MINUTES)
	@SchedulerLock(name = "state-history-pruning", lockAtMostFor = "PT30M")
	public void run() {
		try {
			prune();
		}
		catch (DataAccessException ex) {
			log.warn("Old SBC conditions not deleted this time; tried again at the next run: {}", ex.getMessage());
		}
	}

	/** Deletes the conditions that ended longer ago than kept; how many. */
	int prune() {
		return this.changes.deleteEndedBefore(this.clock.instant().minus(this.properties.stateHistoryKept()));
	}

}
