package app.vsxi.dashboard.tables;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.ContentDisposition;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

import app.vsxi.dashboard.gateway.Format;
import app.vsxi.dashboard.web.Plural;
import app.vsxi.dashboard.web.PrefixedParams;
import app.vsxi.dashboard.tables.engine.KeyText;
import app.vsxi.dashboard.tables.engine.RowKey;
import app.vsxi.dashboard.tables.engine.ThreeWayMerge;

/** The table editor's pages under an SBC: tables, a draft, its preview and the outcome of apply. */
@Controller
@RequestMapping("/sbcs/{id}/tables")
class TablesController {

	private final DraftOpening opening;

	private final DraftEdits edits;

	private final DraftFiles files;

	private final TableApplier applier;

	private final TablesProperties properties;

	private final TableOpenings openings;

	TablesController(DraftOpening opening, DraftEdits edits, DraftFiles files, TableApplier applier,
			TablesProperties properties, TableOpenings openings) {
		this.openings = openings;
		this.opening = opening;
		this.edits = edits;
		this.files = files;
		this.applier = applier;
		this.properties = properties;
	}

	@GetMapping
	String tables(@PathVariable long id, Model model) {
		DraftOpening.Overview overview = this.opening.overview(id);
		model.addAttribute("overview", overview);
		Map<String, List<Snapshot>> history = new LinkedHashMap<>();
		overview.tables().forEach(table -> history.put(table.table(), this.applier.snapshots(id, table.table())));
		model.addAttribute("history", history);
		return "tables/tables";
	}

	/** Starts the download in the background and shows it arriving. */
	@PostMapping("/open")
	String open(@PathVariable long id, @RequestParam String table) {
		return "redirect:/sbcs/" + id + "/tables/openings/" + this.openings.start(id, table).id();
	}

	@GetMapping("/openings/{openingId}")
	String opening(@PathVariable long id, @PathVariable String openingId, Model model) {
		TableOpenings.Progress opening = this.openings.find(id, openingId).progress();
		if (opening.draftId() != null) {
			return "redirect:/sbcs/" + id + "/tables/drafts/" + opening.draftId();
		}
		model.addAttribute("opening", opening);
		model.addAttribute("sbc", this.opening.sbc(id));
		return "tables/opening";
	}

	/** Polled while the download runs; once the draft is there the browser is sent to it. */
	@GetMapping("/openings/{openingId}/progress")
	String openingProgress(@PathVariable long id, @PathVariable String openingId, Model model,
			HttpServletRequest request, HttpServletResponse response) {
		TableOpenings.Progress opening = this.openings.find(id, openingId).progress();
		if (opening.draftId() != null) {
			response.setHeader("HX-Redirect",
					request.getContextPath() + "/sbcs/" + id + "/tables/drafts/" + opening.draftId());
		}
		model.addAttribute("opening", opening);
		model.addAttribute("sbc", this.opening.sbc(id));
		return "tables/opening :: progress";
	}

	@PostMapping("/snapshots/{snapshotId}/rollback")
	String rollback(@PathVariable long id, @PathVariable long snapshotId, RedirectAttributes redirect) {
		return opened(id, this.applier.rollback(id, snapshotId), redirect);
	}

	@GetMapping("/drafts/{draftId}")
	String draft(@PathVariable long id, @PathVariable long draftId, @RequestParam Map<String, String> params,
			Model model) {
		addPage(id, draftId, params, model);
		return "tables/draft";
	}

	@GetMapping("/drafts/{draftId}/rows")
	String rows(@PathVariable long id, @PathVariable long draftId, @RequestParam Map<String, String> params,
			Model model) {
		addPage(id, draftId, params, model);
		return "tables/draft :: rows";
	}

	/** One row as inputs, for editing in place. */
	@GetMapping("/drafts/{draftId}/row")
	String row(@PathVariable long id, @PathVariable long draftId, @RequestParam String key,
			@RequestParam(defaultValue = "false") boolean edit, Model model) {
		DraftOpening.RowPage row = this.opening.row(id, draftId, KeyText.parse(key));
		model.addAttribute("page", row.page());
		model.addAttribute("r", row.row());
		model.addAttribute("editing", edit);
		model.addAttribute("focused", true);
		return "tables/draft :: row";
	}

