package app.vsxi.dashboard.monitoring;

import java.time.Instant;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** One page per SBC; its tabs (Monitor, Tables, Calls, Registrations) hang off {@code /sbcs/{id}}. */
@Controller
class SbcPageController {

	private final SbcPageService pages;

	private final MonitoringProperties properties;

	SbcPageController(SbcPageService pages, MonitoringProperties properties) {
		this.pages = pages;
		this.properties = properties;
	}

	@GetMapping("/sbcs/{id}")
	String page(@PathVariable long id, Model model) {
		addPage(id, model);
		return "monitoring/sbc";
	}

	@GetMapping("/sbcs/{id}/status")
	String status(@PathVariable long id, Model model) {
		addPage(id, model);
		return "monitoring/sbc :: status";
	}

	private void addPage(long id, Model model) {
		model.addAttribute("page", this.pages.page(id));
		model.addAttribute("now", Instant.now());
		model.addAttribute("refreshSeconds", Math.max(1, this.properties.pageRefresh().toSeconds()));
	}

}
