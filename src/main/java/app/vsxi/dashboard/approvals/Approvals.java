package app.vsxi.dashboard.approvals;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.HttpStatus;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.server.ResponseStatusException;

import app.vsxi.dashboard.access.AccessService;
import app.vsxi.dashboard.audit.Actor;
import app.vsxi.dashboard.audit.AuditAction;
import app.vsxi.dashboard.audit.AuditLog;
import app.vsxi.dashboard.audit.AuditOutcome;
import app.vsxi.dashboard.audit.ChangeIds;
import app.vsxi.dashboard.audit.ChangeScope;
import app.vsxi.dashboard.fleet.SbcRepository;
import app.vsxi.dashboard.fleet.Sbc;
import app.vsxi.dashboard.web.RefusedException;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

/**
 * Four-eyes approval. A write the settings name is held until a second person approves exactly what it will send
 * (its hash): what would be sent is worked out afresh at each try, so an edit, or a change on the box, makes it a
 * different write and sends it back for approval. The requester and everyone who edited it cannot approve it; an
 * approver needs the right to make it themselves on every SBC it concerns; one rejection closes it; open requests
 * expire. Every step is audited under the request's change id.
 */
@Service("approvals")
public class Approvals implements app.vsxi.dashboard.web.WaitingApprovals {

	private static final Logger log = LoggerFactory.getLogger(Approvals.class);

	private static final int REASON_AT_LEAST = 10;

	private final ApprovalRequests requests;

	private final ApprovalSettings settings;

	private final AccessService access;

	private final SbcRepository sbcs;

	private final AuditLog audit;

	private final Clock clock;

	Approvals(ApprovalRequests requests, ApprovalSettings settings, AccessService access, SbcRepository sbcs,
			AuditLog audit, Clock clock) {
		this.requests = requests;
		this.settings = settings;
		this.access = access;
		this.sbcs = sbcs;
		this.audit = audit;
		this.clock = clock;
	}

	/**
	 * A write about to go out.
	 *
	 * @param subject what is written, the same at every try ("draft:12")
	 * @param size the rows or calls it sends, for the settings' thresholds
	 * @param permission the right it takes on each SBC ("OPERATE", "ADMINISTER"): an approver needs it too
	 * @param editors whoever made or edited it (the requester is added)
	 * @param changeId the change it belongs to, or null for a new one
	 * @param breakGlass an administrator's reason to send it without approval, or null
	 */
	public record Ask(ApprovalKind kind, String subject, List<Long> sbcIds, String title, int size, String hash,
			String preview, String permission, List<String> editors, String changeId, String breakGlass) {

		public Ask {
			sbcIds = List.copyOf(sbcIds);
			editors = List.copyOf(editors);
		}

	}

	/** Whether it may go now. */
	public sealed interface Answer {

		/** It may go: under {@code changeId} with {@code requestId} behind it, or both null where none is needed. */
		record Go(String changeId, Long requestId) implements Answer {
		}

		/** It waits for {@code requestId}. */
		record Held(String reason, long requestId, String changeId) implements Answer {
		}

	}

	/** Decides whether the write may go: not needed, approved as it is, broken glass, or held (asked anew). */
	@Transactional
	public Answer ask(Ask ask) {
		if (!this.settings.current().requires(ask.kind(), ask.size())) {
			return new Answer.Go(ask.changeId(), null);
		}
		Instant now = this.clock.instant();
		Optional<ApprovalRequest> open = this.requests.open(ask.subject()).filter(request -> !expire(request, now));
		if (ask.breakGlass() != null) {
			return breakGlass(ask, open, now);
		}
		if (open.isPresent() && open.get().payloadHash().equals(ask.hash())) {
			ApprovalRequest request = open.get();
			if (request.state() == ApprovalState.APPROVED) {
				// claimed before anything is sent: two tries of one approved write cannot both go
				if (!this.requests.move(request.id(), ApprovalState.APPROVED, ApprovalState.SENT, null, null, null)) {
					return new Answer.Held("Request " + request.id() + " was used by another try just now; nothing "
							+ "was sent by this one.", request.id(), request.changeId());
				}
				ChangeScope.run(request.changeId(), () -> this.audit.record(AuditAction.APPROVAL_SENT, request.title(),
						groupOf(request), AuditOutcome.SUCCESS, "request " + request.id() + " sent as approved by "
								+ request.decidedBy()));
				return new Answer.Go(request.changeId(), request.id());
			}
			return new Answer.Held("Waiting for approval: request " + request.id() + " was asked for by "
					+ request.requestedBy() + " and is open until " + request.expiresAt() + ". Nothing was sent.",
					request.id(), request.changeId());
		}
		if (open.isPresent()) {
			ApprovalRequest before = open.get();
			String was = before.state() == ApprovalState.APPROVED ? "approved" : "asked for";
			close(before, ApprovalState.WITHDRAWN, Actor.SYSTEM, AuditAction.APPROVAL_WITHDRAW,
					"what it would send is no longer what was " + was
							+ " (the box changed since, or it was edited): asked for again");
			long id = request(ask, before.changeId(), now);
			return new Answer.Held("Sent back for approval: what would be sent now is no longer what was " + was
					+ " (the box changed since, or it was edited). Nothing was sent; request " + id
					+ " asks for approval of it as it is now.", id, before.changeId());
		}
		String changeId = ask.changeId() != null ? ask.changeId() : ChangeIds.next();
		long id = request(ask, changeId, now);
		return new Answer.Held(ask.kind().label() + " needs a second person's approval: request " + id
				+ " is waiting for them. Nothing was sent.", id, changeId);
	}

