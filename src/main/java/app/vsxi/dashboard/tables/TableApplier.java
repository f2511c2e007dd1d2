package app.vsxi.dashboard.tables;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import reactor.core.publisher.Mono;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

import app.vsxi.dashboard.access.PasswordConfirmation;
import app.vsxi.dashboard.audit.Actor;
import app.vsxi.dashboard.audit.AuditAction;
import app.vsxi.dashboard.audit.AuditLog;
import app.vsxi.dashboard.audit.AuditOutcome;
import app.vsxi.dashboard.audit.ChangeScope;
import app.vsxi.dashboard.fleet.FleetService;
import app.vsxi.dashboard.fleet.Sbc;
import app.vsxi.dashboard.gateway.ElementNames;
import app.vsxi.dashboard.gateway.Format;
import app.vsxi.dashboard.gateway.GatewayError;
import app.vsxi.dashboard.gateway.GatewayResult;
import app.vsxi.dashboard.gateway.SbcEndpoint;
import app.vsxi.dashboard.gateway.TableCommands;
import app.vsxi.dashboard.gateway.TableDocument;
import app.vsxi.dashboard.gateway.TableCsv;
import app.vsxi.dashboard.gateway.TableRow;
import app.vsxi.dashboard.gateway.TableXml;
import app.vsxi.dashboard.gateway.WriteOutcome;
import app.vsxi.dashboard.web.Plural;
import app.vsxi.dashboard.tables.engine.ApplyPlan;
import app.vsxi.dashboard.tables.engine.DraftRows;
import app.vsxi.dashboard.tables.engine.KeyedDiff;
import app.vsxi.dashboard.tables.engine.PayloadLines;
import app.vsxi.dashboard.tables.engine.RowCodec;
import app.vsxi.dashboard.tables.engine.RowKey;
import app.vsxi.dashboard.tables.engine.SafeDeletes;
import app.vsxi.dashboard.tables.engine.TableDiff;
import app.vsxi.dashboard.tables.engine.ThreeWayMerge;
import app.vsxi.dashboard.tables.engine.ApplyPlanner;
import app.vsxi.dashboard.tables.engine.KeySet;
import app.vsxi.dashboard.tables.engine.PayloadLine;
import app.vsxi.dashboard.tables.engine.PlanHash;
import app.vsxi.dashboard.tables.engine.WriteAction;

/**
 * Preview, apply, verify and roll back. Apply first downloads the table again: rows the box changed since the
 * draft's base merge with the draft's edits, overlapping changes wait for the operator's choice. The table as it
 * was is kept as a snapshot, the smallest set of calls is sent, and the table is downloaded once more to show
 * row by row anything the box did not take.
 */
@Service
public class TableApplier {

	private static final int PAYLOAD_ROWS_SHOWN = 200;

	private static final Duration LONGEST = Duration.ofMinutes(10);

	private final FleetService fleet;

	private final DraftAccess access;

	private final OpenDrafts open;

	private final TableDownloads downloads;

	private final DraftRepository drafts;

	private final TableCommands gateway;

	private final AuditLog audit;

	private final TablesProperties properties;

	private final PasswordConfirmation passwords;

	private final SealedRows sealed;

	private final DraftLimits limits;

	private final TableDiffs diffs;

	private final ApplicationEventPublisher events;

	private final ObjectProvider<WriteGate> gates;

	TableApplier(FleetService fleet, DraftAccess access, OpenDrafts open, TableDownloads downloads,
			DraftRepository drafts, TableCommands gateway, AuditLog audit, TablesProperties properties,
			PasswordConfirmation passwords, SealedRows sealed, DraftLimits limits, TableDiffs diffs,
			ApplicationEventPublisher events, ObjectProvider<WriteGate> gates) {
		this.fleet = fleet;
		this.gates = gates;
		this.events = events;
		this.diffs = diffs;
		this.access = access;
		this.open = open;
		this.limits = limits;
		this.passwords = passwords;
		this.sealed = sealed;
		this.downloads = downloads;
		this.drafts = drafts;
		this.gateway = gateway;
		this.audit = audit;
		this.properties = properties;
	}

	/** The keyed diff of the draft against its base and the exact bodies the calls would carry. */
	@PreAuthorize("@access.canOnSbc('VIEW', #sbcId)")
	public Preview preview(long sbcId, long draftId) {
		Draft draft = this.access.draft(sbcId, draftId);
		TableDiff diff = new StoredDraft(this.drafts, draft).changes();
		ApplyPlan plan = draft.editable().replaceOnly()
				? planner().replace(new StoredDraft(this.drafts, draft).intended().toList(), draft.editable().writeActions())
				: planner().plan(diff, draft.editable().writeActions());
		boolean masked = this.access.masked(draft);
		Map<RowKey, Set<String>> changed = PayloadLines.changedFields(diff);
		List<Payload> payloads = new ArrayList<>();
		if (plan instanceof ApplyPlan.Calls calls) {
			for (ApplyPlan.Call call : calls.calls()) {
				payloads.add(payload(draft, masked ? masked(draft, call) : call, changed));
			}
		}
		List<String> order = plan instanceof ApplyPlan.Calls calls && !draft.editable().replaceOnly()
				&& !draft.baseUnknown() ? WriteOrder.steps(diff, calls) : List.of();
		return new Preview(this.fleet.get(sbcId), draft, masked ? SecretFields.mask(draft.editable(), diff) : diff,
				plan, payloads, order);
	}

	/**
	 * Applies the draft. Without a choice for every conflicting row nothing is sent and the conflicts come back.
	 */
	@PreAuthorize("@access.canOnSbc('OPERATE', #sbcId)")
	public ApplyOutcome apply(long sbcId, long draftId, Map<RowKey, ThreeWayMerge.Side> choices) {
		return apply(sbcId, draftId, ThreeWayMerge.Choices.ofRows(choices));
	}

	/** As {@link #apply(long, long, Map)}, with conflicting rows chosen whole or field by field. */
	@PreAuthorize("@access.canOnSbc('OPERATE', #sbcId)")
	public ApplyOutcome apply(long sbcId, long draftId, ThreeWayMerge.Choices choices) {
		return apply(sbcId, draftId, choices, Send.ASKED);
	}

