package app.vsxi.dashboard.backups;

import java.io.ByteArrayOutputStream;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Component;

import app.vsxi.dashboard.audit.AuditAction;
import app.vsxi.dashboard.audit.AuditLog;
import app.vsxi.dashboard.audit.AuditOutcome;
import app.vsxi.dashboard.fleet.FleetService;
import app.vsxi.dashboard.fleet.Sbc;
import app.vsxi.dashboard.gateway.GatewayResult;
import app.vsxi.dashboard.gateway.SbcEndpoint;
import app.vsxi.dashboard.gateway.TableCommands;
import app.vsxi.dashboard.gateway.VsxiTable;
import app.vsxi.dashboard.tables.EditableTable;
import app.vsxi.dashboard.tables.TableDownloads;
import app.vsxi.dashboard.web.Plural;

/**
 * Backs up one SBC: reads each table the editor can read, plain or Large as the editor opens it, then the system
 * and hardware files, one after another through the SBC's one queue (so never beside a poll or a write), records
 * what each read found, and audits the run in one line. A table that cannot be read is a failed check; the others
 * go on.
 */
@Component
class SbcBackup {

	private static final Duration LONGEST = Duration.ofMinutes(10);

	private final FleetService fleet;

	private final TableDownloads downloads;

	private final TableCommands gateway;

	private final VersionKeeper keeper;

	private final AuditLog audit;

	private final Clock clock;

	SbcBackup(FleetService fleet, TableDownloads downloads, TableCommands gateway, VersionKeeper keeper,
			AuditLog audit, Clock clock) {
		this.fleet = fleet;
		this.downloads = downloads;
		this.gateway = gateway;
		this.keeper = keeper;
		this.audit = audit;
		this.clock = clock;
	}

	/** What one run found, table by table. */
	record Run(int unchanged, int changed, List<String> drift, List<String> failed) {

		String text() {
			return Plural.count(this.unchanged + this.changed + this.failed.size(), "table or file", "tables and files")
					+ " read: " + this.unchanged + " unchanged, " + this.changed + " changed"
					+ (this.drift.isEmpty() ? "" : " (changed on the box: " + String.join(", ", this.drift) + ")")
					+ (this.failed.isEmpty() ? "" : ", " + this.failed.size() + " failed: " + String.join("; ", this.failed));
		}

	}

	Run run(Sbc sbc, String by) {
		SbcEndpoint endpoint = this.fleet.endpoint(sbc);
		int unchanged = 0;
		int changed = 0;
		List<String> drift = new ArrayList<>();
		List<String> failed = new ArrayList<>();
		for (EditableTable table : Subjects.tables()) {
			TableDownloads.Downloaded read = this.downloads.download(endpoint, table, row -> {
			});
			if (read instanceof TableDownloads.Downloaded.Failed failure) {
				this.keeper.failed(sbc.id(), table.table(), failure.error().message(), by, this.clock.instant());
				failed.add(table.table() + ": " + failure.error().message());
				continue;
			}
			TableDownloads.Downloaded.Table rows = (TableDownloads.Downloaded.Table) read;
			VersionKeeper.Found found;
			try {
				found = this.keeper.table(sbc.id(), table, rows.root(), rows.item(), rows.rows(), Cause.BOX, null, by,
						this.clock.instant(), null);
			}
			catch (RuntimeException ex) {
				// read, but not kept: the next table goes on, and this one shows as failed
				String reason = "read, but not kept: " + ex.getMessage();
				this.keeper.failed(sbc.id(), table.table(), reason, by, this.clock.instant());
				failed.add(table.table() + ": " + reason);
				continue;
			}
			if (found.outcome() == Outcome.UNCHANGED) {
				unchanged++;
			}
			else {
				changed++;
				if (found.drift()) {
					drift.add(table.table());
				}
			}
		}
		for (VsxiTable file : Subjects.FILES) {
			ByteArrayOutputStream bytes = new ByteArrayOutputStream();
			GatewayResult<Long> read = this.gateway.downloadFile(endpoint, file, bytes).block(LONGEST);
			if (read == null || !read.isOk()) {
				String reason = read == null ? "no answer" : read.failure().orElseThrow().message();
				this.keeper.failed(sbc.id(), file.toString(), reason, by, this.clock.instant());
				failed.add(file + ": " + reason);
				continue;
			}
			VersionKeeper.Found found;
			try {
				found = this.keeper.file(sbc.id(), file.toString(), bytes.toByteArray(), by, this.clock.instant());
			}
			catch (RuntimeException ex) {
				String reason = "read, but not kept: " + ex.getMessage();
				this.keeper.failed(sbc.id(), file.toString(), reason, by, this.clock.instant());
				failed.add(file + ": " + reason);
				continue;
			}
			if (found.outcome() == Outcome.UNCHANGED) {
				unchanged++;
			}
			else {
				changed++;
			}
		}
		Run run = new Run(unchanged, changed, drift, failed);
		this.audit.recordAs(by, AuditAction.BACKUP, sbc.name(), sbc.groupId(),
				failed.isEmpty() ? AuditOutcome.SUCCESS : AuditOutcome.FAILED, run.text());
		return run;
	}

}
