package app.vsxi.dashboard.tables.engine;

import java.util.ArrayList;
import java.util.List;

import app.vsxi.dashboard.gateway.TableRow;

/**
 * What identifies a row of a table: the values of its key fields, plus which occurrence of that key it is, so
 * that a table holding one key twice (the box should not, but a download or an import may) still diffs row by
 * row instead of losing one of them.
 */
public record RowKey(List<String> values, int occurrence) implements Comparable<RowKey> {

	public RowKey {
		values = List.copyOf(values);
	}

	/** The key of a row by the given key fields; a missing or non-scalar key field counts as empty text. */
	public static RowKey of(TableRow row, List<String> keyFields) {
		return of(row, keyFields, 0);
	}

	public static RowKey of(TableRow row, List<String> keyFields, int occurrence) {
		List<String> values = new ArrayList<>(keyFields.size());
		for (String field : keyFields) {
			String value = row.text(field);
			values.add(value == null ? "" : value);
		}
		return new RowKey(values, occurrence);
	}

	public RowKey first() {
		return this.occurrence == 0 ? this : new RowKey(this.values, 0);
	}

	public RowKey nth(int n) {
		return new RowKey(this.values, n);
	}

	/** For the operator: the key values joined, with the occurrence where the key is not unique. */
	public String label() {
		return String.join(" / ", this.values) + (this.occurrence > 0 ? " (#" + (this.occurrence + 1) + ")" : "");
	}

	/** The key as one line of text, as forms send it back. */
	public String text() {
		return KeyText.format(this);
	}

	/** The key in letters, digits, '-' and '_' only, for a form to send back as a value whatever the key holds. */
	public String token() {
		return KeyText.token(this);
	}

	/** A short id for the page's elements; the key itself may hold any text. */
	public String domId() {
		return Integer.toHexString(text().hashCode());
	}

	@Override
	public int compareTo(RowKey other) {
		int size = Math.min(this.values.size(), other.values.size());
		for (int i = 0; i < size; i++) {
			int order = this.values.get(i).compareTo(other.values.get(i));
			if (order != 0) {
				return order;
			}
		}
		int bySize = Integer.compare(this.values.size(), other.values.size());
		return bySize != 0 ? bySize : Integer.compare(this.occurrence, other.occurrence);
	}

}
