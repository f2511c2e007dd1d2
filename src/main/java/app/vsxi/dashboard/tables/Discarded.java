package app.vsxi.dashboard.tables;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import app.vsxi.dashboard.gateway.TableRow;
import app.vsxi.dashboard.tables.engine.RowKey;

/**
 * A row a box dropped from a Large write (its 300 answer), with the box's reason. The documented answer names no
 * row: the reasons go to the box's User Access Log. A box that writes a line per dropped entry after the message
 * ({@code entry 3: minLen is not a number}) has it matched to the third row of the call; a line that names no
 * entry is kept as it is, with no row.
 *
 * @param key the row, or null where the box's line names none the call carried
 */
public record Discarded(RowKey key, String reason) {

	private static final Pattern ENTRY = Pattern.compile("(?i)^\\s*entry\\s+(\\d{1,9})\\s*[:\\-–]\\s*(.*)$");

	static List<Discarded> read(List<String> lines, List<TableRow> sent, List<String> keyFields) {
		return read(lines, sent.size(), position -> sent.get(position - 1), keyFields);
	}

	/** The entry positions (1 for the first row sent) the lines name, to look those rows up in one pass. */
	static java.util.Set<Integer> positions(List<String> lines) {
		java.util.Set<Integer> positions = new java.util.HashSet<>();
		for (String line : lines) {
			Matcher entry = ENTRY.matcher(line);
			if (entry.matches()) {
				positions.add(Integer.parseInt(entry.group(1)));
			}
		}
		return positions;
	}

	/** {@code rowAt} gives the row sent at a position from 1 to {@code sent}. */
	static List<Discarded> read(List<String> lines, int sent, java.util.function.IntFunction<TableRow> rowAt,
			List<String> keyFields) {
		List<Discarded> discarded = new ArrayList<>(lines.size());
		for (String line : lines) {
			Matcher entry = ENTRY.matcher(line);
			int position = entry.matches() ? Integer.parseInt(entry.group(1)) : 0;
			TableRow row = position >= 1 && position <= sent ? rowAt.apply(position) : null;
			if (row != null) {
				discarded.add(new Discarded(RowKey.of(row, keyFields), entry.group(2).strip()));
			}
			else {
				discarded.add(new Discarded(null, line.strip()));
			}
		}
		return discarded;
	}

}
