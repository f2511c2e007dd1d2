package app.vsxi.dashboard.approvals;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.context.ActiveProfiles;

import app.vsxi.dashboard.access.Role;
import app.vsxi.dashboard.audit.AuditEvent;
import app.vsxi.dashboard.audit.AuditLog;
import app.vsxi.dashboard.audit.AuditQuery;
import app.vsxi.dashboard.gateway.TableRow;
import app.vsxi.dashboard.support.SameApplication;
import app.vsxi.dashboard.tables.DraftEdits;
import app.vsxi.dashboard.tables.DraftOpening;
import app.vsxi.dashboard.tables.EditableTable;
import app.vsxi.dashboard.tables.TableApplier;
import app.vsxi.dashboard.tables.TableApplier.ApplyOutcome;
import app.vsxi.dashboard.tables.engine.RowKey;
import app.vsxi.dashboard.tables.engine.ThreeWayMerge;
import app.vsxi.dashboard.web.RefusedException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Four-eyes approval of the editor's writes against a demo box over HTTPS: held until a second person approves,
 * never by the requester, an editor, a viewer or an operator of another group; sent only as approved; an edit, a
 * change on the box, a rejection or the clock closing the request; break glass for administrators; and one change
 * id over all of it in the audit trail.
 */
@SpringBootTest
@ActiveProfiles({ "demo", "test" })
@ResourceLock(providers = SameApplication.class)
class TableWriteApprovalTests {

	private static final String BOX = "demo-sbc-1";

	private static final List<String> KEY = EditableTable.ROUTE.keyFields();

	private static final ThreeWayMerge.Choices NONE = ThreeWayMerge.Choices.ofRows(java.util.Map.of());

	@Autowired
	org.springframework.context.ApplicationContext context;

	ApprovalFixture fixture;

	@Autowired
	Approvals approvals;

	@Autowired
	ApprovalSettings settings;

	@Autowired
	DraftOpening opening;

	@Autowired
	DraftEdits edits;

	@Autowired
	TableApplier applier;

	@Autowired
	AuditLog audit;

	private List<TableRow> original;

	@BeforeEach
	void users() {
		this.fixture = ApprovalFixture.of(this.context);
		this.fixture.admin("approval-admin");
		this.fixture.admin("approval-admin-2");
		this.fixture.user("ann", BOX, Role.OPERATOR);
		this.fixture.user("bob", BOX, Role.OPERATOR);
		this.fixture.user("vic", BOX, Role.VIEWER);
		this.fixture.user("wes", "demo-sbc-3", Role.OPERATOR);
		this.fixture.as("approval-admin");
		this.settings.save(new ApprovalPolicy(true, true, 0, true, 0, true, true));
		this.original = this.fixture.routes(BOX);
	}

	@AfterEach
	void asBefore() {
		// no request a test leaves open is found by the next one
		this.approvals.expire(Instant.now().plus(Duration.ofDays(1000)));
		this.fixture.as("approval-admin");
		this.settings.save(new ApprovalPolicy(false, false, 20, false, 10, false, false));
		this.fixture.restore(BOX, this.original);
		SecurityContextHolder.clearContext();
	}

	private long sbcId() {
		return this.fixture.sbc(BOX).id();
	}

	/** As the current user: a draft of the box's routes with one row's maxLen raised by {@code by}. */
	private long draftChangingRow(int index, int by) {
		long draftId = ((DraftOpening.Opened.Draft) this.opening.open(sbcId(), "route")).id();
		edit(draftId, index, by);
		return draftId;
	}

	private void edit(long draftId, int index, int by) {
		TableRow row = this.original.get(index);
		String raised = String.valueOf(Integer.parseInt(row.text("maxLen")) + by);
		DraftEdits.EditResult result = this.edits.edit(sbcId(), draftId, RowKey.of(row, KEY), "maxLen", raised);
		assertThat(result.problem()).isNull();
	}

	private ApplyOutcome apply(long draftId) {
		return this.applier.apply(sbcId(), draftId, NONE);
	}

	private String maxLenOnTheBox(int index) {
		RowKey key = RowKey.of(this.original.get(index), KEY);
		return this.fixture.routes(BOX)
			.stream()
			.filter(row -> RowKey.of(row, KEY).equals(key))
			.findFirst()
			.orElseThrow()
			.text("maxLen");
	}

	private String raised(int index, int by) {
		return String.valueOf(Integer.parseInt(this.original.get(index).text("maxLen")) + by);
	}

	private List<AuditEvent> eventsOf(String changeId) {
		this.fixture.as("approval-admin");
		return this.audit.search(new AuditQuery(null, null, null, null, null, null, changeId), app.vsxi.dashboard.support.AuditScopes.everything(),
				100);
	}

