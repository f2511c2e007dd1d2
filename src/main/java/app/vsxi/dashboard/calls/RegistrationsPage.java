package app.vsxi.dashboard.calls;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * @param counts registrations per state, over everything the box listed
 * @param failure why there is nothing to show, or null
 * @param readAt when the list was taken; an answer shared with other viewers is at most {@code shareFor} older
 * @param slaveOf the master to delete registrations on instead, when the SBC is a Load-Balance slave; null otherwise
 */
public record RegistrationsPage(long sbcId, String sbcName, List<RegistrationView> rows, Map<String, Long> counts,
		int boxCount, int matched, int page, int pages, String failure, Instant readAt, SlaveOf slaveOf) {

	public boolean hasFailure() {
		return this.failure != null;
	}

}
