package app.vsxi.dashboard.calls;

import java.util.Map;
import java.util.Objects;

import app.vsxi.dashboard.gateway.TableRow;

/** Which registrations a filter names, as the API combines its fields. */
final class RegistrationMatch {

	private RegistrationMatch() {
	}

	/** Every field the filter gives equals the registration's; a filter that gives none names none. */
	static boolean matches(TableRow registration, Map<String, String> filter) {
		boolean any = false;
		for (Map.Entry<String, String> field : filter.entrySet()) {
			String wanted = field.getValue() == null ? "" : field.getValue().strip();
			if (wanted.isEmpty()) {
				continue;
			}
			any = true;
			String name = field.getKey();
			String actual = "trunkId".equalsIgnoreCase(name)
					? Objects.requireNonNullElse(registration.text("trunkId"), registration.text("trunkID"))
					: registration.text(name);
			if (!wanted.equals(actual == null ? null : actual.strip())) {
				return false;
			}
		}
		return any;
	}

}
