package app.vsxi.dashboard.changes;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.web.server.ResponseStatusException;

import app.vsxi.dashboard.access.AccessService;
import app.vsxi.dashboard.approvals.ApprovalKind;
import app.vsxi.dashboard.approvals.Approvals;
import app.vsxi.dashboard.audit.Actor;
import app.vsxi.dashboard.audit.AuditAction;
import app.vsxi.dashboard.audit.AuditLog;
import app.vsxi.dashboard.audit.AuditOutcome;
import app.vsxi.dashboard.audit.ChangeIds;
import app.vsxi.dashboard.audit.ChangeScope;
import app.vsxi.dashboard.cluster.SbcLeases;
import app.vsxi.dashboard.fleet.FleetService;
import app.vsxi.dashboard.fleet.Sbc;
import app.vsxi.dashboard.tables.EditableTable;
import app.vsxi.dashboard.tables.TableApplier;
import app.vsxi.dashboard.web.RefusedException;

/**
 * Fleet-wide change sets: made from a draft's edits, aimed at SBCs the operator may change, previewed on each,
 * started (after approval where the settings ask for it), paused, resumed and rolled back. Every step is checked
 * here and audited under the change set's change id; the long work runs in {@link ChangeRuns}.
 */
@Service
public class ChangeSets {

	private static final int LISTED = 200;

	private final ChangeSetStore store;

	private final ChangeRuns runs;

	private final TableApplier applier;

	private final FleetService fleet;

	private final AccessService access;

	private final Approvals approvals;

	private final AuditLog audit;

	private final SbcLeases leases;

	private final Clock clock;

	ChangeSets(ChangeSetStore store, ChangeRuns runs, TableApplier applier, FleetService fleet, AccessService access,
			Approvals approvals, AuditLog audit, SbcLeases leases, Clock clock) {
		this.store = store;
		this.runs = runs;
		this.applier = applier;
		this.fleet = fleet;
		this.access = access;
		this.approvals = approvals;
		this.audit = audit;
		this.leases = leases;
		this.clock = clock;
	}

	/** A change set of the edits of this draft (which stays as it is), to be aimed at SBCs next. */
	@PreAuthorize("@access.canOnSbc('OPERATE', #sbcId)")
	public long create(long sbcId, long draftId, String title) {
		TableApplier.Preview preview = this.applier.preview(sbcId, draftId);
		EditableTable table = preview.draft().editable();
		if (!table.writable() || table.replaceOnly() || table.writeOnly()) {
			throw new RefusedException("A fleet change writes rows one by one; the API does not take " + table.table()
					+ " that way");
		}
		if (preview.diff().isEmpty()) {
			throw new RefusedException("The draft has no edits to make a fleet change of");
		}
		if (!preview.draft().owner().equals(Actor.current()) && !this.access.isAdmin()) {
			throw new AccessDeniedException("draft " + draftId + " is " + preview.draft().owner() + "'s");
		}
		ChangeEdits edits;
		try {
			edits = ChangeEdits.of(preview.diff(), table.keyFields(), field -> table.catalog().secret(field));
		}
		catch (IllegalArgumentException ex) {
			throw new RefusedException("Not made: " + ex.getMessage());
		}
		String changeId = ChangeIds.next();
		String name = title == null || title.isBlank()
				? table.table() + ": " + edits.summary() + " (from " + preview.sbc().name() + ")" : title.strip();
		long id = this.store.insert(changeId, table.table(), cut(name, 255), sbcId, edits, Actor.current(),
				new Waves(5, 0), this.clock.instant());
		// whoever made the edits it carries made the change: none of them may approve it
		LinkedHashSet<String> editors = new LinkedHashSet<>(List.of(Actor.current()));
		editors.addAll(this.applier.editors(sbcId, draftId));
		this.store.editors(id, new ArrayList<>(editors));
		ChangeScope.run(changeId, () -> this.audit.record(AuditAction.CHANGE_SET_CREATE, name,
				preview.sbc().groupId(), AuditOutcome.SUCCESS, "change set " + id + " of " + table.table() + " from "
						+ preview.sbc().name() + " draft " + draftId + ": " + edits.summary()));
		return id;
	}

