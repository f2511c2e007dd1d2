package app.vsxi.dashboard.calls;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import app.vsxi.dashboard.access.AccessService;
import app.vsxi.dashboard.audit.AuditAction;
import app.vsxi.dashboard.audit.AuditLog;
import app.vsxi.dashboard.audit.AuditOutcome;
import app.vsxi.dashboard.fleet.FleetService;
import app.vsxi.dashboard.fleet.Sbc;
import app.vsxi.dashboard.gateway.CallCommands;
import app.vsxi.dashboard.gateway.GatewayResult;
import app.vsxi.dashboard.gateway.SbcEndpoint;
import app.vsxi.dashboard.gateway.StatsReads;
import app.vsxi.dashboard.gateway.TableDocument;
import app.vsxi.dashboard.gateway.TableRow;
import app.vsxi.dashboard.gateway.VsxiTable;

import org.springframework.security.access.prepost.PreAuthorize;

import app.vsxi.dashboard.approvals.ApprovalKind;
import app.vsxi.dashboard.approvals.Approvals;
import app.vsxi.dashboard.audit.ChangeScope;
import org.springframework.stereotype.Service;

/**
 * Killing calls: one call, or every call a filter matches up to a cap. Each kill is first shown as it will be
 * sent, checked against a fresh read just before it is sent on confirmation, then checked by a re-read of the box
 * and written to the audit trail.
 */
@Service
public class CallKills {

	private final FleetService fleet;

	private final StatsReads stats;

	private final CallCommands commands;

	private final Removals removals;

	private final BoxReads reads;

	private final KillFormatSettings settings;

	private final PendingActions pending;

	private final AuditLog audit;

	private final AccessService access;

	private final CallsProperties properties;

	private final Slaves slaves;

	private final Approvals approvals;

	public CallKills(FleetService fleet, StatsReads stats, CallCommands commands, Removals removals, BoxReads reads,
			KillFormatSettings settings, PendingActions pending, AuditLog audit, AccessService access,
			CallsProperties properties, Slaves slaves, Approvals approvals) {
		this.approvals = approvals;
		this.fleet = fleet;
		this.stats = stats;
		this.commands = commands;
		this.removals = removals;
		this.reads = reads;
		this.settings = settings;
		this.pending = pending;
		this.audit = audit;
		this.access = access;
		this.properties = properties;
		this.slaves = slaves;
	}

	@PreAuthorize("@access.canOnSbc('VIEW', #sbcId)")
	public KillFormat killFormat(long sbcId) {
		return this.settings.of(sbcId);
	}

	@PreAuthorize("@access.canOnSbc('ADMINISTER', #sbcId)")
	public void chooseKillFormat(long sbcId, KillFormat format) {
		Sbc sbc = this.fleet.get(sbcId);
		this.settings.set(sbcId, format);
		this.audit.record(AuditAction.CALL_KILL_FORMAT, sbc.name(), sbc.groupId(), AuditOutcome.SUCCESS,
				"calls are killed by " + format);
	}

	/** The kill of one call, named by its slot and Call-ID as listed, shown before it is sent. */
	@PreAuthorize("@access.canOnSbc('OPERATE', #sbcId)")
	public RemovalPreview prepareKill(long sbcId, String ssmIndex, String callId) {
		Sbc sbc = this.fleet.get(sbcId);
		SlaveOf slaveOf = this.slaves.of(sbc);
		if (slaveOf != null) {
			return RemovalPreview.refused(sbcId, sbc.name(), "call", List.of(), List.of(), 1,
					slaveOf.refusal("Kill calls", "nothing will be sent"));
		}
		String slot = Objects.toString(ssmIndex, "").strip();
		String id = Objects.toString(callId, "").strip();
		if (slot.isEmpty() || id.isEmpty()) {
			return RemovalPreview.refused(sbcId, sbc.name(), "call", List.of(), List.of(), 1,
					"A call is killed by its slot and its Call-ID together, and this one lacks one; nothing will be sent.");
		}
		return prepare(sbc, "call", call -> CallIdentity.key(call).equals(slot + "|" + id), 1);
	}

