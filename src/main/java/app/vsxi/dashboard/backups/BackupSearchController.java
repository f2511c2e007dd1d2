package app.vsxi.dashboard.backups;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/** Searching the fleet's latest backups, and one box live through its query command. */
@Controller
class BackupSearchController {

	private final BackupSearch search;

	private final BoxQuery query;

	private final BackupsService backups;

	BackupSearchController(BackupSearch search, BoxQuery query, BackupsService backups) {
		this.search = search;
		this.query = query;
		this.backups = backups;
	}

	@GetMapping("/backups/search")
	String search(@RequestParam(defaultValue = "route") String table, @RequestParam(required = false) String field,
			@RequestParam(required = false) String value,
			@RequestParam(defaultValue = "CONTAINS") BackupSearch.Match match, Model model) {
		model.addAttribute("tables", this.search.tables());
		model.addAttribute("table", table);
		model.addAttribute("field", field);
		model.addAttribute("value", value);
		model.addAttribute("match", match);
		if (value != null && !value.isBlank()) {
			model.addAttribute("results", this.search.search(table, field, value, match));
		}
		return "backups/search";
	}

	@GetMapping("/sbcs/{id}/backups/query")
	String query(@PathVariable long id, @RequestParam(defaultValue = "route") String table,
			@RequestParam(required = false) String column, @RequestParam(defaultValue = "like") String operator,
			@RequestParam(required = false) String value, Model model) {
		model.addAttribute("sbc", this.backups.overview(id).sbc());
		model.addAttribute("columns", this.query.columns());
		model.addAttribute("table", table);
		model.addAttribute("column", column);
		model.addAttribute("operator", operator);
		model.addAttribute("value", value);
		if (column != null && value != null && !value.isBlank()) {
			model.addAttribute("answer", this.query.query(id, table, column, "like".equals(operator), value));
		}
		return "backups/query";
	}

}