	/**
	 * As {@link #apply(long, long, ThreeWayMerge.Choices)}, sent as {@code send} says: through the write gate
	 * (approval), breaking its glass, or only if it is still exactly the write previewed for a change set.
	 */
	@PreAuthorize("@access.canOnSbc('OPERATE', #sbcId)")
	public ApplyOutcome apply(long sbcId, long draftId, ThreeWayMerge.Choices choices, Send send) {
		Draft draft = this.access.draft(sbcId, draftId);
		Sbc sbc = this.fleet.get(sbcId);
		if (!draft.editable().writable()) {
			return new ApplyOutcome.Refused("The API lets the dashboard only read " + draft.table());
		}
		if (draft.editable().replaceOnly()) {
			return new ApplyOutcome.Refused("The API takes " + draft.table()
					+ " back only whole: replace it from the preview, confirming with the table's name and your password");
		}
		String slave = this.access.slaveRefusal(sbc);
		if (slave != null) {
			return new ApplyOutcome.Refused(slave);
		}
		SbcEndpoint endpoint = this.fleet.endpoint(sbc);
		if (draft.baseUnknown()) {
			return applyUnread(sbc, draft, endpoint, send);
		}
		Planning planning = planning(draft, endpoint, choices);
		if (planning.stopped() != null) {
			return planning.stopped();
		}
		Planned planned = planning.planned();
		// a roll back to a snapshot that holds a backup version is a restore: looked up once for the audit,
		// the history and the outcome
		Long restored = restoredBackup(draft);
		Cleared cleared = clear(sbc, draft, restored != null ? WriteGate.Kind.RESTORE : WriteGate.Kind.APPLY,
				planned.plan().calls(), planned.toSend().summary(), send);
		if (cleared.stopped() != null) {
			return cleared.stopped();
		}
		try (ChangeScope.Scope scope = ChangeScope.open(cleared.go().changeId())) {
			return send(sbc, draft, endpoint, planned.theirs(), planned.readBefore(), planned.toSend(),
					planned.touched(), planned.intended(), planned.plan(), restored);
		}
		finally {
			sent(cleared.go());
		}
	}

	/**
	 * What an apply of the draft would send if it went now, worked out exactly as the apply does (the table read
	 * again, merged with the draft, planned), without sending anything: the hash a change set's write is held to,
	 * and the calls, secrets masked, for its preview.
	 */
	@PreAuthorize("@access.canOnSbc('OPERATE', #sbcId)")
	public Planned.Shown plan(long sbcId, long draftId) {
		Draft draft = this.access.draft(sbcId, draftId);
		Sbc sbc = this.fleet.get(sbcId);
		if (!draft.editable().writable() || draft.editable().replaceOnly() || draft.baseUnknown()) {
			return new Planned.Shown(null, null, List.of(),
					new ApplyOutcome.Refused("A fleet change cannot write " + draft.table() + ": the API does not take it row by row"));
		}
		Planning planning = planning(draft, this.fleet.endpoint(sbc), ThreeWayMerge.Choices.ofRows(Map.of()));
		if (planning.stopped() != null) {
			return new Planned.Shown(null, null, List.of(), planning.stopped());
		}
		Planned planned = planning.planned();
		Map<RowKey, Set<String>> changed = PayloadLines.changedFields(planned.toSend());
		List<Payload> payloads = planned.plan()
			.calls()
			.stream()
			.map(call -> payload(draft, masked(draft, call), changed))
			.toList();
		return new Planned.Shown(PlanHash.of(draft.table(), planned.plan().calls()), planned.toSend().summary(),
				payloads, null);
	}

	/** The apply's plan, or the outcome that ends it before anything is sent. */
	private record Planning(Planned planned, ApplyOutcome stopped) {
	}

	/**
	 * An apply worked out: the box's table as read just now ({@code theirs}), the rows touched, the rows intended,
	 * what differs ({@code toSend}) and the calls that send it.
	 */
	public record Planned(RowCodec.Packed theirs, Instant readBefore, Set<RowKey> touched, List<TableRow> intended,
			TableDiff toSend, ApplyPlan.Calls plan) {

		/**
		 * An apply as a preview shows it: the hash of its calls, what they change and the calls themselves with
		 * secrets masked; or {@code stopped}, why it would not go.
		 */
		public record Shown(String hash, TableDiff.Summary summary, List<Payload> payloads, ApplyOutcome stopped) {
		}

	}

	/** Reads the table again and merges it with the draft's edits into the calls an apply sends now. */
	private Planning planning(Draft draft, SbcEndpoint endpoint, ThreeWayMerge.Choices choices) {
		long draftId = draft.id();
		List<String> keyFields = draft.editable().keyFields();
		Map<RowKey, TableRow> edits = this.drafts.edits(draftId);
		if (edits.isEmpty()) {
			return new Planning(null, new ApplyOutcome.Refused("The draft has no edits to apply"));
		}
		letGoOfPages(draftId);
		TableDownloads.Downloaded now = this.downloads.download(endpoint, draft.editable(), row -> {
		});
		if (now instanceof TableDownloads.Downloaded.Failed failed) {
			return new Planning(null, new ApplyOutcome.Failed(failed.error(), List.of(), null));
		}
		RowCodec.Packed theirs = ((TableDownloads.Downloaded.Table) now).rows();
		Instant readBefore = Instant.now();
		// both packed: the diff hashes their lines from the bytes and builds only the rows that differ
		RowCodec.Packed base = this.drafts.packedBase(draftId);
		TableDiff theirChanges = this.diffs.diff(base, theirs, keyFields);
		Set<RowKey> touched = new HashSet<>(edits.keySet());
		theirChanges.added().forEach(change -> touched.add(change.key()));
		theirChanges.removed().forEach(change -> touched.add(change.key()));
		theirChanges.changed().forEach(change -> touched.add(change.key()));
		Map<RowKey, TableRow> baseRows = DraftRows.rowsWithKeys(base, touched, keyFields);
		Map<RowKey, TableRow> theirRows = DraftRows.rowsWithKeys(theirs, touched, keyFields);
		List<TableRow> ours = new DraftRows(edits, keyFields).over(baseRows.values());
		ThreeWayMerge.Result merge = ThreeWayMerge.merge(List.copyOf(baseRows.values()),
				List.copyOf(theirRows.values()), ours, keyFields);
		if (merge.conflicts().stream().anyMatch(conflict -> !choices.cover(conflict))) {
			return new Planning(null, new ApplyOutcome.Conflicts(merge.conflicts(), theirChanges.summary()));
		}
		List<TableRow> intended = merge.resolve(choices);
		TableDiff toSend = KeyedDiff.diff(List.copyOf(theirRows.values()), intended, keyFields);
		ApplyPlan plan = planner().plan(toSend, draft.editable().writeActions());
		if (plan instanceof ApplyPlan.Refused refused) {
			return new Planning(null, new ApplyOutcome.Refused(refused.reason()));
		}
		return new Planning(new Planned(theirs, readBefore, touched, intended, toSend, (ApplyPlan.Calls) plan), null);
	}

