package app.vsxi.dashboard.monitoring;

import java.time.Clock;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The fleet at a glance. The page and its refreshes read the status board, never an SBC. */
@Controller
class OverviewController {

	private final OverviewService overview;

	private final MonitoringProperties properties;

	private final Clock clock;

	OverviewController(OverviewService overview, MonitoringProperties properties, Clock clock) {
		this.clock = clock;
		this.overview = overview;
		this.properties = properties;
	}

	@GetMapping("/")
	String home() {
		return "redirect:/overview";
	}

	@GetMapping("/overview")
	String overview(@RequestParam(required = false) String sort, @RequestParam(required = false) String q,
			Model model) {
		addRows(sort, q, model);
		return "monitoring/overview";
	}

	@GetMapping("/overview/rows")
	String rows(@RequestParam(required = false) String sort, @RequestParam(required = false) String q, Model model) {
		addRows(sort, q, model);
		return "monitoring/overview :: rows";
	}

	private void addRows(String sort, String filter, Model model) {
		model.addAttribute("fleet", this.overview.fleet(FleetView.Sort.named(sort), filter));
		model.addAttribute("now", this.clock.instant());
		model.addAttribute("refreshSeconds", Math.max(1, this.properties.pageRefresh().toSeconds()));
		model.addAttribute("pollSeconds", Math.max(1, this.properties.pollInterval().toSeconds()));
	}

}
