package app.vsxi.dashboard.web;

/**
 * A change the dashboard declines on purpose (a name taken, a rule not met), with a sentence for the user.
 * Pages show it and stay where they were; anything else that escapes a controller is a bug and shows as one.
 */
public class RefusedException extends RuntimeException {

	public RefusedException(String reason) {
		super(reason);
	}

}