	/** What {@link #clear} decided: go (under a change, where a request lies behind it), or the outcome that stops it. */
	private record Cleared(WriteGate.Clearance.Go go, ApplyOutcome stopped) {
	}

	/**
	 * Whether the write may go out now: a change set's write only if it is exactly the one previewed (the change
	 * set's approval covers it), any other through the write gate, which may hold it for approval.
	 */
	private Cleared clear(Sbc sbc, Draft draft, WriteGate.Kind kind, List<ApplyPlan.Call> calls,
			TableDiff.Summary summary, Send send) {
		String hash = PlanHash.of(draft.table(), calls);
		return clear(sbc, draft, kind, summary.rows(), hash, () -> approvalPreview(draft, summary.text(), calls), send);
	}

	private Cleared clear(Sbc sbc, Draft draft, WriteGate.Kind kind, int rows, String hash,
			java.util.function.Supplier<String> preview, Send send) {
		if (send.expectedHash() != null) {
			if (!send.expectedHash().equals(hash)) {
				return new Cleared(null, new ApplyOutcome.NotAsPreviewed(
						"What would be sent now differs from what was previewed: the box changed since, or the draft did. Nothing was sent."));
			}
			return new Cleared(new WriteGate.Clearance.Go(send.changeId(), null), null);
		}
		WriteGate.Clearance clearance = gate().clear(new WriteGate.WriteRequest(sbc, draft.table(), kind,
				"draft:" + draft.id(), rows, hash, preview.get(), draft.editable().catalog().holdsBoxAccounts(),
				authors(draft), send.breakGlass()));
		if (clearance instanceof WriteGate.Clearance.Held held) {
			return new Cleared(null, new ApplyOutcome.Held(held.reason(), held.requestId(), held.changeId()));
		}
		return new Cleared((WriteGate.Clearance.Go) clearance, null);
	}

	private void sent(WriteGate.Clearance.Go go) {
		if (go != null && go.requestId() != null) {
			gate().sent(go);
		}
	}

	private WriteGate gate() {
		return this.gates.getIfAvailable(() -> WriteGate.OPEN);
	}

	/** Everyone who edited the draft: its owner and every author of an edit. */
	private List<String> authors(Draft draft) {
		java.util.LinkedHashSet<String> authors = new java.util.LinkedHashSet<>();
		authors.add(draft.owner());
		authors.addAll(this.drafts.authors(draft.id()));
		return List.copyOf(authors);
	}

	/** The calls as an approver reads them: what they change, then each call's body, secrets masked. */
	private String approvalPreview(Draft draft, String summary, List<ApplyPlan.Call> calls) {
		StringBuilder text = new StringBuilder(draft.table()).append(": ").append(summary).append('\n');
		for (ApplyPlan.Call call : calls) {
			text.append('\n').append(payload(draft, masked(draft, call), Map.of()).text());
		}
		return text.toString();
	}

	/** The call with every secret value of its rows masked, for whoever reads it rather than the box. */
	private static ApplyPlan.Call masked(Draft draft, ApplyPlan.Call call) {
		return new ApplyPlan.Call(call.action(), call.rows().stream().map(row -> SecretFields.mask(draft.editable(), row)).toList());
	}

	/** The first rows a page shows of a whole table, each as {@code shown} makes it. */
	private static List<TableRow> firstRows(RowCodec.Packed rows, java.util.function.UnaryOperator<TableRow> shown) {
		List<TableRow> first = new ArrayList<>(PAYLOAD_ROWS_SHOWN);
		for (TableRow row : rows.oneByOne()) {
			if (first.size() == PAYLOAD_ROWS_SHOWN) {
				break;
			}
			first.add(shown.apply(row));
		}
		return first;
	}

	/** The write cleared to go: snapshot, calls, read-back deletes, verify, audit and history. */
	private ApplyOutcome send(Sbc sbc, Draft draft, SbcEndpoint endpoint, RowCodec.Packed theirs, Instant readBefore,
			TableDiff toSend, Set<RowKey> touched, List<TableRow> intended, ApplyPlan.Calls plan, Long restored) {
		long sbcId = sbc.id();
		long draftId = draft.id();
		boolean rollback = draft.rollbackOf() != null;
		List<String> keyFields = draft.editable().keyFields();
		long snapshot = this.drafts.saveSnapshot(sbcId, draft.table(), draft.root(), draft.item(),
				Actor.current(), (rollback ? "before roll back to snapshot " + draft.rollbackOf()
						: "before apply of draft " + draftId) + ": " + toSend.summary().text(),
				theirs);
		this.drafts.pruneSnapshots(sbcId, draft.table(), Math.max(1, this.properties.snapshotsKept()));
		List<CallReport> reports = new ArrayList<>();
		GatewayError failure = sendAll(endpoint, draft, plan.updates(), reports);
		if (failure != null) {
			record(sbc, draft, rollback, restored, AuditOutcome.FAILED, toSend, reports, null);
			written(sbc, draft, theirs, readBefore, null, "failed " + what(draft, restored));
			return new ApplyOutcome.Failed(failure, reports, snapshot);
		}
		SafeDeletes.Decision decision = SafeDeletes.Decision.none();
		RowCodec.Packed after = null;
		if (!toSend.removed().isEmpty() || !toSend.changed().isEmpty()) {
			TableDownloads.Downloaded reread = this.downloads.download(endpoint, draft.editable(), row -> {
			});
			if (reread instanceof TableDownloads.Downloaded.Table table) {
				after = table.rows();
				decision = SafeDeletes.decide(toSend, after, keyFields);
			}
			else {
				decision = SafeDeletes.Decision.unread(toSend, keyFields);
			}
			if (!decision.deletes().isEmpty()) {
				ApplyPlan deletes = planner().deletes(decision.deletes(), draft.editable().writeActions());
				if (deletes instanceof ApplyPlan.Calls calls) {
					failure = sendAll(endpoint, draft, calls.calls(), reports);
					if (failure != null) {
						record(sbc, draft, rollback, restored, AuditOutcome.FAILED, toSend, reports, decision);
						written(sbc, draft, theirs, readBefore, null, "failed " + what(draft, restored));
						return new ApplyOutcome.Failed(failure, reports, snapshot);
					}
				}
				else {
					decision = decision.notDeleted(((ApplyPlan.Refused) deletes).reason());
				}
				after = null;
			}
		}
		Verified verified = verify(endpoint, draft, theirs, touched, intended, after);
		Verification verification = verified.verification();
		record(sbc, draft, rollback, restored, verification.matches() ? AuditOutcome.SUCCESS : AuditOutcome.FAILED,
				toSend,
				reports, decision);
		written(sbc, draft, theirs, readBefore, verified.read(), what(draft, restored));
		if (decision.heldBack().isEmpty()) {
			this.drafts.delete(draftId);
			this.open.forget(draftId);
		}
		return new ApplyOutcome.Applied(toSend.summary(), reports, verification, snapshot, decision,
				rollback ? draft.rollbackOf() : null, restored);
	}

