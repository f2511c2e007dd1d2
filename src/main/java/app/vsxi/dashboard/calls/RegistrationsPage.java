package app.vsxi.dashboard.calls;

import java.util.List;
import java.util.Map;

/**
 * @param counts registrations per state, over everything the box listed
 * @param failure why there is nothing to show, or null
 * @param slaveOf the master to delete registrations on instead, when the SBC is a Load-Balance slave; null otherwise
 */
public record RegistrationsPage(long sbcId, String sbcName, List<RegistrationView> rows, Map<String, Long> counts,
		int boxCount, int matched, int page, int pages, String failure, SlaveOf slaveOf) {

	public boolean hasFailure() {
		return this.failure != null;
	}

}
