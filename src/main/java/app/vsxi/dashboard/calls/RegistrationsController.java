package app.vsxi.dashboard.calls;

import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** One SBC's registrations: the list, its refreshes, and removing registrations after a preview. */
@Controller
class RegistrationsController {

	private final RegistrationsService registrations;

	private final CallsProperties properties;

	RegistrationsController(RegistrationsService registrations, CallsProperties properties) {
		this.registrations = registrations;
		this.properties = properties;
	}

	@GetMapping("/sbcs/{id}/registrations")
	String page(@PathVariable long id, @ModelAttribute("search") RegistrationSearch search, Model model) {
		model.addAttribute("registrations", this.registrations.page(id, search));
		model.addAttribute("states", RegistrationsService.STATES);
		model.addAttribute("refreshSeconds", Math.max(1, this.properties.pageRefresh().toSeconds()));
		return "calls/registrations";
	}

	@GetMapping("/sbcs/{id}/registrations/rows")
	String rows(@PathVariable long id, @ModelAttribute("search") RegistrationSearch search, Model model) {
		model.addAttribute("registrations", this.registrations.page(id, search));
		return "calls/registrations :: rows";
	}

	@PostMapping("/sbcs/{id}/registrations/delete/preview")
	String preview(@PathVariable long id, @RequestParam(name = "ids", required = false) List<String> ids,
			@RequestParam Map<String, String> entry, Model model) {
		model.addAttribute("preview", this.registrations.prepareDelete(id, ids, entry));
		return "calls/registrations :: preview";
	}

	/** The delete's result, and in place of the list on the page the list read after the delete. */
	@PostMapping("/sbcs/{id}/registrations/delete")
	String delete(@PathVariable long id, @RequestParam String token, @RequestParam(required = false) Integer typedCount,
			@ModelAttribute("search") RegistrationSearch search, BindingResult searchProblems, Model model) {
		model.addAttribute("report", this.registrations.delete(id, token, typedCount));
		RegistrationSearch listed = searchProblems.hasErrors() || search == null
				? new RegistrationSearch(null, null, null, null, null, null) : search;
		model.addAttribute("search", listed);
		model.addAttribute("registrations", this.registrations.pageAfterDelete(id, listed));
		return "calls/registrations :: outcome";
	}

}