	/** Sends the calls in order; the first failure stops them and is returned, null when all were answered. */
	private GatewayError sendAll(SbcEndpoint endpoint, Draft draft, List<ApplyPlan.Call> calls,
			List<CallReport> reports) {
		for (ApplyPlan.Call call : calls) {
			GatewayResult<WriteOutcome> answer = send(endpoint, draft, call).block(LONGEST);
			GatewayError failed = answer.failure().orElse(null);
			if (failed != null) {
				reports.add(new CallReport(call.action(), call.rows().size(), failed.message(), false, true));
				return failed;
			}
			reports.add(report(call, answer.okValue().orElseThrow(), draft.editable().keyFields()));
		}
		return null;
	}

	/**
	 * Applies a draft of a table the box cannot read (users): every row it holds goes out by update, every row
	 * marked deleted by delete, whole. Nothing can be merged, snapshotted or verified: the box's answer to each
	 * call is all there is. Once anything was sent the draft is gone, whatever the answer: it holds passwords.
	 */
	private ApplyOutcome applyUnread(Sbc sbc, Draft draft, SbcEndpoint endpoint, Send send) {
		TableDiff toSend = new StoredDraft(this.drafts, draft).changes();
		if (toSend.isEmpty()) {
			return new ApplyOutcome.Refused("The draft holds no entry to send: import a file of " + draft.table()
					+ " entries first");
		}
		ApplyPlan plan = planner().plan(toSend, draft.editable().writeActions());
		if (plan instanceof ApplyPlan.Refused refused) {
			return new ApplyOutcome.Refused(refused.reason());
		}
		Cleared cleared = clear(sbc, draft, WriteGate.Kind.APPLY, ((ApplyPlan.Calls) plan).calls(), toSend.summary(),
				send);
		if (cleared.stopped() != null) {
			return cleared.stopped();
		}
		try (ChangeScope.Scope scope = ChangeScope.open(cleared.go().changeId())) {
			return sendUnread(sbc, draft, endpoint, toSend, (ApplyPlan.Calls) plan);
		}
		finally {
			sent(cleared.go());
		}
	}

	private ApplyOutcome sendUnread(Sbc sbc, Draft draft, SbcEndpoint endpoint, TableDiff toSend, ApplyPlan.Calls plan) {
		List<CallReport> reports = new ArrayList<>();
		Set<String> secrets = new HashSet<>();
		plan.calls().forEach(call -> secrets.addAll(this.sealed.opened(draft.editable(), call.rows())));
		try {
			GatewayError failure = blotted(sendAll(endpoint, draft, plan.calls(), reports), secrets);
			// a box may quote an entry in its answer: no password goes on to the page or the audit trail
			reports.replaceAll(report -> blotted(report, secrets));
			if (failure != null) {
				record(sbc, draft, false, null, AuditOutcome.FAILED, toSend, reports, null);
				return new ApplyOutcome.Failed(failure, reports, null);
			}
			record(sbc, draft, false, null,
					reports.stream().anyMatch(CallReport::withErrors) ? AuditOutcome.FAILED : AuditOutcome.SUCCESS,
					toSend, reports, null);
			return new ApplyOutcome.Written(toSend.summary(), reports);
		}
		finally {
			this.drafts.delete(draft.id());
			this.open.forget(draft.id());
		}
	}

	private static CallReport blotted(CallReport report, Set<String> secrets) {
		return new CallReport(report.action(), report.rows(), SealedRows.blot(report.answer(), secrets),
				report.withErrors(), report.failed(), report.discarded().stream()
					.map(discarded -> new Discarded(discarded.key(), SealedRows.blot(discarded.reason(), secrets)))
					.toList());
	}

	private static GatewayError blotted(GatewayError error, Set<String> secrets) {
		if (error instanceof GatewayError.Rejected rejected) {
			return new GatewayError.Rejected(SealedRows.blot(rejected.vsxiMessage(), secrets));
		}
		if (error instanceof GatewayError.NotAuthorized refused) {
			return new GatewayError.NotAuthorized(SealedRows.blot(refused.vsxiMessage(), secrets));
		}
		if (error instanceof GatewayError.Unreachable unreachable) {
			return new GatewayError.Unreachable(SealedRows.blot(unreachable.reason(), secrets));
		}
		return error;
	}

