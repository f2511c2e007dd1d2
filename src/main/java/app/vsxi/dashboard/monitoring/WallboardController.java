package app.vsxi.dashboard.monitoring;

import java.time.Clock;
import java.time.Instant;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The fleet on a wall screen: a tile per SBC filling the screen together, coloured by its worst state, with its
 * unacknowledged alarms; no controls, refreshing itself. A fleet larger than a screen holds readable takes turns
 * ({@link WallTurns}).
 */
@Controller
class WallboardController {

	private final OverviewService overview;

	private final MonitoringProperties properties;

	private final Clock clock;

	WallboardController(OverviewService overview, MonitoringProperties properties, Clock clock) {
		this.clock = clock;
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
		Instant now = this.clock.instant();
		WallTurns turns = WallTurns.of(fleet.rows(), now);
		model.addAttribute("fleet", fleet);
		model.addAttribute("turns", turns);
		model.addAttribute("wall", WallLayout.of(turns.rows().size()));
		model.addAttribute("now", now);
		model.addAttribute("refreshSeconds", Math.max(1, this.properties.pageRefresh().toSeconds()));
	}

}
