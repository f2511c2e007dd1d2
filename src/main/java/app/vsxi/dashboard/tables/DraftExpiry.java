package app.vsxi.dashboard.tables;

import java.time.Instant;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.scheduling.annotation.Scheduled;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import app.vsxi.dashboard.audit.Actor;
import app.vsxi.dashboard.audit.AuditAction;
import app.vsxi.dashboard.audit.AuditLog;
import app.vsxi.dashboard.audit.AuditOutcome;
import app.vsxi.dashboard.fleet.Sbc;
import app.vsxi.dashboard.fleet.SbcRepository;

/**
 * Deletes drafts nobody has changed for {@code vsxi.tables.draft-expiry}, each with an audit line of its own, so
 * forgotten drafts (and their copies of whole tables) do not pile up.
 */
@Component
class DraftExpiry {

	private static final Logger log = LoggerFactory.getLogger(DraftExpiry.class);

	private final DraftRepository drafts;

	private final SbcRepository sbcs;

	private final AuditLog audit;

	private final OpenDrafts open;

	private final TablesProperties properties;

	private final TransactionTemplate transaction;

	DraftExpiry(DraftRepository drafts, SbcRepository sbcs, AuditLog audit, OpenDrafts open,
			TablesProperties properties, PlatformTransactionManager transactions) {
		this.drafts = drafts;
		this.sbcs = sbcs;
		this.audit = audit;
		this.open = open;
		this.properties = properties;
		this.transaction = new TransactionTemplate(transactions);
	}

	/** Hourly: the expiry is counted in days, so an hour late does not matter. */
	@Scheduled(initialDelay = 1, fixedDelay = 60, timeUnit = TimeUnit.MINUTES)
	@SchedulerLock(name = "draft-expiry", lockAtMostFor = "PT30M")
	public void run() {
		try {
			expire(Instant.now());
		}
		catch (DataAccessException ex) {
			log.warn("Expired drafts not deleted this time; tried again at the next run: {}", ex.getMessage());
		}
	}

	/** Deletes the drafts untouched since the expiry before {@code now}; how many. */
	int expire(Instant now) {
		Instant before = now.minus(this.properties.draftExpiry());
		int expired = 0;
		for (Draft draft : this.drafts.untouchedSince(before)) {
			Boolean deleted = this.transaction.execute(status -> {
				// only if still untouched: an edit saved since the list was read keeps the draft
				if (!this.drafts.deleteIfUntouchedSince(draft.id(), before)) {
					return false;
				}
				Sbc sbc = this.sbcs.findById(draft.sbcId()).orElse(null);
				this.audit.recordAs(Actor.SYSTEM, AuditAction.TABLE_DRAFT_EXPIRED,
						(sbc == null ? "SBC " + draft.sbcId() : sbc.name()) + " " + draft.table() + " draft " + draft.id(),
						sbc == null ? null : sbc.groupId(), AuditOutcome.SUCCESS,
						"draft of " + draft.owner() + " deleted: unchanged since " + draft.updatedAt()
								+ ", longer than " + span() + " (vsxi.tables.draft-expiry)");
				return true;
			});
			if (Boolean.TRUE.equals(deleted)) {
				this.open.forget(draft.id());
				expired++;
			}
		}
		return expired;
	}

	private String span() {
		long hours = this.properties.draftExpiry().toHours();
		return hours % 24 == 0 && hours > 0 ? hours / 24 + " days" : this.properties.draftExpiry().toMinutes() + " minutes";
	}

}