	@Test
	void theRequesterCannotApproveASecondOperatorCanAndOnlyThenItIsSentOnceUnderOneChangeId() {
		this.fixture.as("ann");
		long draftId = draftChangingRow(2, 1);

		ApplyOutcome held = apply(draftId);

		assertThat(held).isInstanceOf(ApplyOutcome.Held.class);
		long requestId = ((ApplyOutcome.Held) held).requestId();
		String changeId = ((ApplyOutcome.Held) held).changeId();
		assertThat(maxLenOnTheBox(2)).as("nothing sent while held").isEqualTo(this.original.get(2).text("maxLen"));
		assertThat(this.approvals.find(requestId).state()).isEqualTo(ApprovalState.PENDING);
		assertThat(this.approvals.find(requestId).preview()).contains("<maxLen>" + raised(2, 1) + "</maxLen>");
		assertThatThrownBy(() -> this.approvals.approve(requestId)).isInstanceOf(RefusedException.class)
			.hasMessageContaining("You asked for it");
		assertThat(apply(draftId)).as("asking again while pending still waits").isInstanceOf(ApplyOutcome.Held.class);

		this.fixture.as("bob");
		assertThat(this.approvals.approve(requestId).state()).isEqualTo(ApprovalState.APPROVED);

		this.fixture.as("ann");
		ApplyOutcome applied = apply(draftId);

		assertThat(applied).isInstanceOf(ApplyOutcome.Applied.class);
		assertThat(((ApplyOutcome.Applied) applied).verification().matches()).isTrue();
		assertThat(maxLenOnTheBox(2)).isEqualTo(raised(2, 1));
		assertThat(this.approvals.find(requestId).state()).isEqualTo(ApprovalState.SENT);
		assertThat(eventsOf(changeId)).extracting(AuditEvent::action)
			.containsExactly("TABLE_APPLY", "APPROVAL_SENT", "APPROVAL_APPROVE", "APPROVAL_APPROVE", "APPROVAL_REQUEST");
		assertThat(eventsOf(changeId)).filteredOn(event -> event.action().equals("APPROVAL_APPROVE"))
			.extracting(AuditEvent::actor, event -> event.outcome().name())
			.containsExactly(org.assertj.core.groups.Tuple.tuple("bob", "SUCCESS"),
					org.assertj.core.groups.Tuple.tuple("ann", "DENIED"));
	}

	@Test
	void anEditAfterApprovalWithdrawsItAndTheDraftIsAskedForAgain() {
		this.fixture.as("ann");
		long draftId = draftChangingRow(2, 1);
		long requestId = ((ApplyOutcome.Held) apply(draftId)).requestId();
		this.fixture.as("bob");
		this.approvals.approve(requestId);

		this.fixture.as("ann");
		edit(draftId, 4, 2);

		assertThat(this.approvals.find(requestId).state()).isEqualTo(ApprovalState.WITHDRAWN);
		assertThat(this.approvals.find(requestId).reason()).contains("edited by ann");
		ApplyOutcome again = apply(draftId);
		assertThat(again).isInstanceOf(ApplyOutcome.Held.class);
		assertThat(((ApplyOutcome.Held) again).requestId()).isNotEqualTo(requestId);
		assertThat(maxLenOnTheBox(2)).isEqualTo(this.original.get(2).text("maxLen"));
		assertThat(maxLenOnTheBox(4)).isEqualTo(this.original.get(4).text("maxLen"));
	}

	@Test
	void aRequestExpiresAndAnExpiredOneCannotBeApproved() {
		this.fixture.as("ann");
		long draftId = draftChangingRow(2, 1);
		long requestId = ((ApplyOutcome.Held) apply(draftId)).requestId();

		assertThat(this.approvals.expire(Instant.now().plus(Duration.ofHours(7)))).isZero();
		assertThat(this.approvals.expire(Instant.now().plus(Duration.ofHours(9)))).isEqualTo(1);

		assertThat(this.approvals.find(requestId).state()).isEqualTo(ApprovalState.EXPIRED);
		this.fixture.as("bob");
		assertThatThrownBy(() -> this.approvals.approve(requestId)).isInstanceOf(RefusedException.class);
		this.fixture.as("ann");
		assertThat(apply(draftId)).isInstanceOf(ApplyOutcome.Held.class);
		assertThat(maxLenOnTheBox(2)).isEqualTo(this.original.get(2).text("maxLen"));
	}

