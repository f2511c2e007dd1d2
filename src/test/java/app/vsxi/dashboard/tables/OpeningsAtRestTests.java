package app.vsxi.dashboard.tables;

import java.util.List;

import org.junit.jupiter.api.Test;

import app.vsxi.dashboard.cluster.DatabaseClock;
import app.vsxi.dashboard.support.MigratedDatabase;

import static org.assertj.core.api.Assertions.assertThat;

/** What the database says of a download is what its instance said last, and a download that ended stays ended. */
class OpeningsAtRestTests {

	private final MigratedDatabase database = MigratedDatabase.h2();

	private final OpeningsAtRest atRest = new OpeningsAtRest(this.database.jdbc(),
			new DatabaseClock(this.database.jdbc(), this.database.dataSource()));

	private final long sbc = this.database.addSbc("sbc-1");

	private TableOpenings.Progress running(String id, long rows) {
		return new TableOpenings.Progress(id, this.sbc, "route", rows, 1, null, null,
				new TableOpenings.Arrived(List.of(), List.of()));
	}

	@Test
	void aProgressReportWrittenAfterTheEndDoesNotMakeTheDownloadRunAgain() {
		long now = System.currentTimeMillis();
		this.atRest.started(running("d1", 0), "alice", now);
		assertThat(this.atRest.running("alice", this.sbc, "route")).contains("d1");

		// the download ends with its draft; the reporter's read of a moment before lands after it
		this.atRest.progressed(new TableOpenings.Progress("d1", this.sbc, "route", 332, 2, 5L, null,
				new TableOpenings.Arrived(List.of(), List.of())), now + 2000);
		this.atRest.progressed(running("d1", 300), null);

		assertThat(this.atRest.running("alice", this.sbc, "route")).isEmpty();
		assertThat(this.atRest.runningOf("alice")).isZero();
		TableOpenings.Progress read = this.atRest.find("alice", this.sbc, "d1", now + 3000).orElseThrow();
		assertThat(read.draftId()).isEqualTo(5L);
		assertThat(read.rows()).isEqualTo(332);
	}

	@Test
	void aRunningDownloadsReportsAreWrittenUntilItEnds() {
		long now = System.currentTimeMillis();
		this.atRest.started(running("d2", 0), "bob", now);
		this.atRest.progressed(running("d2", 120), null);

		TableOpenings.Progress read = this.atRest.find("bob", this.sbc, "d2", now + 1000).orElseThrow();
		assertThat(read.rows()).isEqualTo(120);
		assertThat(read.running()).isTrue();
		assertThat(this.atRest.runningOf("bob")).isEqualTo(1);
	}

}
