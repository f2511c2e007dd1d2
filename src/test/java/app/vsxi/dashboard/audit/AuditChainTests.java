package app.vsxi.dashboard.audit;

import app.vsxi.dashboard.support.SameApplication;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/** The hash chain over the audit trail shows an event changed after it was written. */
@SpringBootTest(properties = "vsxi.audit.seal-interval=1h")
@ActiveProfiles("test")
@WithMockUser(roles = "ADMIN")
@ResourceLock(providers = SameApplication.class)
class AuditChainTests {

	@Autowired
	AuditLog audit;

	@Autowired
	AuditChain chain;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void anUntouchedTrailVerifiesAndAChangedEventBreaksTheChainThere() {
		this.audit.recordAs("chain-alice", AuditAction.SBC_UPDATE, "nyc-1", 1L, AuditOutcome.SUCCESS, "site: A → B");
		this.audit.recordAs("chain-bob", AuditAction.SBC_DELETE, "lon-1", 2L, AuditOutcome.SUCCESS, null);
		this.audit.recordAs("chain-carol", AuditAction.GRANT, "dave", 2L, AuditOutcome.SUCCESS, "VIEWER on B");

		AuditChain.ChainCheck intact = this.chain.verify();
		assertThat(intact.intact()).as(intact.message()).isTrue();
		assertThat(intact.unsealed()).isZero();
		assertThat(intact.head()).hasSize(64);

		// what an intruder with SQL access (and no triggers, as on H2) could do
		Long bob = this.jdbc.queryForObject("SELECT id FROM audit_event WHERE actor = 'chain-bob'", Long.class);
		this.jdbc.update("UPDATE audit_event SET target = 'nothing-here' WHERE id = ?", bob);

		AuditChain.ChainCheck broken = this.chain.verify();
		assertThat(broken.intact()).isFalse();
		assertThat(broken.brokenAt()).isEqualTo(bob);
	}

}