	@Test
	void anApprovedRequestNotSentInTimeExpiresToo() {
		this.fixture.as("ann");
		long draftId = draftChangingRow(2, 1);
		long requestId = ((ApplyOutcome.Held) apply(draftId)).requestId();
		this.fixture.as("bob");
		this.approvals.approve(requestId);

		this.approvals.expire(Instant.now().plus(Duration.ofHours(9)));

		assertThat(this.approvals.find(requestId).state()).isEqualTo(ApprovalState.EXPIRED);
		this.fixture.as("ann");
		assertThat(apply(draftId)).isInstanceOf(ApplyOutcome.Held.class);
		assertThat(maxLenOnTheBox(2)).isEqualTo(this.original.get(2).text("maxLen"));
	}

	@Test
	void oneRejectionClosesTheRequest() {
		this.fixture.as("ann");
		long draftId = draftChangingRow(2, 1);
		long requestId = ((ApplyOutcome.Held) apply(draftId)).requestId();
		this.fixture.as("bob");

		assertThatThrownBy(() -> this.approvals.reject(requestId, " ")).isInstanceOf(RefusedException.class);
		this.approvals.reject(requestId, "not during the busy hour");

		assertThat(this.approvals.find(requestId).state()).isEqualTo(ApprovalState.REJECTED);
		assertThat(this.approvals.find(requestId).reason()).isEqualTo("not during the busy hour");
		this.fixture.as("approval-admin");
		assertThatThrownBy(() -> this.approvals.approve(requestId)).isInstanceOf(RefusedException.class);
		this.fixture.as("ann");
		ApplyOutcome again = apply(draftId);
		assertThat(((ApplyOutcome.Held) again).requestId()).isNotEqualTo(requestId);
		assertThat(maxLenOnTheBox(2)).isEqualTo(this.original.get(2).text("maxLen"));
	}

	@Test
	void aChangeOnTheBoxAfterApprovalSendsItBackForApprovalAndNothingGoesOut() {
		this.fixture.as("ann");
		long draftId = draftChangingRow(2, 1);
		ApplyOutcome.Held first = (ApplyOutcome.Held) apply(draftId);
		this.fixture.as("bob");
		this.approvals.approve(first.requestId());
		TableRow onTheBox = this.original.get(2);
		String otherField = onTheBox.fields().keySet().stream()
			.filter(field -> field.equals("minLen"))
			.findFirst()
			.orElseThrow();
		this.fixture.changeOnTheBox(BOX, onTheBox.with(otherField, "1"));

		this.fixture.as("ann");
		ApplyOutcome again = apply(draftId);

		assertThat(again).isInstanceOf(ApplyOutcome.Held.class);
		ApplyOutcome.Held back = (ApplyOutcome.Held) again;
		assertThat(back.reason()).startsWith("Sent back for approval");
		assertThat(back.requestId()).isNotEqualTo(first.requestId());
		assertThat(back.changeId()).isEqualTo(first.changeId());
		assertThat(this.approvals.find(first.requestId()).state()).isEqualTo(ApprovalState.WITHDRAWN);
		assertThat(this.approvals.find(back.requestId()).state()).isEqualTo(ApprovalState.PENDING);
		assertThat(maxLenOnTheBox(2)).isEqualTo(this.original.get(2).text("maxLen"));
	}

	@Test
	void anApproverNeedsTheRightToMakeTheChangeThemselvesAndMayNotHaveEditedIt() {
		this.fixture.as("ann");
		long draftId = draftChangingRow(2, 1);
		long requestId = ((ApplyOutcome.Held) apply(draftId)).requestId();

		this.fixture.as("vic");
		assertThatThrownBy(() -> this.approvals.approve(requestId)).isInstanceOf(RefusedException.class)
			.hasMessageContaining("may not make this change yourself");
		this.fixture.as("wes");
		assertThatThrownBy(() -> this.approvals.visible(requestId)).isInstanceOf(AccessDeniedException.class);
		assertThatThrownBy(() -> this.approvals.approve(requestId)).isInstanceOf(RefusedException.class)
			.hasMessageContaining("may not make this change yourself");

		assertThat(this.approvals.find(requestId).state()).isEqualTo(ApprovalState.PENDING);
		this.fixture.as("bob");
		assertThat(this.approvals.waitingForMe()).extracting(ApprovalRequest::id).contains(requestId);
		assertThat(this.approvals.badge()).isPositive();
		this.fixture.as("vic");
		assertThat(this.approvals.waitingForMe()).extracting(ApprovalRequest::id).doesNotContain(requestId);
	}