	@PostMapping("/drafts/{draftId}/edit")
	String edit(@PathVariable long id, @PathVariable long draftId, @RequestParam String key,
			@RequestParam Map<String, String> params, Model model) {
		Map<String, String> values = PrefixedParams.named(params, "v_").values();
		DraftEdits.EditResult result = this.edits.editRow(id, draftId, KeyText.parse(key), values);
		DraftOpening.RowPage row = this.opening.row(id, draftId, result.key());
		model.addAttribute("page", row.page());
		model.addAttribute("r", row.row());
		model.addAttribute("editing", result.problem() != null);
		model.addAttribute("problem", result.problem());
		model.addAttribute("problemField", result.field());
		model.addAttribute("focused", true);
		if (result.problem() != null) {
			// the form comes back as typed, so nothing else typed is lost; secrets are never sent back
			Map<String, String> typed = new LinkedHashMap<>(values);
			typed.keySet().removeIf(field -> SecretFields.secret(row.page().draft().editable(), field));
			model.addAttribute("typed", typed);
		}
		return "tables/draft :: edited";
	}

	/** A value checked as it is typed: the problem beside the field, or nothing. */
	@PostMapping("/drafts/{draftId}/check")
	String check(@PathVariable long id, @PathVariable long draftId, @RequestParam String field,
			@RequestParam Map<String, String> params, Model model) {
		model.addAttribute("problem", this.edits.check(id, draftId, field, params.getOrDefault("v_" + field, "")));
		return "tables/draft :: check";
	}

	@PostMapping("/drafts/{draftId}/delete")
	String delete(@PathVariable long id, @PathVariable long draftId, @RequestParam String key) {
		this.edits.delete(id, draftId, KeyText.parse(key));
		return "redirect:/sbcs/" + id + "/tables/drafts/" + draftId;
	}

	@PostMapping("/drafts/{draftId}/revert")
	String revert(@PathVariable long id, @PathVariable long draftId, @RequestParam String key) {
		this.edits.revert(id, draftId, KeyText.parse(key));
		return "redirect:/sbcs/" + id + "/tables/drafts/" + draftId;
	}

	@PostMapping("/drafts/{draftId}/copy")
	String copy(@PathVariable long id, @PathVariable long draftId, @RequestParam String key,
			RedirectAttributes redirect) {
		RowKey added = this.edits.copy(id, draftId, KeyText.parse(key));
		redirect.addFlashAttribute("notice", "New row from " + KeyText.parse(key).label()
				+ " at the end of the table, its key empty: edit it and type its key.");
		return "redirect:/sbcs/" + id + "/tables/drafts/" + draftId + "?page=" + Integer.MAX_VALUE / 1000
				+ "&added=" + added.occurrence();
	}

	@PostMapping("/drafts/{draftId}/clone")
	String cloneRow(@PathVariable long id, @PathVariable long draftId, @RequestParam String key,
			@RequestParam Map<String, String> params, RedirectAttributes redirect) {
		Map<String, String> keyValues = PrefixedParams.named(params, "k_").values();
		DraftEdits.EditResult result = this.edits.cloneRow(id, draftId, KeyText.parse(key), keyValues);
		if (result.problem() != null) {
			redirect.addFlashAttribute("failure", "Not cloned: " + result.problem());
			RowKey source = KeyText.parse(key);
			redirect.addFlashAttribute("refusedClone",
					new RefusedClone(source.text(), result.field(), result.problem(), keyValues));
			// back to the source row, filtered on its key, where its clone form opens again with the field marked
			UriComponentsBuilder back = UriComponentsBuilder.fromPath("/sbcs/" + id + "/tables/drafts/" + draftId);
			List<String> keyFields = this.opening.row(id, draftId, source).page().draft().editable().keyFields();
			for (int i = 0; i < keyFields.size() && i < source.values().size(); i++) {
				if (!source.values().get(i).isBlank()) {
					back.queryParam("f_" + keyFields.get(i), source.values().get(i));
				}
			}
			return "redirect:" + back.build().encode().toUriString();
		}
		redirect.addFlashAttribute("notice", "Cloned " + KeyText.parse(key).label() + " as " + result.key().label()
				+ ", at the end of the table.");
		return "redirect:/sbcs/" + id + "/tables/drafts/" + draftId + "?page=" + Integer.MAX_VALUE / 1000;
	}

