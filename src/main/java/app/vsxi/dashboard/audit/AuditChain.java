package app.vsxi.dashboard.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Makes the audit trail tamper-evident. Events are sealed into a hash chain shortly after they are committed, in
 * the order they became visible, by one sealer at a time; sealing after the fact, rather than at insert, keeps
 * the chain a line even when transactions that write events commit out of order. {@link #verify()} walks it.
 * <p>
 * Seals are HMAC-SHA256 under {@code vsxi.audit.chain-key}, which is not in the database, so even the database's
 * owner cannot recompute them. Seals made before the chain was keyed stay plain SHA-256: each is checked as
 * before, and the first keyed seal covers the hash of the last of them, so they are accepted only as the chain's
 * start. An unkeyed seal after a keyed one, or a chain with no keyed seal at all, is a chain recomputed without
 * the key.
 */
@Component
public class AuditChain {

	static final String GENESIS = "0".repeat(64);

	/** Seals made before the chain had a key. */
	static final String UNKEYED = "SHA-256";

	static final String KEYED = "HMAC-SHA256";

	private static final Logger log = LoggerFactory.getLogger(AuditChain.class);

	private static final int BATCH = 1000;

	private final JdbcTemplate jdbc;

	private final TransactionTemplate transaction;

	private final ChainKey key;

	private final AuditLog audit;

	AuditChain(JdbcTemplate jdbc, PlatformTransactionManager transactions, ChainKey key, AuditLog audit) {
		this.jdbc = jdbc;
		this.transaction = new TransactionTemplate(transactions);
		this.key = key;
		this.audit = audit;
	}

	/**
	 * On the first start with a key over a chain of unkeyed seals, writes down that the key came, so that a keyed
	 * seal follows the unkeyed ones at once and covers them.
	 */
	@EventListener(ApplicationReadyEvent.class)
	public void keyIntroduced() {
		Long unkeyed = this.jdbc.queryForObject("SELECT COUNT(*) FROM audit_seal WHERE scheme = ?", Long.class, UNKEYED);
		Long keyed = this.jdbc.queryForObject("SELECT COUNT(*) FROM audit_seal WHERE scheme = ?", Long.class, KEYED);
		if (unkeyed != null && unkeyed > 0 && keyed != null && keyed == 0) {
			this.audit.recordAs(Actor.SYSTEM, AuditAction.AUDIT_CHAIN_KEYED, "audit chain", null, AuditOutcome.SUCCESS,
					unkeyed + " seals made before are plain SHA-256; from here on seals are " + KEYED + " under key "
							+ this.key.id());
		}
	}

	/** Seals every committed event not sealed yet. A concurrent sealer elsewhere makes one of them try again later. */
	@Scheduled(fixedDelayString = "${vsxi.audit.seal-interval:10s}")
	@SchedulerLock(name = "audit-seal", lockAtMostFor = "PT5M")
	public synchronized void seal() {
		try {
			Integer sealed;
			do {
				sealed = this.transaction.execute(status -> sealBatch());
			}
			while (sealed != null && sealed == BATCH);
		}
		catch (DataAccessException ex) {
			log.warn("Audit events not sealed this time; retried at the next run: {}", ex.getMessage());
		}
	}

	private int sealBatch() {
		Map<String, Object> head = this.jdbc.queryForList("SELECT seq, hash FROM audit_seal ORDER BY seq DESC FETCH FIRST 1 ROWS ONLY")
			.stream()
			.findFirst()
			.orElse(Map.of("seq", 0L, "hash", GENESIS));
		long seq = ((Number) head.get("seq")).longValue();
		String previous = (String) head.get("hash");
		List<AuditEvent> events = this.jdbc.query("SELECT e.* FROM audit_event e LEFT JOIN audit_seal s ON s.event_id = e.id "
				+ "WHERE s.event_id IS NULL ORDER BY e.id FETCH FIRST " + BATCH + " ROWS ONLY", AuditLog.ROWS);
		for (AuditEvent event : events) {
			String hash = this.key.mac(text(previous, event));
			this.jdbc.update("INSERT INTO audit_seal (seq, event_id, previous_hash, hash, scheme, key_id) "
					+ "VALUES (?, ?, ?, ?, ?, ?)", ++seq, event.id(), previous, hash, KEYED, this.key.id());
			previous = hash;
		}
		return events.size();
	}

	/** Seals what is waiting, then recomputes the whole chain from its start. */
	@PreAuthorize("hasRole('ADMIN')")
	public ChainCheck verify() {
		seal();
		List<Map<String, Object>> seals = this.jdbc
			.queryForList("SELECT seq, event_id, previous_hash, hash, scheme, key_id FROM audit_seal ORDER BY seq");
		Map<Long, AuditEvent> events = new java.util.HashMap<>();
		this.jdbc.query("SELECT * FROM audit_event", AuditLog.ROWS).forEach(event -> events.put(event.id(), event));
		String previous = GENESIS;
		long expectedSeq = 1;
		long unkeyed = 0;
		boolean keyedSeen = false;
		for (Map<String, Object> seal : seals) {
			long seq = ((Number) seal.get("seq")).longValue();
			long eventId = ((Number) seal.get("event_id")).longValue();
			AuditEvent event = events.get(eventId);
			if (seq != expectedSeq || !previous.equals(seal.get("previous_hash"))) {
				return ChainCheck.broken(seals.size(), eventId, "a seal before event " + eventId + " is missing or was replaced");
			}
			String scheme = (String) seal.get("scheme");
			if (KEYED.equals(scheme)) {
				if (!this.key.id().equals(seal.get("key_id"))) {
					return ChainCheck.broken(seals.size(), eventId, "the seal of event " + eventId
							+ " names another key than this dashboard's vsxi.audit.chain-key");
				}
				keyedSeen = true;
			}
			else if (!UNKEYED.equals(scheme) || keyedSeen) {
				return ChainCheck.broken(seals.size(), eventId, "the seal of event " + eventId
						+ " is not keyed although the chain was keyed before it: it was recomputed without the key");
			}
			else {
				unkeyed++;
			}
			String expected = event == null ? null
					: keyedSeen ? this.key.mac(text(previous, event)) : unkeyed(previous, event);
			if (expected == null || !expected.equals(seal.get("hash"))) {
				return ChainCheck.broken(seals.size(), eventId, "event " + eventId + " differs from what was sealed");
			}
			previous = (String) seal.get("hash");
			expectedSeq++;
		}
		if (unkeyed > 0 && !keyedSeen) {
			long last = ((Number) seals.get(seals.size() - 1).get("event_id")).longValue();
			return ChainCheck.broken(seals.size(), last, "no seal is keyed although this dashboard seals every new "
					+ "event with its key: the chain was recomputed without the key");
		}
		return new ChainCheck(true, seals.size(), events.size() - seals.size(), null, previous,
				unkeyed == 0 ? "Every sealed event is as it was written."
						: "Every sealed event is as it was written. The first " + unkeyed + " seals were made before "
								+ "the chain was keyed (plain SHA-256); the first keyed seal covers them.");
	}

	/** The text a seal covers: the previous seal's hash and every field of the event. */
	static String text(String previous, AuditEvent event) {
		StringBuilder text = new StringBuilder(previous);
		for (Object field : new Object[] { event.id(), event.at().toEpochMilli(), event.actor(), event.sourceIp(),
				event.action(), event.target(), event.groupId(), event.outcome().name(), event.detail() }) {
			String value = field == null ? null : field.toString();
			// length-prefixed, so that no choice of field values can imitate another event
			text.append('|').append(value == null ? -1 : value.length()).append(':').append(value == null ? "" : value);
		}
		if (event.changeId() != null) {
			// only where set: the events sealed before change ids existed keep their seals
			text.append("|change:").append(event.changeId().length()).append(':').append(event.changeId());
		}
		return text.toString();
	}

	/** A seal as made before the chain was keyed, and as anyone with the database can make one. */
	static String unkeyed(String previous, AuditEvent event) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(text(previous, event).getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * What a verification found.
	 *
	 * @param unsealed events not sealed yet (written in the last moments)
	 * @param head the last seal's hash: written down elsewhere now and then, it also shows a cut-off tail
	 */
	public record ChainCheck(boolean intact, long sealed, long unsealed, Long brokenAt, String head, String message) {

		static ChainCheck broken(long sealed, long eventId, String message) {
			return new ChainCheck(false, sealed, 0, eventId, null, message);
		}

	}

}
