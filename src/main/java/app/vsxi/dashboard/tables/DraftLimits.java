package app.vsxi.dashboard.tables;

import org.springframework.stereotype.Component;

import app.vsxi.dashboard.web.Plural;

/** How many drafts one user may keep, so that one operator cannot fill the database (and its memory) alone. */
@Component
class DraftLimits {

	private final DraftRepository drafts;

	private final TablesProperties properties;

	DraftLimits(DraftRepository drafts, TablesProperties properties) {
		this.drafts = drafts;
		this.properties = properties;
	}

	/** Refuses a new draft for {@code owner} who has {@code coming} more on their way (downloads still running). */
	void requireRoomFor(String owner, int coming) {
		int most = this.properties.draftsPerUser();
		if (this.drafts.countOwnedBy(owner) + coming >= most) {
			throw new TableEditorException("You already have " + Plural.count(most, "draft", "drafts") + (coming > 0 ? " (counting "
					+ coming + " still downloading)" : "") + ", the most one user may keep (vsxi.tables.drafts-per-user): "
					+ "apply or discard one before opening another");
		}
	}

}