	/**
	 * Told that a write let through under a request went out. The request was claimed (marked sent) when it was
	 * let through, so this only closes a request still approved, should a caller have let one through otherwise.
	 */
	@Transactional
	public void sent(long requestId) {
		this.requests.move(requestId, ApprovalState.APPROVED, ApprovalState.SENT, null, null, null);
	}

	@Transactional
	public ApprovalRequest approve(long id) {
		ApprovalRequest request = decidable(id, AuditAction.APPROVAL_APPROVE);
		Instant now = this.clock.instant();
		if (!this.requests.approve(id, Actor.current(), now, now.plus(this.settings.expireAfter()))) {
			throw refused(request, AuditAction.APPROVAL_APPROVE, "Someone decided on it first; nothing was changed.");
		}
		ChangeScope.run(request.changeId(), () -> this.audit.record(AuditAction.APPROVAL_APPROVE, request.title(),
				groupOf(request), AuditOutcome.SUCCESS, "request " + id + " approved; it may be sent as it is until "
						+ now.plus(this.settings.expireAfter())));
		return find(id);
	}

	@Transactional
	public ApprovalRequest reject(long id, String reason) {
		String why = reason == null ? "" : reason.strip();
		ApprovalRequest request = decidable(id, AuditAction.APPROVAL_REJECT);
		if (why.isEmpty()) {
			throw new RefusedException("Say why it is rejected: the requester reads it.");
		}
		if (!this.requests.move(id, ApprovalState.PENDING, ApprovalState.REJECTED, Actor.current(),
				this.clock.instant(), why)) {
			throw refused(request, AuditAction.APPROVAL_REJECT, "Someone decided on it first; nothing was changed.");
		}
		ChangeScope.run(request.changeId(), () -> this.audit.record(AuditAction.APPROVAL_REJECT, request.title(),
				groupOf(request), AuditOutcome.SUCCESS, "request " + id + " rejected, so closed: " + why));
		return find(id);
	}

	/** The requester (or an administrator) takes an open request back. */
	@Transactional
	public ApprovalRequest withdraw(long id) {
		ApprovalRequest request = find(id);
		if (!Actor.current().equals(request.requestedBy()) && !this.access.isAdmin()) {
			throw refused(request, AuditAction.APPROVAL_WITHDRAW, "Only its requester or an administrator may withdraw it.");
		}
		if (!request.state().open()) {
			throw new RefusedException("Request " + id + " is already closed (" + request.state() + ").");
		}
		close(request, ApprovalState.WITHDRAWN, Actor.current(), AuditAction.APPROVAL_WITHDRAW,
				"withdrawn by " + Actor.current());
		return find(id);
	}

	/**
	 * An edit of what a request sends withdraws it at once (any approval given is void): {@code why} says what
	 * changed. Nothing happens where no request is open.
	 */
	@Transactional
	public void edited(String subject, String why) {
		this.requests.open(subject)
			.ifPresent(request -> close(request, ApprovalState.WITHDRAWN, Actor.current(), AuditAction.APPROVAL_WITHDRAW,
					"withdrawn: " + why));
	}

	/** An administrator marks a break-glass send as looked at. */
	@Transactional
	public ApprovalRequest review(long id, String note) {
		ApprovalRequest request = find(id);
		if (!this.access.isAdmin()) {
			throw refused(request, AuditAction.APPROVAL_REVIEW, "Only administrators review break-glass sends.");
		}
		if (Actor.current().equals(request.requestedBy())) {
			throw refused(request, AuditAction.APPROVAL_REVIEW,
					"You broke the glass: another administrator reviews it.");
		}
		if (!this.requests.review(id, Actor.current())) {
			throw new RefusedException("Request " + id + " is no break-glass send waiting for review.");
		}
		ChangeScope.run(request.changeId(), () -> this.audit.record(AuditAction.APPROVAL_REVIEW, request.title(),
				groupOf(request), AuditOutcome.SUCCESS, "break-glass send of request " + id + " reviewed"
						+ (note == null || note.isBlank() ? "" : ": " + note.strip())));
		return find(id);
	}

