package app.vsxi.dashboard.access;

/** An action on an SBC and the least role that allows it. */
public enum Permission {

	VIEW(Role.VIEWER), OPERATE(Role.OPERATOR), ADMINISTER(Role.GROUP_ADMIN);

	private final Role least;

	Permission(Role least) {
		this.least = least;
	}

	public boolean allowedTo(Role role) {
		return role != null && role.includes(this.least);
	}

}