	/** The kill of every call the search matches, refused above the cap, shown before it is sent. */
	@PreAuthorize("@access.canOnSbc('OPERATE', #sbcId)")
	public RemovalPreview prepareBulkKill(long sbcId, CallSearch search) {
		Sbc sbc = this.fleet.get(sbcId);
		SlaveOf slaveOf = this.slaves.of(sbc);
		if (slaveOf != null) {
			return RemovalPreview.refused(sbcId, sbc.name(), "bulk", List.of(), List.of(), this.properties.bulkKillMax(),
					slaveOf.refusal("Kill calls", "nothing will be sent"));
		}
		if (!search.hasFilter()) {
			return RemovalPreview.refused(sbcId, sbc.name(), "bulk", List.of(), List.of(), this.properties.bulkKillMax(),
					"A bulk kill needs a filter: give an ANI, DNIS, trunk, IP or duration.");
		}
		if (search.problem() != null) {
			return RemovalPreview.refused(sbcId, sbc.name(), "bulk", List.of(), List.of(), this.properties.bulkKillMax(),
					search.problem());
		}
		return prepare(sbc, "bulk", search.matcher(), this.properties.bulkKillMax());
	}

	/**
	 * Sends a kill that was shown and confirmed; a bulk kill also needs the number of calls typed back. Just before
	 * sending, the calls are read again and only those still the same call (slot and Call-ID) are sent, named as the
	 * box lists them then. Reports how many of them the box no longer lists, and what else ended meanwhile.
	 */
	@PreAuthorize("@access.canOnSbc('OPERATE', #sbcId)")
	public RemovalReport kill(long sbcId, String token, Integer typedCount) {
		return kill(sbcId, token, typedCount, null);
	}

	/**
	 * As {@link #kill(long, String, Integer)}; a bulk kill the approval settings name waits for a second person's
	 * approval of exactly these calls, unless an administrator gives {@code breakGlass}, the reason it cannot wait.
	 */
	@PreAuthorize("@access.canOnSbc('OPERATE', #sbcId)")
	public RemovalReport kill(long sbcId, String token, Integer typedCount, String breakGlass) {
		Sbc sbc = this.fleet.get(sbcId);
		PendingActions.Found<PlannedKill> found = this.pending.peek(token, this.access.viewer(), sbcId, PlannedKill.class);
		if (found instanceof PendingActions.Refused<PlannedKill> refused) {
			return refuse(sbc, AuditAction.CALL_KILL, refused.why().sentence("kill", this.properties));
		}
		PlannedKill plan = ((PendingActions.Ready<PlannedKill>) found).action();
		AuditAction action = plan.bulk() ? AuditAction.CALL_BULK_KILL : AuditAction.CALL_KILL;
		// a slave refuses every write: paired since the preview, or asked by a hand-made request, nothing goes
		SlaveOf slaveOf = this.slaves.of(sbc);
		if (slaveOf != null) {
			return refuse(sbc, action, slaveOf.refusal("Kill calls", "nothing was sent"));
		}
		if (plan.bulk() && !Objects.equals(typedCount, plan.calls().size())) {
			return refuse(sbc, action, "The number typed (" + Objects.toString(typedCount, "none")
					+ ") is not the number of calls (" + plan.calls().size() + "); nothing was sent.");
		}
		Approvals.Answer cleared = plan.bulk() ? this.approvals.ask(approval(sbc, plan, breakGlass))
				: new Approvals.Answer.Go(null, null);
		if (cleared instanceof Approvals.Answer.Held held) {
			return RemovalReport.failed(sbc.name(), "call", held.reason() + " Once it is approved, search and preview the "
					+ "same kill again and confirm it: it goes out only if it still ends exactly these calls.");
		}
		Approvals.Answer.Go go = (Approvals.Answer.Go) cleared;
		if (!this.pending.remove(token)) {
			return refuse(sbc, action, PendingActions.Refusal.USED.sentence("kill", this.properties));
		}
		try (ChangeScope.Scope scope = ChangeScope.open(go.changeId())) {
			return send(sbc, plan, action);
		}
		finally {
			if (go.requestId() != null) {
				this.approvals.sent(go.requestId());
			}
		}
	}

