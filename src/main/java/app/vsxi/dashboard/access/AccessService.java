package app.vsxi.dashboard.access;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import app.vsxi.dashboard.audit.Actor;
import app.vsxi.dashboard.audit.AuditScope;
import app.vsxi.dashboard.fleet.SbcGroupRepository;
import app.vsxi.dashboard.fleet.SbcRepository;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * Decides what the current user may do. Method security calls it by name ({@code @access}) from the services,
 * so every page, fragment and action is checked on the server, whatever the browser shows or hides.
 */
@Component("access")
public class AccessService implements AuditScope {

	private static final String ROLES_ATTRIBUTE = AccessService.class.getName() + ".roles";

	private final UserGrantRepository grants;

	private final SbcRepository sbcs;

	private final SbcGroupRepository groups;

	private final AppUserRepository users;

	public AccessService(UserGrantRepository grants, SbcRepository sbcs, SbcGroupRepository groups,
			AppUserRepository users) {
		this.grants = grants;
		this.sbcs = sbcs;
		this.groups = groups;
		this.users = users;
	}

	/** The logged-in dashboard user, if any. */
	public Optional<DashboardUser> currentUser() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication != null && authentication.getPrincipal() instanceof DashboardUser user) {
			return Optional.of(user);
		}
		return Optional.empty();
	}

	/** From the granted authorities, so that it holds however the user logged in. */
	public boolean isAdmin() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		return authentication != null && authentication.isAuthenticated() && authentication.getAuthorities()
			.stream()
			.anyMatch(authority -> "ROLE_ADMIN".equals(authority.getAuthority()));
	}

	/**
	 * Group id → the current user's role there, read once per request: filtering a list checks every element,
	 * and each check would otherwise ask the database again.
	 */
	@SuppressWarnings("unchecked")
	public Map<Long, Role> roles() {
		RequestAttributes request = RequestContextHolder.getRequestAttributes();
		if (request == null) {
			return currentUserId().map(this::rolesOf).orElse(Map.of());
		}
		Object known = request.getAttribute(ROLES_ATTRIBUTE, RequestAttributes.SCOPE_REQUEST);
		if (known instanceof Map<?, ?> roles) {
			return (Map<Long, Role>) roles;
		}
		Map<Long, Role> roles = currentUserId().map(this::rolesOf).orElse(Map.of());
		request.setAttribute(ROLES_ATTRIBUTE, roles, RequestAttributes.SCOPE_REQUEST);
		return roles;
	}

	/** The id of the dashboard user behind the current login, whichever way they logged in. */
	public Optional<Long> currentUserId() {
		Optional<DashboardUser> user = currentUser();
		if (user.isPresent()) {
			return Optional.of(user.get().id());
		}
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication == null || !authentication.isAuthenticated()) {
			return Optional.empty();
		}
		if (authentication.getPrincipal() instanceof DashboardOidcUser oidc) {
			return Optional.of(oidc.userId());
		}
		return this.users.findByUsername(authentication.getName()).map(AppUser::id);
	}

	public Map<Long, Role> rolesOf(long userId) {
		return this.grants.findByUserId(userId)
			.stream()
			.collect(Collectors.toMap(UserGrant::groupId, UserGrant::role));
	}

	/** Whether the current user may do this on that SBC. An unknown SBC allows nothing. */
	public boolean canOnSbc(String permission, Long sbcId) {
		if (sbcId == null) {
			return false;
		}
		return this.sbcs.findById(sbcId).map(sbc -> canInGroup(permission, sbc.groupId())).orElse(isAdmin());
	}

	/** Whether the current user may do this on the SBCs of that group. */
	public boolean canInGroup(String permission, Long groupId) {
		if (isAdmin()) {
			return true;
		}
		return groupId != null && Permission.valueOf(permission).allowedTo(roles().get(groupId));
	}

	/** Groups in which the current user may do this; every group for an administrator. */
	public Set<Long> groupsWhere(Permission permission) {
		if (isAdmin()) {
			return this.groups.findAll().stream().map(group -> group.id()).collect(Collectors.toSet());
		}
		return roles().entrySet()
			.stream()
			.filter(entry -> permission.allowedTo(entry.getValue()))
			.map(Map.Entry::getKey)
			.collect(Collectors.toSet());
	}

	/** Administrators, and group administrators of at least one group. */
	public boolean managesAnyGroup() {
		return isAdmin() || !groupsWhere(Permission.ADMINISTER).isEmpty();
	}

	@Override
	public boolean seesEverything() {
		return isAdmin();
	}

	@Override
	public Set<Long> visibleGroupIds() {
		return groupsWhere(Permission.VIEW);
	}

	@Override
	public String viewer() {
		return Actor.current();
	}

}
