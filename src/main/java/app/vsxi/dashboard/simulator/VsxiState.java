package app.vsxi.dashboard.simulator;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;

/**
 * What a simulated box knows: its tables (the {@code users} table is the source of its API users), live calls,
 * registrations and counters, its user access log, and the switches tests turn (release, slave mode, faults).
 */
final class VsxiState {

	/** Inferred: a read-only API user on every box, so clients can be tested against the 401 on writes. */
	static final String READ_ONLY_USER = "monitor";

	private final LiveStats stats;

	private final Map<String, VsxiTable> tables = new LinkedHashMap<>();

	private final LiveCalls calls;

	private final Registrations registrations;

	private final UserAccessLog accessLog = new UserAccessLog(Clock.systemUTC());

	private volatile StatsGeneration statsGeneration;

	private volatile boolean slave;

	private volatile Faults faults = Faults.NONE;

	private volatile StatSwitches statSwitches = StatSwitches.NONE;

	private final AtomicReference<Quirks> quirks = new AtomicReference<>(Quirks.DEFAULTS);

	/** When each user's latest request arrived (System.nanoTime), for the overlap switch. */
	private final Map<String, Long> lastArrival = new ConcurrentHashMap<>();

	private String smcData;

	VsxiState(String name, Random seed, SimulatorProperties properties) {
		this.stats = new LiveStats(name, seed);
		this.statsGeneration = properties.statsGeneration();
		List<Map<String, Object>> resources = SeedData.resources(seed, 4 + seed.nextInt(5));
		List<Long> trunkIds = resources.stream().map(r -> ((Number) r.get("trunkId")).longValue()).toList();
		int routeTables = 2 + seed.nextInt(3);
		int routes = properties.seedRoutes() > 0 ? properties.seedRoutes() : 200 + seed.nextInt(400);
		RouteSeed routeSeed = new RouteSeed(seed.nextLong(), routeTables, trunkIds);
		add(new VsxiTable(TableCatalog.ROUTE, routes, routeSeed::route, RouteSeed::position));
		add(VsxiTable.of(TableCatalog.ROUTEGROUP, SeedData.routeGroups(seed, trunkIds)));
		add(VsxiTable.of(TableCatalog.ROUTETABLE, SeedData.routeTables(seed, routeTables)));
		add(VsxiTable.of(TableCatalog.RESOURCE, resources));
		add(VsxiTable.of(TableCatalog.RESOURCEBLOCK, SeedData.resourceBlocks(seed, trunkIds)));
		int digitTables = 2 + seed.nextInt(2);
		add(VsxiTable.of(TableCatalog.DIGIT_MAPPING_INDEX, SeedData.digitMappingTables(digitTables)));
		add(VsxiTable.of(TableCatalog.DIGIT_MAPPING, SeedData.digitMappings(seed, digitTables, 10 + seed.nextInt(30))));
		add(VsxiTable.of(TableCatalog.SUBSCRIBER, SeedData.subscribers(seed, trunkIds, 15 + seed.nextInt(30))));
		add(VsxiTable.of(TableCatalog.USERS,
				List.of(SeedData.entry("username", properties.username(), "password", properties.password(), "role",
						"readWrite", "description", "API user"), SeedData.entry("username", READ_ONLY_USER, "password",
								READ_ONLY_USER, "role", "readOnly", "description", "read-only API user"))));
		add(VsxiTable.of(TableCatalog.MEDIA_SERVER_PROFILE, SeedData.mediaServerProfiles()));
		add(VsxiTable.of(TableCatalog.MEDIA_SERVER, SeedData.mediaServers(seed)));
		this.calls = new LiveCalls(Clock.systemUTC(), new Random(seed.nextLong()), this.stats::callLevel,
				() -> entries("resource").stream().map(r -> ((Number) r.get("trunkId")).longValue()).toList(),
				() -> quirks().reuseCallSlots());
		this.registrations = new Registrations(Clock.systemUTC(), new Random(seed.nextLong()),
				() -> entries("subscriber"));
		this.smcData = "id,alias,header,value\r\n1,pai-rewrite,P-Asserted-Identity,sip:+1%s@example.net\r\n"
			.formatted(2125550000L + seed.nextInt(9999));
	}

	private void add(VsxiTable table) {
		this.tables.put(table.spec().name(), table);
	}

	VsxiTable table(String name) {
		return this.tables.get(name);
	}

	/** A copy of a configuration table's entries (small tables only; routes stream through the table). */
	List<Map<String, Object>> entries(String name) {
		VsxiTable table = this.tables.get(name);
		synchronized (table) {
			List<Map<String, Object>> entries = new ArrayList<>(table.size());
			table.forEach(entries::add);
			return entries;
		}
	}

	LiveStats stats() {
		return this.stats;
	}

	StatsTables statsTables() {
		return new StatsTables(this.stats);
	}

	LiveCalls calls() {
		return this.calls;
	}

	Registrations registrations() {
		return this.registrations;
	}

	UserAccessLog accessLog() {
		return this.accessLog;
	}

	List<Map<String, Object>> resources() {
		return entries("resource");
	}

	/** The API user of that name, from the box's own users table; null if there is none. */
	ApiUser user(String username) {
		VsxiTable users = this.tables.get("users");
		Map<String, Object> user;
		synchronized (users) {
			user = users.get(List.of(username));
		}
		return user == null ? null
				: new ApiUser(String.valueOf(user.get("password")), "readWrite".equals(user.get("role")));
	}

	StatsGeneration statsGeneration() {
		return this.statsGeneration;
	}

	void statsGeneration(StatsGeneration generation) {
		this.statsGeneration = generation;
	}

	boolean slave() {
		return this.slave;
	}

	void slave(boolean slave) {
		this.slave = slave;
	}

	Faults faults() {
		return this.faults;
	}

	void faults(Faults faults) {
		this.faults = faults;
	}

	StatSwitches statSwitches() {
		return this.statSwitches;
	}

	void statSwitches(StatSwitches switches) {
		this.statSwitches = switches;
	}

	Quirks quirks() {
		return this.quirks.get();
	}

	void quirks(Quirks quirks) {
		this.quirks.set(quirks);
	}

	/** Whether this stats dump is to come without tables; counts down a limited number of such answers. */
	boolean takeTableless() {
		return take("tablelessAnswers", Quirks::tablelessAnswers);
	}

	/** Whether this stats dump is to hold "Max recursion depth reached"; counts down like {@link #takeTableless}. */
	boolean takeRecursion() {
		return take("recursionAnswers", Quirks::recursionAnswers);
	}

	private boolean take(String name, java.util.function.ToIntFunction<Quirks> left) {
		Quirks before = this.quirks.getAndUpdate(now -> left.applyAsInt(now) > 0
				? now.with(Map.of(name, left.applyAsInt(now) - 1)) : now);
		return left.applyAsInt(before) != 0;
	}

	/**
	 * Notes a request of this user arriving now and says whether it overlaps another one of the same credentials
	 * within the overlap window.
	 */
	boolean overlaps(String user) {
		long window = quirks().overlapMillis();
		long now = System.nanoTime();
		Long before = this.lastArrival.put(user, now);
		return window > 0 && before != null && now - before < window * 1_000_000;
	}

	synchronized String smcData() {
		return this.smcData;
	}

	synchronized void smcData(String csv) {
		this.smcData = csv;
	}

	record ApiUser(String password, boolean readWrite) {
	}

}