	/** A change set the current user may see, with its targets. */
	public View view(long id) {
		ChangeSet set = find(id);
		List<ChangeTarget> targets = this.store.targets(id);
		if (!mayView(set, targets)) {
			throw new AccessDeniedException("change set " + id);
		}
		boolean mayRun = !targets.isEmpty() && mayRun(targets);
		return new View(set, targets, mayRun, this.access.canOnSbc("OPERATE", set.sourceSbcId()) || this.access.isAdmin(),
				approvalOf(set));
	}

	/** What one change set's page shows. */
	public record View(ChangeSet set, List<ChangeTarget> targets, boolean mayRun, boolean mayEdit,
			app.vsxi.dashboard.approvals.ApprovalRequest approval) {

		public boolean anyWritten() {
			return this.targets.stream().anyMatch(target -> target.state().written());
		}

	}

	/** The change sets the current user may see, newest first. */
	public List<ChangeSet> list() {
		return this.store.newest(LISTED).stream().filter(set -> mayView(set, this.store.targets(set.id()))).toList();
	}

	/** The SBCs the current user may aim a change at. */
	public List<Sbc> aimable() {
		return this.fleet.visible().stream().filter(sbc -> this.access.canOnSbc("OPERATE", sbc.id())).toList();
	}

	/** Aims the change set at these SBCs, the canary first; withdraws any approval asked for it. */
	public void aim(long id, List<Long> sbcIds, Long canary) {
		ChangeSet set = editable(id);
		LinkedHashSet<Long> ordered = new LinkedHashSet<>();
		if (canary != null && sbcIds.contains(canary)) {
			ordered.add(canary);
		}
		ordered.addAll(sbcIds);
		for (Long sbcId : ordered) {
			if (!this.access.canOnSbc("OPERATE", sbcId)) {
				throw new AccessDeniedException("SBC " + sbcId);
			}
		}
		this.store.targets(id, new ArrayList<>(ordered), set.waves(), this.clock.instant());
		edited(set, "aimed at " + ordered.size() + " SBC(s)");
	}

	/** Sets the waves: how many SBCs each holds after the canary, and the failures one may have before the run stops. */
	public void waves(long id, int size, int maxFailures) {
		ChangeSet set = editable(id);
		Waves waves;
		try {
			waves = new Waves(size, maxFailures);
		}
		catch (IllegalArgumentException ex) {
			throw new RefusedException(ex.getMessage());
		}
		this.store.waves(id, waves);
		edited(set, "waves of " + size + ", at most " + maxFailures + " failure(s) per wave");
	}

	/**
	 * Previews every target not yet written in the background (the page follows): all of them before a start, the
	 * rest of a paused run (a box that changed since its preview included); a new preview needs approval again.
	 */
	public void preview(long id) {
		ChangeSet set = find(id);
		List<ChangeTarget> targets = requireRun(set);
		if (!set.state().editable() && set.state() != ChangeSet.State.PAUSED) {
			throw new RefusedException("It cannot be previewed now: it is " + set.state().name().toLowerCase() + ".");
		}
		if (targets.isEmpty()) {
			throw new RefusedException("Choose the SBCs to change first.");
		}
		if (!this.store.move(id, set.state(), ChangeSet.State.PREVIEWING, "Previewing…", this.clock.instant())) {
			throw new RefusedException("Someone else is working on this change set; reload the page.");
		}
		this.runs.submit(set, SecurityContextHolder.getContext(), () -> this.runs.preview(id));
	}

