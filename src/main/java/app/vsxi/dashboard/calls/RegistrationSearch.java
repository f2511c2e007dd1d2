package app.vsxi.dashboard.calls;

import java.util.Locale;
import java.util.stream.Stream;

/**
 * @param state one of the box's states, e.g. {@code Authenticated}
 * @param text part of the username, domain, IP, agent or id
 * @param trunk a trunk id
 * @param sort a field of the box's registrations
 * @param dir {@code asc} (default) or {@code desc}
 * @param page 1-based
 */
public record RegistrationSearch(String state, String text, String trunk, String sort, String dir, Integer page) {

	boolean test(RegistrationView registration) {
		if (given(this.state) && !this.state.equalsIgnoreCase(registration.states())) {
			return false;
		}
		if (given(this.trunk) && !this.trunk.strip().equals(registration.trunkId())) {
			return false;
		}
		if (given(this.text)) {
			String part = this.text.strip().toLowerCase(Locale.ROOT);
			return Stream.of(registration.username(), registration.userDomain(), registration.userIp(),
					registration.agent(), registration.id())
				.anyMatch(value -> value != null && value.toLowerCase(Locale.ROOT).contains(part));
		}
		return true;
	}

	public boolean descending() {
		return "desc".equalsIgnoreCase(this.dir);
	}

	public int pageNumber() {
		return this.page == null || this.page < 1 ? 1 : this.page;
	}

	private static boolean given(String value) {
		return value != null && !value.isBlank();
	}

}
