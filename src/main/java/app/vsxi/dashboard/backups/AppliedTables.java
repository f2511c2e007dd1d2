package app.vsxi.dashboard.backups;

import java.time.Clock;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import app.vsxi.dashboard.fleet.FleetService;
import app.vsxi.dashboard.fleet.Sbc;
import app.vsxi.dashboard.tables.EditableTable;
import app.vsxi.dashboard.tables.TableDownloads;
import app.vsxi.dashboard.tables.TableWritten;

/**
 * Every write the dashboard makes to a table goes into its history: the table as read just before the write is
 * checked like a backup (so a change made on the box since the last backup is drift, found now rather than taken
 * for the dashboard's), then the table as read back after it is a version of the write's own, by its user. A write
 * that failed partway, or whose read-back failed, is read back here, on a thread of its own, so its change is not
 * left for the next backup to take for the box's. A failure here is logged and never fails the write, which is
 * already done.
 */
@Component
class AppliedTables implements DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(AppliedTables.class);

	private final VersionKeeper keeper;

	private final TableDownloads downloads;

	private final FleetService fleet;

	private final Clock clock;

	private final ExecutorService readBacks = Executors.newSingleThreadExecutor(task -> {
		Thread thread = new Thread(task, "backup-read-back");
		thread.setDaemon(true);
		return thread;
	});

	AppliedTables(VersionKeeper keeper, TableDownloads downloads, FleetService fleet, Clock clock) {
		this.keeper = keeper;
		this.downloads = downloads;
		this.fleet = fleet;
		this.clock = clock;
	}

	@EventListener
	void written(TableWritten written) {
		Subjects.table(written.table()).ifPresent(table -> {
			String by = written.actor();
			try {
				this.keeper.table(written.sbcId(), table, written.root(), written.item(), written.before(), Cause.BOX,
						null, by, written.readBefore(), null);
				if (written.after() != null) {
					this.keeper.table(written.sbcId(), table, written.root(), written.item(), written.after(),
							Cause.APPLY, written.what() + " by " + by, by, written.readAfter(), written.readBefore());
				}
				else {
					this.readBacks.execute(() -> readBack(written, table, by));
				}
			}
			catch (RuntimeException ex) {
				log.warn("The history of {} on SBC {} missed a write: {}", written.table(), written.sbcId(), ex.toString());
			}
		});
	}

	private void readBack(TableWritten written, EditableTable table, String by) {
		try {
			Sbc sbc = this.fleet.everySbc().stream().filter(each -> each.id() == written.sbcId()).findFirst()
				.orElse(null);
			if (sbc == null) {
				return;
			}
			TableDownloads.Downloaded read = this.downloads.download(this.fleet.endpoint(sbc), table, row -> {
			});
			if (read instanceof TableDownloads.Downloaded.Table rows) {
				this.keeper.table(written.sbcId(), table, rows.root(), rows.item(), rows.rows(), Cause.APPLY,
						written.what() + " by " + by + " (read back for the history)", by, this.clock.instant(),
						written.readBefore());
			}
		}
		catch (RuntimeException ex) {
			log.warn("The history of {} on SBC {} could not read back a write: {}", written.table(), written.sbcId(),
					ex.toString());
		}
	}

	@Override
	public void destroy() {
		this.readBacks.shutdownNow();
	}

}
