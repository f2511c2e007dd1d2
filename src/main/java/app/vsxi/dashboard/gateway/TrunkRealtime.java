package app.vsxi.dashboard.gateway;

import java.util.Map;

/**
 * One row of {@code XBResourceRealTimeStatList} in {@code stats/realtime}: a trunk's live figures on one node, or
 * summed over the trunk group when {@code fqdn} is {@code Group}. The trunk id is text whichever JSON type the box
 * used, so it joins the {@code trunk_id} of {@code stats/resource} rows either way.
 *
 * @param node the node's address, or {@code Group} for the aggregate row
 * @param fields every field of the row as the box sent it
 */
public record TrunkRealtime(String trunkId, String node, long numOrig, long numTerm, long cps, long numPeak,
		long totalLimit, long cpsLimit, Map<String, String> fields) {

	public static final String GROUP = "Group";

	/** The aggregate over the trunk group, as opposed to one node's row. */
	public boolean group() {
		return GROUP.equals(this.node);
	}

	static TrunkRealtime from(Map<String, String> row) {
		String table = "XBResourceRealTimeStatList";
		return new TrunkRealtime(id(RealtimeStats.required(row, table, "trunkId")), row.getOrDefault("fqdn", ""),
				RealtimeStats.number(row, table, "numOrig"), RealtimeStats.number(row, table, "numTerm"),
				RealtimeStats.number(row, table, "cps"), RealtimeStats.number(row, table, "numPeak"),
				RealtimeStats.number(row, table, "totalLimit"), RealtimeStats.number(row, table, "cpsLimit"),
				Map.copyOf(row));
	}

	/** {@code 100}, {@code "100"} and {@code 100.0} are the same trunk. */
	public static String id(String value) {
		if (value == null) {
			return "";
		}
		String text = value.strip();
		try {
			double number = Double.parseDouble(text);
			if (number == Math.rint(number) && !Double.isInfinite(number)) {
				return Long.toString((long) number);
			}
		}
		catch (NumberFormatException ex) {
			// not numeric: the text is the id
		}
		return text;
	}

}
