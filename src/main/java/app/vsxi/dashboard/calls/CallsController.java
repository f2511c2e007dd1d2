package app.vsxi.dashboard.calls;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** One SBC's active calls: the list, its refreshes, and killing one call or every call a filter matches. */
@Controller
class CallsController {

	private final ActiveCallsService calls;

	private final CallKills kills;

	private final CallsProperties properties;

	CallsController(ActiveCallsService calls, CallKills kills, CallsProperties properties) {
		this.calls = calls;
		this.kills = kills;
		this.properties = properties;
	}

	@GetMapping("/sbcs/{id}/calls")
	String page(@PathVariable long id, @ModelAttribute("search") CallSearch search, Model model) {
		model.addAttribute("calls", this.calls.page(id, search));
		model.addAttribute("killFormat", this.kills.killFormat(id));
		model.addAttribute("refreshSeconds", Math.max(1, this.properties.pageRefresh().toSeconds()));
		model.addAttribute("bulkKillMax", this.properties.bulkKillMax());
		return "calls/calls";
	}

	@GetMapping("/sbcs/{id}/calls/rows")
	String rows(@PathVariable long id, @ModelAttribute("search") CallSearch search, Model model) {
		model.addAttribute("calls", this.calls.page(id, search));
		return "calls/calls :: rows";
	}

	@PostMapping("/sbcs/{id}/calls/kill/preview")
	String killPreview(@PathVariable long id, @RequestParam String ssmIndex, @RequestParam String callId, Model model) {
		model.addAttribute("preview", this.kills.prepareKill(id, ssmIndex, callId));
		return "calls/calls :: preview";
	}

	@PostMapping("/sbcs/{id}/calls/bulk/preview")
	String bulkPreview(@PathVariable long id, @ModelAttribute("search") CallSearch search, Model model) {
		model.addAttribute("preview", this.kills.prepareBulkKill(id, search));
		return "calls/calls :: preview";
	}

	/**
	 * The kill's result, and in place of the list on the page the list read after the kill, as the operator had it
	 * searched, sorted and paged. A search that cannot be read does not hold up the kill; the list is shown unfiltered.
	 */
	@PostMapping("/sbcs/{id}/calls/kill")
	String kill(@PathVariable long id, @RequestParam String token, @RequestParam(required = false) Integer typedCount,
			@RequestParam(required = false) String breakGlass, @ModelAttribute("search") CallSearch search,
			BindingResult searchProblems, Model model) {
		model.addAttribute("report", this.kills.kill(id, token, typedCount,
				breakGlass == null || breakGlass.isBlank() ? null : breakGlass));
		CallSearch listed = searchProblems.hasErrors() || search == null ? CallSearch.none() : search;
		model.addAttribute("search", listed);
		model.addAttribute("calls", this.calls.pageAfterKill(id, listed));
		return "calls/calls :: outcome";
	}

	@PostMapping("/sbcs/{id}/calls/kill-format")
	String killFormat(@PathVariable long id, @RequestParam KillFormat format) {
		this.kills.chooseKillFormat(id, format);
		return "redirect:/sbcs/" + id + "/calls";
	}

}