	/**
	 * Starts (or resumes) sending as previewed: at once where no approval is needed or it was approved as it is,
	 * else its approval request is made or shown. {@code breakGlass}: an administrator's reason to start without
	 * approval. Answers what happened, for the page.
	 */
	public String start(long id, String breakGlass) {
		ChangeSet set = find(id);
		List<ChangeTarget> targets = requireRun(set);
		if (set.state() != ChangeSet.State.PREVIEWED && set.state() != ChangeSet.State.PAUSED) {
			throw new RefusedException("Only a previewed or paused change set can be started (this one is "
					+ set.state() + ").");
		}
		if (targets.stream().anyMatch(target -> target.state() == ChangeTarget.State.STALE
				|| target.state() == ChangeTarget.State.PENDING || target.state() == ChangeTarget.State.PREVIEWING
				|| target.state() == ChangeTarget.State.SENDING)) {
			throw new RefusedException("Some SBCs changed since their preview, or were never previewed: preview again first.");
		}
		ChangeTarget canary = targets.get(0);
		if (!canary.state().toSend() && canary.state() != ChangeTarget.State.VERIFIED) {
			throw new RefusedException("The canary, " + canary.sbcName() + ", has nothing to send ("
					+ canary.state().name().toLowerCase() + "): choose a canary the change is previewed on.");
		}
		int largest = targets.stream()
			.filter(target -> target.payloadHash() != null && target.rows() != null)
			.mapToInt(ChangeTarget::rows)
			.max()
			.orElse(0);
		String hash = ChangeRuns.hash(set, targets);
		if (!hash.equals(set.startedHash())) {
			Approvals.Answer answer = ChangeScope.run(set.changeId(), () -> this.approvals.ask(new Approvals.Ask(
					ApprovalKind.FLEET_CHANGE, "change:" + id, targets.stream().map(ChangeTarget::sbcId).toList(),
					"Fleet-wide change: " + set.title(), largest, hash, approvalPreview(set, targets),
					"OPERATE", set.editors(), set.changeId(), breakGlass)));
			if (answer instanceof Approvals.Answer.Held held) {
				return held.reason();
			}
		}
		ChangeSet.State from = set.state();
		if (!this.store.move(id, from, ChangeSet.State.RUNNING, "Sending…", this.clock.instant())) {
			throw new RefusedException("Someone else started it first; reload the page.");
		}
		this.store.started(id, hash, this.leases.instanceId());
		ChangeScope.run(set.changeId(), () -> this.audit.record(from == ChangeSet.State.PAUSED
				? AuditAction.CHANGE_SET_RESUME : AuditAction.CHANGE_SET_START, set.title(), this.store.groupOf(set),
				AuditOutcome.SUCCESS,
				"change set " + id + " sending to " + targets.stream().filter(t -> t.state().toSend()).count()
						+ " SBC(s), waves of " + set.waveSize()));
		this.runs.submit(set, SecurityContextHolder.getContext(), () -> this.runs.run(id));
		return "Started: the canary goes first.";
	}

	/** Asks the run to pause before its next SBC (heard by whichever instance runs it). */
	public void pause(long id) {
		ChangeSet set = find(id);
		requireRun(set);
		if (set.state() != ChangeSet.State.RUNNING) {
			throw new RefusedException("It is not running.");
		}
		this.store.pauseAsked(id, true);
		ChangeScope.run(set.changeId(), () -> this.audit.record(AuditAction.CHANGE_SET_PAUSE, set.title(),
				this.store.groupOf(set), AuditOutcome.SUCCESS, "change set " + id + ": pause asked"));
	}

	/** Rolls back the chosen SBCs (all written ones where none are chosen) in the background. */
	public void rollback(long id, List<Long> sbcIds) {
		ChangeSet set = find(id);
		List<ChangeTarget> targets = requireRun(set);
		if (set.state().busy()) {
			throw new RefusedException("Pause it first: it is " + set.state().name().toLowerCase() + ".");
		}
		List<Long> chosen = targets.stream()
			.filter(target -> target.state().written())
			.map(ChangeTarget::sbcId)
			.filter(sbcId -> sbcIds.isEmpty() || sbcIds.contains(sbcId))
			.toList();
		if (chosen.isEmpty()) {
			throw new RefusedException("No SBC of it was written to: nothing to roll back.");
		}
		if (!this.store.move(id, set.state(), ChangeSet.State.ROLLING_BACK, "Rolling back " + chosen.size()
				+ " SBC(s)…", this.clock.instant())) {
			throw new RefusedException("Someone else is working on this change set; reload the page.");
		}
		this.runs.submit(set, SecurityContextHolder.getContext(), () -> this.runs.rollback(id, chosen));
	}

