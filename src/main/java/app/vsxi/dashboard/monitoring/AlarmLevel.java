package app.vsxi.dashboard.monitoring;

/** How bad an alarm is; stored by name. */
public enum AlarmLevel {

	WARNING, CRITICAL;

	public String cssClass() {
		return name().toLowerCase(java.util.Locale.ROOT);
	}

	public String label() {
		return this == WARNING ? "Warning" : "Critical";
	}

}
