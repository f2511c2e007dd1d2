package app.vsxi.dashboard.backups;

import java.time.Duration;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import app.vsxi.dashboard.tables.DraftOpening;

/** An SBC's backups: the tab, a table's history, the diff of two versions, restore, and "Back up now". */
@Controller
@RequestMapping("/sbcs/{id}/backups")
class BackupsController {

	private final BackupsService backups;

	BackupsController(BackupsService backups) {
		this.backups = backups;
	}

	@GetMapping
	String overview(@PathVariable long id, Model model) {
		model.addAttribute("backups", this.backups.overview(id));
		return "backups/backups";
	}

	@PostMapping("/now")
	String now(@PathVariable long id, RedirectAttributes redirect) {
		this.backups.backUpNow(id);
		redirect.addFlashAttribute("notice", "Backup asked for: it starts within seconds, after the SBC's polls "
				+ "in its queue. This page shows each table as it is read once you reload it.");
		return "redirect:/sbcs/" + id + "/backups";
	}

	@PostMapping("/schedule")
	String schedule(@PathVariable long id, @RequestParam BackupSchedules.Scope scope,
			@RequestParam(required = false) String every, RedirectAttributes redirect) {
		Duration chosen = every == null || every.isBlank() ? null : Durations.parse(every);
		this.backups.schedule(id, scope, chosen);
		redirect.addFlashAttribute("notice", chosen == null ? "Schedule cleared." : "Schedule saved.");
		return "redirect:/sbcs/" + id + "/backups";
	}

	@PostMapping("/drift/{versionId}/seen")
	String driftSeen(@PathVariable long id, @PathVariable long versionId, RedirectAttributes redirect) {
		this.backups.markDriftSeen(id, versionId);
		redirect.addFlashAttribute("notice", "Marked as seen.");
		return "redirect:/sbcs/" + id + "/backups";
	}

	@GetMapping("/{subject}")
	String history(@PathVariable long id, @PathVariable String subject,
			@RequestParam(defaultValue = "1") int page, Model model) {
		model.addAttribute("history", this.backups.history(id, subject, page));
		return "backups/history";
	}

	@GetMapping("/{subject}/diff")
	String diff(@PathVariable long id, @PathVariable String subject, @RequestParam(required = false) Long from, @RequestParam long to,
			@RequestParam(defaultValue = "1") int page, Model model) {
		model.addAttribute("diff", this.backups.diff(id, subject, from, to, page));
		return "backups/diff";
	}

	@PostMapping("/{subject}/versions/{versionId}/restore")
	String restore(@PathVariable long id, @PathVariable String subject, @PathVariable long versionId,
			RedirectAttributes redirect) {
		DraftOpening.Opened opened = this.backups.restore(id, subject, versionId);
		if (opened instanceof DraftOpening.Opened.Failed failed) {
			redirect.addFlashAttribute("failure", "Not restored: " + failed.error().message());
			return "redirect:/sbcs/" + id + "/backups/" + subject;
		}
		redirect.addFlashAttribute("notice", "A draft that brings " + subject + " back to version " + versionId
				+ " is open: preview it, then apply.");
		return "redirect:/sbcs/" + id + "/tables/drafts/" + ((DraftOpening.Opened.Draft) opened).id();
	}

	@GetMapping("/{subject}/versions/{versionId}/file")
	ResponseEntity<byte[]> file(@PathVariable long id, @PathVariable String subject, @PathVariable long versionId) {
		byte[] bytes = this.backups.file(id, subject, versionId);
		return ResponseEntity.ok()
			.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
				.filename("sbc-" + id + "-" + subject + "-" + versionId + ".zip")
				.build()
				.toString())
			.contentType(MediaType.APPLICATION_OCTET_STREAM)
			.body(bytes);
	}

}
