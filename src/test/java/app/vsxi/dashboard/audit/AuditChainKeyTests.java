package app.vsxi.dashboard.audit;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import app.vsxi.dashboard.support.SameApplication;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The chain is keyed: someone with the whole database (on H2 there is no trigger to get past) who changes an
 * event and recomputes every seal after it, with plain SHA-256 or with a key of their own, is still found out.
 */
@SpringBootTest(properties = { "vsxi.audit.seal-interval=1h", "vsxi.monitoring.poll-interval=1h" })
@ActiveProfiles("test")
@WithMockUser(roles = "ADMIN")
@ResourceLock(providers = SameApplication.class)
class AuditChainKeyTests {

	@Autowired
	AuditLog audit;

	@Autowired
	AuditChain chain;

	@Autowired
	JdbcTemplate jdbc;

	private String tag;

	@BeforeEach
	void aFreshChainOverThreeEvents() {
		// each test tampers with the chain: start every one from no seal at all
		this.jdbc.update("DELETE FROM audit_seal");
		this.tag = "k" + System.nanoTime();
		this.audit.recordAs(this.tag + "-alice", AuditAction.SBC_UPDATE, "nyc-1", 1L, AuditOutcome.SUCCESS, "site: A → B");
		this.audit.recordAs(this.tag + "-bob", AuditAction.SBC_DELETE, "lon-1", 2L, AuditOutcome.SUCCESS, null);
		this.audit.recordAs(this.tag + "-carol", AuditAction.GRANT, "dave", 2L, AuditOutcome.SUCCESS, "VIEWER on B");
	}

	@Test
	void anHonestKeyedChainVerifies() {
		AuditChain.ChainCheck check = this.chain.verify();

		assertThat(check.intact()).as(check.message()).isTrue();
		assertThat(check.message()).isEqualTo("Every sealed event is as it was written.");
		assertThat(this.jdbc.queryForList("SELECT DISTINCT scheme FROM audit_seal", String.class))
			.containsExactly("HMAC-SHA256");
	}

	@Test
	void aChainRecomputedWithPlainSha256AfterAChangeIsBroken() {
		this.chain.verify();
		long bob = changeBobsEvent();

		recompute(this::sha256, null);

		AuditChain.ChainCheck check = this.chain.verify();
		assertThat(check.intact()).isFalse();
		assertThat(check.brokenAt()).isEqualTo(firstSealedEvent());
		assertThat(bob).isPositive();
	}

	@Test
	void aChainRecomputedWithPlainSha256AndMarkedUnkeyedIsBroken() {
		this.chain.verify();
		changeBobsEvent();

		recompute(this::sha256, "SHA-256");

		AuditChain.ChainCheck check = this.chain.verify();
		assertThat(check.intact()).isFalse();
		assertThat(check.message()).contains("recomputed without the key");
	}

	@Test
	void aChainRecomputedWithAnotherKeyIsBroken() {
		this.chain.verify();
		changeBobsEvent();
		byte[] otherKey = new byte[32];
		new SecureRandom().nextBytes(otherKey);

		recompute(text -> hmac(otherKey, text), null);

		AuditChain.ChainCheck check = this.chain.verify();
		assertThat(check.intact()).isFalse();
		assertThat(check.brokenAt()).isEqualTo(firstSealedEvent());
	}

	@Test
	void unkeyedSealsFromBeforeTheKeyVerifyWhenAKeyedSealFollowsAndAreCoveredByIt() {
		// the chain as it stood before the key: every event sealed with plain SHA-256
		sealEverythingUnkeyed();
		this.audit.recordAs(this.tag + "-erin", AuditAction.SBC_CREATE, "par-1", 1L, AuditOutcome.SUCCESS, null);

		AuditChain.ChainCheck check = this.chain.verify();
		assertThat(check.intact()).as(check.message()).isTrue();
		assertThat(check.message()).contains("before the chain was keyed");

		// changing an old event and recomputing the unkeyed seals breaks the first keyed seal
		changeBobsEvent();
		List<Long> unkeyed = this.jdbc.queryForList("SELECT event_id FROM audit_seal WHERE scheme = 'SHA-256' ORDER BY seq",
				Long.class);
		String previous = AuditChain.GENESIS;
		for (Long eventId : unkeyed) {
			String hash = sha256(AuditChain.text(previous, event(eventId)));
			this.jdbc.update("UPDATE audit_seal SET previous_hash = ?, hash = ? WHERE event_id = ?", previous, hash, eventId);
			previous = hash;
		}

		AuditChain.ChainCheck broken = this.chain.verify();
		assertThat(broken.intact()).isFalse();
		assertThat(broken.brokenAt()).isEqualTo(
				this.jdbc.queryForObject("SELECT MIN(event_id) FROM audit_seal WHERE scheme = 'HMAC-SHA256'", Long.class));
	}

	private long changeBobsEvent() {
		Long bob = this.jdbc.queryForObject("SELECT id FROM audit_event WHERE actor = ?", Long.class, this.tag + "-bob");
		this.jdbc.update("UPDATE audit_event SET target = 'nothing-here' WHERE id = ?", bob);
		return bob;
	}

	/** What an intruder with the database does: every seal again, in order, over the events as they are now. */
	private void recompute(java.util.function.UnaryOperator<String> seal, String scheme) {
		List<Long> sealed = this.jdbc.queryForList("SELECT event_id FROM audit_seal ORDER BY seq", Long.class);
		String previous = AuditChain.GENESIS;
		for (Long eventId : sealed) {
			String hash = seal.apply(AuditChain.text(previous, event(eventId)));
			this.jdbc.update("UPDATE audit_seal SET previous_hash = ?, hash = ? WHERE event_id = ?", previous, hash, eventId);
			if (scheme != null) {
				this.jdbc.update("UPDATE audit_seal SET scheme = ?, key_id = NULL WHERE event_id = ?", scheme, eventId);
			}
			previous = hash;
		}
	}

	private void sealEverythingUnkeyed() {
		List<Long> events = this.jdbc.queryForList("SELECT id FROM audit_event ORDER BY id", Long.class);
		String previous = AuditChain.GENESIS;
		long seq = 0;
		for (Long eventId : events) {
			String hash = sha256(AuditChain.text(previous, event(eventId)));
			this.jdbc.update("INSERT INTO audit_seal (seq, event_id, previous_hash, hash, scheme) VALUES (?, ?, ?, ?, 'SHA-256')",
					++seq, eventId, previous, hash);
			previous = hash;
		}
	}

	private long firstSealedEvent() {
		return this.jdbc.queryForObject("SELECT event_id FROM audit_seal WHERE seq = 1", Long.class);
	}

	private AuditEvent event(long id) {
		return this.jdbc.queryForObject("SELECT * FROM audit_event WHERE id = ?", AuditLog.ROWS, id);
	}

	private String sha256(String text) {
		try {
			return HexFormat.of()
				.formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
		}
		catch (java.security.NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String hmac(byte[] key, String text) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(key, "HmacSHA256"));
			return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
		}
		catch (java.security.GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