	/** What replacing the whole table with the draft would send, for the page that asks to confirm it. */
	@PreAuthorize("@access.canOnSbc('OPERATE', #sbcId)")
	public ReplacePreview replacePreview(long sbcId, long draftId) {
		Draft draft = this.access.draft(sbcId, draftId);
		RowCodec.Packed intended = new StoredDraft(this.drafts, draft).intended();
		ApplyPlanner.ReplaceChoice choice = replaceChoice(draft, intended.rows());
		List<Payload> payloads = new ArrayList<>();
		if (choice.action() != null) {
			List<TableRow> first = firstRows(intended, row -> row);
			Payload shown = payload(draft, new ApplyPlan.Call(choice.action(), first), Map.of());
			payloads.add(new Payload(choice.action(), intended.rows(), shown.body(), intended.rows() - first.size(),
					shown.lines()));
		}
		return new ReplacePreview(this.fleet.get(sbcId), draft, new StoredDraft(this.drafts, draft).changes().summary(),
				intended.rows(), choice.action(), choice.refusal(), payloads);
	}

	/**
	 * Replaces the whole table on the box with the draft ({@code upload} or {@code replaceLarge}), only when the
	 * operator typed the table's name and their own password: whatever the box holds now, changes made there since
	 * the draft was opened included, is overwritten. The table as it was is kept as a snapshot first. The rows
	 * stay packed throughout and are zipped into the request as they are unpacked.
	 */
	@PreAuthorize("@access.canOnSbc('OPERATE', #sbcId)")
	public ApplyOutcome replace(long sbcId, long draftId, String typedTable, String password) {
		return replace(sbcId, draftId, typedTable, password, Send.ASKED);
	}

	/** As {@link #replace(long, long, String, String)}, sent as {@code send} says. */
	@PreAuthorize("@access.canOnSbc('OPERATE', #sbcId)")
	public ApplyOutcome replace(long sbcId, long draftId, String typedTable, String password, Send send) {
		Draft draft = this.access.draft(sbcId, draftId);
		Sbc sbc = this.fleet.get(sbcId);
		if (!draft.table().equals(typedTable == null ? "" : typedTable.strip())) {
			return refusedReplace(sbc, draft, "Type the table's name, " + draft.table() + ", to confirm the replace");
		}
		Optional<String> notYou = this.passwords.problem(password);
		if (notYou.isPresent()) {
			return refusedReplace(sbc, draft, notYou.get());
		}
		this.access.writableDraft(sbcId, draftId);
		List<String> keyFields = draft.editable().keyFields();
		RowCodec.Packed intended = new StoredDraft(this.drafts, draft).intended();
		ApplyPlanner.ReplaceChoice choice = replaceChoice(draft, intended.rows());
		if (choice.action() == null) {
			return refusedReplace(sbc, draft, "Not replaced: " + choice.refusal());
		}
		SbcEndpoint endpoint = this.fleet.endpoint(sbc);
		letGoOfPages(draftId);
		TableDownloads.Downloaded now = this.downloads.download(endpoint, draft.editable(), row -> {
		});
		if (now instanceof TableDownloads.Downloaded.Failed failed) {
			return new ApplyOutcome.Failed(failed.error(), List.of(), null);
		}
		RowCodec.Packed theirs = ((TableDownloads.Downloaded.Table) now).rows();
		Instant readBefore = Instant.now();
		TableDiff toSend = this.diffs.diff(theirs, intended, keyFields);
		TableDiff.Summary sending = toSend.summary();
		String hash = PlanHash.of(draft.table()).call(choice.action(), intended.oneByOne()).against(toSend).hex();
		Cleared cleared = clear(sbc, draft, WriteGate.Kind.REPLACE, intended.rows(), hash,
				() -> "whole table replaced by " + choice.action().path() + ", " + Plural.count(intended.rows(), "row", "rows")
						+ "; against the box now: " + sending.text() + "\n\n" + replacePreviewText(draft, intended, choice),
				send);
		if (cleared.stopped() != null) {
			return cleared.stopped();
		}
		try (ChangeScope.Scope scope = ChangeScope.open(cleared.go().changeId())) {
			long snapshot = this.drafts.saveSnapshot(sbcId, draft.table(), draft.root(), draft.item(), Actor.current(),
					"before replace by draft " + draftId + ": " + toSend.summary().text(), theirs);
			this.drafts.pruneSnapshots(sbcId, draft.table(), Math.max(1, this.properties.snapshotsKept()));
			GatewayResult<WriteOutcome> answer = (choice.action() == WriteAction.UPLOAD
					? this.gateway.upload(endpoint, draft.editable().catalog(),
							new TableDocument(draft.root(), draft.item(), intended.toList()))
					: this.gateway.writeLarge(endpoint, choice.action().catalog(), draft.editable().catalog(),
							draft.editable().format(), new ElementNames(draft.root(), draft.item()), intended.oneByOne(), Map.of()))
				.block(LONGEST);
			List<CallReport> reports = new ArrayList<>();
			GatewayError refused = answer.failure().orElse(null);
			if (refused != null) {
				reports.add(new CallReport(choice.action(), intended.rows(), refused.message(), false, true));
				recordReplace(sbc, draft, AuditOutcome.FAILED, toSend, reports);
				written(sbc, draft, theirs, readBefore, null, "failed replace by draft " + draftId);
				return new ApplyOutcome.Failed(refused, reports, snapshot);
			}
			WriteOutcome outcome = answer.okValue().orElseThrow();
			List<Discarded> discarded = List.of();
			if (outcome instanceof WriteOutcome.AppliedWithErrors withErrors && !withErrors.details().isEmpty()) {
				Set<Integer> named = Discarded.positions(withErrors.details());
				Map<Integer, TableRow> rowsNamed = new HashMap<>();
				int[] position = { 0 };
				intended.forEach(row -> {
					if (named.contains(++position[0])) {
						rowsNamed.put(position[0], row);
					}
				});
				discarded = Discarded.read(withErrors.details(), intended.rows(), rowsNamed::get, keyFields);
			}
			reports.add(new CallReport(choice.action(), intended.rows(), outcome.vsxiMessage(),
					outcome instanceof WriteOutcome.AppliedWithErrors, false, discarded));
			TableDownloads.Downloaded after = this.downloads.download(endpoint, draft.editable(), row -> {
			});
			Verification verification = after instanceof TableDownloads.Downloaded.Failed failed
					? new Verification(false, null, failed.error().message())
					: verified(this.diffs.diff(intended, ((TableDownloads.Downloaded.Table) after).rows(), keyFields));
			recordReplace(sbc, draft, verification.matches() ? AuditOutcome.SUCCESS : AuditOutcome.FAILED, toSend,
					reports);
			written(sbc, draft, theirs, readBefore, after instanceof TableDownloads.Downloaded.Table read ? read.rows() : null,
					"replace by draft " + draftId);
			this.drafts.delete(draftId);
			this.open.forget(draftId);
			return new ApplyOutcome.Applied(toSend.summary(), reports, verification, snapshot);
		}
		finally {
			sent(cleared.go());
		}
	}

