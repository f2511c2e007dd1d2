package app.vsxi.dashboard.backups;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import app.vsxi.dashboard.gateway.TableRow;
import app.vsxi.dashboard.tables.engine.FieldValues;
import app.vsxi.dashboard.tables.engine.KeyedDiff;
import app.vsxi.dashboard.tables.engine.RowCodec;
import app.vsxi.dashboard.tables.engine.RowKey;
import app.vsxi.dashboard.tables.engine.TableDiff;

/**
 * What changed from one version of a table to the next, for a table whose keys are unique in both: the rows of the
 * older version that are gone or changed ({@code before}) and the rows of the newer one that are new or changed
 * ({@code after}). Every other row is the same in both, so the changes between any two versions are these deltas
 * chained, and an older version is the newer one with its delta undone; neither needs the whole table.
 */
record Delta(List<TableRow> before, List<TableRow> after) {

	Delta {
		before = List.copyOf(before);
		after = List.copyOf(after);
	}

	static final Delta NONE = new Delta(List.of(), List.of());

	/** The delta of a keyed diff; null when a key repeats on either side (then a delta could not say which row). */
	static Delta of(TableDiff diff) {
		if (!diff.duplicatesBefore().isEmpty() || !diff.duplicatesAfter().isEmpty()) {
			return null;
		}
		List<TableRow> before = new ArrayList<>();
		List<TableRow> after = new ArrayList<>();
		diff.removed().forEach(change -> before.add(change.row()));
		diff.changed().forEach(change -> before.add(change.before()));
		diff.added().forEach(change -> after.add(change.row()));
		diff.changed().forEach(change -> after.add(change.after()));
		return new Delta(before, after);
	}

	boolean isEmpty() {
		return this.before.isEmpty() && this.after.isEmpty();
	}

	/**
	 * This delta followed by {@code next}: each key takes its row as it was before the first delta that touched it,
	 * and as it became after the last one; a key back where it started drops out.
	 */
	Delta then(Delta next, List<String> keyFields) {
		Map<RowKey, TableRow> before1 = byKey(this.before, keyFields);
		Map<RowKey, TableRow> after1 = byKey(this.after, keyFields);
		Map<RowKey, TableRow> before2 = byKey(next.before, keyFields);
		Map<RowKey, TableRow> after2 = byKey(next.after, keyFields);
		Set<RowKey> keys = new LinkedHashSet<>();
		keys.addAll(before1.keySet());
		keys.addAll(after1.keySet());
		keys.addAll(before2.keySet());
		keys.addAll(after2.keySet());
		List<TableRow> before = new ArrayList<>();
		List<TableRow> after = new ArrayList<>();
		for (RowKey key : keys) {
			boolean firstTouched = before1.containsKey(key) || after1.containsKey(key);
			boolean nextTouched = before2.containsKey(key) || after2.containsKey(key);
			TableRow was = firstTouched ? before1.get(key) : before2.get(key);
			TableRow became = nextTouched ? after2.get(key) : after1.get(key);
			if (was == null && became == null || was != null && became != null && FieldValues.sameRow(was, became)) {
				continue;
			}
			if (was != null) {
				before.add(was);
			}
			if (became != null) {
				after.add(became);
			}
		}
		return new Delta(before, after);
	}

	/** The keyed diff from the older version to the newer one, exactly as a diff of the whole tables says it. */
	TableDiff diff(List<String> keyFields) {
		return KeyedDiff.diff(this.before, this.after, keyFields).unordered();
	}

	/** The older version: {@code newer} with this delta's rows put back as they were. */
	RowCodec.Packed undo(RowCodec.Packed newer, List<String> keyFields) {
		return swap(newer, this.before, keyFields);
	}

	/** The rows of {@code table} whose keys this delta does not touch, then {@code instead}. */
	private RowCodec.Packed swap(RowCodec.Packed table, List<TableRow> instead, List<String> keyFields) {
		Set<RowKey> touched = new java.util.HashSet<>();
		this.before.forEach(row -> touched.add(RowKey.of(row, keyFields)));
		this.after.forEach(row -> touched.add(RowKey.of(row, keyFields)));
		RowCodec.Packer packer = new RowCodec.Packer();
		table.forEach(row -> {
			if (!touched.contains(RowKey.of(row, keyFields))) {
				packer.add(row);
			}
		});
		instead.forEach(packer::add);
		return packer.finish();
	}

	private static Map<RowKey, TableRow> byKey(List<TableRow> rows, List<String> keyFields) {
		Map<RowKey, TableRow> byKey = new LinkedHashMap<>();
		rows.forEach(row -> byKey.put(RowKey.of(row, keyFields), row));
		return byKey;
	}

}
