package app.vsxi.dashboard.monitoring;

import java.util.Map;

import app.vsxi.dashboard.gateway.RealtimeStats;

/**
 * The HA and Load-Balance fields of {@code system_stat}, as the box sent them. Only {@code ha_current_state} and
 * {@code ha_pre_state} have documented values (e.g. "active", "standby"); the numeric status fields are shown
 * as they are.
 *
 * @param role {@code ha_current_state}
 * @param previousRole {@code ha_pre_state}
 * @param peerStatus {@code ha_remote_status}, the HA peer's status code
 * @param localStatus {@code ha_local_status}
 * @param switchOverFlag {@code switch_over_flag}
 * @param slaveStat {@code slave_stat}; a real master shows 64, and a Load-Balance slave is taken to set its
 * lowest bit (no sample of a slave is published, so this is inferred)
 */
public record HaState(String role, String previousRole, String peerStatus, String localStatus, String switchOverFlag,
		String slaveStat) {

	public static HaState of(RealtimeStats stats) {
		Map<String, String> row = stats.systemStat() == null ? Map.of() : stats.systemStat();
		return new HaState(stats.haState(), row.get("ha_pre_state"), row.get("ha_remote_status"),
				row.get("ha_local_status"), row.get("switch_over_flag"), row.get("slave_stat"));
	}

	/** Whether the box says it is a Load-Balance slave, which takes no configuration changes. */
	public boolean slave() {
		if (this.slaveStat == null || this.slaveStat.isBlank()) {
			return false;
		}
		try {
			return (Math.round(Double.parseDouble(this.slaveStat.trim())) & 1) == 1;
		}
		catch (NumberFormatException ex) {
			return false;
		}
	}

	/** How the HA pair looks from this box. */
	public enum Health {

		/** Active or standby, local and peer status 0, as a healthy pair's sample shows. */
		OK,

		/** A local or peer status other than 0 (inferred: the meaning of each code is not published). */
		DEGRADED,

		/** No HA role reported. */
		NONE

	}

	public Health health() {
		if (this.role == null || this.role.isBlank()) {
			return Health.NONE;
		}
		return zero(this.peerStatus) && zero(this.localStatus) ? Health.OK : Health.DEGRADED;
	}

	/**
	 * {@code ha_remote_status} or {@code ha_local_status} is not 0: taken as the pair in trouble, an inference
	 * (REFERENCE §11.6: "HA fields are uninterpreted by every source"; one sample shows both 0 on a healthy box).
	 */
	public boolean statusNotZero() {
		return !zero(this.peerStatus) || !zero(this.localStatus);
	}

	private static boolean zero(String value) {
		if (value == null || value.isBlank()) {
			return true;
		}
		try {
			return Double.parseDouble(value.trim()) == 0;
		}
		catch (NumberFormatException ex) {
			return false;
		}
	}

}
