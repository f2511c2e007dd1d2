package app.vsxi.dashboard.gateway;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import static app.vsxi.dashboard.gateway.VsxiAction.DELETE;
import static app.vsxi.dashboard.gateway.VsxiAction.DELETE_LARGE;
import static app.vsxi.dashboard.gateway.VsxiAction.DOWNLOAD;
import static app.vsxi.dashboard.gateway.VsxiAction.DOWNLOAD_LARGE;
import static app.vsxi.dashboard.gateway.VsxiAction.QUERY;
import static app.vsxi.dashboard.gateway.VsxiAction.REPLACE_LARGE;
import static app.vsxi.dashboard.gateway.VsxiAction.STATS;
import static app.vsxi.dashboard.gateway.VsxiAction.SYSTEM;
import static app.vsxi.dashboard.gateway.VsxiAction.UPDATE;
import static app.vsxi.dashboard.gateway.VsxiAction.UPDATE_LARGE;
import static app.vsxi.dashboard.gateway.VsxiAction.UPLOAD;
import static app.vsxi.dashboard.gateway.VsxiCommand.Payload;

/**
 * The VSXi API as the dashboard knows it, one constant per table of the URL: the actions it takes in which formats
 * (the vendor's command table, 66 commands), the element names of its documents and the fields that identify an
 * entry, each with where that fact comes from. Where a table's element names are {@link Provenance#INFERRED}, they
 * follow the {@code XB<Thing>List}/{@code XB<Thing>} pattern of the documented ones; the dashboard writes back the
 * names a box sent whenever it has them.
 */
public enum VsxiTable {

