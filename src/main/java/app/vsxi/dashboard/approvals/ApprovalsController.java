package app.vsxi.dashboard.approvals;

import java.util.List;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import app.vsxi.dashboard.fleet.SbcRepository;

/** Requests for approval: the list, one request with the preview its requester saw, decisions, and the settings. */
@Controller
@RequestMapping("/approvals")
class ApprovalsController {

	private static final int LISTED = 200;

	private final Approvals approvals;

	private final ApprovalSettings settings;

	private final SbcRepository sbcs;

	ApprovalsController(Approvals approvals, ApprovalSettings settings, SbcRepository sbcs) {
		this.approvals = approvals;
		this.settings = settings;
		this.sbcs = sbcs;
	}

	@GetMapping
	String list(Model model) {
		model.addAttribute("waiting", this.approvals.waitingForMe());
		model.addAttribute("unreviewed", this.approvals.unreviewed());
		model.addAttribute("recent", this.approvals.list(LISTED));
		return "approvals/list";
	}

	@GetMapping("/{id}")
	String request(@PathVariable long id, Model model) {
		ApprovalRequest request = this.approvals.visible(id);
		List<Long> targets = this.approvals.targets(id);
		model.addAttribute("request", request);
		model.addAttribute("sbcNames", targets.stream()
			.map(sbcId -> this.sbcs.findById(sbcId).map(sbc -> sbc.name()).orElse("SBC " + sbcId))
			.toList());
		model.addAttribute("whyNot", this.approvals.whyNot(request));
		return "approvals/request";
	}

	@PostMapping("/{id}/approve")
	String approve(@PathVariable long id, RedirectAttributes redirect) {
		this.approvals.visible(id);
		ApprovalRequest request = this.approvals.approve(id);
		redirect.addFlashAttribute("notice", "Approved. " + request.requestedBy()
				+ " may send it now, exactly as approved, until " + request.expiresAt() + ".");
		return "redirect:/approvals/" + id;
	}

	@PostMapping("/{id}/reject")
	String reject(@PathVariable long id, @RequestParam(defaultValue = "") String reason, RedirectAttributes redirect) {
		this.approvals.visible(id);
		this.approvals.reject(id, reason);
		redirect.addFlashAttribute("notice", "Rejected: the request is closed and nothing will be sent.");
		return "redirect:/approvals/" + id;
	}

	@PostMapping("/{id}/withdraw")
	String withdraw(@PathVariable long id, RedirectAttributes redirect) {
		this.approvals.visible(id);
		this.approvals.withdraw(id);
		redirect.addFlashAttribute("notice", "Withdrawn: nothing will be sent under this request.");
		return "redirect:/approvals/" + id;
	}

	@PostMapping("/{id}/review")
	String review(@PathVariable long id, @RequestParam(defaultValue = "") String note, RedirectAttributes redirect) {
		this.approvals.visible(id);
		this.approvals.review(id, note);
		redirect.addFlashAttribute("notice", "Marked as reviewed.");
		return "redirect:/approvals/" + id;
	}

	@GetMapping("/settings")
	@PreAuthorize("hasRole('ADMIN')")
	String settings(Model model) {
		model.addAttribute("policy", this.settings.current());
		return "approvals/settings";
	}

	@PostMapping("/settings")
	@PreAuthorize("hasRole('ADMIN')")
	String saveSettings(@RequestParam(defaultValue = "false") boolean replace,
			@RequestParam(defaultValue = "false") boolean applyRows, @RequestParam(defaultValue = "0") int applyRowsOver,
			@RequestParam(defaultValue = "false") boolean bulkKill, @RequestParam(defaultValue = "0") int bulkKillOver,
			@RequestParam(defaultValue = "false") boolean fleetChange, @RequestParam(defaultValue = "false") boolean restore,
			RedirectAttributes redirect) {
		this.settings.save(new ApprovalPolicy(replace, applyRows, applyRowsOver, bulkKill, bulkKillOver, fleetChange,
				restore));
		redirect.addFlashAttribute("notice", "Approval settings saved.");
		return "redirect:/approvals/settings";
	}

}
