package app.vsxi.dashboard.monitoring;

import java.time.Instant;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The fleet at a glance. The page and its refreshes read the status board, never an SBC. */
@Controller
class OverviewController {

	private final OverviewService overview;

	private final MonitoringProperties properties;

	OverviewController(OverviewService overview, MonitoringProperties properties) {
		this.overview = overview;
		this.properties = properties;
	}

	@GetMapping("/")
	String home() {
		return "redirect:/overview";
	}

	@GetMapping("/overview")
	String overview(Model model) {
		addRows(model);
		return "monitoring/overview";
	}

	@GetMapping("/overview/rows")
	String rows(Model model) {
		addRows(model);
		return "monitoring/overview :: rows";
	}

	private void addRows(Model model) {
		model.addAttribute("statuses", this.overview.visibleStatuses());
		model.addAttribute("now", Instant.now());
		model.addAttribute("refreshSeconds", Math.max(1, this.properties.pageRefresh().toSeconds()));
		model.addAttribute("pollSeconds", Math.max(1, this.properties.pollInterval().toSeconds()));
	}

}
