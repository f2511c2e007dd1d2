package app.vsxi.dashboard.tables;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import app.vsxi.dashboard.cluster.DatabaseClock;
import app.vsxi.dashboard.gateway.GatewayError;
import app.vsxi.dashboard.gateway.TableRow;
import app.vsxi.dashboard.support.MigratedDatabase;

import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** One user cannot queue any number of table downloads: waiting and running ones together are capped per user. */
class DownloadsPerUserTests {

	private final CountDownLatch release = new CountDownLatch(1);

	/** An editor whose downloads run until the test lets them end. */
	private final DraftOpening editor = new DraftOpening(null, null, null, null, null, null) {
		@Override
		public Opened open(long sbcId, String table, java.util.function.Consumer<TableRow> perRow) {
			try {
				DownloadsPerUserTests.this.release.await(1, TimeUnit.MINUTES);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			return new Opened.Failed(new GatewayError.Unreachable("released by the test"));
		}
	};

	/** Nobody has a draft yet: only the downloads count here. */
	private final DraftRepository drafts = new DraftRepository(null, null, null) {
		@Override
		int countOwnedBy(String owner) {
			return 0;
		}
	};

	/** Where the downloads tell how far they got, for the other instances: SBC 1 is there. */
	private final MigratedDatabase database = withOneSbc(MigratedDatabase.h2());

	private final TableOpenings openings = new TableOpenings(this.editor, properties(),
			new DraftLimits(this.drafts, properties()), new OpeningsAtRest(this.database.jdbc(),
					new DatabaseClock(this.database.jdbc(), this.database.dataSource())));

	private static MigratedDatabase withOneSbc(MigratedDatabase database) {
		database.addSbc("sbc-1");
		return database;
	}

	/** One download at a time, two per user waiting or running. */
	private static TablesProperties properties() {
		return new TablesProperties(1000, 5000, 20, 4, 50, 1, 2, 20, Duration.ofDays(7), 100000);
	}

	@AfterEach
	void stop() {
		this.release.countDown();
		this.openings.destroy();
		SecurityContextHolder.clearContext();
	}

	private TableOpenings.Download start(String user, EditableTable table) {
		SecurityContextHolder.getContext().setAuthentication(new TestingAuthenticationToken(user, null));
		return this.openings.start(1, table.table());
	}

	@Test
	void aDownloadBeyondTheUsersCapIsRefusedWithTheLimitWhileOthersStillMayStart() throws Exception {
		TableOpenings.Download route = start("alice", EditableTable.ROUTE);
		start("alice", EditableTable.RESOURCE);

		assertThatThrownBy(() -> start("alice", EditableTable.DIGIT_MAPPING))
			.isInstanceOf(TableEditorException.class)
			.hasMessage("You already have 2 table downloads waiting or running, the most one user may "
					+ "(vsxi.tables.downloads-per-user): wait for one to finish");
		// asking again for one that runs is no new download
		assertThat(start("alice", EditableTable.ROUTE).id()).isEqualTo(route.id());
		// another user is not held back by alice's
		assertThat(start("bob", EditableTable.DIGIT_MAPPING).progress().running()).isTrue();

		this.release.countDown();
		Instant until = Instant.now().plusSeconds(30);
		SecurityContextHolder.getContext().setAuthentication(new TestingAuthenticationToken("alice", null));
		while (this.openings.find(1, route.id()).progress().running() && Instant.now().isBefore(until)) {
			Thread.sleep(20);
		}
		Thread.sleep(200);
		assertThat(start("alice", EditableTable.DIGIT_MAPPING).progress().table()).isEqualTo("digit_mapping");
	}

}
