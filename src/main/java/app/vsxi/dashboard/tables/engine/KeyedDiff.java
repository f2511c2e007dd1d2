package app.vsxi.dashboard.tables.engine;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import app.vsxi.dashboard.gateway.TableRow;

/**
 * Compares two versions of a table row by row, matching rows by their key fields rather than by position: the
 * box identifies entries by key, so a moved row is not a change, and a changed key is a removal and an addition.
 */
public final class KeyedDiff {

	private KeyedDiff() {
	}

	public static TableDiff diff(List<TableRow> before, List<TableRow> after, List<String> keyFields) {
		Map<RowKey, TableRow> older = index(before, keyFields);
		Map<RowKey, TableRow> newer = index(after, keyFields);
		List<RowChange.Added> added = new ArrayList<>();
		List<RowChange.Changed> changed = new ArrayList<>();
		for (Map.Entry<RowKey, TableRow> row : newer.entrySet()) {
			TableRow old = older.get(row.getKey());
			if (old == null) {
				added.add(new RowChange.Added(row.getKey(), row.getValue()));
			}
			else if (!FieldValues.sameRow(old, row.getValue())) {
				changed.add(new RowChange.Changed(row.getKey(), old, row.getValue(), fieldChanges(old, row.getValue())));
			}
		}
		List<RowChange.Removed> removed = new ArrayList<>();
		for (Map.Entry<RowKey, TableRow> row : older.entrySet()) {
			if (!newer.containsKey(row.getKey())) {
				removed.add(new RowChange.Removed(row.getKey(), row.getValue()));
			}
		}
		return new TableDiff(added, removed, changed, reordered(older, newer), duplicates(older), duplicates(newer));
	}

	/** Each row under its key, in table order; the n-th row with a key already seen gets occurrence n. */
	public static Map<RowKey, TableRow> index(List<TableRow> rows, List<String> keyFields) {
		Map<RowKey, TableRow> byKey = new LinkedHashMap<>(rows.size() * 2);
		Occurrences occurrences = new Occurrences();
		for (TableRow row : rows) {
			byKey.put(occurrences.next(RowKey.of(row, keyFields)), row);
		}
		return byKey;
	}

	/** Every difference of two rows, in the newer row's field order, then fields only the older row has. */
	public static List<FieldChange> fieldChanges(TableRow before, TableRow after) {
		List<FieldChange> changes = new ArrayList<>();
		compare("", before, after, changes);
		return changes;
	}

	private static void compare(String path, TableRow before, TableRow after, List<FieldChange> changes) {
		Set<String> names = new LinkedHashSet<>(after.fields().keySet());
		names.addAll(before.fields().keySet());
		for (String name : names) {
			boolean inBefore = before.has(name);
			boolean inAfter = after.has(name);
			Object old = before.get(name);
			Object now = after.get(name);
			if (inBefore && inAfter) {
				compareValue(path + name, old, now, changes);
			}
			else {
				changes.add(new FieldChange(path + name, old, now, inBefore, inAfter));
			}
		}
	}

	private static void compareValue(String path, Object old, Object now, List<FieldChange> changes) {
		if (FieldValues.same(old, now)) {
			return;
		}
		if (old instanceof TableRow oldRow && now instanceof TableRow newRow) {
			compare(path + "/", oldRow, newRow, changes);
		}
		else if (old instanceof List<?> oldList && now instanceof List<?> newList && oldList.size() == newList.size()) {
			for (int i = 0; i < oldList.size(); i++) {
				compareValue(path + "[" + (i + 1) + "]", oldList.get(i), newList.get(i), changes);
			}
		}
		else {
			changes.add(new FieldChange(path, old, now, true, true));
		}
	}

	private static boolean reordered(Map<RowKey, TableRow> older, Map<RowKey, TableRow> newer) {
		Map<RowKey, Integer> position = new HashMap<>(older.size() * 2);
		int index = 0;
		for (RowKey key : older.keySet()) {
			position.put(key, index++);
		}
		int last = -1;
		for (RowKey key : newer.keySet()) {
			Integer at = position.get(key);
			if (at != null) {
				if (at < last) {
					return true;
				}
				last = at;
			}
		}
		return false;
	}

	private static List<RowKey> duplicates(Map<RowKey, TableRow> rows) {
		return rows.keySet().stream().filter(key -> key.occurrence() == 1).map(RowKey::first).toList();
	}

}
