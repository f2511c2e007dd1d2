package app.vsxi.dashboard.tables.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import app.vsxi.dashboard.gateway.TableRow;

/**
 * Chooses the smallest correct set of calls for a diff of the box's current table against the intended one:
 * update for new and changed rows, delete for removed ones, the Large variant where a call would carry more than
 * {@code largeAbove} rows and the table has it, otherwise plain calls of at most {@code plainLimit} entries each
 * (the API's plain writes take at most 5,000). Whole-table replacement is planned only by {@link #replace}.
 */
public final class ApplyPlanner {

	/** The largest plain write the API is known to survive (reference: at most 5,000 elements per upload). */
	public static final int PLAIN_LIMIT = 5000;

	private final int largeAbove;

	private final int plainLimit;

	public ApplyPlanner(int largeAbove, int plainLimit) {
		if (largeAbove < 0 || plainLimit < 1 || plainLimit > PLAIN_LIMIT) {
			throw new IllegalArgumentException("largeAbove must be >= 0 and plainLimit within 1.." + PLAIN_LIMIT);
		}
		this.largeAbove = largeAbove;
		this.plainLimit = plainLimit;
	}

	/**
	 * Updates, then deletes. Every delete waits for the table to be read back after the updates (see
	 * {@link SafeDeletes}): no source names the fields the box matches rows on, and only a delete of an entry
	 * still on the box whole is safe under every key. The calls listed here are the most that can go out; the
	 * deletes actually sent are {@link #deletes} of what that read allows. Updates first also means a call failing
	 * half way leaves a row too many rather than a missing one, which for routes is the milder failure. Order of
	 * rows on the box is not ours to set, so it is not sent.
	 */
	public ApplyPlan plan(TableDiff diff, Set<WriteAction> supported) {
		if (!diff.duplicatesAfter().isEmpty()) {
			return new ApplyPlan.Refused("the intended table holds key " + diff.duplicatesAfter().get(0).label()
					+ " more than once; the box keeps one row per key");
		}
		List<TableRow> upserts = new ArrayList<>(diff.added().size() + diff.changed().size());
		diff.added().forEach(change -> upserts.add(change.row()));
		diff.changed().forEach(change -> upserts.add(change.after()));
		List<TableRow> deletes = diff.removed().stream().map(RowChange.Removed::row).toList();
		List<ApplyPlan.Call> calls = new ArrayList<>();
		String refusal = add(calls, upserts, WriteAction.UPDATE, WriteAction.UPDATE_LARGE, supported);
		if (refusal == null) {
			refusal = add(calls, deletes, WriteAction.DELETE, WriteAction.DELETE_LARGE, supported);
		}
		return refusal == null ? new ApplyPlan.Calls(calls) : new ApplyPlan.Refused(refusal);
	}

	/** The delete calls for rows already known safe to delete, or why the table takes none. */
	public ApplyPlan deletes(List<TableRow> rows, Set<WriteAction> supported) {
		List<ApplyPlan.Call> calls = new ArrayList<>();
		String refusal = add(calls, rows, WriteAction.DELETE, WriteAction.DELETE_LARGE, supported);
		return refusal == null ? new ApplyPlan.Calls(calls) : new ApplyPlan.Refused(refusal);
	}

	/**
	 * Replaces the whole table with {@code rows}: one {@code upload} when it fits a plain call, else one
	 * {@code replaceLarge}. A plain upload cannot be split (each call replaces the table again).
	 */
	public ApplyPlan replace(List<TableRow> rows, Set<WriteAction> supported) {
		ReplaceChoice choice = replaceChoice(rows.size(), supported);
		return choice.action() == null ? new ApplyPlan.Refused(choice.refusal())
				: new ApplyPlan.Calls(List.of(new ApplyPlan.Call(choice.action(), rows)));
	}

	/**
	 * The one call that replaces a table of {@code rows} rows, decided by its size alone, or why none can. A plain
	 * {@code upload} takes all or nothing, so it is chosen whenever the rows fit; {@code replaceLarge} wipes the
	 * table and inserts what it accepts, dropping the rest, so it is only for tables too big for a plain call.
	 */
	public ReplaceChoice replaceChoice(int rows, Set<WriteAction> supported) {
		boolean fitsPlain = rows <= this.plainLimit;
		if (supported.contains(WriteAction.UPLOAD) && fitsPlain) {
			return new ReplaceChoice(WriteAction.UPLOAD, null);
		}
		if (supported.contains(WriteAction.REPLACE_LARGE)) {
			return new ReplaceChoice(WriteAction.REPLACE_LARGE, null);
		}
		return new ReplaceChoice(null, supported.contains(WriteAction.UPLOAD)
				? rows + " rows are more than one plain upload takes (" + this.plainLimit
						+ ") and this table has no replaceLarge"
				: "this table cannot be replaced whole");
	}

	/** {@code action} null when no call can replace the table; {@code refusal} says why. */
	public record ReplaceChoice(WriteAction action, String refusal) {
	}

	private String add(List<ApplyPlan.Call> calls, List<TableRow> rows, WriteAction plain, WriteAction large,
			Set<WriteAction> supported) {
		if (rows.isEmpty()) {
			return null;
		}
		if (supported.contains(large) && (rows.size() > this.largeAbove || !supported.contains(plain))) {
			calls.add(new ApplyPlan.Call(large, rows));
			return null;
		}
		if (!supported.contains(plain)) {
			return "this table takes no " + plain.path();
		}
		for (int from = 0; from < rows.size(); from += this.plainLimit) {
			calls.add(new ApplyPlan.Call(plain, rows.subList(from, Math.min(rows.size(), from + this.plainLimit))));
		}
		return null;
	}

}