	ROUTE("route", inferred("XBRouteList", "XBRoute"), inferredKeys("alias", "tableId"),
			table(DOWNLOAD, csvToo()), table(DOWNLOAD_LARGE, csvToo()), table(UPDATE, csvToo()),
			table(UPDATE_LARGE, csvToo()), table(DELETE, csvToo()), table(DELETE_LARGE, csvToo()),
			table(UPLOAD, csvToo()), table(REPLACE_LARGE, csvToo()), table(QUERY, xmlJson())),
	ROUTEGROUP("routegroup", inferred("XBRouteGroupList", "XBRouteGroup"), noKeys(), table(DOWNLOAD, xmlJson()),
			table(UPDATE, xmlJson()), table(DELETE, xmlJson()), table(UPLOAD, xmlJson())),
	ROUTETABLE("routetable", inferred("XBRouteTableList", "XBRouteTable"), noKeys(), table(DOWNLOAD, xmlJson()),
			table(UPDATE, xmlJson()), table(DELETE, xmlJson()), table(UPLOAD, xmlJson())),
	/** Trunks; {@code stats/resource} is a dump of their counters, not this document. */
	RESOURCE("resource", new Fact<>(new ElementNames("XBResourceList", "XBResource"), Provenance.PUBLIC_CLIENT),
			inferredKeys("trunkId"), table(DOWNLOAD, xmlJson()), table(UPDATE, xmlJson()), table(DELETE, xmlJson()),
			table(UPLOAD, xmlJson()), table(QUERY, xmlJson()), dump(STATS)),
	RESOURCEBLOCK("resourceblock", inferred("XBResourceBlockList", "XBResourceBlock"), noKeys(),
			table(DOWNLOAD, xmlJson()), table(UPDATE, xmlJson()), table(DELETE, xmlJson()), table(UPLOAD, xmlJson())),
	DIGIT_MAPPING_INDEX("digit_mapping_index", inferred("XBDigitMappingIndexList", "XBDigitMappingIndex"), noKeys(),
			table(DOWNLOAD, xmlJson()), table(UPDATE, xmlJson()), table(DELETE, xmlJson())),
	DIGIT_MAPPING("digit_mapping",
			new Fact<>(new ElementNames("DigitTranslationList", "DigitTrans"), Provenance.VENDOR_GUIDE),
			inferredKeys("alias", "tableId"), table(DOWNLOAD, xmlJson()), table(DOWNLOAD_LARGE, xmlJson()),
			table(UPDATE, xmlJson()), table(UPDATE_LARGE, xmlJson()), table(DELETE, xmlJson()),
			table(DELETE_LARGE, xmlJson()), table(REPLACE_LARGE, xmlJson()), table(QUERY, xmlJson())),
	SUBSCRIBER("subscriber", inferred("XBSubscriberList", "XBSubscriber"), noKeys(), table(DOWNLOAD, xmlJson()),
			table(DOWNLOAD_LARGE, xmlJson()), table(UPDATE, xmlJson()), table(UPDATE_LARGE, xmlJson()),
			table(DELETE, xmlJson()), table(DELETE_LARGE, xmlJson()), table(REPLACE_LARGE, xmlJson()),
			table(QUERY, xmlJson())),
	MEDIA_SERVER_PROFILE("media_server_profile", inferred("XBMediaServerProfileList", "XBMediaServerProfile"),
			noKeys(), table(DOWNLOAD, xmlJson())),
	/** Configured media servers; {@code stats/media_server} is another document, see {@link #elements(VsxiAction)}. */
	MEDIA_SERVER("media_server", inferred("XBMediaServerList", "XBMediaServer"), noKeys(), table(DOWNLOAD, xmlJson()),
			table(STATS, xmlJson())),
	SYSTEM_CONFIGURATION("systemConfiguration", none(), noKeys(), file(DOWNLOAD_LARGE)),
	HARDWARE_CONFIGURATION("hardwareConfiguration", none(), noKeys(), file(DOWNLOAD_LARGE)),
	/** SMC data: zipped CSV both ways. */
	SMC_DATA_FILE("smcDataFile", none(), noKeys(), table(DOWNLOAD_LARGE, EnumSet.of(Format.CSV)),
			table(REPLACE_LARGE, EnumSet.of(Format.CSV))),
	USERS("users", inferred("XBUserList", "XBUser"), inferredKeys("username"), table(UPDATE, xmlJson()),
			table(DELETE, xmlJson())),
	/** Registrations; a delete names filters (username, trunkId, id, userDomain, userIp), not whole entries. */
	SUB_STATS("sub_stats", new Fact<>(new ElementNames("XBSubStatsList", "XBSubStats"), Provenance.PUBLIC_CLIENT),
			noKeys(), table(DELETE, xmlJson()), table(STATS, xmlJson())),
	/** Active calls; the box takes no JSON to kill calls, only CSV and XML (the vendor's answer to a reader). */
	ACTIVE_CALLS("active_calls",
			new Fact<>(new ElementNames("XBActiveCallsList", "XBActiveCall"), Provenance.PUBLIC_CLIENT),
			new Fact<>(List.of("ssm_index"), Provenance.PUBLIC_CLIENT),
			table(DELETE, EnumSet.of(Format.XML, Format.CSV)), table(QUERY, xmlJson()), table(STATS, csvToo())),
	/** The routes of one route table, replaced whole ({@code ?tableID=n}, a name inherited from the SOAP API). */
	ROUTES_IN_ROUTE_TABLE("routesInRouteTable", inferred("XBRouteList", "XBRoute"), inferredKeys("alias", "tableId"),
			table(REPLACE_LARGE, csvToo())),
	/** The digit mappings of one digit-map table, replaced whole ({@code ?tableID=n}). */
	DIGIT_MAPPINGS_IN_DIG_MAP_TABLE("digitMappingsInDigMapTable", inferred("DigitTranslationList", "DigitTrans"),
			inferredKeys("alias", "tableId"), table(REPLACE_LARGE, xmlJson())),
	/** {@code stats/realtime} is a dump of system counters; {@code system/realtime} plain text. */
	REALTIME("realtime", none(), noKeys(), dump(STATS), text(SYSTEM)),
	RESOURCE_DETAIL("resource_detail", none(), noKeys(), dump(STATS)),
	SIP_STATS("sip_stats", none(), noKeys(), dump(STATS));

	private final String path;

	private final Fact<ElementNames> elements;

	private final Fact<List<String>> keys;

	private final Map<VsxiAction, VsxiCommand> commands;

	VsxiTable(String path, Fact<ElementNames> elements, Fact<List<String>> keys, Offer... offers) {
		this.path = path;
		this.elements = elements;
		this.keys = keys;
		Map<VsxiAction, VsxiCommand> byAction = new LinkedHashMap<>();
		for (Offer offer : offers) {
			byAction.put(offer.action(), new VsxiCommand(offer.action(), this, offer.formats(), offer.payload()));
		}
		this.commands = java.util.Collections.unmodifiableMap(byAction);
	}

	/** A fact of the catalog and where it comes from. */
	public record Fact<T>(T value, Provenance source) {
	}

	/** The table's name in the URL, e.g. {@code digit_mapping}. */
	public String path() {
		return this.path;
	}

	/** The element names of the table's document, if it has one (not for dumps, text, files or CSV only). */
	public Optional<Fact<ElementNames>> elements() {
		return Optional.ofNullable(this.elements);
	}

