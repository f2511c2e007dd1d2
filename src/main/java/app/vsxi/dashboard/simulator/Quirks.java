package app.vsxi.dashboard.simulator;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import tools.jackson.databind.json.JsonMapper;

/**
 * What real boxes do that the sources leave open, or that happens on some boxes and not others: each is a switch,
 * so the dashboard can be shown to survive both answers. {@link #DEFAULTS} is the box as the simulator plays it
 * unless told otherwise. Set with {@link SimulatedVsxi#quirks(Quirks)} or {@code POST /simulator/faults}, where
 * every component is a JSON key.
 *
 * @param overlapMillis a request that arrives within this many milliseconds of another with the same credentials
 * answers {@code 400 fail - failed} (0: off)
 * @param tablelessAnswers the next this many stats dumps are well-formed but hold no table (-1: every one)
 * @param recursionAnswers the next this many stats dumps hold {@code Max recursion depth reached} in place of their
 * tables, as during an HA failover (-1: every one)
 * @param jsonFailAbove a JSON answer of more than this many entries (rows in a dump) fails with HTTP 500
 * {@code convert xml2json failed(JAXB)}, as on older firmware (0: off)
 * @param codeInBody box messages (200, 300, 400, 402) are sent with HTTP 200 and the code only in the body
 * @param untrustedHost the caller is no Trusted Host: every API request gets the web container's own 401 page
 * @param noRest a box older than the REST API: every API path answers the container's 404 page
 * @param dumpNumbersAsText JSON stats dumps keep numeric values as strings (off: numbers, as the converter does)
 * @param nilFields the {@code alias} of stats/resource rows is a NULL ({@code xsi:nil}) field
 * @param singleObjectInDumps in JSON dumps a list of one (tables, rows, fields) is an object
 * @param singleObjectInLists in JSON stats lists (sub_stats, active_calls, media_server) one entry is an object
 * @param singleObjectInTables in JSON configuration tables (download, query) one entry is an object
 * @param largeMethods which methods the Large actions take
 * @param zipChunkEntries Large downloads split into zip files of at most this many entries each (0: one file)
 * @param strictContentTypes writes sent with a Content-Type no source shows working answer 415
 * @param discardReasons a 300 answer carries, after its message, one line per discarded entry with the reason its
 * User Access Log line gives ({@code entry 3: …}); the sources say the reasons go to that log only, so off by default
 * @param rowKeys per table, the fields the box matches {@code update} and {@code delete} on, where they differ from
 * the table's keys in {@link TableCatalog} (no source names a key): an update whose key exists rewrites that entry,
 * otherwise it inserts, as the guide words it
 * @param reuseCallSlots a new call takes the lowest free {@code ssm_index}, so an ended call's slot is reused at once
 * @param callsCsvHeader {@code stats/active_calls?format=csv} starts with a header line (no source shows the box's
 * CSV)
 * @param ignoreUnknownFilterFields {@code delete/sub_stats} ignores filter elements it does not know instead of
 * refusing them, so a misspelt filter widens to every registration
 */
public record Quirks(long overlapMillis, int tablelessAnswers, int recursionAnswers, int jsonFailAbove,
		boolean codeInBody, boolean untrustedHost, boolean noRest, boolean dumpNumbersAsText, boolean nilFields,
		boolean singleObjectInDumps, boolean singleObjectInLists, boolean singleObjectInTables,
		LargeMethods largeMethods, int zipChunkEntries, boolean strictContentTypes, boolean discardReasons,
		Map<String, List<String>> rowKeys, boolean reuseCallSlots, boolean callsCsvHeader,
		boolean ignoreUnknownFilterFields) {

	public static final Quirks DEFAULTS = new Quirks(0, 0, 0, 0, false, false, false, false, false, true, true, false,
			LargeMethods.EITHER, 0, false, false, Map.of(), false, true, false);

	private static final JsonMapper JSON = JsonMapper.builder().build();

	/** The JSON keys of the switches, as {@code POST /simulator/faults} takes them. */
	static final Set<String> NAMES = Set.copyOf(DEFAULTS.asMap().keySet());

	public Quirks {
		rowKeys = rowKeys == null ? Map.of() : Map.copyOf(rowKeys);
		rowKeys.forEach((table, fields) -> {
			TableSpec spec = TableCatalog.configTable(table);
			if (spec == null || fields == null || fields.isEmpty()
					|| fields.stream().anyMatch(field -> spec.field(field) == null)) {
				throw new IllegalArgumentException("rowKeys: " + table + " has no fields " + fields);
			}
		});
	}

	/** Which methods a Large action is answered on; the others get 405. */
	public enum LargeMethods {

		/** The command table's method (GET or DELETE) and POST, which the guide's prose names for all of them. */
		EITHER,
		/** Only the command table's method. */
		COMMAND_TABLE,
		/** Only POST, as the prose has it. */
		POST_ONLY

	}

	/** These switches with the ones a JSON object names changed. */
	@SuppressWarnings("unchecked")
	public Quirks with(Map<String, ?> changes) {
		Map<String, Object> merged = asMap();
		changes.forEach((name, value) -> {
			if (NAMES.contains(name)) {
				merged.put(name, value);
			}
		});
		return JSON.convertValue(merged, Quirks.class);
	}

	@SuppressWarnings("unchecked")
	Map<String, Object> asMap() {
		return new LinkedHashMap<>(JSON.convertValue(this, Map.class));
	}

	/** Whether a JSON answer of this many entries fails the conversion, as on older firmware. */
	boolean jsonFails(Document.Format format, long entries) {
		return format == Document.Format.JSON && this.jsonFailAbove > 0 && entries > this.jsonFailAbove;
	}

	/** Whether a Large action may be called with this method. */
	boolean largeMethodAllowed(String documented, String method) {
		return switch (this.largeMethods) {
			case EITHER -> documented.equals(method) || "POST".equals(method);
			case COMMAND_TABLE -> documented.equals(method);
			case POST_ONLY -> "POST".equals(method);
		};
	}

}
