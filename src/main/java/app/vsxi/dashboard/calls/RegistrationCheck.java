package app.vsxi.dashboard.calls;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import app.vsxi.dashboard.gateway.TableRow;

/**
 * Which registrations of a delete are still listed for the same user just before it is sent: a preview may be
 * confirmed minutes later, and a registration may have lapsed meanwhile.
 *
 * @param live the ids still listed for the same user
 * @param notes one sentence for each previewed registration left out
 * @param listedIds every id listed now, so the re-read after the delete can tell what else went
 */
record RegistrationCheck(List<String> live, List<String> notes, Set<String> listedIds) {

	static RegistrationCheck of(List<TableRow> planned, List<TableRow> listedNow) {
		Map<String, TableRow> byId = new HashMap<>();
		listedNow.forEach(row -> byId.put(RegistrationsService.id(row), row));
		List<String> live = new ArrayList<>();
		List<String> notes = new ArrayList<>();
		for (TableRow registration : planned) {
			String id = RegistrationsService.id(registration);
			TableRow now = byId.get(id);
			if (now == null) {
				notes.add("Registration id " + id + " (" + registration.text("username") + ") was no longer listed just "
						+ "before sending (it expired or was removed meanwhile); nothing was sent for it.");
			}
			else if (!Objects.equals(now.text("username"), registration.text("username"))) {
				notes.add("Registration id " + id + " now names another user (" + now.text("username")
						+ "), so it was left alone.");
			}
			else {
				live.add(id);
			}
		}
		return new RegistrationCheck(List.copyOf(live), List.copyOf(notes), Set.copyOf(byId.keySet()));
	}

}