	/**
	 * A bulk kill as approval sees it: bound to the format and the calls by slot and Call-ID, sorted, so the same
	 * calls previewed again are the same request, and a different set (calls ended or started meanwhile) another.
	 */
	private static Approvals.Ask approval(Sbc sbc, PlannedKill plan, String breakGlass) {
		List<String> names = plan.calls().stream().map(CallIdentity::key).sorted().toList();
		String hash = app.vsxi.dashboard.tables.engine.PlanHash.ofParts(
				java.util.stream.Stream.concat(java.util.stream.Stream.of(plan.format().name()), names.stream()).toList());
		String preview = "Kill " + plan.calls().size() + " calls on " + sbc.name() + " by " + plan.format()
				+ " (each by slot and Call-ID; read again just before sending, a call that ended is left out):\n"
				+ String.join("\n", PlannedKill.names(plan.calls()));
		return new Approvals.Ask(ApprovalKind.BULK_KILL, "kill:" + sbc.id() + ":" + hash, List.of(sbc.id()),
				"Bulk kill: " + plan.calls().size() + " calls on " + sbc.name(), plan.calls().size(), hash, preview,
				"OPERATE", List.of(), null, breakGlass);
	}

	private RemovalReport send(Sbc sbc, PlannedKill plan, AuditAction action) {
		long sbcId = sbc.id();
		SbcEndpoint endpoint = this.fleet.endpoint(sbc);
		GatewayResult<TableDocument> now = this.stats.statsList(endpoint, VsxiTable.ACTIVE_CALLS).block();
		Sent sent = now.fold(listed -> killLive(sbc, endpoint, plan, listed.rows()), error -> new Sent(RemovalReport
			.failed(sbc.name(), "call", "Nothing was sent: the calls could not be read again just before sending ("
					+ error.message() + "), so whether they are still the same calls is not known."), plan.calls()));
		RemovalReport report = sent.report();
		this.reads.forget(sbcId);
		// the calls by slot and Call-ID only: what was sent holds the calls' numbers and addresses
		this.audit.record(action, sbc.name(), sbc.groupId(), report.success() ? AuditOutcome.SUCCESS : AuditOutcome.FAILED,
				"by " + plan.format() + ", " + report.auditDetail(PlannedKill.names(sent.calls())));
		return report;
	}

	/** The planned calls still the same calls in {@code listed}, killed as the box lists them now. */
	private Sent killLive(Sbc sbc, SbcEndpoint endpoint, PlannedKill plan, List<TableRow> listed) {
		KillCheck check = KillCheck.of(plan.calls(), listed);
		Kill kill = plan.format() == KillFormat.CSV ? byCsv(endpoint, listed, check.live()) : Kill.byXml(check.live());
		List<String> notes = new ArrayList<>(check.notes());
		notes.addAll(kill.notes());
		return new Sent(send(sbc, endpoint, kill, listed, notes), kill.calls());
	}

	/** What a confirmed kill reported, and the calls it named (for the audit trail). */
	private record Sent(RemovalReport report, List<TableRow> calls) {
	}

	/** A confirmation that sends nothing, said to the operator and written to the audit trail once. */
	private RemovalReport refuse(Sbc sbc, AuditAction action, String sentence) {
		this.audit.record(action, sbc.name(), sbc.groupId(), AuditOutcome.DENIED, sentence);
		return RemovalReport.failed(sbc.name(), "call", sentence);
	}

	private RemovalReport send(Sbc sbc, SbcEndpoint endpoint, Kill kill, List<TableRow> listed, List<String> notes) {
		if (kill.failure() != null) {
			return new RemovalReport(sbc.name(), "call", null, kill.failure(), null, notes);
		}
		if (kill.calls().isEmpty()) {
			return RemovalReport.nothingLeft(sbc.name(), "call", notes);
		}
		Set<String> listedBefore = listed.stream().map(CallIdentity::key).collect(Collectors.toSet());
		GatewayResult<VerifiedRemoval> result = (kill.cut() != null
				? this.removals.killByCsv(endpoint, kill.cut(), listedBefore)
				: this.removals.killByXml(endpoint, kill.calls(), listedBefore)).block();
		return result.fold(removal -> new RemovalReport(sbc.name(), "call", removal, null, kill.sending(), notes),
				error -> new RemovalReport(sbc.name(), "call", null, "Not done: " + error.message() + ".",
						kill.sending(), notes));
	}

