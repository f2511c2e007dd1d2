package app.vsxi.dashboard.cluster;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;

import app.vsxi.dashboard.audit.AuditChain;
import app.vsxi.dashboard.fleet.FleetService;
import app.vsxi.dashboard.monitoring.StateHistoryPruning;
import app.vsxi.dashboard.support.SameApplication;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The jobs that must run once for all instances take their turn through a lock in the database: while another
 * instance holds it, this one skips the turn; once it is free, this one runs the job.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles({ "demo", "test" })
@ResourceLock(providers = SameApplication.class)
class JobsRunOnceTests {

	@Autowired
	StateHistoryPruning pruning;

	@Autowired
	AuditChain chain;

	@Autowired
	FleetService fleet;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void aJobAnotherInstanceIsRunningIsSkippedHereAndRunsOnceItsLockIsFree() {
		long sbc = this.fleet.everySbc().get(0).id();
		Instant now = Instant.now();
		this.jdbc.update("INSERT INTO state_change (sbc_id, condition, detail, started_at, ended_at) "
				+ "VALUES (?, 'UNREACHABLE', 'long ago', ?, ?)", sbc, Timestamp.from(now.minus(Duration.ofDays(200))),
				Timestamp.from(now.minus(Duration.ofDays(199))));
		this.jdbc.update("DELETE FROM shedlock WHERE name = 'state-history-pruning'");
		this.jdbc.update("INSERT INTO shedlock (name, lock_until, locked_at, locked_by) VALUES "
				+ "('state-history-pruning', ?, ?, 'another-instance')", Timestamp.from(now.plus(Duration.ofHours(1))),
				Timestamp.from(now));

		this.pruning.run();
		assertThat(longAgo()).as("kept while another instance holds the job").isEqualTo(1);

		this.jdbc.update("UPDATE shedlock SET lock_until = ? WHERE name = 'state-history-pruning'",
				Timestamp.from(now.minusSeconds(1)));
		this.pruning.run();

		assertThat(longAgo()).as("pruned once the job was this instance's turn").isZero();
		assertThat(this.jdbc.queryForObject("SELECT locked_by FROM shedlock WHERE name = 'state-history-pruning'",
				String.class)).isNotEqualTo("another-instance");
	}

	@Test
	void sealingTheAuditTrailTakesItsLock() {
		this.chain.seal();

		assertThat(this.jdbc.queryForList("SELECT name FROM shedlock", String.class)).contains("audit-seal");
	}

	private int longAgo() {
		Integer count = this.jdbc.queryForObject("SELECT COUNT(*) FROM state_change WHERE detail = 'long ago'",
				Integer.class);
		return count == null ? -1 : count;
	}

}
