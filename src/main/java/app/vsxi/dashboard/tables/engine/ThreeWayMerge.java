package app.vsxi.dashboard.tables.engine;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import app.vsxi.dashboard.gateway.TableRow;

/**
 * Merges an operator's draft ("ours") with what the box holds now ("theirs"), both descended from the download
 * the draft started from ("base"). A row only one side touched takes that side's version; a row both sides
 * changed merges field by field when they changed different fields; anything else is a {@link Conflict} that
 * needs the operator's choice.
 */
public final class ThreeWayMerge {

	private ThreeWayMerge() {
	}

	/** Which version of a conflicting row to keep. */
	public enum Side {

		THEIRS, OURS

	}

	/**
	 * A row both sides changed in ways that do not combine. A side that deleted the row has a null row there.
	 * {@code fields} names the fields both changed differently (empty when one side deleted or both added).
	 */
	public record Conflict(RowKey key, TableRow base, TableRow theirs, TableRow ours, List<String> fields) {

		public Conflict {
			fields = List.copyOf(fields);
		}

	}

	/**
	 * The operator's choices: a side for a conflicting row as a whole, or, where both sides changed the same
	 * fields of one row, a side for each of those fields. A row chosen whole takes that side's row; a row chosen
	 * field by field takes every other field as the merge would.
	 */
	public record Choices(Map<RowKey, Side> rows, Map<RowKey, Map<String, Side>> fields) {

		public Choices {
			rows = Map.copyOf(rows);
			Map<RowKey, Map<String, Side>> copy = new LinkedHashMap<>();
			fields.forEach((key, sides) -> copy.put(key, Map.copyOf(sides)));
			fields = java.util.Collections.unmodifiableMap(copy);
		}

		public static Choices ofRows(Map<RowKey, Side> rows) {
			return new Choices(rows, Map.of());
		}

		/** Whether the conflict has a choice: its row's side, or a side for every field both sides changed. */
		public boolean cover(Conflict conflict) {
			return this.rows.containsKey(conflict.key()) || (!conflict.fields().isEmpty()
					&& this.fields.getOrDefault(conflict.key(), Map.of()).keySet().containsAll(conflict.fields()));
		}

		/** The side chosen for one field of a row, or null. */
		public Side field(RowKey key, String name) {
			return this.fields.getOrDefault(key, Map.of()).get(name);
		}

	}

	/**
	 * The merge: every row that merged on its own, and the conflicts. {@link #resolve} turns it into the intended
	 * table once every conflict has a choice.
	 */
	public record Result(Map<RowKey, TableRow> merged, List<Conflict> conflicts, List<RowKey> order) {

		public Result {
			merged = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(merged));
			conflicts = List.copyOf(conflicts);
			order = List.copyOf(order);
		}

		public boolean clean() {
			return this.conflicts.isEmpty();
		}

		/**
		 * The intended table: theirs' order first, then rows only the draft has, in its order. Conflicts without a
		 * choice are refused rather than guessed.
		 */
		public List<TableRow> resolve(Map<RowKey, Side> choices) {
			return resolve(Choices.ofRows(choices));
		}

