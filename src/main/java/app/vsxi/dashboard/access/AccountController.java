package app.vsxi.dashboard.access;

import java.time.Instant;

import jakarta.servlet.http.HttpSession;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The user's own account: changing the password, forced after an administrator's reset. */
@Controller
@RequestMapping(AccountStateFilter.PASSWORD_PAGE)
class AccountController {

	private final UserAdministration users;

	private final AccessService access;

	AccountController(UserAdministration users, AccessService access) {
		this.users = users;
		this.access = access;
	}

	@ModelAttribute("forced")
	boolean forced() {
		return this.access.currentUser().map(DashboardUser::mustChangePassword).orElse(false);
	}

	@GetMapping
	String passwordPage() {
		return "access/password";
	}

	@PostMapping
	String changePassword(@RequestParam String current, @RequestParam String replacement,
			@RequestParam String confirmation, Model model, HttpSession session, RedirectAttributes redirect) {
		if (!replacement.equals(confirmation)) {
			model.addAttribute("error", "The new password and its confirmation differ.");
			return "access/password";
		}
		this.users.changeOwnPassword(current, replacement);
		// this session proved the new password; every other session of the user ends at its next request
		session.setAttribute(AccountStateFilter.LOGGED_IN_AT, Instant.now());
		redirect.addFlashAttribute("notice", "Password changed.");
		return "redirect:/overview";
	}

}