	@Test
	void anAdministratorCanBreakTheGlassLoudlyAndAnotherReviewsIt() {
		this.fixture.as("ann");
		long annDraft = draftChangingRow(2, 1);
		assertThatThrownBy(() -> this.applier.apply(sbcId(), annDraft, NONE,
				TableApplier.Send.breakingGlass("the carrier is down, no time"))).isInstanceOf(AccessDeniedException.class);
		this.opening.discard(sbcId(), annDraft);

		this.fixture.as("approval-admin");
		long draftId = draftChangingRow(2, 3);
		assertThatThrownBy(() -> this.applier.apply(sbcId(), draftId, NONE,
				TableApplier.Send.breakingGlass("now"))).isInstanceOf(RefusedException.class);
		ApplyOutcome applied = this.applier.apply(sbcId(), draftId, NONE,
				TableApplier.Send.breakingGlass("trunk to carrier X is down, route must move now"));

		assertThat(applied).isInstanceOf(ApplyOutcome.Applied.class);
		assertThat(maxLenOnTheBox(2)).isEqualTo(raised(2, 3));
		ApprovalRequest glass = this.approvals.unreviewed().stream().reduce((a, b) -> b).orElseThrow();
		assertThat(glass.state()).isEqualTo(ApprovalState.BROKEN_GLASS);
		assertThat(glass.requestedBy()).isEqualTo("approval-admin");
		assertThat(eventsOf(glass.changeId())).extracting(AuditEvent::action)
			.contains("APPROVAL_BREAK_GLASS", "TABLE_APPLY");
		assertThatThrownBy(() -> this.approvals.review(glass.id(), "ok")).isInstanceOf(RefusedException.class);

		this.fixture.as("approval-admin-2");
		this.approvals.review(glass.id(), "checked with the NOC lead");

		assertThat(this.approvals.find(glass.id()).reviewedBy()).isEqualTo("approval-admin-2");
		assertThat(this.approvals.unreviewed()).extracting(ApprovalRequest::id).doesNotContain(glass.id());
	}

	@Test
	void aWholeTableReplaceWaitsForApprovalOfExactlyItAndThenReplaces() {
		this.fixture.as("approval-admin");
		this.settings.save(new ApprovalPolicy(true, false, 0, false, 0, false, false));
		// the replace asks for the requester's own password: the demo's administrator has a known one
		this.fixture.as("admin");
		long draftId = draftChangingRow(2, 5);

		ApplyOutcome held = this.applier.replace(sbcId(), draftId, "route", "admin");

		assertThat(held).isInstanceOf(ApplyOutcome.Held.class);
		long requestId = ((ApplyOutcome.Held) held).requestId();
		assertThat(this.approvals.find(requestId).kind()).isEqualTo(ApprovalKind.REPLACE);
		assertThat(this.approvals.find(requestId).preview()).startsWith("whole table replaced by");
		assertThat(maxLenOnTheBox(2)).isEqualTo(this.original.get(2).text("maxLen"));
		this.fixture.as("approval-admin");
		this.approvals.approve(requestId);

		this.fixture.as("admin");
		ApplyOutcome replaced = this.applier.replace(sbcId(), draftId, "route", "admin");

		assertThat(replaced).isInstanceOf(ApplyOutcome.Applied.class);
		assertThat(maxLenOnTheBox(2)).isEqualTo(raised(2, 5));
		assertThat(this.approvals.find(requestId).state()).isEqualTo(ApprovalState.SENT);
	}

	@Test
	void anApprovedRequestLetsOneTryThroughNotTwo() {
		this.fixture.as("ann");
		Approvals.Ask ask = new Approvals.Ask(ApprovalKind.APPLY, "draft:424242", List.of(sbcId()), "Apply: route", 30,
				"c".repeat(64), "calls", "OPERATE", List.of(), null, null);
		long requestId = ((Approvals.Answer.Held) this.approvals.ask(ask)).requestId();
		this.fixture.as("bob");
		this.approvals.approve(requestId);
		this.fixture.as("ann");

		Approvals.Answer first = this.approvals.ask(ask);
		Approvals.Answer second = this.approvals.ask(ask);

		assertThat(first).isEqualTo(new Approvals.Answer.Go(this.approvals.find(requestId).changeId(), requestId));
		assertThat(this.approvals.find(requestId).state()).isEqualTo(ApprovalState.SENT);
		assertThat(second).isInstanceOf(Approvals.Answer.Held.class);
		assertThat(((Approvals.Answer.Held) second).requestId()).isNotEqualTo(requestId);
	}

	@Test
	void writesTheSettingsDoNotNameGoAtOnce() {
		this.fixture.as("approval-admin");
		this.settings.save(new ApprovalPolicy(true, true, 5, true, 0, true, true));
		this.fixture.as("ann");
		long draftId = draftChangingRow(2, 1);

		ApplyOutcome applied = apply(draftId);

		assertThat(applied).isInstanceOf(ApplyOutcome.Applied.class);
		assertThat(maxLenOnTheBox(2)).isEqualTo(raised(2, 1));
	}

}
