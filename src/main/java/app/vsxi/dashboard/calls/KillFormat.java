package app.vsxi.dashboard.calls;

/** How calls are named to a box when they are killed; a per-SBC choice. */
public enum KillFormat {

	/** The box's own active-calls CSV lines, byte for byte. */
	CSV,

	/** XML entries with one identifying field each: {@code ssm_index}, or {@code callID} for several calls. */
	XML

}
