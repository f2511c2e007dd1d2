package app.vsxi.dashboard.backups;

import java.time.Clock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import app.vsxi.dashboard.tables.TableWritten;

/**
 * Every write the dashboard makes to a table goes into its history: the table as read just before the write is
 * checked like a backup (so a change made on the box since the last backup is drift, found now rather than taken
 * for the dashboard's), then the table as read back after it is a version of the write's own, by its user. A
 * failure here is logged and never fails the write, which is already done.
 */
@Component
class AppliedTables {

	private static final Logger log = LoggerFactory.getLogger(AppliedTables.class);

	private final VersionKeeper keeper;

	private final Clock clock;

	AppliedTables(VersionKeeper keeper, Clock clock) {
		this.keeper = keeper;
		this.clock = clock;
	}

	@EventListener
	void written(TableWritten written) {
		Subjects.table(written.table()).ifPresent(table -> {
			try {
				String by = written.actor();
				this.keeper.table(written.sbcId(), table, written.root(), written.item(), written.before(), Cause.BOX,
						null, by, this.clock.instant());
				if (written.after() != null) {
					this.keeper.table(written.sbcId(), table, written.root(), written.item(), written.after(),
							Cause.APPLY, written.what() + " by " + by, by, this.clock.instant());
				}
			}
			catch (RuntimeException ex) {
				log.warn("The history of {} on SBC {} missed a write: {}", written.table(), written.sbcId(), ex.toString());
			}
		});
	}

}