	/** Closes every open request whose time ran out, on one instance of the cluster. */
	@Scheduled(initialDelay = 1, fixedDelay = 1, timeUnit = TimeUnit.MINUTES)
	@SchedulerLock(name = "approval-expiry", lockAtMostFor = "PT5M")
	public void expireDue() {
		expire(this.clock.instant());
	}

	/** Closes every open request whose time ran out by {@code now}; answers how many. */
	@Transactional
	public int expire(Instant now) {
		int expired = 0;
		for (ApprovalRequest request : this.requests.inState(ApprovalState.PENDING, ApprovalState.APPROVED)) {
			if (expire(request, now)) {
				expired++;
			}
		}
		return expired;
	}

	public ApprovalRequest find(long id) {
		return this.requests.find(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
	}

	/** The newest request of a subject, in any state. */
	public Optional<ApprovalRequest> latest(String subject) {
		return this.requests.latest(subject);
	}

	public List<Long> targets(long id) {
		return this.requests.targets(id);
	}

	/** A request the current user may see: theirs, or one of SBCs they may see. */
	public ApprovalRequest visible(long id) {
		ApprovalRequest request = find(id);
		if (!mayView(request)) {
			throw new AccessDeniedException("request " + id);
		}
		return request;
	}

	/** The newest requests the current user may see. */
	public List<ApprovalRequest> list(int limit) {
		return this.requests.newest(limit).stream().filter(this::mayView).toList();
	}

	/** Pending requests the current user may decide on. */
	public List<ApprovalRequest> waitingForMe() {
		return this.requests.inState(ApprovalState.PENDING).stream().filter(this::mayDecide).toList();
	}

	/** Break-glass sends no administrator reviewed yet: for administrators only. */
	public List<ApprovalRequest> unreviewed() {
		return this.access.isAdmin() ? this.requests.unreviewed() : List.of();
	}

	@Override
	public int forCurrentUser() {
		return badge();
	}

	/** What the header's badge counts: requests waiting for this user, and break-glass sends to review. */
	public int badge() {
		if (this.access.currentUserId().isEmpty()) {
			return 0;
		}
		Instant now = this.clock.instant();
		return (int) this.requests.pendingWithoutPreview()
			.stream()
			.filter(request -> !request.expiredAt(now))
			.filter(this::mayDecide)
			.count() + unreviewed().size();
	}

	/** Why the current user may not decide on it, or null if they may. */
	public String whyNot(ApprovalRequest request) {
		if (request.state() != ApprovalState.PENDING || request.expiredAt(this.clock.instant())) {
			return "It is not waiting for a decision (" + request.state() + ").";
		}
		String me = Actor.current();
		if (me.equals(request.requestedBy())) {
			return "You asked for it: a second person must approve it.";
		}
		if (request.editors().contains(me)) {
			return "You edited what it sends: someone who did not must approve it.";
		}
		for (Long sbcId : this.requests.targets(request.id())) {
			if (!this.access.canOnSbc(request.permission(), sbcId)) {
				return "You may not make this change yourself on " + sbcName(sbcId)
						+ ", so you may not approve it there.";
			}
		}
		return null;
	}

	public boolean mayDecide(ApprovalRequest request) {
		return whyNot(request) == null;
	}

	private boolean mayView(ApprovalRequest request) {
		if (this.access.isAdmin() || Actor.current().equals(request.requestedBy())) {
			return true;
		}
		// its preview shows every SBC's rows: only who may see all of them reads it
		List<Long> targets = this.requests.targets(request.id());
		return !targets.isEmpty() && targets.stream().allMatch(sbcId -> this.access.canOnSbc("VIEW", sbcId));
	}

	private ApprovalRequest decidable(long id, AuditAction action) {
		ApprovalRequest request = find(id);
		expire(request, this.clock.instant());
		request = find(id);
		String why = whyNot(request);
		if (why != null) {
			throw refused(request, action, why);
		}
		return request;
	}

	private Answer breakGlass(Ask ask, Optional<ApprovalRequest> open, Instant now) {
		if (!this.access.isAdmin()) {
			this.audit.record(AuditAction.APPROVAL_BREAK_GLASS, ask.title(), groupOf(ask.sbcIds()), AuditOutcome.DENIED,
					"only administrators may send without approval");
			throw new AccessDeniedException("break glass");
		}
		String reason = ask.breakGlass().strip();
		if (reason.length() < REASON_AT_LEAST) {
			throw new RefusedException("Say why it cannot wait for approval (at least " + REASON_AT_LEAST
					+ " characters): every administrator will read it. Nothing was sent.");
		}
		String changeId = open.map(ApprovalRequest::changeId)
			.orElse(ask.changeId() != null ? ask.changeId() : ChangeIds.next());
		open.ifPresent(request -> close(request, ApprovalState.WITHDRAWN, Actor.current(), AuditAction.APPROVAL_WITHDRAW,
				"superseded: sent without approval by " + Actor.current()));
		long id = this.requests.insert(changeId, ask.kind(), ask.subject(), ask.sbcIds(), ask.title(), ask.hash(),
				ask.preview(), ask.permission(), Actor.current(), editors(ask), ApprovalState.BROKEN_GLASS, now, now,
				true, reason);
		log.warn("BREAK GLASS: {} sent {} ({}) without approval, change {}: {}", Actor.current(), oneLine(ask.title()),
				ask.kind().label(), changeId, oneLine(reason));
		ChangeScope.run(changeId, () -> this.audit.record(AuditAction.APPROVAL_BREAK_GLASS, ask.title(),
				groupOf(ask.sbcIds()), AuditOutcome.SUCCESS, "SENT WITHOUT APPROVAL (request " + id + ", "
						+ ask.kind().label() + "), flagged for review: " + reason));
		return new Answer.Go(changeId, id);
	}

	/** Text for one log line: a line break in it cannot start a forged line. */
	private static String oneLine(String text) {
		return text.replaceAll("[\\r\\n\\t]+", " ");
	}

	private long request(Ask ask, String changeId, Instant now) {
		long id = this.requests.insert(changeId, ask.kind(), ask.subject(), ask.sbcIds(), ask.title(), ask.hash(),
				ask.preview(), ask.permission(), Actor.current(), editors(ask), ApprovalState.PENDING, now,
				now.plus(this.settings.expireAfter()), false, null);
		ChangeScope.run(changeId, () -> this.audit.record(AuditAction.APPROVAL_REQUEST, ask.title(),
				groupOf(ask.sbcIds()), AuditOutcome.SUCCESS, "request " + id + ": " + ask.kind().label()
						+ " held for a second person's approval"));
		return id;
	}

	private static List<String> editors(Ask ask) {
		LinkedHashSet<String> editors = new LinkedHashSet<>();
		editors.add(Actor.current());
		editors.addAll(ask.editors());
		return new ArrayList<>(editors);
	}

	/** Expires an open request whose time ran out; true if it did (now or before). */
	private boolean expire(ApprovalRequest request, Instant now) {
		if (!request.expiredAt(now)) {
			return false;
		}
		if (this.requests.move(request.id(), request.state(), ApprovalState.EXPIRED, null, null, null)) {
			ChangeScope.run(request.changeId(), () -> this.audit.recordAs(Actor.SYSTEM, AuditAction.APPROVAL_EXPIRE,
					request.title(), groupOf(request), AuditOutcome.SUCCESS, "request " + request.id() + " expired "
							+ (request.state() == ApprovalState.APPROVED ? "approved but unsent" : "without a decision")));
		}
		return true;
	}

	private void close(ApprovalRequest request, ApprovalState to, String by, AuditAction action, String why) {
		if (this.requests.move(request.id(), request.state(), to, by, this.clock.instant(), why)) {
			ChangeScope.run(request.changeId(), () -> this.audit.record(action, request.title(), groupOf(request),
					AuditOutcome.SUCCESS, "request " + request.id() + " " + why));
		}
	}

	private RefusedException refused(ApprovalRequest request, AuditAction action, String why) {
		ChangeScope.run(request.changeId(), () -> this.audit.record(action, request.title(), groupOf(request),
				AuditOutcome.DENIED, "request " + request.id() + ": " + why));
		return new RefusedException(why);
	}

	private Long groupOf(ApprovalRequest request) {
		return groupOf(this.requests.targets(request.id()));
	}

	/** The group of the request's SBC, where it concerns one group; null (administrators' trail) otherwise. */
	private Long groupOf(List<Long> sbcIds) {
		Long group = null;
		for (Long sbcId : sbcIds) {
			Long of = this.sbcs.findById(sbcId).map(Sbc::groupId).orElse(null);
			if (group != null && !group.equals(of)) {
				return null;
			}
			group = of;
		}
		return group;
	}

	private String sbcName(Long sbcId) {
		return this.sbcs.findById(sbcId).map(Sbc::name).orElse("SBC " + sbcId);
	}

}
