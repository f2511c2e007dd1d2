package app.vsxi.dashboard.calls;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import app.vsxi.dashboard.gateway.TableRow;

/** Columns, sort and pages of entries as a box sent them. */
final class TableView {

	private TableView() {
	}

	/** Every field any entry has, in the order they first appear. */
	static List<String> columns(List<TableRow> rows) {
		Set<String> columns = new LinkedHashSet<>();
		rows.forEach(row -> columns.addAll(row.fields().keySet()));
		return List.copyOf(columns);
	}

	/** Numbers by value, box times in time order, everything else as text without case; absent fields last. */
	static List<TableRow> sorted(List<TableRow> rows, String field, boolean descending) {
		if (field == null || field.isBlank()) {
			return rows;
		}
		record Keyed(TableRow row, Double number, String text) {
		}
		List<Keyed> keyed = new ArrayList<>(rows.size());
		boolean allNumbers = true;
		boolean time = BoxTimes.FIELDS.contains(field);
		for (TableRow row : rows) {
			// a box time, month first, sorts by its year-first form: in time order across years
			String text = time ? BoxTime.of(row.text(field)).text() : row.text(field);
			Double number = number(text);
			allNumbers &= number != null || text == null;
			keyed.add(new Keyed(row, number, text == null ? null : text.toLowerCase(java.util.Locale.ROOT)));
		}
		Comparator<Keyed> order = allNumbers
				? Comparator.comparing(Keyed::number, Comparator.nullsLast(Comparator.naturalOrder()))
				: Comparator.comparing(Keyed::text, Comparator.nullsLast(Comparator.naturalOrder()));
		if (descending) {
			order = order.reversed();
		}
		keyed.sort(order);
		return keyed.stream().map(Keyed::row).toList();
	}

	static int pages(int count, int pageSize) {
		return Math.max(1, (count + pageSize - 1) / pageSize);
	}

	static <T> List<T> page(List<T> rows, int page, int pageSize) {
		int from = Math.min(rows.size(), (page - 1) * pageSize);
		return rows.subList(from, Math.min(rows.size(), from + pageSize));
	}

	private static Double number(String text) {
		if (text == null || text.isBlank()) {
			return null;
		}
		try {
			return Double.valueOf(text.strip());
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

}
