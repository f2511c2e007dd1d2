package app.vsxi.dashboard.tables;

import java.util.List;
import java.util.stream.Stream;

import app.vsxi.dashboard.web.Plural;
import app.vsxi.dashboard.tables.engine.TableDiff;
import app.vsxi.dashboard.tables.engine.FieldChange;

/**
 * The rows and fields an apply, a rollback or a replace changed, as the tail of its audit line: each change as
 * {@code key: field: old → new}, the first {@link #SHOWN} and as many as fit in a number of characters, then
 * "and N more changes". A secret field never shows its value, only that it changed.
 */
final class AuditedChanges {

	static final int SHOWN = 20;

	/** Well within the 2000 characters the audit trail keeps of a detail. */
	static final int DETAIL_ROOM = 1900;

	/** One value longer than this is cut: one long description must not crowd out the other changes. */
	static final int LONGEST_VALUE = 60;

	private AuditedChanges() {
	}

	/** The changes, in what is left of the detail's room after {@code before}. */
	static String text(EditableTable table, TableDiff diff, String before) {
		return text(table, diff, DETAIL_ROOM - before.length());
	}

	/**
	 * The changes of {@code diff}, e.g. {@code "; changes: 1001 / 1: maxLen: 16 → 18; added 1002 / 1"}, within
	 * {@code room} characters; empty when nothing changed.
	 */

	static String text(EditableTable table, TableDiff diff, int room) {
		int total = diff.added().size() + diff.removed().size()
				+ diff.changed().stream().mapToInt(change -> change.fields().size()).sum();
		if (total == 0) {
			return "";
		}
		// only the first few are spelled out: a replace may change a million rows
		List<String> first = Stream.of(
				diff.changed().stream().flatMap(change -> change.fields().stream()
					.map(field -> change.key().label() + ": " + field(table, field))),
				diff.added().stream().map(change -> "added " + change.key().label()),
				diff.removed().stream().map(change -> "removed " + change.key().label()))
			.flatMap(changes -> changes)
			.limit(SHOWN)
			.toList();
		StringBuilder text = new StringBuilder("; changes: ");
		int listed = 0;
		for (String change : first) {
			String more = more(total - listed - 1);
			if (text.length() + change.length() + 2 + more.length() > room) {
				break;
			}
			text.append(listed == 0 ? "" : "; ").append(change);
			listed++;
		}
		if (listed == 0) {
			return "; " + Plural.count(total, "change", "changes") + " not listed";
		}
		return text.append(more(total - listed)).toString();
	}

	private static String more(int left) {
		return left <= 0 ? "" : "; and " + Plural.count(left, "more change", "more changes");
	}

	private static String field(EditableTable table, FieldChange change) {
		if (secret(table, change.field())) {
			if (!change.presentBefore() || !change.presentAfter()) {
				return change.field() + (change.presentAfter() ? " added" : " removed");
			}
			return change.field() + " changed";
		}
		if (SecretFields.any(table) && (nested(change.before()) || nested(change.after()))) {
			// a nested entry may hold a password: its values are not spelled out
			return change.field() + " changed";
		}
		return change.field() + ": " + shortened(change.beforeText()) + " → " + shortened(change.afterText());
	}

	/** A nested path ({@code account[1]/password}) is secret where any of its names is. */
	private static boolean secret(EditableTable table, String path) {
		if (SecretFields.secret(table, path)) {
			return true;
		}
		for (String name : path.split("/")) {
			if (SecretFields.secret(table, name.replaceAll("\\[\\d+]$", ""))) {
				return true;
			}
		}
		return false;
	}

	private static boolean nested(Object value) {
		return value instanceof app.vsxi.dashboard.gateway.TableRow || value instanceof List<?>;
	}

	private static String shortened(String value) {
		return value.length() <= LONGEST_VALUE ? value : value.substring(0, LONGEST_VALUE - 1) + "…";
	}

}
