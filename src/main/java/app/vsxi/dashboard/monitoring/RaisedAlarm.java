package app.vsxi.dashboard.monitoring;

/**
 * One open alarm as the overview and the wallboard show it; the alarms keep the whole of it.
 */
public interface RaisedAlarm {

	long sbcId();

	AlarmLevel level();

	/** The trunk or media server it is about, empty for the SBC itself. */
	String subject();

	/** What it watches, e.g. {@code CPU use}. */
	String title();

	/** The figure against its threshold, e.g. {@code 31 % below 40 %}; empty without a figure. */
	String valueAndThreshold();

	boolean acknowledged();

}
