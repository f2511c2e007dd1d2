package app.vsxi.dashboard.monitoring;

import java.time.Instant;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The fleet on a wall screen: a tile per SBC filling the screen together, coloured by its worst state, with its
 * unacknowledged alarms; no controls, refreshing itself.
 */
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
		FleetView fleet = this.overview.fleet(FleetView.Sort.GROUP, "");
		model.addAttribute("fleet", fleet);
		model.addAttribute("wall", WallLayout.of(fleet.rows().size()));
		model.addAttribute("now", Instant.now());
		model.addAttribute("refreshSeconds", Math.max(1, this.properties.pageRefresh().toSeconds()));
	}

}