	/** The first rows of a replace as an approver reads them, secrets masked. */
	private String replacePreviewText(Draft draft, RowCodec.Packed intended, ApplyPlanner.ReplaceChoice choice) {
		List<TableRow> first = firstRows(intended, row -> SecretFields.mask(draft.editable(), row));
		return payload(draft, new ApplyPlan.Call(choice.action(), first), Map.of()).body();
	}

	private ApplyPlanner.ReplaceChoice replaceChoice(Draft draft, int rows) {
		return draft.editable().replaceable() ? planner().replaceChoice(rows, draft.editable().writeActions())
				: new ApplyPlanner.ReplaceChoice(null, "the API cannot replace " + draft.table() + " whole");
	}

	private static CallReport report(ApplyPlan.Call call, WriteOutcome outcome, List<String> keyFields) {
		List<Discarded> discarded = outcome instanceof WriteOutcome.AppliedWithErrors withErrors
				? Discarded.read(withErrors.details(), call.rows(), keyFields) : List.of();
		return new CallReport(call.action(), call.rows().size(), outcome.vsxiMessage(),
				outcome instanceof WriteOutcome.AppliedWithErrors, false, discarded);
	}

	private static Verification verified(TableDiff differences) {
		return new Verification(differences.isEmpty(), differences, null);
	}

	private ApplyOutcome refusedReplace(Sbc sbc, Draft draft, String reason) {
		this.audit.record(AuditAction.TABLE_REPLACE, sbc.name() + " " + draft.table(), sbc.groupId(),
				AuditOutcome.FAILED, "not confirmed: " + reason);
		return new ApplyOutcome.Refused(reason);
	}

	private void recordReplace(Sbc sbc, Draft draft, AuditOutcome outcome, TableDiff diff, List<CallReport> reports) {
		String calls = reports.stream()
			.map(report -> report.action().path() + " " + Plural.count(report.rows(), "row", "rows") + " → " + report.answer())
			.collect(Collectors.joining("; "));
		String detail = "whole table replaced, against the box before: " + diff.summary().text() + editedBy(draft)
				+ "; calls: " + (calls.isEmpty() ? "none" : calls);
		this.audit.record(AuditAction.TABLE_REPLACE, sbc.name() + " " + draft.table(), sbc.groupId(), outcome,
				detail + AuditedChanges.text(draft.editable(), diff, detail));
	}

	/**
	 * The draft's page index is not needed while it is applied (the apply reads the stored draft), and at a
	 * million rows it is the largest thing the apply would hold beside two downloads and their diffs: it goes
	 * now, and a page asked for later builds it again from the stored draft.
	 */
	private void letGoOfPages(long draftId) {
		this.open.forget(draftId);
	}

	/** A draft that turns the table on the box back into a snapshot, to go through preview and apply. */
	@PreAuthorize("@access.canOnSbc('OPERATE', #sbcId)")
	public DraftOpening.Opened rollback(long sbcId, long snapshotId) {
		return rollback(sbcId, snapshotId, key -> true);
	}

	/**
	 * As {@link #rollback(long, long)}, for the rows whose keys {@code only} takes: the other rows stay as the box
	 * holds them now (a fleet change rolls back its own rows, not what others changed since).
	 */
	@PreAuthorize("@access.canOnSbc('OPERATE', #sbcId)")
	public DraftOpening.Opened rollback(long sbcId, long snapshotId, java.util.function.Predicate<RowKey> only) {
		Snapshot snapshot = this.drafts.snapshot(snapshotId)
			.filter(found -> found.sbcId() == sbcId)
			.orElseThrow(() -> new TableEditorException("No such snapshot of this SBC"));
		EditableTable table = EditableTable.named(snapshot.table()).orElseThrow();
		Sbc sbc = this.fleet.get(sbcId);
		String slave = this.access.slaveRefusal(sbc);
		if (slave != null) {
			throw new TableEditorException(slave);
		}
		this.limits.requireRoomFor(Actor.current(), 0);
		TableDownloads.Downloaded now = this.downloads.download(this.fleet.endpoint(sbc), table, row -> {
		});
		if (now instanceof TableDownloads.Downloaded.Failed failed) {
			return new DraftOpening.Opened.Failed(failed.error());
		}
		TableDownloads.Downloaded.Table current = (TableDownloads.Downloaded.Table) now;
		RowCodec.Packed kept = this.drafts.snapshotRows(snapshotId)
			.orElseThrow(() -> new TableEditorException("No such snapshot of this SBC"));
		TableDiff back = this.diffs.diff(current.rows(), kept, table.keyFields());
		long draftId = this.drafts.create(sbcId, table.table(), current.root(), current.item(),
				Actor.current(), current.rows(), snapshotId);
		Map<RowKey, TableRow> edits = new LinkedHashMap<>();
		back.changed().forEach(change -> edits.put(change.key(), change.after()));
		back.added().forEach(change -> edits.put(change.key(), change.row()));
		back.removed().forEach(change -> edits.put(change.key(), null));
		edits.keySet().removeIf(key -> !only.test(key));
		this.drafts.putEdits(draftId, edits);
		return new DraftOpening.Opened.Draft(draftId);
	}

	/** Everyone who made or edited a draft: its owner, then the authors of its edits. */
	@PreAuthorize("@access.canOnSbc('VIEW', #sbcId)")
	public List<String> editors(long sbcId, long draftId) {
		return authors(this.access.draft(sbcId, draftId));
	}

	@PreAuthorize("@access.canOnSbc('VIEW', #sbcId)")
	public List<Snapshot> snapshots(long sbcId, String table) {
		return this.drafts.snapshots(sbcId, table);
	}

