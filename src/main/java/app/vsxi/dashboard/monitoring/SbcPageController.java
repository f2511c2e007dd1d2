package app.vsxi.dashboard.monitoring;

import java.time.Clock;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/** One page per SBC; its tabs (Monitor, Tables, Calls, Registrations) hang off {@code /sbcs/{id}}. */
@Controller
class SbcPageController {

	private final SbcPageService pages;

	private final MonitoringProperties properties;

	private final Clock clock;

	SbcPageController(SbcPageService pages, MonitoringProperties properties, Clock clock) {
		this.clock = clock;
		this.pages = pages;
		this.properties = properties;
	}

	@GetMapping("/sbcs/{id}")
	String page(@PathVariable long id, Model model) {
		addPage(id, model);
		model.addAttribute("panels", this.pages.panels(id));
		model.addAttribute("trends", this.pages.trends(id));
		return "monitoring/sbc";
	}

	@GetMapping("/sbcs/{id}/status")
	String status(@PathVariable long id, Model model) {
		addPage(id, model);
		return "monitoring/sbc :: status";
	}

	@GetMapping("/sbcs/{id}/panels/{feed}")
	String panel(@PathVariable long id, @PathVariable String feed, @RequestParam(required = false) String sort,
			@RequestParam(required = false) String dir, Model model) {
		Feed which;
		try {
			which = Feed.ofSlug(feed);
		}
		catch (IllegalArgumentException ex) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND, ex.getMessage());
		}
		model.addAttribute("sbcId", id);
		model.addAttribute("panel", this.pages.panel(id, which, sort, "desc".equals(dir)));
		model.addAttribute("now", this.clock.instant());
		model.addAttribute("refreshSeconds", Math.max(1, this.properties.pageRefresh().toSeconds()));
		return "monitoring/sbc :: panel";
	}

	@GetMapping("/sbcs/{id}/trends")
	String trends(@PathVariable long id, Model model) {
		model.addAttribute("sbcId", id);
		model.addAttribute("trends", this.pages.trends(id));
		model.addAttribute("refreshSeconds", Math.max(1, this.properties.pageRefresh().toSeconds()));
		return "monitoring/sbc :: trends";
	}

	private void addPage(long id, Model model) {
		model.addAttribute("page", this.pages.page(id));
		model.addAttribute("sbcId", id);
		model.addAttribute("now", this.clock.instant());
		model.addAttribute("refreshSeconds", Math.max(1, this.properties.pageRefresh().toSeconds()));
	}

}
