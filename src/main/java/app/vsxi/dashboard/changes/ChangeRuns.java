package app.vsxi.dashboard.changes;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import jakarta.annotation.PreDestroy;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.security.concurrent.DelegatingSecurityContextRunnable;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.stereotype.Component;

import app.vsxi.dashboard.audit.AuditAction;
import app.vsxi.dashboard.audit.AuditLog;
import app.vsxi.dashboard.audit.AuditOutcome;
import app.vsxi.dashboard.audit.ChangeScope;
import app.vsxi.dashboard.tables.TableApplier;
import app.vsxi.dashboard.tables.TableApplier.ApplyOutcome;
import app.vsxi.dashboard.tables.engine.PlanHash;
import app.vsxi.dashboard.tables.engine.ThreeWayMerge;

/**
 * The background work of change sets: previews of every target, the waves, and roll backs. Each runs as the user
 * who asked for it, under the change set's change id, and writes its progress to the database as it goes, so the
 * page on any instance follows it and a pause asked on any instance is heard before the next SBC.
 */
@Component
class ChangeRuns {

	private static final Logger log = LoggerFactory.getLogger(ChangeRuns.class);

	private static final ThreeWayMerge.Choices NO_CHOICES = ThreeWayMerge.Choices.ofRows(Map.of());

	private final ChangeSetStore store;

	private final TargetPreview previews;

	private final TableApplier applier;

	private final AuditLog audit;

	private final Clock clock;

	private final ExecutorService executor = Executors.newFixedThreadPool(2, runnable -> {
		Thread thread = new Thread(runnable, "change-sets");
		thread.setDaemon(true);
		return thread;
	});

	private final app.vsxi.dashboard.cluster.SbcLeases leases;

	ChangeRuns(ChangeSetStore store, TargetPreview previews, TableApplier applier, AuditLog audit, Clock clock,
			app.vsxi.dashboard.cluster.SbcLeases leases) {
		this.leases = leases;
		this.store = store;
		this.previews = previews;
		this.applier = applier;
		this.audit = audit;
		this.clock = clock;
	}

	/** Halts the sets this instance works on before it stops, so they wait for nobody. */
	@PreDestroy
	void stop() {
		this.executor.shutdownNow();
		try {
			for (ChangeSet set : this.store.busy()) {
				if (this.leases.instanceId().equals(set.runner())) {
					halt(set.id(), "stopped with its instance");
				}
			}
		}
		catch (RuntimeException ex) {
			log.warn("Change sets this instance ran could not be halted on its way out: {}", ex.getMessage());
		}
	}

	/**
	 * Starts {@code work} in the background as the user of {@code context}, under the change set's id, on this
	 * instance: the set names it as its runner, so another instance takes the set back should this one die.
	 */
	void submit(ChangeSet set, SecurityContext context, Runnable work) {
		this.store.runner(set.id(), this.leases.instanceId());
		this.executor.execute(new DelegatingSecurityContextRunnable(() -> {
			try {
				ChangeScope.run(set.changeId(), work);
			}
			catch (RuntimeException ex) {
				log.error("Change set {} ({}) stopped by an error", set.id(), set.changeId(), ex);
				halt(set.id(), "stopped by an error (" + ex.getMessage() + ")");
			}
		}, context));
	}