	/**
	 * The whole table after the apply against the table before it with the intended rows in place of the touched
	 * ones: differences under the touched keys are what the box did not take, any other difference is a row the
	 * apply was not meant to change (a box keyed on fewer fields than ours overwrote it, or someone else changed it
	 * meanwhile).
	 *
	 * @param read the table as read after the last call, or null to download it now
	 */
	private Verified verify(SbcEndpoint endpoint, Draft draft, RowCodec.Packed before, Set<RowKey> touched,
			List<TableRow> intended, RowCodec.Packed read) {
		RowCodec.Packed rows = read;
		if (rows == null) {
			TableDownloads.Downloaded after = this.downloads.download(endpoint, draft.editable(), row -> {
			});
			if (after instanceof TableDownloads.Downloaded.Failed failed) {
				return new Verified(new Verification(false, null, failed.error().message()), null);
			}
			rows = ((TableDownloads.Downloaded.Table) after).rows();
		}
		List<String> keyFields = draft.editable().keyFields();
		KeySet touchedKeys = new KeySet(touched, keyFields);
		// the rows the apply touched must read back as intended, every other row as it was before: the table as
		// read against the table before (both packed, hashed from their bytes), and the touched rows exactly
		TableDiff elsewhere = this.diffs.diff(before, rows, keyFields).only(key -> !touchedKeys.contains(key));
		// as the whole-table diff, the order of the rows is not compared: the box keeps no order we write
		TableDiff differences = KeyedDiff.diff(intended,
				List.copyOf(DraftRows.rowsWithKeys(rows, touched, keyFields).values()), keyFields).unordered();
		return new Verified(new Verification(differences.isEmpty() && elsewhere.isEmpty(), differences, null, elsewhere),
				rows);
	}

	/** A verification with the table it read, for the table's history. */
	private record Verified(Verification verification, RowCodec.Packed read) {
	}

	/** What an apply of the draft is, in the table's history; {@code restored}: the backup version it restores. */
	private static String what(Draft draft, Long restored) {
		if (draft.rollbackOf() == null) {
			return "apply of draft " + draft.id();
		}
		return restored != null ? "restore of backup version " + restored : "roll back to snapshot " + draft.rollbackOf();
	}

	/** The backup version a roll back's snapshot holds, null for a snapshot taken before an apply. */
	private Long restoredBackup(Draft draft) {
		return draft.rollbackOf() == null ? null
				: this.drafts.snapshot(draft.rollbackOf()).map(Snapshot::restoresBackup).orElse(null);
	}

	/** Tells the table's history what the box held before the write and after it. */
	private void written(Sbc sbc, Draft draft, RowCodec.Packed before, Instant readBefore, RowCodec.Packed after,
			String what) {
		this.events.publishEvent(new TableWritten(sbc.id(), draft.table(), draft.root(), draft.item(), before,
				readBefore, after, after == null ? null : Instant.now(), Actor.current(), what));
	}

	private Mono<GatewayResult<WriteOutcome>> send(SbcEndpoint endpoint, Draft draft, ApplyPlan.Call call) {
		// the only place sealed passwords are opened: the body that carries them to the box
		List<TableRow> rows = SealedRows.sealedAtRest(draft.editable())
				? call.rows().stream().map(row -> this.sealed.unseal(draft.editable(), row)).toList() : call.rows();
		TableDocument document = new TableDocument(draft.root(), draft.item(), rows);
		return switch (call.action()) {
			case UPDATE -> this.gateway.update(endpoint, draft.editable().catalog(), document);
			case DELETE -> this.gateway.delete(endpoint, draft.editable().catalog(), document);
			case UPLOAD -> this.gateway.upload(endpoint, draft.editable().catalog(), document);
			case UPDATE_LARGE, DELETE_LARGE, REPLACE_LARGE -> this.gateway.writeLarge(endpoint,
					call.action().catalog(), draft.editable().catalog(), draft.editable().format(), document.names(),
					rows, Map.of());
		};
	}

	private void record(Sbc sbc, Draft draft, boolean rollback, Long restored, AuditOutcome outcome, TableDiff diff,
			List<CallReport> reports, SafeDeletes.Decision decision) {
		String calls = reports.stream()
			.map(report -> report.action().path() + " " + Plural.count(report.rows(), "row", "rows") + " → " + report.answer())
			.collect(Collectors.joining("; "));
		// the changes come last: the authors and the calls matter more should the line be long
		String detail = diff.summary().text() + (restored != null ? " (backup version " + restored + ")"
				: rollback ? " (snapshot " + draft.rollbackOf() + ")" : "")
				+ editedBy(draft) + "; calls: " + (calls.isEmpty() ? "none" : calls)
				+ (decision == null || decision.isQuiet() ? "" : "; " + decision.text());
		AuditAction action = restored != null ? AuditAction.TABLE_RESTORE
				: rollback ? AuditAction.TABLE_ROLLBACK : AuditAction.TABLE_APPLY;
		this.audit.record(action, sbc.name() + " " + draft.table(),
				sbc.groupId(), outcome, detail + AuditedChanges.text(draft.editable(), diff, detail));
	}

	/** Everyone whose edits an apply sends, for its audit line: before the calls, which the line's length may cut. */
	private String editedBy(Draft draft) {
		List<String> authors = this.drafts.authors(draft.id());
		return authors.isEmpty() ? "" : "; edited by " + String.join(", ", authors);
	}

	private Payload payload(Draft draft, ApplyPlan.Call call, Map<RowKey, Set<String>> changed) {
		List<TableRow> shown = call.rows().subList(0, Math.min(PAYLOAD_ROWS_SHOWN, call.rows().size()));
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		if (draft.editable().format() == Format.CSV) {
			TableCsv.write(shown.iterator(), body);
		}
		else {
			TableXml.write(new ElementNames(draft.root(), draft.item()), shown.iterator(), body);
		}
		String text = body.toString(StandardCharsets.UTF_8);
		List<String> keys = draft.editable().keyFields();
		return new Payload(call.action(), call.rows().size(), text, call.rows().size() - shown.size(),
				draft.editable().format() == Format.CSV ? PayloadLines.csv(text, keys, changed)
						: PayloadLines.xml(text, keys, changed));
	}