		/** As {@link #resolve(Map)}, with rows chosen whole or field by field. */
		public List<TableRow> resolve(Choices choices) {
			Map<RowKey, TableRow> rows = new LinkedHashMap<>(this.merged);
			for (Conflict conflict : this.conflicts) {
				if (!choices.cover(conflict)) {
					throw new IllegalArgumentException("no choice for conflicting row " + conflict.key().label());
				}
				Side side = choices.rows().get(conflict.key());
				TableRow chosen;
				if (side != null) {
					chosen = side == Side.THEIRS ? conflict.theirs() : conflict.ours();
				}
				else {
					List<String> unchosen = new ArrayList<>();
					chosen = mergeFields(conflict.base(), conflict.theirs(), conflict.ours(),
							choices.fields().get(conflict.key()), unchosen);
				}
				if (chosen != null) {
					rows.put(conflict.key(), chosen);
				}
			}
			List<TableRow> table = new ArrayList<>(rows.size());
			for (RowKey key : this.order) {
				TableRow row = rows.get(key);
				if (row != null) {
					table.add(row);
				}
			}
			return table;
		}

	}

	public static Result merge(List<TableRow> base, List<TableRow> theirs, List<TableRow> ours, List<String> keyFields) {
		Map<RowKey, TableRow> baseRows = KeyedDiff.index(base, keyFields);
		Map<RowKey, TableRow> theirRows = KeyedDiff.index(theirs, keyFields);
		Map<RowKey, TableRow> ourRows = KeyedDiff.index(ours, keyFields);
		Set<RowKey> order = new LinkedHashSet<>(theirRows.keySet());
		order.addAll(ourRows.keySet());
		Set<RowKey> keys = new LinkedHashSet<>(order);
		keys.addAll(baseRows.keySet());
		Map<RowKey, TableRow> merged = new LinkedHashMap<>();
		List<Conflict> conflicts = new ArrayList<>();
		for (RowKey key : keys) {
			TableRow b = baseRows.get(key);
			TableRow t = theirRows.get(key);
			TableRow o = ourRows.get(key);
			if (sameOrBothAbsent(t, b)) {
				put(merged, key, o);
			}
			else if (sameOrBothAbsent(o, b) || sameOrBothAbsent(t, o)) {
				put(merged, key, t);
			}
			else if (b != null && t != null && o != null) {
				List<String> clashing = new ArrayList<>();
				TableRow fieldMerge = mergeFields(b, t, o, Map.of(), clashing);
				if (clashing.isEmpty()) {
					merged.put(key, fieldMerge);
				}
				else {
					conflicts.add(new Conflict(key, b, t, o, clashing));
				}
			}
			else {
				conflicts.add(new Conflict(key, b, t, o, List.of()));
			}
		}
		return new Result(merged, conflicts, new ArrayList<>(order));
	}

	private static void put(Map<RowKey, TableRow> merged, RowKey key, TableRow row) {
		if (row != null) {
			merged.put(key, row);
		}
	}

	private static boolean sameOrBothAbsent(TableRow a, TableRow b) {
		return a == null ? b == null : b != null && FieldValues.sameRow(a, b);
	}

	/**
	 * Field by field: theirs' fields in theirs' order (the box's current shape), then fields only ours added. A
	 * field absent on a side counts as a value of its own, so adding or dropping one is a change too. A field both
	 * changed takes the side {@code picks} names for it, or is listed in {@code clashing} and left out.
	 */
	private static TableRow mergeFields(TableRow base, TableRow theirs, TableRow ours, Map<String, Side> picks,
			List<String> clashing) {
		Set<String> names = new LinkedHashSet<>(theirs.fields().keySet());
		names.addAll(ours.fields().keySet());
		names.addAll(base.fields().keySet());
		Map<String, Object> fields = new LinkedHashMap<>();
		for (String name : names) {
			Field b = Field.of(base, name);
			Field t = Field.of(theirs, name);
			Field o = Field.of(ours, name);
			Field chosen;
			if (t.same(b)) {
				chosen = o;
			}
			else if (o.same(b) || t.same(o)) {
				chosen = t;
			}
			else if (picks.containsKey(name)) {
				chosen = picks.get(name) == Side.THEIRS ? t : o;
			}
			else {
				clashing.add(name);
				continue;
			}
			if (chosen.present()) {
				fields.put(name, chosen.value());
			}
		}
		return new TableRow(fields);
	}

	private record Field(boolean present, Object value) {

		public static Field of(TableRow row, String name) {
			return new Field(row.has(name), row.get(name));
		}

		public boolean same(Field other) {
			return this.present == other.present && FieldValues.same(this.value, other.value);
		}

	}

}
