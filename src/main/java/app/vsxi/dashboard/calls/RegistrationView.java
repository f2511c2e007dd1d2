package app.vsxi.dashboard.calls;

import app.vsxi.dashboard.gateway.TableRow;

/**
 * One registration of {@code stats/sub_stats} as the page shows it. The state field is {@code states} on real
 * boxes; {@code state} and the {@code trunkID} spelling are read too.
 */
public record RegistrationView(String id, String states, String trunkId, String username, String userDomain,
		String userIp, String userPort, String nat, String spid, String protocol, String expiration, String agent,
		String createTime, TableRow entry) {

	static RegistrationView of(TableRow row) {
		return new RegistrationView(row.text("id"), either(row, "states", "state"), either(row, "trunkId", "trunkID"),
				row.text("username"), row.text("userDomain"), row.text("userIp"), row.text("userPort"), row.text("nat"),
				row.text("spid"), row.text("protocol"), row.text("expiration"), row.text("agent"), row.text("createTime"),
				row);
	}

	/**
	 * The badge class of a state, shown beside its name and never instead of it: Authenticated green, Unauthenticated
	 * and Blocked red, Pending amber, anything else grey.
	 */
	public static String stateClass(String state) {
		if (state == null) {
			return "";
		}
		return switch (state.strip().toLowerCase(java.util.Locale.ROOT)) {
			case "authenticated" -> "up";
			case "unauthenticated", "blocked" -> "unreachable";
			case "pending" -> "warning";
			default -> "";
		};
	}

	public String stateClass() {
		return stateClass(this.states);
	}

	private static String either(TableRow row, String field, String other) {
		return row.text(field) != null ? row.text(field) : row.text(other);
	}

}
