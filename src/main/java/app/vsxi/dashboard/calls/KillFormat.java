package app.vsxi.dashboard.calls;

/** How calls are named to a box when they are killed; a per-SBC choice. */
public enum KillFormat {

	/** The box's own active-calls CSV lines, byte for byte. */
	CSV,

	/**
	 * XML entries carrying each call's slot and Call-ID ({@code ssm_index} and {@code callID}) together: a slot
	 * alone may name a later call.
	 */
	XML

}
