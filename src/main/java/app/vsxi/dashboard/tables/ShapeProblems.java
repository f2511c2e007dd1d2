package app.vsxi.dashboard.tables;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import app.vsxi.dashboard.gateway.TableRow;
import app.vsxi.dashboard.web.Plural;

/**
 * Every field an imported file's entries lack or add against the shape they must have, counted over the whole
 * file, so that one refusal names all there is to fix instead of the first mismatch only.
 */
final class ShapeProblems {

	/** Field names listed per part of the message; a file of another table entirely must not make a page of them. */
	static final int NAMES_SHOWN = 25;

	private final TableRow shape;

	private final Map<String, Integer> missing = new LinkedHashMap<>();

	private final Map<String, Integer> extra = new LinkedHashMap<>();

	ShapeProblems(TableRow shape) {
		this.shape = shape;
		shape.fields().keySet().forEach(field -> this.missing.put(field, 0));
	}

	/** Counts what {@code row} lacks or adds; true when it has exactly the shape's fields. */
	boolean check(TableRow row) {
		boolean fits = true;
		for (String field : this.shape.fields().keySet()) {
			if (!row.has(field)) {
				this.missing.merge(field, 1, Integer::sum);
				fits = false;
			}
		}
		for (String field : row.fields().keySet()) {
			if (!this.shape.has(field)) {
				this.extra.merge(field, 1, Integer::sum);
				fits = false;
			}
		}
		return fits;
	}

	/**
	 * Null when every row checked fits, else e.g. "missing in 3 entries: digitMatch, policy; missing in 1 entry:
	 * note; not in the box's rows: foo (2 entries)", {@code shape} naming what the entries are held against.
	 */
	String text(String shape) {
		List<String> parts = new ArrayList<>();
		Map<Integer, List<String>> byCount = this.missing.entrySet()
			.stream()
			.filter(field -> field.getValue() > 0)
			.collect(Collectors.groupingBy(Map.Entry::getValue, LinkedHashMap::new,
					Collectors.mapping(Map.Entry::getKey, Collectors.toList())));
		byCount.entrySet()
			.stream()
			.sorted(Map.Entry.<Integer, List<String>>comparingByKey(Comparator.reverseOrder()))
			.forEach(group -> parts.add("missing in " + entries(group.getKey()) + ": " + names(group.getValue())));
		if (!this.extra.isEmpty()) {
			parts.add("not in " + shape + ": " + names(this.extra.entrySet()
				.stream()
				.map(field -> field.getKey() + " (" + entries(field.getValue()) + ")")
				.toList()));
		}
		return parts.isEmpty() ? null : String.join("; ", parts);
	}

	private static String entries(int count) {
		return Plural.count(count, "entry", "entries");
	}

	private static String names(List<String> names) {
		if (names.size() <= NAMES_SHOWN) {
			return String.join(", ", names);
		}
		return String.join(", ", names.subList(0, NAMES_SHOWN)) + " and " + (names.size() - NAMES_SHOWN)
				+ " more fields";
	}

}
