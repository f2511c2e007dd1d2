package app.vsxi.dashboard.monitoring.alarms;

import java.time.Clock;
import java.util.List;

import app.vsxi.dashboard.monitoring.MonitoringProperties;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Alarms: the list with acknowledgement, and the rules page. */
@Controller
class AlarmController {

	private final AlarmService alarms;

	private final MonitoringProperties properties;

	private final Clock clock;

	AlarmController(AlarmService alarms, MonitoringProperties properties, Clock clock) {
		this.clock = clock;
		this.alarms = alarms;
		this.properties = properties;
	}

	@GetMapping("/alarms")
	String alarms(@RequestParam(required = false) String sbc, @RequestParam(required = false) String group,
			@RequestParam(required = false) String level, @RequestParam(required = false) String state,
			@RequestParam(required = false) String by, Model model) {
		addList(AlarmFilter.of(sbc, group, level, state, by), model);
		return "monitoring/alarms";
	}

	@GetMapping("/alarms/list")
	String list(@RequestParam(required = false) String sbc, @RequestParam(required = false) String group,
			@RequestParam(required = false) String level, @RequestParam(required = false) String state,
			@RequestParam(required = false) String by, Model model) {
		addList(AlarmFilter.of(sbc, group, level, state, by), model);
		return "monitoring/alarms :: list";
	}

	/** Several alarms at once, confirmed once in the page; each is acknowledged, or refused, as on its own. */
	@PostMapping("/alarms/acknowledge")
	String acknowledgeAll(@RequestParam(name = "alarmId", required = false) List<Long> alarmIds,
			RedirectAttributes redirect) {
		if (alarmIds == null || alarmIds.isEmpty()) {
			redirect.addFlashAttribute("failure", "No alarm was ticked.");
			return "redirect:/alarms";
		}
		AlarmService.Acknowledgements done = this.alarms.acknowledgeAll(alarmIds);
		redirect.addFlashAttribute("notice", done.acknowledged() + " acknowledged"
				+ (done.already() > 0 ? ", " + done.already() + " acknowledged already" : "")
				+ (done.refused() > 0 ? ", " + done.refused() + " refused: not yours to acknowledge" : "") + ".");
		return "redirect:/alarms";
	}

	@PostMapping("/alarms/{alarmId}/acknowledge")
	String acknowledge(@PathVariable long alarmId, RedirectAttributes redirect) {
		redirect.addFlashAttribute("notice", this.alarms.acknowledge(alarmId) ? "Alarm acknowledged."
				: "That alarm was acknowledged already.");
		return "redirect:/alarms";
	}

	@GetMapping("/alarms/rules")
	String rules(Model model) {
		model.addAttribute("page", this.alarms.rules());
		model.addAttribute("metrics", AlarmMetric.values());
		return "monitoring/alarm-rules";
	}

	@PostMapping("/alarms/rules")
	String saveRule(@RequestParam AlarmMetric metric, @RequestParam(required = false) String scope,
			@RequestParam double warning, @RequestParam double critical, @RequestParam int hold,
			@RequestParam(defaultValue = "false") boolean enabled, RedirectAttributes redirect) {
		Long groupId = null;
		Long sbcId = null;
		if (scope != null && scope.startsWith("group:")) {
			groupId = Long.valueOf(scope.substring(6));
		}
		else if (scope != null && scope.startsWith("sbc:")) {
			sbcId = Long.valueOf(scope.substring(4));
		}
		try {
			this.alarms.saveRule(metric, groupId, sbcId, warning, critical, hold, enabled);
			redirect.addFlashAttribute("notice", "Rule saved: " + metric.title() + ".");
		}
		catch (IllegalArgumentException ex) {
			redirect.addFlashAttribute("failure", "Not saved: " + ex.getMessage() + ".");
		}
		return "redirect:/alarms/rules";
	}

	@PostMapping("/alarms/rules/{ruleId}/delete")
	String deleteRule(@PathVariable long ruleId, RedirectAttributes redirect) {
		this.alarms.deleteRule(ruleId);
		redirect.addFlashAttribute("notice", "Rule removed: the wider rule applies again.");
		return "redirect:/alarms/rules";
	}

	private void addList(AlarmFilter filter, Model model) {
		model.addAttribute("alarms", this.alarms.page(filter));
		model.addAttribute("now", this.clock.instant());
		model.addAttribute("refreshSeconds", Math.max(1, this.properties.pageRefresh().toSeconds()));
	}

}