	@PostMapping("/drafts/{draftId}/import")
	String importFile(@PathVariable long id, @PathVariable long draftId,
			@RequestParam(required = false) MultipartFile file, RedirectAttributes redirect) throws IOException {
		int rows = this.files.importRows(id, draftId, file == null ? null : file.getOriginalFilename(),
				file == null ? null : file.getInputStream());
		redirect.addFlashAttribute("notice", Plural.count(rows, "row", "rows") + " imported into the draft.");
		return "redirect:/sbcs/" + id + "/tables/drafts/" + draftId;
	}

	@GetMapping("/drafts/{draftId}/export")
	void export(@PathVariable long id, @PathVariable long draftId, @RequestParam(defaultValue = "csv") String format,
			@RequestParam Map<String, String> params, HttpServletResponse response) throws IOException {
		Format chosen = TableTransfer.formatOf("x." + format);
		response.setContentType(chosen.mediaType().toString() + ";charset=UTF-8");
		response.setHeader("Content-Disposition", ContentDisposition.attachment()
			.filename("draft-" + draftId + "." + chosen.parameter(), StandardCharsets.UTF_8)
			.build()
			.toString());
		this.files.export(id, draftId, chosen, filters(params), response.getOutputStream());
	}

	@GetMapping("/drafts/{draftId}/empty-entry")
	void emptyEntry(@PathVariable long id, @PathVariable long draftId, @RequestParam(defaultValue = "csv") String format,
			HttpServletResponse response) throws IOException {
		Format chosen = TableTransfer.formatOf("x." + format);
		response.setContentType(chosen.mediaType().toString() + ";charset=UTF-8");
		response.setHeader("Content-Disposition", ContentDisposition.attachment()
			.filename("draft-" + draftId + "-empty-entry." + chosen.parameter(), StandardCharsets.UTF_8)
			.build()
			.toString());
		this.files.emptyEntry(id, draftId, chosen, response.getOutputStream());
	}

	/** Discarding cannot be undone: the draft page's button leads here, to a form that must be ticked first. */
	@GetMapping("/drafts/{draftId}/discard")
	String discardQuestion(@PathVariable long id, @PathVariable long draftId, Model model) {
		model.addAttribute("question", this.opening.discardQuestion(id, draftId));
		return "tables/discard";
	}

	@PostMapping("/drafts/{draftId}/discard")
	String discard(@PathVariable long id, @PathVariable long draftId,
			@RequestParam(required = false) String confirm) {
		this.opening.discard(id, draftId, "yes".equals(confirm));
		return "redirect:/sbcs/" + id + "/tables";
	}

	@GetMapping("/drafts/{draftId}/preview")
	String preview(@PathVariable long id, @PathVariable long draftId, Model model) {
		model.addAttribute("preview", this.applier.preview(id, draftId));
		return "tables/preview";
	}

	@PostMapping("/drafts/{draftId}/apply")
	String apply(@PathVariable long id, @PathVariable long draftId, @RequestParam Map<String, String> params,
			Model model) {
		ThreeWayMerge.Choices choices = ConflictChoices.from(params);
		name(id, draftId, model);
		model.addAttribute("outcome", this.applier.apply(id, draftId, choices, send(params.get("breakGlass"))));
		model.addAttribute("choices", choices);
		model.addAttribute("sbcId", id);
		model.addAttribute("draftId", draftId);
		return "tables/applied";
	}