	private String approvalPreview(ChangeSet set, List<ChangeTarget> targets) {
		StringBuilder text = new StringBuilder("Fleet-wide change of ").append(set.table()).append(": ")
			.append(set.edits().summary()).append("\nWaves: the canary, then ").append(set.waveSize())
			.append(" at a time; a wave stops the run with more than ").append(set.maxFailures())
			.append(" failure(s).\n");
		for (ChangeTarget target : targets) {
			text.append("\n== ").append(target.canary() ? "canary " : "wave " + target.wave() + " ")
				.append(target.sbcName()).append(": ").append(target.state()).append('\n');
			if (target.notes() != null) {
				text.append(target.notes()).append('\n');
			}
			if (target.state().toSend() && target.preview() != null) {
				text.append(target.preview()).append('\n');
			}
		}
		return text.toString();
	}

	private app.vsxi.dashboard.approvals.ApprovalRequest approvalOf(ChangeSet set) {
		return this.approvals.latest("change:" + set.id()).orElse(null);
	}

	private ChangeSet find(long id) {
		return this.store.find(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
	}

	/** A change set whose edits, targets and waves may change, by a user who may change its source or targets. */
	private ChangeSet editable(long id) {
		ChangeSet set = find(id);
		List<ChangeTarget> targets = this.store.targets(id);
		if (!(this.access.canOnSbc("OPERATE", set.sourceSbcId()) || this.access.isAdmin()) || !mayRun(targets)) {
			throw new AccessDeniedException("change set " + id);
		}
		if (!set.state().editable()) {
			throw new RefusedException("It can no longer be changed: it is " + set.state().name().toLowerCase() + ".");
		}
		if (set.startedHash() != null || targets.stream().anyMatch(target -> target.state().written())) {
			throw new RefusedException("It was started: its targets and waves stay as they were sent. Make a new "
					+ "change set for other SBCs.");
		}
		return set;
	}

	/** The targets, where the current user may change every one of them. */
	private List<ChangeTarget> requireRun(ChangeSet set) {
		List<ChangeTarget> targets = this.store.targets(set.id());
		if (!mayRun(targets)) {
			throw new AccessDeniedException("change set " + set.id());
		}
		return targets;
	}

	/** An edit: back to a draft to preview again, the editor recorded, any approval asked for it withdrawn. */
	private void edited(ChangeSet set, String what) {
		List<String> editors = new ArrayList<>(set.editors());
		if (!editors.contains(Actor.current())) {
			editors.add(Actor.current());
			this.store.editors(set.id(), editors);
		}
		// from the state it was read in: an edit racing a preview or a start loses rather than undo it
		if (!this.store.move(set.id(), set.state(), ChangeSet.State.DRAFT, "Changed: preview it again.",
				this.clock.instant())) {
			throw new RefusedException("Someone else is working on this change set; reload the page.");
		}
		ChangeScope.run(set.changeId(), () -> {
			this.approvals.edited("change:" + set.id(), "the change set was " + what + " by " + Actor.current());
			this.audit.record(AuditAction.CHANGE_SET_EDIT, set.title(), this.store.groupOf(set), AuditOutcome.SUCCESS,
					"change set " + set.id() + " " + what);
		});
	}

	private boolean mayRun(List<ChangeTarget> targets) {
		return targets.stream().allMatch(target -> this.access.canOnSbc("OPERATE", target.sbcId()));
	}

	/** Its page shows every target's rows: only who may see the source and every target reads it. */
	private boolean mayView(ChangeSet set, List<ChangeTarget> targets) {
		return this.access.isAdmin() || ((set.sourceSbcId() == null || this.access.canOnSbc("VIEW", set.sourceSbcId()))
				&& targets.stream().allMatch(target -> this.access.canOnSbc("VIEW", target.sbcId())));
	}

	private static String cut(String text, int max) {
		return text.length() <= max ? text : text.substring(0, max - 1) + "…";
	}

}