	/**
	 * Ends the background work of a set where it stands, so nobody waits for it: a preview goes back to a draft to
	 * preview again, a run pauses (to resume), a roll back stops (to roll back again); an SBC it was sending to is
	 * marked changed since its preview, as whether it was written is not known (preview again to see).
	 */
	void halt(long id, String why) {
		ChangeSet now = this.store.find(id).orElse(null);
		if (now == null || !now.state().busy()) {
			return;
		}
		ChangeSet.State to = switch (now.state()) {
			case PREVIEWING -> ChangeSet.State.DRAFT;
			case RUNNING -> ChangeSet.State.PAUSED;
			default -> ChangeSet.State.STOPPED;
		};
		String next = switch (to) {
			case DRAFT -> "preview it again.";
			case PAUSED -> "preview the rest again or resume.";
			default -> "roll back again.";
		};
		if (!this.store.move(id, now.state(), to, "The work on it " + why + ": " + next, this.clock.instant())) {
			return;
		}
		for (ChangeTarget target : this.store.targets(id)) {
			if (target.state() == ChangeTarget.State.SENDING || target.state() == ChangeTarget.State.PREVIEWING
					|| target.state() == ChangeTarget.State.ROLLING_BACK) {
				this.previews.discard(target.sbcId(), target.draftId());
				this.store.target(id, target.sbcId(), target.state() == ChangeTarget.State.ROLLING_BACK
						? ChangeTarget.State.ROLLBACK_FAILED : ChangeTarget.State.STALE,
						"Interrupted: " + why + "; whether it was written is not known, preview or roll back again to see",
						this.clock.instant());
			}
		}
		ChangeScope.run(now.changeId(), () -> this.audit.recordAs(app.vsxi.dashboard.audit.Actor.SYSTEM,
				AuditAction.CHANGE_SET_PAUSE, now.title(), groupOf(now), AuditOutcome.FAILED,
				"change set " + id + ": the work on it " + why));
	}

	/** Takes back the sets whose runner is no longer alive, on any instance: each is halted once. */
	@org.springframework.scheduling.annotation.Scheduled(initialDelay = 30, fixedDelay = 30,
			timeUnit = java.util.concurrent.TimeUnit.SECONDS)
	void takeBackOrphans() {
		for (ChangeSet set : this.store.busy()) {
			if (set.runner() != null && !this.leases.alive(set.runner())) {
				halt(set.id(), "stopped with the instance that ran it (" + set.runner() + ")");
			}
		}
	}

	/** Previews every target not yet written, then binds the set to the hash of all of them. */
	void preview(long id) {
		ChangeSet set = this.store.find(id).orElseThrow();
		for (ChangeTarget target : this.store.targets(id)) {
			if (target.state().written() || target.state() == ChangeTarget.State.ROLLED_BACK) {
				continue;
			}
			this.store.target(id, target.sbcId(), ChangeTarget.State.PREVIEWING, null, this.clock.instant());
			TargetPreview.Previewed previewed = this.previews.preview(set, target);
			this.store.preview(id, target.sbcId(), previewed.state(), null, previewed.hash(), previewed.rows(),
					previewed.preview(), previewed.notes(), previewed.message(), this.clock.instant());
		}
		List<ChangeTarget> targets = this.store.targets(id);
		String hash = hash(set, targets);
		this.store.previewed(id, hash);
		long toSend = targets.stream().filter(target -> target.state().toSend()).count();
		long refused = targets.stream().filter(target -> target.state() == ChangeTarget.State.REFUSED).count();
		String message = toSend == 0 ? "Nothing to send on any SBC." : toSend + " SBC(s) to change"
				+ (refused > 0 ? "; " + refused + " could not be previewed and will be left out" : "") + ".";
		this.store.move(id, ChangeSet.State.PREVIEWING, toSend == 0 ? ChangeSet.State.DRAFT : ChangeSet.State.PREVIEWED,
				message, this.clock.instant());
		this.audit.record(AuditAction.CHANGE_SET_PREVIEW, set.title(), groupOf(set), AuditOutcome.SUCCESS,
				"change set " + id + " previewed: " + message);
	}

	/**
	 * The hash an approval of the set binds: the waves and, in order, each target previewed with calls to send and
	 * their hash, whether sent since or not, so a paused run resumes under the same approval and only a new preview
	 * that finds other calls asks again.
	 */
	static String hash(ChangeSet set, List<ChangeTarget> targets) {
		List<String> parts = new ArrayList<>();
		parts.add("waves " + set.waveSize() + " max " + set.maxFailures());
		targets.stream()
			.filter(target -> target.payloadHash() != null)
			.forEach(target -> parts.add(target.sbcId() + "@" + target.position() + ":" + target.payloadHash()));
		return PlanHash.ofParts(parts);
	}

