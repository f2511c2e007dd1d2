package app.vsxi.dashboard.backups;

import java.io.ByteArrayOutputStream;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

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
		Tally tally = new Tally(sbc.id(), by);
		for (EditableTable table : Subjects.tables()) {
			TableDownloads.Downloaded read = this.downloads.download(endpoint, table, row -> {
			});
			if (read instanceof TableDownloads.Downloaded.Table rows) {
				tally.keep(table.table(), () -> this.keeper.table(sbc.id(), table, rows.root(), rows.item(),
						rows.rows(), Cause.BOX, null, by, this.clock.instant(), null));
			}
			else {
				tally.failed(table.table(), ((TableDownloads.Downloaded.Failed) read).error().message());
			}
		}
		for (VsxiTable file : Subjects.FILES) {
			ByteArrayOutputStream bytes = new ByteArrayOutputStream();
			GatewayResult<Long> read = this.gateway.downloadFile(endpoint, file, bytes).block(LONGEST);
			if (read != null && read.isOk()) {
				tally.keep(file.toString(),
						() -> this.keeper.file(sbc.id(), file.toString(), bytes.toByteArray(), by, this.clock.instant()));
			}
			else {
				tally.failed(file.toString(), read == null ? "no answer" : read.failure().orElseThrow().message());
			}
		}
		Run run = tally.run();
		this.audit.recordAs(by, AuditAction.BACKUP, sbc.name(), sbc.groupId(),
				run.failed().isEmpty() ? AuditOutcome.SUCCESS : AuditOutcome.FAILED, run.text());
		return run;
	}

	/** What one run found so far, table by table; a read that fails, or is read but not kept, fails alone. */
	private final class Tally {

		private final long sbcId;

		private final String by;

		private int unchanged;

		private int changed;

		private final List<String> drift = new ArrayList<>();

		private final List<String> failed = new ArrayList<>();

		Tally(long sbcId, String by) {
			this.sbcId = sbcId;
			this.by = by;
		}

		void keep(String subject, Supplier<VersionKeeper.Found> keep) {
			VersionKeeper.Found found;
			try {
				found = keep.get();
			}
			catch (RuntimeException ex) {
				failed(subject, "read, but not kept: " + ex.getMessage());
				return;
			}
			if (found.outcome() == Outcome.UNCHANGED) {
				this.unchanged++;
			}
			else {
				this.changed++;
				if (found.drift()) {
					this.drift.add(subject);
				}
			}
		}

		void failed(String subject, String reason) {
			SbcBackup.this.keeper.failed(this.sbcId, subject, reason, this.by, SbcBackup.this.clock.instant());
			this.failed.add(subject + ": " + reason);
		}

		Run run() {
			return new Run(this.unchanged, this.changed, this.drift, this.failed);
		}

	}

}
