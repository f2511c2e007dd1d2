package app.vsxi.dashboard.changes;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import app.vsxi.dashboard.gateway.TableRow;
import app.vsxi.dashboard.tables.engine.FieldChange;
import app.vsxi.dashboard.tables.engine.RowChange;
import app.vsxi.dashboard.tables.engine.RowKey;
import app.vsxi.dashboard.tables.engine.TableDiff;

/**
 * A change set's edits, as the editor made them on its source SBC: fields changed in rows (only the fields that
 * changed, with their new values), rows deleted (by key) and rows added (whole). On each target they are laid over
 * that box's own rows: a changed row keeps every other field as that box has it.
 */
public record ChangeEdits(List<Edit> edits) {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	public ChangeEdits {
		edits = List.copyOf(edits);
	}

	/** One edit of one row, named by the values of the table's key fields. */
	public record Edit(Kind kind, List<String> key, Map<String, String> values) {

		public Edit {
			key = List.copyOf(key);
			values = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(values));
		}

		/** The row's key as the pages show it. */
		public String label() {
			return String.join(" / ", this.key);
		}

	}

	public enum Kind {

		/** Set these fields of the row with this key. */
		CHANGE,
		/** Delete the row with this key. */
		DELETE,
		/** Add this row, every field given. */
		ADD

	}

	/** What the edits make of one box's table: rows for its draft (null deletes) and a note per edit. */
	public record Laid(Map<RowKey, TableRow> rows, List<Note> notes) {

		/** Whether any edit changes anything on this box. */
		public boolean anything() {
			return !this.rows.isEmpty();
		}

	}

	/** What one edit does on one box; {@code applies} false where it leaves the box as it is. */
	public record Note(String key, Kind kind, boolean applies, String text) {
	}

	/**
	 * The edits a draft holds, from its diff against its base. Refused (with the reason) where an edit could not
	 * be carried to another box as it is: a field holding more than text, or a password.
	 */
	public static ChangeEdits of(TableDiff changes, List<String> keyFields, Predicate<String> secret) {
		List<Edit> edits = new ArrayList<>();
		for (RowChange.Changed changed : changes.changed()) {
			if (!changed.key().equals(RowKey.of(changed.after(), keyFields))) {
				throw new IllegalArgumentException("Row " + changed.key().label()
						+ " has a new key: delete it and add the row under its new key instead");
			}
			Map<String, String> fields = new LinkedHashMap<>();
			for (FieldChange field : changed.fields()) {
				requireCarried(changed.key(), field.field(), changed.after().get(field.field()), secret);
				if (!field.presentAfter()) {
					throw new IllegalArgumentException("Row " + changed.key().label() + " loses its field " + field.field());
				}
				fields.put(field.field(), field.afterText());
			}
			edits.add(new Edit(Kind.CHANGE, changed.key().values(), fields));
		}
		for (RowChange.Removed removed : changes.removed()) {
			edits.add(new Edit(Kind.DELETE, removed.key().values(), Map.of()));
		}
		for (RowChange.Added added : changes.added()) {
			Map<String, String> row = new LinkedHashMap<>();
			added.row().fields().forEach((field, value) -> {
				requireCarried(added.key(), field, value, secret);
				row.put(field, value == null ? "" : String.valueOf(value));
			});
			edits.add(new Edit(Kind.ADD, added.key().values(), row));
		}
		for (Edit edit : edits) {
			if (edit.key().stream().allMatch(String::isEmpty)) {
				throw new IllegalArgumentException("A row without a key cannot be found on other SBCs: give it its key");
			}
		}
		return new ChangeEdits(edits);
	}

	private static void requireCarried(RowKey key, String field, Object value, Predicate<String> secret) {
		if (value instanceof TableRow || value instanceof List<?>) {
			throw new IllegalArgumentException("Field " + field + " of row " + key.label()
					+ " holds more than a value: a fleet change carries plain fields only");
		}
		if (secret.test(field) && value != null && !String.valueOf(value).isEmpty()) {
			throw new IllegalArgumentException("Row " + key.label() + " sets the password field " + field
					+ ": a fleet change carries no passwords; set them per SBC in the editor");
		}
	}

	/**
	 * Lays the edits over one box's rows. {@code rows}: the box's rows under the edits' keys (every row with such a
	 * key, in the box's order); {@code fields}: the fields the box's rows have, null when its table is empty.
	 */
	public Laid on(Map<List<String>, List<TableRow>> rows, List<String> fields, List<String> keyFields) {
		Map<RowKey, TableRow> laid = new LinkedHashMap<>();
		List<Note> notes = new ArrayList<>();
		for (Edit edit : this.edits) {
			List<TableRow> found = rows.getOrDefault(edit.key(), List.of());
			String key = edit.label();
			if (found.size() > 1) {
				notes.add(new Note(key, edit.kind(), false, "held " + found.size()
						+ " times on this SBC: which row is meant cannot be told, so it is left as it is"));
				continue;
			}
			TableRow row = found.isEmpty() ? null : found.get(0);
			switch (edit.kind()) {
				case CHANGE -> change(edit, row, keyFields, laid, notes);
				case DELETE -> {
					if (row == null) {
						notes.add(new Note(key, edit.kind(), false, "not on this SBC: nothing to delete"));
					}
					else {
						laid.put(RowKey.of(row, keyFields), null);
						notes.add(new Note(key, edit.kind(), true, "deleted"));
					}
				}
				case ADD -> add(edit, row, fields, keyFields, laid, notes);
			}
		}
		return new Laid(laid, notes);
	}

	private static void change(Edit edit, TableRow row, List<String> keyFields, Map<RowKey, TableRow> laid,
			List<Note> notes) {
		String key = edit.label();
		if (row == null) {
			notes.add(new Note(key, edit.kind(), false, "not on this SBC: nothing to change"));
			return;
		}
		TableRow changed = row;
		List<String> set = new ArrayList<>();
		for (Map.Entry<String, String> value : edit.values().entrySet()) {
			if (!row.has(value.getKey())) {
				notes.add(new Note(key, edit.kind(), false, "this SBC's rows have no field " + value.getKey()
						+ ": left as it is"));
				return;
			}
			if (!Objects.equals(row.text(value.getKey()), value.getValue())) {
				changed = changed.with(value.getKey(), value.getValue());
				set.add(value.getKey() + " " + row.text(value.getKey()) + " → " + value.getValue());
			}
		}
		if (set.isEmpty()) {
			notes.add(new Note(key, edit.kind(), false, "already so on this SBC"));
			return;
		}
		laid.put(RowKey.of(row, keyFields), changed);
		notes.add(new Note(key, edit.kind(), true, String.join(", ", set)));
	}

	private static void add(Edit edit, TableRow row, List<String> fields, List<String> keyFields,
			Map<RowKey, TableRow> laid, List<Note> notes) {
		String key = edit.label();
		if (row != null) {
			boolean same = row.fields().size() == edit.values().size() && edit.values()
				.entrySet()
				.stream()
				.allMatch(value -> row.has(value.getKey()) && Objects.equals(row.text(value.getKey()), value.getValue()));
			notes.add(new Note(key, edit.kind(), false, same ? "already on this SBC"
					: "already on this SBC with other values: left as it is (change it instead)"));
			return;
		}
		if (fields == null) {
			notes.add(new Note(key, edit.kind(), false,
					"this SBC holds no row of the table to tell its fields by: not added"));
			return;
		}
		if (!fields.equals(List.copyOf(edit.values().keySet()))) {
			notes.add(new Note(key, edit.kind(), false, "this SBC's rows have other fields than the row to add ("
					+ String.join(", ", fields) + "): not added"));
			return;
		}
		TableRow added = new TableRow(edit.values());
		laid.put(RowKey.of(added, keyFields), added);
		notes.add(new Note(key, edit.kind(), true, "added"));
	}

	/** The keys the edits name: the rows of each box a preview needs. */
	public java.util.Set<List<String>> keys() {
		java.util.Set<List<String>> keys = new java.util.HashSet<>();
		this.edits.forEach(edit -> keys.add(edit.key()));
		return keys;
	}

	public String toJson() {
		return JSON.writeValueAsString(this.edits);
	}

	public static ChangeEdits fromJson(String json) {
		return new ChangeEdits(JSON.readValue(json, new TypeReference<List<Edit>>() {
		}));
	}

	/** How many edits of each kind, in words. */
	public String summary() {
		long changes = this.edits.stream().filter(edit -> edit.kind() == Kind.CHANGE).count();
		long deletes = this.edits.stream().filter(edit -> edit.kind() == Kind.DELETE).count();
		long adds = this.edits.stream().filter(edit -> edit.kind() == Kind.ADD).count();
		return adds + " to add, " + changes + " to change, " + deletes + " to delete";
	}

}
