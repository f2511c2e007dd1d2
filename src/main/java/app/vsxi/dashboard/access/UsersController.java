package app.vsxi.dashboard.access;

import java.util.List;
import java.util.Map;
import java.util.Set;

import app.vsxi.dashboard.fleet.GroupService;
import app.vsxi.dashboard.fleet.SbcGroup;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Users, their grants and what they can do; for administrators and group administrators. */
@Controller
@RequestMapping("/admin/users")
class UsersController {

	private final UserAdministration users;

	private final AccessService access;

	private final GroupService groups;

	UsersController(UserAdministration users, AccessService access, GroupService groups) {
		this.users = users;
		this.access = access;
		this.groups = groups;
	}

	@GetMapping
	String list(Model model) {
		model.addAttribute("users", this.users.users());
		return "access/users";
	}

	@PostMapping
	String create(@RequestParam String username, @RequestParam(defaultValue = "") String password,
			@RequestParam(defaultValue = "false") boolean admin, @RequestParam(defaultValue = "false") boolean ssoOnly,
			RedirectAttributes redirect) {
		AppUser user = ssoOnly ? this.users.createSsoOnly(username.trim(), admin)
				: this.users.create(username.trim(), password, admin);
		redirect.addFlashAttribute("notice", "User " + user.username() + " created; they choose their own password "
				+ "at first login. Grant them roles below: until then they see no SBC.");
		return "redirect:/admin/users/" + user.id();
	}

	@GetMapping("/{id}")
	String user(@PathVariable long id, Model model) {
		AppUser user = this.users.user(id);
		Set<Long> manageable = this.access.groupsWhere(Permission.ADMINISTER);
		List<SbcGroup> grantable = this.groups.all().stream().filter(g -> manageable.contains(g.id())).toList();
		Map<Long, Role> roles = this.access.rolesOf(id);
		model.addAttribute("user", user);
		model.addAttribute("grantable", grantable);
		model.addAttribute("roles", roles);
		model.addAttribute("allRoles", Role.values());
		if (this.access.isAdmin()) {
			model.addAttribute("capabilities", this.users.capabilities(id));
		}
		return "access/user";
	}

	@PostMapping("/{id}/grants")
	String grant(@PathVariable long id, @RequestParam long groupId, @RequestParam Role role,
			RedirectAttributes redirect) {
		return outcome(redirect, "redirect:/admin/users/" + id, () -> this.users.grant(id, groupId, role),
				"Role " + role + " granted to " + this.users.user(id).username() + " on " + groupName(groupId) + ".");
	}

	@PostMapping("/{id}/grants/{groupId}/revoke")
	String revoke(@PathVariable long id, @PathVariable long groupId, RedirectAttributes redirect) {
		return outcome(redirect, "redirect:/admin/users/" + id, () -> this.users.revoke(id, groupId), "Role revoked.");
	}

	@PostMapping("/{id}/enabled")
	String setEnabled(@PathVariable long id, @RequestParam boolean enabled, RedirectAttributes redirect) {
		return outcome(redirect, "redirect:/admin/users/" + id, () -> this.users.setEnabled(id, enabled),
				enabled ? "Account enabled." : "Account disabled; its sessions end at their next request.");
	}

	@PostMapping("/{id}/admin")
	String setAdmin(@PathVariable long id, @RequestParam boolean admin, RedirectAttributes redirect) {
		return outcome(redirect, "redirect:/admin/users/" + id,
				() -> this.users.setAdmin(id, admin), admin ? "Now an administrator." : "No longer an administrator.");
	}

	@PostMapping("/{id}/force-password-change")
	String forcePasswordChange(@PathVariable long id, RedirectAttributes redirect) {
		return outcome(redirect, "redirect:/admin/users/" + id, () -> this.users.forcePasswordChange(id),
				"The user must choose a new password before anything else.");
	}

	@PostMapping("/{id}/sso")
	String linkSso(@PathVariable long id, @RequestParam String issuer, @RequestParam String subject,
			RedirectAttributes redirect) {
		return outcome(redirect, "redirect:/admin/users/" + id, () -> this.users.linkSso(id, issuer, subject),
				"Linked to that single sign-on identity; the local password is gone.");
	}

	@PostMapping("/{id}/password")
	String resetPassword(@PathVariable long id, @RequestParam String password, RedirectAttributes redirect) {
		return outcome(redirect, "redirect:/admin/users/" + id, () -> this.users.resetPassword(id, password),
				"Temporary password set; the user must change it at the next login.");
	}

	private String groupName(long groupId) {
		return this.groups.all().stream().filter(g -> g.id() == groupId).map(SbcGroup::name).findFirst().orElse("the group");
	}

	/** Runs a change and says so; a refused one is shown by the refusal advice, nothing half-done. */
	private static String outcome(RedirectAttributes redirect, String target, Runnable change, String notice) {
		change.run();
		redirect.addFlashAttribute("notice", notice);
		return target;
	}

}
