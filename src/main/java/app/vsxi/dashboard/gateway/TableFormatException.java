package app.vsxi.dashboard.gateway;

/** A table document the dashboard will not read: malformed, hostile or over the limits. */
public class TableFormatException extends RuntimeException {

	public TableFormatException(String message) {
		super(message);
	}

}
