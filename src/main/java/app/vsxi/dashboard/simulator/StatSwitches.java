package app.vsxi.dashboard.simulator;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Figures of {@code stats/realtime} and {@code stats/media_server} forced to a value, so that a test or a demo can
 * cross a monitoring threshold on purpose (not part of the VSXi API). {@code -1} or empty leaves a figure as the
 * box's traffic makes it.
 *
 * @param cpuIdlePercent {@code system_stat.cpu_idle_percent}
 * @param haRemoteStatus {@code system_stat.ha_remote_status}, the HA peer's status code
 * @param haCurrentState {@code system_stat.ha_current_state}, e.g. {@code standby}
 * @param mediaServerDown every media server reports {@code status} {@code down}
 */
public record StatSwitches(int cpuIdlePercent, int haRemoteStatus, String haCurrentState, boolean mediaServerDown) {

	public static final StatSwitches NONE = new StatSwitches(-1, -1, "", false);

	static final Set<String> NAMES = Set.copyOf(NONE.asMap().keySet());

	StatSwitches with(Map<String, Object> changes) {
		return new StatSwitches((int) number(changes, "cpuIdlePercent", this.cpuIdlePercent),
				(int) number(changes, "haRemoteStatus", this.haRemoteStatus),
				changes.containsKey("haCurrentState") ? String.valueOf(changes.get("haCurrentState")) : this.haCurrentState,
				changes.containsKey("mediaServerDown") ? Boolean.parseBoolean(changes.get("mediaServerDown").toString())
						: this.mediaServerDown);
	}

	/** Puts the forced figures into a {@code system_stat} row. */
	void applyTo(Map<String, Object> systemStat) {
		if (this.cpuIdlePercent >= 0) {
			systemStat.put("cpu_idle_percent", this.cpuIdlePercent);
		}
		if (this.haRemoteStatus >= 0) {
			systemStat.put("ha_remote_status", this.haRemoteStatus);
		}
		if (!this.haCurrentState.isEmpty()) {
			systemStat.put("ha_current_state", this.haCurrentState);
		}
	}

	Map<String, Object> asMap() {
		Map<String, Object> map = new LinkedHashMap<>();
		map.put("cpuIdlePercent", this.cpuIdlePercent);
		map.put("haRemoteStatus", this.haRemoteStatus);
		map.put("haCurrentState", this.haCurrentState);
		map.put("mediaServerDown", this.mediaServerDown);
		return map;
	}

	private static long number(Map<String, Object> changes, String name, long current) {
		Object value = changes.get(name);
		return value == null ? current : Long.parseLong(value.toString());
	}

}
