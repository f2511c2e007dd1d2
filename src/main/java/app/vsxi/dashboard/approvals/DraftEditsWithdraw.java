package app.vsxi.dashboard.approvals;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import app.vsxi.dashboard.tables.DraftEdited;

/** An edit of a draft withdraws any request open for it: what was asked for or approved is no longer what it sends. */
@Component
class DraftEditsWithdraw {

	private final Approvals approvals;

	DraftEditsWithdraw(Approvals approvals) {
		this.approvals = approvals;
	}

	@EventListener
	void edited(DraftEdited edited) {
		this.approvals.edited("draft:" + edited.draftId(), "the draft was edited by " + edited.by()
				+ " after it was asked for");
	}

}
