package app.vsxi.dashboard.simulator;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Faults switched on for one simulated box, for tests and demos (not part of the VSXi API). They apply to VSXi
 * API requests only, so the admin endpoint that switches them stays reachable.
 *
 * @param latencyMillis added before the box answers
 * @param status answer every API request with this HTTP status (0: off)
 * @param connectionReset close the connection without an answer
 * @param truncateBody announce the full length but send only half the body
 */
public record Faults(long latencyMillis, int status, boolean connectionReset, boolean truncateBody) {

	public static final Faults NONE = new Faults(0, 0, false, false);

	/** Applies the settings a JSON object names, keeping the others. */
	Faults with(Map<String, Object> changes) {
		return new Faults(number(changes, "latencyMillis", this.latencyMillis),
				(int) number(changes, "status", this.status),
				flag(changes, "connectionReset", this.connectionReset), flag(changes, "truncateBody", this.truncateBody));
	}

	Map<String, Object> asMap() {
		Map<String, Object> map = new LinkedHashMap<>();
		map.put("latencyMillis", this.latencyMillis);
		map.put("status", this.status);
		map.put("connectionReset", this.connectionReset);
		map.put("truncateBody", this.truncateBody);
		return map;
	}

	private static long number(Map<String, Object> changes, String name, long current) {
		Object value = changes.get(name);
		return value == null ? current : Long.parseLong(value.toString());
	}

	private static boolean flag(Map<String, Object> changes, String name, boolean current) {
		Object value = changes.get(name);
		return value == null ? current : Boolean.parseBoolean(value.toString());
	}

}