	/** Sends the targets still to send, wave by wave, until done, paused or stopped by a wave's failures. */
	void run(long id) {
		ChangeSet set = this.store.find(id).orElseThrow();
		Waves waves = set.waves();
		int lastWave = this.store.targets(id).stream().mapToInt(ChangeTarget::wave).max().orElse(-1);
		for (int wave = 0; wave <= lastWave; wave++) {
			int failures = 0;
			for (ChangeTarget target : wave(id, wave)) {
				if (!target.state().toSend()) {
					failures += target.state() == ChangeTarget.State.FAILED ? 1 : 0;
					continue;
				}
				if (this.store.find(id).orElseThrow().pauseAsked()) {
					this.store.pauseAsked(id, false);
					this.store.state(id, ChangeSet.State.PAUSED, "Paused before " + target.sbcName() + ".",
							this.clock.instant());
					record(set, AuditAction.CHANGE_SET_PAUSE, "paused before " + target.sbcName());
					return;
				}
				ChangeTarget.State after = send(set, target);
				if (after == ChangeTarget.State.STALE) {
					this.store.state(id, ChangeSet.State.PAUSED, target.sbcName() + " changed since its preview, so "
							+ "nothing was sent to it. Preview again: the new preview needs approval again.",
							this.clock.instant());
					record(set, AuditAction.CHANGE_SET_PAUSE, "paused: " + target.sbcName() + " changed since its preview");
					return;
				}
				if (after == ChangeTarget.State.FAILED) {
					failures++;
				}
			}
			if (waves.stops(wave, failures)) {
				int skipped = skipAfter(id, wave);
				String why = (wave == 0 ? "The canary failed" : "Wave " + wave + " had " + failures + " failure(s), more than "
						+ waves.maxFailures() + " allowed") + ": " + skipped + " SBC(s) after it were left untouched.";
				this.store.state(id, ChangeSet.State.STOPPED, why, this.clock.instant());
				record(set, AuditAction.CHANGE_SET_STOP, why);
				return;
			}
		}
		this.store.state(id, ChangeSet.State.DONE, "Every wave sent.", this.clock.instant());
		record(set, AuditAction.CHANGE_SET_DONE, "every wave sent");
	}

	private List<ChangeTarget> wave(long id, int wave) {
		return this.store.targets(id).stream().filter(target -> target.wave() == wave).toList();
	}

	/** One target: the editor's apply of its draft, only if its calls are still exactly those previewed. */
	private ChangeTarget.State send(ChangeSet set, ChangeTarget target) {
		this.store.target(set.id(), target.sbcId(), ChangeTarget.State.SENDING, null, this.clock.instant());
		ApplyOutcome outcome;
		Long draftId = null;
		try {
			TargetPreview.Drafted drafted = this.previews.draft(set, target);
			if (drafted.draftId() == null) {
				this.store.target(set.id(), target.sbcId(), ChangeTarget.State.STALE, "Not sent: " + drafted.problem(),
						this.clock.instant());
				return ChangeTarget.State.STALE;
			}
			draftId = drafted.draftId();
			// named on the target while it is sent, so a halt lets go of it
			this.store.draft(set.id(), target.sbcId(), draftId);
			outcome = this.applier.apply(target.sbcId(), draftId, NO_CHOICES,
					TableApplier.Send.asPreviewed(target.payloadHash(), set.changeId()));
		}
		catch (RuntimeException ex) {
			this.previews.discard(target.sbcId(), draftId);
			this.store.sent(set.id(), target.sbcId(), ChangeTarget.State.FAILED, null, "Not sent: " + ex.getMessage(),
					this.clock.instant());
			return ChangeTarget.State.FAILED;
		}
		ChangeTarget.State state;
		Long snapshot = null;
		if (outcome instanceof ApplyOutcome.NotAsPreviewed) {
			this.previews.discard(target.sbcId(), draftId);
			this.store.target(set.id(), target.sbcId(), ChangeTarget.State.STALE, Outcomes.text(outcome),
					this.clock.instant());
			return ChangeTarget.State.STALE;
		}
		if (outcome instanceof ApplyOutcome.Applied applied) {
			snapshot = applied.snapshotId();
			state = applied.verification().matches() && !applied.draftKept() ? ChangeTarget.State.VERIFIED
					: ChangeTarget.State.FAILED;
		}
		else {
			state = ChangeTarget.State.FAILED;
			if (outcome instanceof ApplyOutcome.Failed failed) {
				snapshot = failed.snapshotId();
			}
		}
		if (!(outcome instanceof ApplyOutcome.Applied) || ((ApplyOutcome.Applied) outcome).draftKept()) {
			this.previews.discard(target.sbcId(), draftId);
		}
		this.store.sent(set.id(), target.sbcId(), state, snapshot, Outcomes.text(outcome), this.clock.instant());
		return state;
	}

