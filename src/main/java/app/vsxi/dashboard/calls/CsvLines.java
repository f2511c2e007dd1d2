package app.vsxi.dashboard.calls;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

import app.vsxi.dashboard.gateway.CallsCsv;
import app.vsxi.dashboard.gateway.TableRow;

/**
 * The calls of the box's CSV matched to the JSON list. No source shows that CSV (reference §11.3): it may or may
 * not start with a header, under any column names. So no column is read by name: each line is matched to a call of
 * the JSON list, whose names are known, by the call's slot and Call-ID standing among the line's cells.
 *
 * @param header whether the box's CSV starts with a header line
 * @param lineOf the line of each identified call, by {@link CallIdentity#key}
 * @param unsure why each other listed call has no line that is surely its own
 */
public record CsvLines(CallsCsv csv, boolean header, Map<String, Integer> lineOf, Map<String, String> unsure) {

	/**
	 * Which line is which of the {@code listed} calls (read from the JSON list). A line is a call's when one of its
	 * cells is the call's Call-ID and another its slot; a call is identified when exactly one line is its and that
	 * line is no other call's. A first line that is no call's is the box's header when it has no slot where the
	 * identified lines have theirs; where that cannot be told, no call is identified.
	 */
	public static CsvLines identify(CallsCsv csv, List<TableRow> listed) {
		Map<String, List<TableRow>> byCallId = new HashMap<>();
		for (TableRow call : listed) {
			if (CallIdentity.identified(call)) {
				byCallId.computeIfAbsent(call.text("callID").strip(), id -> new ArrayList<>()).add(call);
			}
		}
		Map<Integer, Set<String>> callsOfLine = new HashMap<>();
		Map<String, List<Integer>> linesOfCall = new LinkedHashMap<>();
		byCallId.values().forEach(calls -> calls.forEach(call -> linesOfCall.put(CallIdentity.key(call), new ArrayList<>())));
		for (int line = 0; line < csv.size(); line++) {
			List<String> row = csv.cells(line);
			Set<String> calls = new LinkedHashSet<>();
			for (int cell = 0; cell < row.size(); cell++) {
				for (TableRow call : byCallId.getOrDefault(row.get(cell).strip(), List.of())) {
					if (holdsElsewhere(row, cell, call.text("ssm_index").strip())) {
						calls.add(CallIdentity.key(call));
					}
				}
			}
			callsOfLine.put(line, calls);
			for (String call : calls) {
				linesOfCall.get(call).add(line);
			}
		}
		Map<String, Integer> lineOf = new LinkedHashMap<>();
		Map<String, String> unsure = new LinkedHashMap<>();
		linesOfCall.forEach((call, lines) -> {
			if (lines.isEmpty()) {
				unsure.put(call, "its line is not in the box's CSV (it may have just ended)");
			}
			else if (lines.size() > 1) {
				unsure.put(call, "more than one line of the box's CSV carries its slot and Call-ID");
			}
			else if (callsOfLine.get(lines.get(0)).size() > 1) {
				unsure.put(call, "its line in the box's CSV also carries another call's slot and Call-ID");
			}
			else {
				lineOf.put(call, lines.get(0));
			}
		});
		boolean header = csv.size() > 0 && callsOfLine.get(0).isEmpty();
		if (header && !lineOf.isEmpty()) {
			Boolean callLine = looksLikeACall(csv, csv.cells(0), lineOf, listed);
			if (callLine == null) {
				lineOf.keySet().forEach(call -> unsure.put(call,
						"the first line of the box's CSV is no listed call's, and whether it is a header cannot be told"));
				lineOf.clear();
			}
			else {
				header = !callLine;
			}
		}
		return new CsvLines(csv, header, Map.copyOf(lineOf), Map.copyOf(unsure));
	}

	/** Why this call cannot be cut from the CSV, or null when it can. */
	public String problem(String call) {
		return this.lineOf.containsKey(call) ? null
				: this.unsure.getOrDefault(call, "the box's CSV was not read with it listed");
	}

	/**
	 * The CSV that ends these calls: the box's header line if it writes one, then their lines in the box's
	 * order, so a last line without a line break can only stand last.
	 */
	public CsvCut cut(Collection<String> calls) {
		TreeSet<Integer> lines = new TreeSet<>();
		for (String call : calls) {
			Integer line = this.lineOf.get(call);
			if (line == null) {
				throw new IllegalArgumentException("no line of the box's CSV is surely the call " + call);
			}
			lines.add(line);
		}
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		if (this.header) {
			body.writeBytes(this.csv.line(0));
		}
		lines.forEach(line -> body.writeBytes(this.csv.line(line)));
		List<String> targets = new ArrayList<>();
		this.lineOf.forEach((call, line) -> {
			if (lines.contains(line)) {
				targets.add(call);
			}
		});
		return new CsvCut(body.toByteArray(), List.copyOf(targets), this.header);
	}

	/**
	 * Whether an unmatched first line is a call's (a whole number where every identified line has its slot), or
	 * null when the identified lines' slots are no whole numbers, so nothing tells a header from a call.
	 */
	private static Boolean looksLikeACall(CallsCsv csv, List<String> first, Map<String, Integer> lineOf,
			List<TableRow> listed) {
		Map<String, String> slots = new HashMap<>();
		listed.forEach(call -> slots.put(CallIdentity.key(call), Objects.toString(call.text("ssm_index"), "").strip()));
		if (!slots.entrySet().stream().filter(slot -> lineOf.containsKey(slot.getKey())).allMatch(slot -> whole(slot.getValue()))) {
			return null;
		}
		List<Integer> slotColumns = new ArrayList<>();
		for (int column = 0; column < first.size(); column++) {
			int at = column;
			if (lineOf.entrySet().stream().allMatch(line -> at < csv.cells(line.getValue()).size()
					&& csv.cells(line.getValue()).get(at).strip().equals(slots.get(line.getKey())))) {
				slotColumns.add(column);
			}
		}
		if (slotColumns.isEmpty()) {
			return null;
		}
		return slotColumns.stream().anyMatch(column -> whole(first.get(column).strip()));
	}

	private static boolean holdsElsewhere(List<String> row, int except, String value) {
		for (int cell = 0; cell < row.size(); cell++) {
			if (cell != except && row.get(cell).strip().equals(value)) {
				return true;
			}
		}
		return false;
	}

	private static boolean whole(String value) {
		return !value.isEmpty() && value.chars().allMatch(Character::isDigit);
	}

}
