package app.vsxi.dashboard.changes;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import app.vsxi.dashboard.backups.BackupSearch;
import app.vsxi.dashboard.fleet.FleetService;
import app.vsxi.dashboard.fleet.Sbc;

/** Fleet-wide change sets: the list, a new one from a draft, and one page per change set that follows its run. */
@Controller
@RequestMapping("/changes")
class ChangesController {

	private final ChangeSets changes;

	private final BackupSearch search;

	private final FleetService fleet;

	ChangesController(ChangeSets changes, BackupSearch search, FleetService fleet) {
		this.changes = changes;
		this.search = search;
		this.fleet = fleet;
	}

	@GetMapping
	String list(Model model) {
		model.addAttribute("sets", this.changes.list());
		return "changes/list";
	}

	/** Where a change set starts: the edits are made in the table editor of a source SBC. */
	@GetMapping("/new")
	String start(Model model) {
		model.addAttribute("sources", this.changes.aimable());
		return "changes/new";
	}

	/** From the editor's preview: the draft's edits become a change set, aimed next. */
	@PostMapping
	String create(@RequestParam long sbc, @RequestParam long draft, @RequestParam(required = false) String title) {
		return "redirect:/changes/" + this.changes.create(sbc, draft, title);
	}

	/**
	 * One change set. {@code group}, {@code name} and {@code holds} tick SBCs in the target form: those of a group,
	 * those whose name contains the text, those whose latest backup of the table holds a row with the value.
	 */
	@GetMapping("/{id}")
	String page(@PathVariable long id, @RequestParam(required = false) Long group,
			@RequestParam(required = false) String name, @RequestParam(required = false) String holds, Model model) {
		ChangeSets.View view = this.changes.view(id);
		model.addAttribute("view", view);
		if (view.set().state().editable() && view.mayEdit()) {
			List<Sbc> aimable = this.changes.aimable();
			Set<Long> ticked = new LinkedHashSet<>();
			view.targets().forEach(target -> ticked.add(target.sbcId()));
			boolean picked = group != null || (name != null && !name.isBlank()) || (holds != null && !holds.isBlank());
			if (picked) {
				ticked.clear();
				aimable.stream().filter(sbc -> group == null || group.equals(sbc.groupId()))
					.filter(sbc -> name == null || name.isBlank()
							|| sbc.name().toLowerCase(Locale.ROOT).contains(name.strip().toLowerCase(Locale.ROOT)))
					.map(Sbc::id)
					.forEach(ticked::add);
				if (holds != null && !holds.isBlank()) {
					BackupSearch.Results found = this.search.search(view.set().table(), null, holds.strip(),
							BackupSearch.Match.EQUALS);
					Set<Long> holding = new LinkedHashSet<>();
					found.hits().forEach(hit -> holding.add(hit.sbc().id()));
					ticked.retainAll(holding);
					model.addAttribute("holdsSearched", found.searchedText());
				}
			}
			model.addAttribute("aimable", aimable);
			model.addAttribute("ticked", ticked);
			model.addAttribute("groupNames", this.fleet.groupNames());
			model.addAttribute("pick", new Pick(group, name, holds));
		}
		return "changes/change";
	}

	/** What the target form was filtered by, to show it again. */
	record Pick(Long group, String name, String holds) {
	}

	/** Polled while the change set works in the background. */
	@GetMapping("/{id}/progress")
	String progress(@PathVariable long id, Model model) {
		model.addAttribute("view", this.changes.view(id));
		return "changes/change :: progress";
	}

	@PostMapping("/{id}/targets")
	String targets(@PathVariable long id, @RequestParam(name = "sbc", required = false) List<Long> sbcIds,
			@RequestParam(required = false) Long canary, RedirectAttributes redirect) {
		this.changes.aim(id, sbcIds == null ? List.of() : sbcIds, canary);
		redirect.addFlashAttribute("notice", "Targets saved. Preview the change on each of them next.");
		return "redirect:/changes/" + id;
	}

	@PostMapping("/{id}/waves")
	String waves(@PathVariable long id, @RequestParam int size, @RequestParam int maxFailures,
			RedirectAttributes redirect) {
		this.changes.waves(id, size, maxFailures);
		redirect.addFlashAttribute("notice", "Waves saved.");
		return "redirect:/changes/" + id;
	}

	@PostMapping("/{id}/preview")
	String preview(@PathVariable long id) {
		this.changes.preview(id);
		return "redirect:/changes/" + id;
	}

	@PostMapping("/{id}/start")
	String start(@PathVariable long id, @RequestParam(required = false) String breakGlass,
			RedirectAttributes redirect) {
		redirect.addFlashAttribute("notice",
				this.changes.start(id, breakGlass == null || breakGlass.isBlank() ? null : breakGlass));
		return "redirect:/changes/" + id;
	}

	@PostMapping("/{id}/pause")
	String pause(@PathVariable long id, RedirectAttributes redirect) {
		this.changes.pause(id);
		redirect.addFlashAttribute("notice", "Pause asked: it stops before its next SBC.");
		return "redirect:/changes/" + id;
	}

	@PostMapping("/{id}/rollback")
	String rollback(@PathVariable long id, @RequestParam(name = "sbc", required = false) List<Long> sbcIds) {
		this.changes.rollback(id, sbcIds == null ? List.of() : sbcIds);
		return "redirect:/changes/" + id;
	}

}