	private RemovalPreview prepare(Sbc sbc, String kind, Predicate<TableRow> chosen, int cap) {
		KillFormat format = this.settings.of(sbc.id());
		SbcEndpoint endpoint = this.fleet.endpoint(sbc);
		GatewayResult<TableDocument> answer = this.stats.statsList(endpoint, VsxiTable.ACTIVE_CALLS).block();
		return answer.fold(listed -> prepare(sbc, kind, chosen, cap, format, endpoint, listed.rows()),
				error -> RemovalPreview.refused(sbc.id(), sbc.name(), kind, List.of(), List.of(), cap,
						"The calls could not be read: " + error.message()));
	}

	private RemovalPreview prepare(Sbc sbc, String kind, Predicate<TableRow> chosen, int cap, KillFormat format,
			SbcEndpoint endpoint, List<TableRow> listed) {
		List<String> columns = TableView.columns(listed);
		List<TableRow> matched = listed.stream().filter(chosen).toList();
		List<String> notes = new ArrayList<>();
		List<TableRow> halves = matched.stream().filter(call -> !CallIdentity.identified(call)).toList();
		if (!halves.isEmpty()) {
			notes.add(halves.size() + (halves.size() == 1 ? " matching call lacks" : " matching calls lack")
					+ " a slot or a Call-ID and will not be killed: a kill never names a call by half of what identifies it.");
			matched = matched.stream().filter(CallIdentity::identified).toList();
		}
		if (matched.isEmpty()) {
			return RemovalPreview.refused(sbc.id(), sbc.name(), kind, columns, matched, cap,
					"No active call matches (it may have ended already); nothing will be sent.", notes);
		}
		if (matched.size() > cap) {
			return RemovalPreview.refused(sbc.id(), sbc.name(), kind, columns, matched.subList(0, Math.min(matched.size(), 50)),
					cap, "bulk".equals(kind) ? matched.size() + " calls match, more than the " + cap
							+ " one bulk kill may end. Narrow the filter; nothing will be sent."
							: matched.size() + " calls carry this slot and Call-ID, so which one is meant cannot be told; "
									+ "nothing will be sent.", notes);
		}
		Kill kill = format == KillFormat.CSV ? byCsv(endpoint, listed, matched) : Kill.byXml(matched);
		notes.addAll(kill.notes());
		if (kill.failure() != null || kill.calls().isEmpty()) {
			return RemovalPreview.refused(sbc.id(), sbc.name(), kind, columns, matched, cap,
					kill.failure() != null ? kill.failure() : "No matching call can be named for sure; nothing will be sent.",
					notes);
		}
		PlannedKill plan = PlannedKill.of(format, kill.calls(), "bulk".equals(kind));
		String token = this.pending.put(this.access.viewer(), sbc.id(), plan);
		return new RemovalPreview(sbc.id(), sbc.name(), kind, format.name(), kill.sending(), kill.body(), columns,
				kill.calls(), cap, token, null, notes);
	}

	/**
	 * The kill of these calls in the box's own CSV, read afresh and matched line by line to {@code listed} (the JSON
	 * list just read).
	 */
	private Kill byCsv(SbcEndpoint endpoint, List<TableRow> listed, List<TableRow> calls) {
		if (calls.isEmpty()) {
			return new Kill(List.of(), null, null, null, List.of(), null);
		}
		return this.commands.activeCallsCsv(endpoint).block().fold(csv -> Kill.byCsv(CsvLines.identify(csv, listed), calls),
				error -> Kill.failed("The box's calls CSV could not be read (" + error.message()
						+ "), so no call can be named from it; nothing is sent."));
	}

}
