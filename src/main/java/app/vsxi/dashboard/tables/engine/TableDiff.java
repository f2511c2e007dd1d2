package app.vsxi.dashboard.tables.engine;

import java.util.List;

import app.vsxi.dashboard.web.Plural;

/**
 * The keyed difference of one table against another (a draft against its base, the box against a base).
 *
 * @param added rows only in the newer version, in its order
 * @param removed rows only in the older version, in its order
 * @param changed rows in both with different values, in the newer version's order
 * @param reordered whether rows present in both come in another order (the box keeps no order we write)
 * @param duplicatesBefore keys that occur more than once in the older version
 * @param duplicatesAfter keys that occur more than once in the newer version
 */
public record TableDiff(List<RowChange.Added> added, List<RowChange.Removed> removed, List<RowChange.Changed> changed,
		boolean reordered, List<RowKey> duplicatesBefore, List<RowKey> duplicatesAfter) {

	public TableDiff {
		added = List.copyOf(added);
		removed = List.copyOf(removed);
		changed = List.copyOf(changed);
		duplicatesBefore = List.copyOf(duplicatesBefore);
		duplicatesAfter = List.copyOf(duplicatesAfter);
	}

	/** True when writing the newer version would change nothing on the box. */
	public boolean isEmpty() {
		return this.added.isEmpty() && this.removed.isEmpty() && this.changed.isEmpty();
	}

	/** The same changes without saying whether rows were reordered: for tables whose order the box does not keep. */
	public TableDiff unordered() {
		return new TableDiff(this.added, this.removed, this.changed, false, this.duplicatesBefore,
				this.duplicatesAfter);
	}

	/** The part of this diff under the keys that match; whether rows were reordered is not kept. */
	public TableDiff only(java.util.function.Predicate<RowKey> keys) {
		return new TableDiff(this.added.stream().filter(change -> keys.test(change.key())).toList(),
				this.removed.stream().filter(change -> keys.test(change.key())).toList(),
				this.changed.stream().filter(change -> keys.test(change.key())).toList(), false,
				this.duplicatesBefore.stream().filter(keys).toList(), this.duplicatesAfter.stream().filter(keys).toList());
	}

	public Summary summary() {
		return new Summary(this.added.size(), this.removed.size(), this.changed.size(),
				this.changed.stream().mapToInt(change -> change.fields().size()).sum());
	}

	/** Counts for a headline and for the audit trail. */
	public record Summary(int added, int removed, int changed, int fieldsChanged) {

		/** The rows a write of this diff touches: added, removed and changed together. */
		public int rows() {
			return this.added + this.removed + this.changed;
		}

		public String text() {
			return this.added + " added, " + this.removed + " removed, " + this.changed + " changed ("
					+ Plural.count(this.fieldsChanged, "field", "fields") + ")";
		}

	}

}
