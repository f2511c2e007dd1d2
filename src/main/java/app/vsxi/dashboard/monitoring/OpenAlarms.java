package app.vsxi.dashboard.monitoring;

import java.util.List;

/**
 * The alarms open on the fleet, as the overview, the wallboard, the health and the metrics count them. The alarms
 * keep them; monitoring only reads them through this, so the alarms may read monitoring and not the other way.
 */
public interface OpenAlarms {

	/** Open alarms, worst and newest first. */
	List<? extends RaisedAlarm> openAlarms();

	/** Open alarms of an SBC nobody acknowledged yet: an acknowledged one is in hand and counts no more. */
	int unacknowledgedCount(long sbcId);

}
