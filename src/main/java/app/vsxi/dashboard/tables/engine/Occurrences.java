package app.vsxi.dashboard.tables.engine;

import java.util.HashMap;
import java.util.Map;

/**
 * Tells apart rows that share their key values, in table order: the n-th row seen with the same values gets
 * occurrence n (the first, 0), so a key the table holds twice still names one row.
 */
public final class Occurrences {

	private final Map<RowKey, Integer> seen = new HashMap<>();

	/** The key of the row whose key values are {@code key}'s, counting the rows with them seen so far. */
	public RowKey next(RowKey key) {
		RowKey first = key.first();
		int occurrence = this.seen.merge(first, 1, Integer::sum) - 1;
		return occurrence == 0 ? first : first.nth(occurrence);
	}

}
