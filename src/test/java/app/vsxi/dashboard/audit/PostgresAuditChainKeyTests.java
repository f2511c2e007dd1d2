package app.vsxi.dashboard.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.SQLException;
import java.util.HexFormat;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;

import app.vsxi.dashboard.support.PostgresDatabase;
import app.vsxi.dashboard.support.RequiresPostgres;
import app.vsxi.dashboard.support.SameApplication;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * On PostgreSQL the database's owner can lift the triggers that keep the trail append-only; the keyed chain
 * still shows what they changed and resealed.
 */
@RequiresPostgres
@SpringBootTest(properties = { "vsxi.audit.seal-interval=1h", "vsxi.monitoring.poll-interval=1h" })
@ActiveProfiles({ "test", "postgres" })
@WithMockUser(roles = "ADMIN")
@ResourceLock(providers = SameApplication.class)
class PostgresAuditChainKeyTests {

	private static PostgresDatabase database;

	@DynamicPropertySource
	static void postgres(DynamicPropertyRegistry registry) {
		database = new PostgresDatabase();
		database.register(registry);
	}

	@Autowired
	AuditLog audit;

	@Autowired
	AuditChain chain;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void theOwnerWhoLiftsTheTriggersChangesAnEventAndResealsWithSha256IsFoundOut() throws Exception {
		String tag = "pg" + System.nanoTime();
		this.audit.recordAs(tag + "-alice", AuditAction.SBC_UPDATE, "nyc-1", 1L, AuditOutcome.SUCCESS, "site: A → B");
		this.audit.recordAs(tag + "-bob", AuditAction.SBC_DELETE, "lon-1", 2L, AuditOutcome.SUCCESS, null);
		AuditChain.ChainCheck honest = this.chain.verify();
		assertThat(honest.intact()).as(honest.message()).isTrue();

		this.jdbc.execute("ALTER TABLE audit_event DISABLE TRIGGER audit_event_no_change");
		this.jdbc.execute("ALTER TABLE audit_seal DISABLE TRIGGER audit_seal_no_change");
		this.jdbc.update("UPDATE audit_event SET target = 'nothing-here' WHERE actor = ?", tag + "-bob");
		String previous = AuditChain.GENESIS;
		for (Long eventId : this.jdbc.queryForList("SELECT event_id FROM audit_seal ORDER BY seq", Long.class)) {
			AuditEvent event = this.jdbc.queryForObject("SELECT * FROM audit_event WHERE id = ?", AuditLog.ROWS, eventId);
			String hash = HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256")
					.digest(AuditChain.text(previous, event).getBytes(StandardCharsets.UTF_8)));
			this.jdbc.update("UPDATE audit_seal SET previous_hash = ?, hash = ?, scheme = 'SHA-256', key_id = NULL "
					+ "WHERE event_id = ?", previous, hash, eventId);
			previous = hash;
		}
		this.jdbc.execute("ALTER TABLE audit_seal ENABLE TRIGGER audit_seal_no_change");
		this.jdbc.execute("ALTER TABLE audit_event ENABLE TRIGGER audit_event_no_change");

		AuditChain.ChainCheck check = this.chain.verify();
		assertThat(check.intact()).isFalse();
		assertThat(check.message()).contains("recomputed without the key");
		assertThat(this.jdbc.queryForList("SELECT DISTINCT scheme FROM audit_seal", String.class))
			.isEqualTo(List.of("SHA-256"));
	}

	@AfterAll
	static void dropSchema() throws SQLException {
		if (database != null) {
			database.drop();
		}
	}

}
