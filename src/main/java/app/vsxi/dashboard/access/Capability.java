package app.vsxi.dashboard.access;

import java.util.List;

import app.vsxi.dashboard.fleet.SbcGroup;

/**
 * What a user may do in one group.
 *
 * @param role the user's role there; null when the user is a global administrator
 */
public record Capability(String groupName, Role role, List<String> sbcNames, boolean see, boolean edit, boolean kill,
		boolean manage) {

	static Capability of(SbcGroup group, Role role, List<String> sbcNames) {
		boolean admin = role == null;
		return new Capability(group.name(), role, sbcNames, admin || Permission.VIEW.allowedTo(role),
				admin || Permission.OPERATE.allowedTo(role), admin || Permission.OPERATE.allowedTo(role),
				admin || Permission.ADMINISTER.allowedTo(role));
	}

	public String roleName() {
		return this.role == null ? "ADMIN" : this.role.name();
	}

}
