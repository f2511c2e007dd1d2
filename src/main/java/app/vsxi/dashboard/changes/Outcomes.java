package app.vsxi.dashboard.changes;

import app.vsxi.dashboard.tables.TableApplier.ApplyOutcome;

/** An editor's apply outcome as one line on a change set's page. */
final class Outcomes {

	private Outcomes() {
	}

	static String text(ApplyOutcome outcome) {
		if (outcome instanceof ApplyOutcome.Refused refused) {
			return refused.reason();
		}
		if (outcome instanceof ApplyOutcome.Failed failed) {
			return "the box refused or did not answer: " + failed.error().message()
					+ (failed.calls().isEmpty() ? "" : " (after " + failed.calls().size() + " call(s))");
		}
		if (outcome instanceof ApplyOutcome.Conflicts conflicts) {
			return "the box changed the same rows since (" + conflicts.theirChanges().text() + ")";
		}
		if (outcome instanceof ApplyOutcome.NotAsPreviewed changed) {
			return changed.reason();
		}
		if (outcome instanceof ApplyOutcome.Held held) {
			return held.reason();
		}
		if (outcome instanceof ApplyOutcome.Applied applied) {
			return applied.verification().matches() ? "sent (" + applied.sent().text() + ") and verified by re-read"
					: "sent (" + applied.sent().text() + "), but the re-read does not show it: "
							+ (applied.verification().problem() != null ? applied.verification().problem()
									: "the box does not hold what was sent");
		}
		return String.valueOf(outcome);
	}

}
