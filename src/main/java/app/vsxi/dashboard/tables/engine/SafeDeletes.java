package app.vsxi.dashboard.tables.engine;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import app.vsxi.dashboard.gateway.TableRow;
import app.vsxi.dashboard.web.Plural;

/**
 * Which deletes may go out, decided from the table as the box holds it after the updates were sent. No source
 * names the fields a box matches {@code update} and {@code delete} on, so a delete is sent only for an entry that
 * is still on the box exactly as it was read: the box holds one entry per key, whatever its key is, so deleting
 * an entry that is there whole removes that entry and no other. That makes one plan right under every key:
 * <ul>
 * <li>a box keyed on fewer fields than ours rewrote the old row in place when its replacement went out: the old
 * row is gone, nothing is deleted;</li>
 * <li>a box keyed on our fields added the replacement beside the old row: the old row is deleted;</li>
 * <li>a box keyed on more fields than ours added a changed row beside its old version: the old version is
 * deleted, but only once its new version is there.</li>
 * </ul>
 * And while any update was not taken (a Large write drops the entries the box refuses and names none of them),
 * no removed row is deleted: it may be the row that update was to replace.
 */
public final class SafeDeletes {

	private SafeDeletes() {
	}

	/**
	 * @param sent the diff the updates were sent for: added and changed rows went out by update, removed rows wait
	 * here
	 * @param now the table read back after the updates
	 */
	public static Decision decide(TableDiff sent, LargeTableDiff.RowSource now, List<String> keyFields) {
		List<RowKey> keys = new ArrayList<>();
		sent.added().forEach(change -> keys.add(change.key()));
		sent.changed().forEach(change -> keys.add(change.key()));
		sent.removed().forEach(change -> keys.add(change.key()));
		KeySet asked = new KeySet(keys, keyFields);
		Map<List<String>, List<TableRow>> onTheBox = new HashMap<>();
		now.forEach(row -> {
			RowKey key = asked.match(row);
			if (key != null) {
				onTheBox.computeIfAbsent(key.values(), absent -> new ArrayList<>()).add(row);
			}
		});
		List<TableRow> notTaken = new ArrayList<>();
		sent.added().forEach(change -> {
			if (!holds(onTheBox, change.key(), change.row())) {
				notTaken.add(change.row());
			}
		});
		List<TableRow> deletes = new ArrayList<>();
		List<TableRow> oldVersions = new ArrayList<>();
		for (RowChange.Changed change : sent.changed()) {
			boolean newThere = holds(onTheBox, change.key(), change.after());
			if (!newThere) {
				notTaken.add(change.after());
			}
			else if (holds(onTheBox, change.key(), change.before())) {
				oldVersions.add(change.before());
			}
		}
		List<TableRow> alreadyGone = new ArrayList<>();
		List<TableRow> heldBack = new ArrayList<>();
		for (RowChange.Removed change : sent.removed()) {
			if (!holds(onTheBox, change.key(), change.row())) {
				alreadyGone.add(change.row());
			}
			else if (!notTaken.isEmpty()) {
				heldBack.add(change.row());
			}
			else {
				deletes.add(change.row());
			}
		}
		deletes.addAll(oldVersions);
		return new Decision(keyFields, deletes, oldVersions, alreadyGone, heldBack, notTaken,
				heldBack.isEmpty() ? null : notTaken.size() + " of the rows sent by update "
						+ Plural.noun(notTaken.size(), "is", "are") + " not on the box, and a"
						+ " delete might remove the row one of them was to replace");
	}

	private static boolean holds(Map<List<String>, List<TableRow>> onTheBox, RowKey key, TableRow row) {
		List<TableRow> rows = onTheBox.get(key.values());
		return rows != null && rows.stream().anyMatch(found -> FieldValues.sameRow(found, row));
	}

	/**
	 * @param deletes every row to delete now, whole, as the box holds it
	 * @param oldVersions those of {@code deletes} that are the old version of a changed row the box kept beside the
	 * new one: its key is wider than ours
	 * @param alreadyGone removed rows the box no longer holds: an update rewrote them in place (its key is
	 * narrower than ours), or someone removed them meanwhile
	 * @param heldBack rows not deleted, for {@code why}
	 * @param notTaken rows sent by update that the box does not hold
	 * @param why why rows were held back, or null
	 * @param keyFields the table's key, to name rows by
	 */
	public record Decision(List<String> keyFields, List<TableRow> deletes, List<TableRow> oldVersions, List<TableRow> alreadyGone,
			List<TableRow> heldBack, List<TableRow> notTaken, String why) {

		public Decision {
			keyFields = List.copyOf(keyFields);
			deletes = List.copyOf(deletes);
			oldVersions = List.copyOf(oldVersions);
			alreadyGone = List.copyOf(alreadyGone);
			heldBack = List.copyOf(heldBack);
			notTaken = List.copyOf(notTaken);
		}

		/** Nothing waited for a read-back. */
		public static Decision none() {
			return new Decision(List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), null);
		}

		/** The table could not be read back after the updates, so nothing is deleted. */
		public static Decision unread(TableDiff sent, List<String> keyFields) {
			return new Decision(keyFields, List.of(), List.of(), List.of(),
					sent.removed().stream().map(RowChange.Removed::row).toList(), List.of(),
					"the table could not be read back after the updates");
		}

		/** The deletes this decision allowed could not be sent, for {@code reason}. */
		public Decision notDeleted(String reason) {
			List<TableRow> kept = new ArrayList<>(this.heldBack);
			kept.addAll(this.deletes);
			return new Decision(this.keyFields, List.of(), List.of(), this.alreadyGone, kept, this.notTaken, reason);
		}

		/** A row as the result page names it: by its key, never by its fields, which may hold a password. */
		public String label(TableRow row) {
			return RowKey.of(row, this.keyFields).label();
		}

		/** Every delete planned went out as planned: nothing worth a line in the audit trail. */
		public boolean isQuiet() {
			return this.oldVersions.isEmpty() && this.alreadyGone.isEmpty() && this.heldBack.isEmpty()
					&& this.notTaken.isEmpty();
		}

		/** For the audit trail: counts only, never the rows. */
		public String text() {
			return "after the updates: " + this.deletes.size() + " deleted (" + this.oldVersions.size()
					+ " old versions the box kept beside their new one), " + this.alreadyGone.size()
					+ " already gone, " + this.heldBack.size() + " held back"
					+ (this.why == null ? "" : " (" + this.why + ")") + ", " + this.notTaken.size() + " not taken";
		}

	}

}