	/** Marks every target after {@code wave} that was still to send as left untouched; answers how many. */
	private int skipAfter(long id, int wave) {
		int skipped = 0;
		for (ChangeTarget target : this.store.targets(id)) {
			if (target.wave() > wave && target.state().toSend()) {
				this.store.sent(id, target.sbcId(), ChangeTarget.State.SKIPPED, null,
						"Left untouched: the wave before failed.", this.clock.instant());
				skipped++;
			}
		}
		return skipped;
	}

	/** Rolls the chosen targets back to the snapshots their applies kept, each verified by re-read. */
	void rollback(long id, List<Long> sbcIds) {
		ChangeSet set = this.store.find(id).orElseThrow();
		int back = 0;
		int failed = 0;
		for (ChangeTarget target : this.store.targets(id)) {
			if (!sbcIds.contains(target.sbcId()) || !target.state().written() || target.snapshotId() == null) {
				continue;
			}
			this.store.target(id, target.sbcId(), ChangeTarget.State.ROLLING_BACK, null, this.clock.instant());
			String problem = rollback(set, target);
			if (problem == null) {
				back++;
				this.store.target(id, target.sbcId(), ChangeTarget.State.ROLLED_BACK,
						"Rolled back to snapshot " + target.snapshotId() + " and verified by re-read.", this.clock.instant());
			}
			else {
				failed++;
				this.store.target(id, target.sbcId(), ChangeTarget.State.ROLLBACK_FAILED, problem, this.clock.instant());
			}
		}
		String message = back + " SBC(s) rolled back" + (failed > 0 ? ", " + failed + " could not be" : "") + ".";
		this.store.state(id, ChangeSet.State.ROLLED_BACK, message, this.clock.instant());
		record(set, AuditAction.CHANGE_SET_ROLLBACK, message);
	}

	/**
	 * One target rolled back: the editor's roll back of its snapshot, for the rows the change set names only (what
	 * others changed since stays), sent through the write gate like any apply. Null when verified.
	 */
	private String rollback(ChangeSet set, ChangeTarget target) {
		java.util.Set<List<String>> keys = set.edits().keys();
		try {
			var opened = this.applier.rollback(target.sbcId(), target.snapshotId(), key -> keys.contains(key.values()));
			if (!(opened instanceof app.vsxi.dashboard.tables.DraftOpening.Opened.Draft draft)) {
				return "Not rolled back: its table could not be read";
			}
			ApplyOutcome outcome = this.applier.apply(target.sbcId(), draft.id(), NO_CHOICES, TableApplier.Send.ASKED);
			if (outcome instanceof ApplyOutcome.Refused refused && refused.reason().contains("no edits")) {
				// the box holds what the snapshot holds for these rows (the write never took): nothing to undo
				this.previews.discard(target.sbcId(), draft.id());
				return null;
			}
			if (!(outcome instanceof ApplyOutcome.Applied applied && applied.verification().matches())) {
				this.previews.discard(target.sbcId(), draft.id());
				return outcome instanceof ApplyOutcome.Held held
						? "Waiting for approval (request " + held.requestId() + "): roll back again once it is approved"
						: "Roll back " + Outcomes.text(outcome);
			}
			return null;
		}
		catch (RuntimeException ex) {
			return "Not rolled back: " + ex.getMessage();
		}
	}

	/** The group a set's own events are filed under: its source SBC's, so its operators read them. */
	private Long groupOf(ChangeSet set) {
		return this.store.groupOf(set);
	}

	private void record(ChangeSet set, AuditAction action, String detail) {
		this.audit.record(action, set.title(), groupOf(set), AuditOutcome.SUCCESS, "change set " + set.id() + ": "
				+ detail);
	}

}
