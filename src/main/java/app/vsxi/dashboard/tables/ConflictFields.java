package app.vsxi.dashboard.tables;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import app.vsxi.dashboard.gateway.TableRow;
import app.vsxi.dashboard.tables.engine.FieldValues;
import app.vsxi.dashboard.tables.engine.ThreeWayMerge;

/**
 * A conflicting row field by field for the three-way page: each field's value in the base, on the box and in the
 * draft, so that the page marks the fields where a side differs from the base instead of printing whole rows.
 */
public final class ConflictFields {

	private ConflictFields() {
	}

	/**
	 * One field of the three sides; a side without the row or without the field reads "(absent)".
	 *
	 * @param theirsChanged the box holds another value than the base
	 * @param oursChanged the draft holds another value than the base
	 */
	public record Field(String name, String base, String theirs, String ours, boolean theirsChanged,
			boolean oursChanged) {

		/** Both sides changed it, each its own way: the reason the row needs a choice. */
		public boolean clash() {
			return this.theirsChanged && this.oursChanged && !this.theirs.equals(this.ours);
		}

	}

	/** Every field any side has, in the draft's order, then the box's, then the base's. */
	public static List<Field> of(ThreeWayMerge.Conflict conflict) {
		Set<String> names = new LinkedHashSet<>();
		for (TableRow row : new TableRow[] { conflict.ours(), conflict.theirs(), conflict.base() }) {
			if (row != null) {
				names.addAll(row.fields().keySet());
			}
		}
		List<Field> fields = new ArrayList<>(names.size());
		for (String name : names) {
			fields.add(new Field(name, text(conflict.base(), name), text(conflict.theirs(), name),
					text(conflict.ours(), name), !same(conflict.base(), conflict.theirs(), name),
					!same(conflict.base(), conflict.ours(), name)));
		}
		return fields;
	}

	private static boolean same(TableRow a, TableRow b, String name) {
		boolean inA = a != null && a.has(name);
		boolean inB = b != null && b.has(name);
		return inA == inB && (!inA || FieldValues.same(a.get(name), b.get(name)));
	}

	private static String text(TableRow row, String name) {
		return row != null && row.has(name) ? FieldValues.display(row.get(name)) : "(absent)";
	}

}
