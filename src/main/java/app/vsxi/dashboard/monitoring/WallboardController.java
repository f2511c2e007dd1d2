package app.vsxi.dashboard.monitoring;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The fleet on a wall screen: a tile per SBC, coloured by its worst alarm; no controls, refreshing itself. */
@Controller
class WallboardController {

	private final OverviewService overview;

	private final MonitoringProperties properties;

	WallboardController(OverviewService overview, MonitoringProperties properties) {
		this.overview = overview;
		this.properties = properties;
	}

	@GetMapping("/wallboard")
	String wallboard(Model model) {
		addTiles(model);
		return "monitoring/wallboard";
	}

	@GetMapping("/wallboard/tiles")
	String tiles(Model model) {
		addTiles(model);
		return "monitoring/wallboard :: tiles";
	}

	private void addTiles(Model model) {
		model.addAttribute("fleet", this.overview.fleet(FleetView.Sort.GROUP, ""));
		model.addAttribute("refreshSeconds", Math.max(1, this.properties.pageRefresh().toSeconds()));
	}

}
