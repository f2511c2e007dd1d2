package app.vsxi.dashboard.audit;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The audit trail, searchable, and as CSV; each viewer sees what their groups allow. */
@Controller
class AuditController {

	static final int PAGE_LIMIT = 500;

	static final int EXPORT_LIMIT = 100_000;

	private final AuditLog audit;

	private final AuditScope scope;

	private final AuditChain chain;

	AuditController(AuditLog audit, AuditScope scope, AuditChain chain) {
		this.audit = audit;
		this.scope = scope;
		this.chain = chain;
	}

	/** Administrators only: recomputes the hash chain over the whole trail. */
	@GetMapping("/audit/chain")
	String chain(Model model) {
		model.addAttribute("check", this.chain.verify());
		return "audit/chain";
	}

	@GetMapping("/audit")
	String page(@RequestParam(required = false) String text, @RequestParam(required = false) String actor,
			@RequestParam(required = false) String action, @RequestParam(required = false) AuditOutcome outcome,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
			@RequestParam(required = false) String change, Model model) {
		AuditQuery query = new AuditQuery(text, actor, action, outcome, from, to, change);
		List<AuditEvent> events = this.audit.search(query, this.scope, PAGE_LIMIT);
		model.addAttribute("query", query);
		model.addAttribute("events", events);
		model.addAttribute("outcomes", AuditOutcome.values());
		model.addAttribute("limited", events.size() == PAGE_LIMIT);
		return "audit/log";
	}

	@GetMapping("/audit.csv")
	void csv(@RequestParam(required = false) String text, @RequestParam(required = false) String actor,
			@RequestParam(required = false) String action, @RequestParam(required = false) AuditOutcome outcome,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
			@RequestParam(required = false) String change, HttpServletResponse response) throws IOException {
		AuditQuery query = new AuditQuery(text, actor, action, outcome, from, to, change);
		response.setContentType("text/csv;charset=UTF-8");
		response.setHeader("Content-Disposition", "attachment; filename=\"vsxi-audit.csv\"");
		response.setCharacterEncoding(StandardCharsets.UTF_8.name());
		PrintWriter out = response.getWriter();
		AuditCsv.write(this.audit.search(query, this.scope, EXPORT_LIMIT), out);
		out.flush();
	}

}
