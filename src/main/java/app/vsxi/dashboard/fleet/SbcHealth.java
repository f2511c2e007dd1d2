package app.vsxi.dashboard.fleet;

/**
 * How each SBC fares, as the fleet list shows it beside its registration. Told by whatever watches the fleet,
 * which this package does not know, so that the fleet depends on no feature built on top of it.
 */
public interface SbcHealth {

	/** The SBC's health, or null before its first poll. */
	Health of(long sbcId);

	/**
	 * @param state one lower-case word the list styles the row by
	 * @param badge the words on the row's badge
	 */
	record Health(String state, String badge) {
	}

}