	/**
	 * The element names of what {@code action} carries: {@code stats/media_server} is a list of realtime figures
	 * under its own names, every other action carries the table's document.
	 */
	public Optional<Fact<ElementNames>> elements(VsxiAction action) {
		if (this == MEDIA_SERVER && action == STATS) {
			return Optional.of(new Fact<>(
					new ElementNames("XBMediaServerRealTimeStatList", "XBMediaServerRealTimeStat"),
					Provenance.PUBLIC_CLIENT));
		}
		return elements();
	}

	public ElementNames names() {
		return elements().orElseThrow(() -> new IllegalStateException(this.path + " has no table document")).value();
	}

	public String root() {
		return names().root();
	}

	public String item() {
		return names().item();
	}

	/** The fields that together identify an entry; empty where no source names them and nothing is assumed. */
	public List<String> keyFields() {
		return this.keys.value();
	}

	public Fact<List<String>> keys() {
		return this.keys;
	}

	/**
	 * The fields that hold a credential (a subscriber's SIP password, a box account's password): never shown,
	 * exported or audited in clear to anyone who does not need them.
	 */
	public List<String> secretFields() {
		return switch (this) {
			case SUBSCRIBER, USERS -> List.of("password");
			default -> List.of();
		};
	}

	/**
	 * Whether a field holds a credential. Of the box's own accounts, whose shape no document shows, every field
	 * named like a password is taken for one.
	 */
	public boolean secret(String field) {
		return secretFields().stream().anyMatch(field::equalsIgnoreCase)
				|| (holdsBoxAccounts() && field.toLowerCase(java.util.Locale.ROOT).contains("pass"));
	}

	/** The box's own API and GUI accounts: writing them is managing the SBC's credentials. */
	public boolean holdsBoxAccounts() {
		return this == USERS;
	}

	/** What the box offers on this table, in the order of the vendor's command table. */
	public List<VsxiCommand> commands() {
		return List.copyOf(this.commands.values());
	}

	public Optional<VsxiCommand> command(VsxiAction action) {
		return Optional.ofNullable(this.commands.get(action));
	}

	public Set<VsxiAction> actions() {
		return this.commands.isEmpty() ? Set.of() : EnumSet.copyOf(this.commands.keySet());
	}

	public boolean supports(VsxiAction action, Format format) {
		VsxiCommand command = this.commands.get(action);
		return command != null && command.supports(format);
	}

	public Set<Format> formats(VsxiAction action) {
		return command(action).map(VsxiCommand::formats).orElse(Set.of());
	}

	/** The zip actions the table takes. */
	public Set<VsxiAction> largeActions() {
		return actions().stream().filter(VsxiAction::large).collect(Collectors.toCollection(() -> EnumSet.noneOf(VsxiAction.class)));
	}

	/** The table as named in a URL; empty for a name the API does not have. */
	public static Optional<VsxiTable> fromPath(String path) {
		return Arrays.stream(values()).filter(table -> table.path.equals(path)).findFirst();
	}

	/** Every command of the API: the vendor's command table, 66 rows. */
	public static List<VsxiCommand> allCommands() {
		return Arrays.stream(values()).flatMap(table -> table.commands.values().stream()).toList();
	}

	/** Every table an action takes. */
	public static Set<VsxiTable> takenBy(VsxiAction action) {
		return Arrays.stream(values())
			.filter(table -> table.commands.containsKey(action))
			.collect(Collectors.toCollection(() -> EnumSet.noneOf(VsxiTable.class)));
	}

	@Override
	public String toString() {
		return this.path;
	}

	private record Offer(VsxiAction action, Set<Format> formats, Payload payload) {
	}

	private static Offer table(VsxiAction action, Set<Format> formats) {
		return new Offer(action, formats, Payload.TABLE);
	}

	private static Offer dump(VsxiAction action) {
		return new Offer(action, xmlJson(), Payload.DUMP);
	}

	private static Offer file(VsxiAction action) {
		return new Offer(action, Set.of(), Payload.FILE);
	}

	private static Offer text(VsxiAction action) {
		return new Offer(action, Set.of(), Payload.TEXT);
	}

	private static Set<Format> xmlJson() {
		return EnumSet.of(Format.XML, Format.JSON);
	}

	private static Set<Format> csvToo() {
		return EnumSet.allOf(Format.class);
	}

	private static Fact<ElementNames> inferred(String root, String item) {
		return new Fact<>(new ElementNames(root, item), Provenance.INFERRED);
	}

	private static Fact<ElementNames> none() {
		return null;
	}

	private static Fact<List<String>> inferredKeys(String... fields) {
		return new Fact<>(List.of(fields), Provenance.INFERRED);
	}

	private static Fact<List<String>> noKeys() {
		return new Fact<>(List.of(), Provenance.UNKNOWN);
	}

}
