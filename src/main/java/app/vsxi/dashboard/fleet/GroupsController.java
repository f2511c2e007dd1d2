package app.vsxi.dashboard.fleet;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Administrators' page of SBC groups. */
@Controller
@RequestMapping("/admin/groups")
class GroupsController {

	private final GroupService groups;

	private final FleetService fleet;

	GroupsController(GroupService groups, FleetService fleet) {
		this.groups = groups;
		this.fleet = fleet;
	}

	@GetMapping
	String list(Model model) {
		model.addAttribute("groups", this.groups.all());
		model.addAttribute("sbcs", this.fleet.administrable());
		return "fleet/groups";
	}

	@PostMapping
	String create(@RequestParam String name, @RequestParam(required = false) String description,
			RedirectAttributes redirect) {
		SbcGroup group = this.groups.create(name, description);
		redirect.addFlashAttribute("notice", "Group " + group.name() + " created.");
		return "redirect:/admin/groups";
	}

	@PostMapping("/{id}/delete")
	String delete(@PathVariable long id, RedirectAttributes redirect) {
		this.groups.delete(id);
		redirect.addFlashAttribute("notice", "Group removed.");
		return "redirect:/admin/groups";
	}

}
