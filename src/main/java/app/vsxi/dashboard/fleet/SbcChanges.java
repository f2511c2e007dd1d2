package app.vsxi.dashboard.fleet;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** Says what an edit changed, for the audit trail. Passwords are named as changed, never shown. */
final class SbcChanges {

	private SbcChanges() {
	}

	static String describe(Sbc before, Sbc after) {
		List<String> changes = new ArrayList<>();
		field(changes, "name", before.name(), after.name());
		field(changes, "address", before.baseUrl(), after.baseUrl());
		field(changes, "API user", before.username(), after.username());
		field(changes, "site", before.siteLabel(), after.siteLabel());
		field(changes, "group", before.groupId(), after.groupId());
		field(changes, "trust", before.trust(), after.trust());
		field(changes, "HA master", before.haMasterId(), after.haMasterId());
		if (before.haStatusAlarm() != after.haStatusAlarm()) {
			changes.add("HA status alarm " + (after.haStatusAlarm() ? "on" : "off"));
		}
		if (!Objects.equals(before.passwordCipher(), after.passwordCipher())) {
			changes.add("password changed");
		}
		if (before.certificateFingerprint() != null && after.certificateFingerprint() == null) {
			changes.add("certificate to be confirmed again");
		}
		return changes.isEmpty() ? "no change" : String.join("; ", changes);
	}

	private static void field(List<String> changes, String label, Object before, Object after) {
		if (!Objects.equals(before, after)) {
			changes.add(label + ": " + before + " → " + after);
		}
	}

}
