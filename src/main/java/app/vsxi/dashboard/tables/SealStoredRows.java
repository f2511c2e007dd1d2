package app.vsxi.dashboard.tables;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * At start, seals the rows of tables with passwords that drafts and snapshots kept in clear before they were
 * sealed, or under a credential key being rotated out, so that key can then be dropped.
 */
@Component
class SealStoredRows {

	private static final Logger log = LoggerFactory.getLogger(SealStoredRows.class);

	private final DraftRepository drafts;

	SealStoredRows(DraftRepository drafts) {
		this.drafts = drafts;
	}

	@EventListener(ApplicationReadyEvent.class)
	void sealAtStart() {
		int sealed = this.drafts.sealStoredRows();
		if (sealed > 0) {
			log.info("Sealed {} stored draft or snapshot item(s) of tables with passwords", sealed);
		}
	}

}
