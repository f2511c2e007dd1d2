package app.vsxi.dashboard.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Makes the audit trail tamper-evident. Events are sealed into a hash chain shortly after they are committed, in
 * the order they became visible, by one sealer at a time; sealing after the fact, rather than at insert, keeps
 * the chain a line even when transactions that write events commit out of order. {@link #verify()} walks it.
 */
@Component
public class AuditChain {

	static final String GENESIS = "0".repeat(64);

	private static final Logger log = LoggerFactory.getLogger(AuditChain.class);

	private static final int BATCH = 1000;

	private final JdbcTemplate jdbc;

	private final TransactionTemplate transaction;

	AuditChain(JdbcTemplate jdbc, PlatformTransactionManager transactions) {
		this.jdbc = jdbc;
		this.transaction = new TransactionTemplate(transactions);
	}

	/** Seals every committed event not sealed yet. A concurrent sealer elsewhere makes one of them try again later. */
	@Scheduled(fixedDelayString = "${vsxi.audit.seal-interval:10s}")
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
			String hash = link(previous, event);
			this.jdbc.update("INSERT INTO audit_seal (seq, event_id, previous_hash, hash) VALUES (?, ?, ?, ?)", ++seq,
					event.id(), previous, hash);
			previous = hash;
		}
		return events.size();
	}

	/** Seals what is waiting, then recomputes the whole chain from its start. */
	@PreAuthorize("hasRole('ADMIN')")
	public ChainCheck verify() {
		seal();
		List<Map<String, Object>> seals = this.jdbc.queryForList("SELECT seq, event_id, previous_hash, hash FROM audit_seal ORDER BY seq");
		Map<Long, AuditEvent> events = new java.util.HashMap<>();
		this.jdbc.query("SELECT * FROM audit_event", AuditLog.ROWS).forEach(event -> events.put(event.id(), event));
		String previous = GENESIS;
		long expectedSeq = 1;
		for (Map<String, Object> seal : seals) {
			long seq = ((Number) seal.get("seq")).longValue();
			long eventId = ((Number) seal.get("event_id")).longValue();
			AuditEvent event = events.get(eventId);
			if (seq != expectedSeq || !previous.equals(seal.get("previous_hash"))) {
				return ChainCheck.broken(seals.size(), eventId, "a seal before event " + eventId + " is missing or was replaced");
			}
			if (event == null || !link(previous, event).equals(seal.get("hash"))) {
				return ChainCheck.broken(seals.size(), eventId, "event " + eventId + " differs from what was sealed");
			}
			previous = (String) seal.get("hash");
			expectedSeq++;
		}
		return new ChainCheck(true, seals.size(), events.size() - seals.size(), null, previous,
				"Every sealed event is as it was written.");
	}

	static String link(String previous, AuditEvent event) {
		StringBuilder text = new StringBuilder(previous);
		for (Object field : new Object[] { event.id(), event.at().toEpochMilli(), event.actor(), event.sourceIp(),
				event.action(), event.target(), event.groupId(), event.outcome().name(), event.detail() }) {
			String value = field == null ? null : field.toString();
			// length-prefixed, so that no choice of field values can imitate another event
			text.append('|').append(value == null ? -1 : value.length()).append(':').append(value == null ? "" : value);
		}
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(text.toString().getBytes(StandardCharsets.UTF_8)));
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
