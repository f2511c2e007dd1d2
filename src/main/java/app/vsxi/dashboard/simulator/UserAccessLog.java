package app.vsxi.dashboard.simulator;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * The box's {@code user_access.log} (Trace > User Log on a real box): who changed what and when, and every entry
 * a validation refused. Real boxes show it only in the GUI; the simulator serves it at
 * {@link VsxiConventions#USER_ACCESS_LOG_PATH}. Keeps the latest {@value #CAPACITY} lines.
 */
final class UserAccessLog {

	static final int CAPACITY = 10_000;

	private final Deque<String> lines = new ArrayDeque<>();

	private final Clock clock;

	UserAccessLog(Clock clock) {
		this.clock = clock;
	}

	/** A change applied: {@code what} names the command, {@code detail} how many entries it touched. */
	void change(String user, String address, String what, String detail) {
		add(user, address, what, "OK", detail);
	}

	/** An entry refused by validation: its position in the input (from 1) and the reason. */
	void validationError(String user, String address, String what, int position, String reason) {
		add(user, address, what, "VALIDATION ERROR", "entry " + position + ": " + reason);
	}

	void refused(String user, String address, String what, String reason) {
		add(user, address, what, "REFUSED", reason);
	}

	private synchronized void add(String user, String address, String what, String outcome, String detail) {
		Instant now = Instant.now(this.clock).truncatedTo(ChronoUnit.MILLIS);
		this.lines.addLast(now + " user=" + user + " ip=" + address + " " + what + " " + outcome + " - " + detail);
		if (this.lines.size() > CAPACITY) {
			this.lines.removeFirst();
		}
	}

	synchronized List<String> lines() {
		return List.copyOf(this.lines);
	}

}
