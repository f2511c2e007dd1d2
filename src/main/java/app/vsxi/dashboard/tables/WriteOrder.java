package app.vsxi.dashboard.tables;

import java.util.ArrayList;
import java.util.List;

import app.vsxi.dashboard.web.Plural;
import app.vsxi.dashboard.tables.engine.ApplyPlan;
import app.vsxi.dashboard.tables.engine.TableDiff;

/**
 * The order an apply sends its calls in, and why, in the words the preview shows the operator: what the box will
 * be asked, and what the dashboard checks between the calls so that the table comes out right whatever fields the
 * box matches rows on.
 */
public final class WriteOrder {

	private WriteOrder() {
	}

	public static List<String> steps(TableDiff diff, ApplyPlan.Calls plan) {
		List<String> steps = new ArrayList<>();
		for (ApplyPlan.Call call : plan.updates()) {
			steps.add(call.action().path() + " with " + rows(call.rows().size())
					+ ": the box rewrites the entry it finds under the same key, or adds one.");
		}
		boolean readBack = !diff.removed().isEmpty() || !diff.changed().isEmpty();
		if (readBack) {
			steps.add("Read the table back. No source says which fields the box matches rows on, so nothing is "
					+ "deleted before the dashboard sees what the updates did.");
		}
		for (ApplyPlan.Call call : plan.deletes()) {
			steps.add(call.action().path() + " of at most " + rows(call.rows().size())
					+ ", each only if the box still holds it exactly as read: a box that keys the table on fewer "
					+ "fields has already rewritten it in place. If any update was not taken, no row is deleted, "
					+ "since it may be the row that update was to replace.");
		}
		if (!diff.changed().isEmpty()) {
			steps.add("Where the box kept the old version of a changed row beside the new one (its key holds the "
					+ "changed field), delete the old version, once the new one is there.");
		}
		steps.add("Read the whole table back and compare it with what was intended: the rows changed, and "
				+ "nothing else did.");
		return steps;
	}

	private static String rows(int rows) {
		return Plural.count(rows, "row", "rows");
	}

}