	/** The page that asks the operator to confirm a whole-table replace. */
	@GetMapping("/drafts/{draftId}/replace")
	String replaceForm(@PathVariable long id, @PathVariable long draftId, Model model) {
		model.addAttribute("replace", this.applier.replacePreview(id, draftId));
		return "tables/replace";
	}

	@PostMapping("/drafts/{draftId}/replace")
	String replace(@PathVariable long id, @PathVariable long draftId, @RequestParam(defaultValue = "") String confirmTable,
			@RequestParam(defaultValue = "") String password, @RequestParam(required = false) String breakGlass,
			Model model) {
		name(id, draftId, model);
		TableApplier.ApplyOutcome outcome = this.applier.replace(id, draftId, confirmTable, password, send(breakGlass));
		if (outcome instanceof TableApplier.ApplyOutcome.Refused refused) {
			model.addAttribute("replace", this.applier.replacePreview(id, draftId));
			model.addAttribute("problem", refused.reason());
			return "tables/replace";
		}
		model.addAttribute("outcome", outcome);
		model.addAttribute("sbcId", id);
		model.addAttribute("draftId", draftId);
		model.addAttribute("replacing", true);
		return "tables/applied";
	}

	/** A write asked for as usual, or past its approval where an administrator breaks the glass, giving why. */
	private static TableApplier.Send send(String breakGlass) {
		return breakGlass == null ? TableApplier.Send.ASKED : TableApplier.Send.breakingGlass(breakGlass);
	}

	private String opened(long id, DraftOpening.Opened opened, RedirectAttributes redirect) {
		if (opened instanceof DraftOpening.Opened.Failed failed) {
			redirect.addFlashAttribute("failure", "Not opened: " + failed.error().message());
			return "redirect:/sbcs/" + id + "/tables";
		}
		return "redirect:/sbcs/" + id + "/tables/drafts/" + ((DraftOpening.Opened.Draft) opened).id();
	}

	private void addPage(long id, long draftId, Map<String, String> params, Model model) {
		int page = parse(params.get("page"));
		String sort = params.getOrDefault("sort", "");
		boolean descending = "true".equals(params.get("desc"));
		Map<String, String> filters = filters(params);
		DraftOpening.DraftPage draftPage = this.opening.page(id, draftId,
				new DraftView.Request(filters, sort.isEmpty() ? null : sort, descending, page, this.properties.pageSize()));
		if (page >= draftPage.page().pages()) {
			draftPage = this.opening.page(id, draftId, new DraftView.Request(filters, sort.isEmpty() ? null : sort,
					descending, draftPage.page().pages() - 1, this.properties.pageSize()));
		}
		model.addAttribute("page", draftPage);
		model.addAttribute("filters", filters);
		model.addAttribute("sort", sort);
		model.addAttribute("desc", descending);
		model.addAttribute("links", new BrowseLinks(filters, sort, descending, draftPage.page().page()));
	}

	private static Map<String, String> filters(Map<String, String> params) {
		Map<String, String> filters = new LinkedHashMap<>(PrefixedParams.named(params, "f_").values());
		filters.values().removeIf(value -> value == null || value.isBlank());
		return filters;
	}

	/** A page number as asked; past the last (however far, even beyond an int) it is the last page. */
	static int parse(String number) {
		if (number == null || !number.strip().matches("\\d{1,1000}")) {
			return 0;
		}
		try {
			return Integer.parseInt(number.strip());
		}
		catch (NumberFormatException ex) {
			return Integer.MAX_VALUE;
		}
	}

	/**
	 * The SBC and table the result page names, read before the apply: a draft of a write-only table is gone after.
	 * Without such a draft the page goes unnamed and the apply says why.
	 */
	private void name(long id, long draftId, Model model) {
		this.opening.tableOf(id, draftId).ifPresent(table -> {
			model.addAttribute("sbcName", this.opening.sbc(id).name());
			model.addAttribute("table", table);
		});
	}

}
