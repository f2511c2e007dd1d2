package app.vsxi.dashboard.calls;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The active-calls search over every SBC a user may see. The page lists the SBCs; each SBC's part is its own
 * request, so parts arrive as their SBCs answer and a slow one holds up no other.
 */
@Controller
class FleetCallsController {

	private final ActiveCallsService calls;

	private final CallsProperties properties;

	FleetCallsController(ActiveCallsService calls, CallsProperties properties) {
		this.calls = calls;
		this.properties = properties;
	}

	@GetMapping("/calls")
	String page(@ModelAttribute("search") CallSearch search, Model model) {
		model.addAttribute("sbcs", this.calls.fleetSbcs());
		return "calls/fleet";
	}

	@GetMapping("/calls/sbcs/{id}")
	String part(@PathVariable long id, @ModelAttribute("search") CallSearch search, Model model) {
		model.addAttribute("calls", this.calls.fleetPart(id, search));
		model.addAttribute("refreshSeconds", Math.max(1, this.properties.fleetRefresh().toSeconds()));
		return "calls/fleet :: part";
	}

}
