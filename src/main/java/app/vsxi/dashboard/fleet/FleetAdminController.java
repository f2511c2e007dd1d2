package app.vsxi.dashboard.fleet;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.validation.Valid;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Pages to add, edit, remove and test SBCs, for administrators and the administrators of each group. */
@Controller
@RequestMapping("/admin/sbcs")
class FleetAdminController {

	private static final String FORM = "fleet/form";

	private final FleetService fleet;

	private final SbcConnections connections;

	private final SbcHealth health;

	FleetAdminController(FleetService fleet, SbcConnections connections, SbcHealth health) {
		this.fleet = fleet;
		this.connections = connections;
		this.health = health;
	}

	@ModelAttribute("groups")
	List<SbcGroup> groups() {
		return this.fleet.assignableGroups();
	}

	/** SBCs that may be named as an HA master: those the user manages. */
	@ModelAttribute("masters")
	List<Sbc> masters() {
		return this.fleet.assignableGroups().isEmpty() ? List.of() : this.fleet.administrable();
	}

	@GetMapping
	String list(Model model) {
		List<Sbc> sbcs = this.fleet.administrable();
		Map<Long, SbcHealth.Health> health = new HashMap<>();
		sbcs.forEach(sbc -> Optional.ofNullable(this.health.of(sbc.id())).ifPresent(h -> health.put(sbc.id(), h)));
		model.addAttribute("sbcs", sbcs);
		model.addAttribute("health", health);
		model.addAttribute("groupNames", this.fleet.groupNames());
		return "fleet/list";
	}

	@GetMapping("/new")
	String newSbc(Model model) {
		if (this.fleet.assignableGroups().isEmpty()) {
			throw new AccessDeniedException("You manage no group to add an SBC to");
		}
		model.addAttribute("form", new SbcForm());
		return FORM;
	}

	@PostMapping
	String create(@Valid @ModelAttribute("form") SbcForm form, BindingResult errors, RedirectAttributes redirect) {
		if (rejected(this.fleet.problems(form, null), errors)) {
			return FORM;
		}
		Sbc sbc = this.fleet.create(form);
		redirect.addFlashAttribute("notice", "SBC " + sbc.name() + " added. Test the connection to confirm its certificate."
				+ sameAddressWarning(sbc));
		return "redirect:/admin/sbcs/" + sbc.id();
	}

	@GetMapping("/{id}")
	String edit(@PathVariable long id, Model model) {
		Sbc sbc = this.fleet.getToAdminister(id);
		model.addAttribute("sbc", sbc);
		model.addAttribute("form", SbcForm.of(sbc));
		return FORM;
	}

	@PostMapping("/{id}")
	String update(@PathVariable long id, @Valid @ModelAttribute("form") SbcForm form, BindingResult errors,
			Model model, RedirectAttributes redirect) {
		model.addAttribute("sbc", this.fleet.getToAdminister(id));
		if (rejected(this.fleet.problems(form, id), errors)) {
			return FORM;
		}
		Sbc sbc = this.fleet.update(id, form);
		redirect.addFlashAttribute("notice", "SBC " + sbc.name() + " saved." + sameAddressWarning(sbc));
		return "redirect:/admin/sbcs/" + id;
	}

	/** The service's objections join the form's own, so that every error shows at once; what was typed stays. */
	private static boolean rejected(List<FieldProblem> problems, BindingResult errors) {
		problems.forEach(problem -> errors.rejectValue(problem.field(), "invalid", problem.message()));
		return errors.hasErrors();
	}

	private String sameAddressWarning(Sbc sbc) {
		List<String> twins = this.fleet.sameAddressAs(sbc).stream().map(Sbc::name).toList();
		return twins.isEmpty() ? ""
				: " Note: " + String.join(", ", twins) + " has the same address; the box would be polled and counted twice.";
	}

	@PostMapping("/{id}/delete")
	String delete(@PathVariable long id, RedirectAttributes redirect) {
		String name = this.fleet.getToAdminister(id).name();
		this.fleet.delete(id);
		redirect.addFlashAttribute("notice", "SBC " + name + " removed from the fleet.");
		return "redirect:/admin/sbcs";
	}

	@PostMapping("/{id}/test")
	String test(@PathVariable long id, Model model) {
		model.addAttribute("sbc", this.fleet.getToAdminister(id));
		model.addAttribute("test", this.connections.test(id));
		return FORM + " :: connection-test";
	}

	@PostMapping("/{id}/trust")
	String trust(@PathVariable long id, @RequestParam String fingerprint, Model model) {
		model.addAttribute("test", this.connections.trust(id, fingerprint));
		model.addAttribute("sbc", this.fleet.getToAdminister(id));
		return FORM + " :: connection-test";
	}

}
