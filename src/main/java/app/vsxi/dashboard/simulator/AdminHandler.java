package app.vsxi.dashboard.simulator;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * The simulator's own endpoints on a box's port (not VSXi API): request counts, faults, release variant and the
 * user access log. Reading needs any API user of the box; changing needs a read/write one.
 */
final class AdminHandler {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	/** The switches of {@link Faults} and the two actions beside them; {@link Quirks#NAMES} are the others. */
	private static final Set<String> SWITCHES = Set.of("latencyMillis", "status", "connectionReset", "truncateBody",
			"slave", "downSeconds");

	private final VsxiState state;

	private final RequestCounts counts;

	private final Consumer<Duration> goDown;

	private final AtomicReference<Duration> pendingDown = new AtomicReference<>();

	/** @param goDown closes the box's port for a while, reopening it afterwards */
	AdminHandler(VsxiState state, RequestCounts counts, Consumer<Duration> goDown) {
		this.state = state;
		this.counts = counts;
		this.goDown = goDown;
	}

	/**
	 * Takes the box down if the request just answered asked for it: only now, so that answer has left before the
	 * port closes, however busy the machine.
	 */
	void afterAnswer() {
		Duration down = this.pendingDown.getAndSet(null);
		if (down != null) {
			this.goDown.accept(down);
		}
	}

	Reply handle(String method, String path, byte[] body, boolean readWrite) {
		if (!"GET".equals(method) && !readWrite) {
			return new Reply.Message(VsxiConventions.UNKNOWN_USER);
		}
		try {
			return switch (method + " " + path) {
				case "GET " + VsxiConventions.REQUEST_COUNTS_PATH -> json(this.counts.snapshot());
				case "GET " + VsxiConventions.FAULTS_PATH -> json(faults());
				case "POST " + VsxiConventions.FAULTS_PATH -> changeFaults(read(body));
				case "DELETE " + VsxiConventions.FAULTS_PATH -> {
					this.state.faults(Faults.NONE);
					this.state.quirks(Quirks.DEFAULTS);
					this.state.statSwitches(StatSwitches.NONE);
					this.state.slave(false);
					yield json(faults());
				}
				case "GET " + VsxiConventions.RELEASE_PATH -> json(release());
				case "POST " + VsxiConventions.RELEASE_PATH -> {
					Object generation = read(body).get("statsGeneration");
					if (generation != null) {
						this.state.statsGeneration(StatsGeneration.valueOf(generation.toString().toUpperCase()));
					}
					yield json(release());
				}
				case "GET " + VsxiConventions.USER_ACCESS_LOG_PATH ->
					Reply.Body.text(String.join("\n", this.state.accessLog().lines()) + "\n");
				default -> new Reply.Message(VsxiConventions.NOT_FOUND);
			};
		}
		catch (IllegalArgumentException | JacksonException ex) {
			return new Reply.Message("400 fail - " + ex.getMessage());
		}
	}

	private Reply changeFaults(Map<String, Object> changes) {
		for (String name : changes.keySet()) {
			if (!SWITCHES.contains(name) && !Quirks.NAMES.contains(name) && !StatSwitches.NAMES.contains(name)) {
				throw new IllegalArgumentException("unknown switch " + name);
			}
		}
		this.state.faults(this.state.faults().with(changes));
		this.state.quirks(this.state.quirks().with(changes));
		this.state.statSwitches(this.state.statSwitches().with(changes));
		if (changes.containsKey("slave")) {
			this.state.slave(Boolean.parseBoolean(changes.get("slave").toString()));
		}
		Object down = changes.get("downSeconds");
		if (down != null && Long.parseLong(down.toString()) > 0) {
			this.pendingDown.set(Duration.ofSeconds(Long.parseLong(down.toString())));
		}
		return json(faults());
	}

	private Map<String, Object> faults() {
		Map<String, Object> faults = new LinkedHashMap<>(this.state.faults().asMap());
		faults.put("slave", this.state.slave());
		faults.putAll(this.state.quirks().asMap());
		faults.putAll(this.state.statSwitches().asMap());
		return faults;
	}

	private Map<String, Object> release() {
		return Map.of("statsGeneration", this.state.statsGeneration().name());
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> read(byte[] body) {
		if (body.length == 0) {
			return Map.of();
		}
		return JSON.readValue(body, Map.class);
	}

	private static Reply json(Object value) {
		return Reply.Body.of(Document.Format.JSON.contentType, Document.json(value));
	}

}
