package app.vsxi.dashboard.simulator;

/** The two stats dump layouts seen on real boxes (reference §5.1). */
public enum StatsGeneration {

	/** Tables under {@code database.table}. */
	OLDER,

	/** Tables under {@code database.table_data}, with their schema under {@code database.table_structure}. */
	NEWER

}