	private ApplyPlanner planner() {
		return new ApplyPlanner(this.properties.largeAbove(),
				Math.min(ApplyPlanner.PLAIN_LIMIT, Math.max(1, this.properties.plainLimit())));
	}

	/**
	 * One call as it will be sent: {@code body} is the XML document (zipped as is for a Large action), {@code lines}
	 * the same laid out for reading, the fields the draft changes marked.
	 */
	public record Payload(WriteAction action, int rows, String body, int rowsNotShown, List<PayloadLine> lines) {

		/** The call as plain text for a reader: its path, how many rows (and how many shown), then its body. */
		public String text() {
			return this.action.path() + ", " + Plural.count(this.rows, "row", "rows")
					+ (this.rowsNotShown > 0 ? " (the first " + (this.rows - this.rowsNotShown) + " shown)" : "") + ":\n"
					+ this.body + '\n';
		}

	}

	/**
	 * How a write is sent: {@link #ASKED} through the write gate; {@code breakGlass} (the reason) by an
	 * administrator past a required approval (recorded loudly, for review); with {@code expectedHash}, only if it is
	 * still exactly the write previewed, under {@code changeId}, without asking the gate (a change set approved as a
	 * whole).
	 */
	public record Send(String breakGlass, String expectedHash, String changeId) {

		public static final Send ASKED = new Send(null, null, null);

		/** Past a required approval, by an administrator, for the reason given (required). */
		public static Send breakingGlass(String reason) {
			return new Send(reason == null ? "" : reason.strip(), null, null);
		}

		public static Send asPreviewed(String hash, String changeId) {
			return new Send(null, java.util.Objects.requireNonNull(hash), changeId);
		}

	}

	/** {@code order}: the calls in the order they go out, and the checks between them, in words. */
	public record Preview(Sbc sbc, Draft draft, TableDiff diff, ApplyPlan plan, List<Payload> payloads,
			List<String> order) {

		/** Applied only by replacing the table whole, after the operator confirms. */
		public boolean replaceOnly() {
			return this.draft.editable().replaceOnly();
		}

		public boolean replaceable() {
			return this.draft.editable().replaceable();
		}

		/** The box cannot read the table: the payloads are all that is known, nothing is merged or verified. */
		public boolean baseUnknown() {
			return this.draft.baseUnknown();
		}

	}

	/**
	 * The replace as it will be sent: {@code rows} entries in all by {@code action}, the draft's own changes
	 * summarised; {@code action} null and {@code refusal} saying why where no call can replace the table.
	 */
	public record ReplacePreview(Sbc sbc, Draft draft, TableDiff.Summary draftChanges, int rows, WriteAction action,
			String refusal, List<Payload> payloads) {
	}

	/** {@code discarded}: the rows the box said it dropped and why, where its answer says so (see {@link Discarded}). */
	public record CallReport(WriteAction action, int rows, String answer, boolean withErrors, boolean failed,
			List<Discarded> discarded) {

		public CallReport {
			discarded = List.copyOf(discarded);
		}

		CallReport(WriteAction action, int rows, String answer, boolean withErrors, boolean failed) {
			this(action, rows, answer, withErrors, failed, List.of());
		}

	}

	/**
	 * The table after apply against what was intended. {@code differences}: under the keys the apply touched;
	 * {@code elsewhere}: rows it was not meant to change (null where only the touched rows were compared).
	 */
	public record Verification(boolean matches, TableDiff differences, String problem, TableDiff elsewhere) {

		public Verification(boolean matches, TableDiff differences, String problem) {
			this(matches, differences, problem, null);
		}

		/** Whether rows the apply was not meant to change differ from before. */
		public boolean changedElsewhere() {
			return this.elsewhere != null && !this.elsewhere.isEmpty();
		}

	}

	public sealed interface ApplyOutcome {

		record Conflicts(List<ThreeWayMerge.Conflict> conflicts, TableDiff.Summary theirChanges) implements ApplyOutcome {
		}

		record Refused(String reason) implements ApplyOutcome {
		}

		/** Nothing sent: the write waits for approval ({@code requestId}, under {@code changeId}). */
		record Held(String reason, long requestId, String changeId) implements ApplyOutcome {
		}

		/** Nothing sent: a change set's write is no longer exactly the one previewed and approved. */
		record NotAsPreviewed(String reason) implements ApplyOutcome {
		}

		record Failed(GatewayError error, List<CallReport> calls, Long snapshotId) implements ApplyOutcome {
		}

		/**
		 * Sent to a box whose table cannot be read back: no snapshot before, no verify after, only the answer of
		 * each call.
		 */
		record Written(TableDiff.Summary sent, List<CallReport> calls) implements ApplyOutcome {

			public boolean anyWithErrors() {
				return this.calls.stream().anyMatch(CallReport::withErrors);
			}

		}

		/**
		 * {@code deletes}: what the read-back after the updates let the apply delete, and what it kept back;
		 * {@code rolledBackTo}: the snapshot a rollback restored, null for an ordinary apply; {@code restoredBackup}:
		 * the backup version that snapshot held, null for a roll back to a snapshot taken before an apply.
		 */
		record Applied(TableDiff.Summary sent, List<CallReport> calls, Verification verification, long snapshotId,
				SafeDeletes.Decision deletes, Long rolledBackTo, Long restoredBackup) implements ApplyOutcome {

			public Applied(TableDiff.Summary sent, List<CallReport> calls, Verification verification, long snapshotId) {
				this(sent, calls, verification, snapshotId, SafeDeletes.Decision.none(), null, null);
			}

			/** Deletes were kept back: the draft stays, to be applied again once the box takes every update. */
			public boolean draftKept() {
				return !this.deletes.heldBack().isEmpty();
			}

			/** The box's reason for discarding the row with this key, or null where it gave none. */
			public String reasonFor(RowKey key) {
				return this.calls.stream()
					.flatMap(call -> call.discarded().stream())
					.filter(discarded -> discarded.key() != null && discarded.key().values().equals(key.values()))
					.map(Discarded::reason)
					.findFirst()
					.orElse(null);
			}

			/** A 300 answer came without a line per discarded entry: the reasons are in the box's log only. */
			public boolean reasonsOnlyInTheBoxLog() {
				return this.calls.stream().anyMatch(call -> call.withErrors() && call.discarded().isEmpty());
			}

		}

	}

}
