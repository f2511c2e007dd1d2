package app.vsxi.dashboard.access;

/**
 * What a user may do on the SBCs of one group. Each role includes the ones before it. The global administrator
 * is not a group role: it is {@link AppUser#admin()}.
 */
public enum Role {

	/** See the overview, tables and stats. */
	VIEWER("see"),

	/** Also edit tables, kill calls and remove registrations. */
	OPERATOR("see, edit, kill calls"),

	/** Also manage the group's SBCs and grant roles on the group, up to this one. */
	GROUP_ADMIN("see, edit, kill calls, manage SBCs and grants");

	private final String summary;

	Role(String summary) {
		this.summary = summary;
	}

	public boolean includes(Role other) {
		return ordinal() >= other.ordinal();
	}

	public String summary() {
		return this.summary;
	}

}
