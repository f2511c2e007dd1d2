package app.vsxi.dashboard.changes;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.context.ActiveProfiles;

import app.vsxi.dashboard.access.AppUserRepository;
import app.vsxi.dashboard.access.Role;
import app.vsxi.dashboard.access.UserGrantRepository;
import app.vsxi.dashboard.approvals.ApprovalFixture;
import app.vsxi.dashboard.approvals.ApprovalPolicy;
import app.vsxi.dashboard.approvals.ApprovalRequest;
import app.vsxi.dashboard.approvals.ApprovalSettings;
import app.vsxi.dashboard.approvals.ApprovalState;
import app.vsxi.dashboard.approvals.Approvals;
import app.vsxi.dashboard.audit.AuditEvent;
import app.vsxi.dashboard.audit.AuditLog;
import app.vsxi.dashboard.audit.AuditQuery;
import app.vsxi.dashboard.fleet.FleetService;
import app.vsxi.dashboard.fleet.SbcRepository;
import app.vsxi.dashboard.gateway.TableCommands;
import app.vsxi.dashboard.gateway.TableRow;
import app.vsxi.dashboard.support.AuditScopes;
import app.vsxi.dashboard.support.SameApplication;
import app.vsxi.dashboard.tables.DraftEdits;
import app.vsxi.dashboard.tables.DraftOpening;
import app.vsxi.dashboard.tables.EditableTable;
import app.vsxi.dashboard.tables.engine.RowKey;
import app.vsxi.dashboard.web.RefusedException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A fleet-wide change that needs approval, on the three demo boxes: held until someone else who may change every
 * target approves exactly it, withdrawn by an edit, sent back for approval when a box changed after its preview,
 * and tied together in the audit trail by its change id.
 */
@SpringBootTest
@ActiveProfiles({ "demo", "test" })
@ResourceLock(providers = SameApplication.class)
class ChangeSetApprovalTests {

	private static final List<String> BOXES = ChangeSetTests.BOXES;

	private static final List<String> KEY = EditableTable.ROUTE.keyFields();

	@Autowired
	org.springframework.context.ApplicationContext context;

	@Autowired
	ChangeSets changes;

	@Autowired
	Approvals approvals;

	@Autowired
	ApprovalSettings settings;

	@Autowired
	DraftOpening opening;

	@Autowired
	DraftEdits edits;

	@Autowired
	AuditLog audit;

	ApprovalFixture fixture;

	private final Map<String, List<TableRow>> original = new HashMap<>();

	private TableRow route;

	@BeforeEach
	void fleetChangesNeedApproval() {
		this.fixture = ApprovalFixture.of(this.context);
		this.fixture.admin("fleet-admin");
		for (String name : List.of("cara", "dan")) {
			if (!this.fixture.exists(name)) {
				this.fixture.user(name, "demo-sbc-1", Role.OPERATOR);
				this.fixture.grant(name, "demo-sbc-3", Role.OPERATOR);
			}
		}
		this.fixture.user("ed", "demo-sbc-1", Role.OPERATOR);
		this.fixture.as("fleet-admin");
		this.settings.save(new ApprovalPolicy(false, false, 20, false, 10, true, false));
		BOXES.forEach(box -> this.original.put(box, this.fixture.routes(box)));
		this.route = ApprovalFixture.sharedRoute(this.original);
	}

	@AfterEach
	void asBefore() {
		this.approvals.expire(Instant.now().plus(Duration.ofDays(1000)));
		this.fixture.as("fleet-admin");
		this.settings.save(new ApprovalPolicy(false, false, 20, false, 10, false, false));
		BOXES.forEach(box -> this.fixture.restore(box, this.original.get(box)));
		SecurityContextHolder.clearContext();
	}

	private long id(String box) {
		return this.fixture.sbc(box).id();
	}

	/** As the current user: a previewed change set raising the route's maxLen by {@code by} on every demo box. */
	private long previewed(int by) throws Exception {
		long source = id(BOXES.get(0));
		long draftId = ((DraftOpening.Opened.Draft) this.opening.open(source, "route")).id();
		this.edits.edit(source, draftId, RowKey.of(this.route, KEY), "maxLen",
				String.valueOf(Integer.parseInt(this.route.text("maxLen")) + by));
		long id = this.changes.create(source, draftId, "approved change");
		this.opening.discard(source, draftId);
		this.changes.aim(id, BOXES.stream().map(this::id).toList(), id(BOXES.get(0)));
		this.changes.waves(id, 2, 0);
		this.changes.preview(id);
		awaitState(id, ChangeSet.State.PREVIEWED);
		return id;
	}

	private ChangeSets.View awaitState(long id, ChangeSet.State state) throws InterruptedException {
		return ChangeSetTests.await(this.changes, id, view -> view.set().state() == state);
	}

	private String maxLen(String box) {
		return this.fixture.routes(box)
			.stream()
			.filter(row -> RowKey.of(row, KEY).equals(RowKey.of(this.route, KEY)))
			.findFirst()
			.orElseThrow()
			.text("maxLen");
	}

	private String before(String box) {
		return this.original.get(box)
			.stream()
			.filter(row -> RowKey.of(row, KEY).equals(RowKey.of(this.route, KEY)))
			.findFirst()
			.orElseThrow()
			.text("maxLen");
	}

	@Test
	void heldUntilSomeoneWhoMayChangeEveryTargetApprovesThenSentAndAllOfItUnderOneChangeId() throws Exception {
		this.fixture.as("cara");
		long id = previewed(1);

		String held = this.changes.start(id, null);

		assertThat(held).contains("needs a second person's approval");
		ChangeSets.View waiting = this.changes.view(id);
		assertThat(waiting.set().state()).isEqualTo(ChangeSet.State.PREVIEWED);
		ApprovalRequest request = waiting.approval();
		assertThat(request.state()).isEqualTo(ApprovalState.PENDING);
		assertThat(request.changeId()).isEqualTo(waiting.set().changeId());
		assertThat(request.preview()).contains("demo-sbc-2").contains("<maxLen>");
		assertThatThrownBy(() -> this.approvals.approve(request.id())).hasMessageContaining("You asked for it");
		this.fixture.as("ed");
		assertThatThrownBy(() -> this.approvals.approve(request.id())).isInstanceOf(RefusedException.class)
			.hasMessageContaining("on demo-sbc-3");
		BOXES.forEach(box -> assertThat(maxLen(box)).isEqualTo(before(box)));

		this.fixture.as("dan");
		this.approvals.approve(request.id());
		this.fixture.as("cara");
		assertThat(this.changes.start(id, null)).startsWith("Started");
		ChangeSets.View done = awaitState(id, ChangeSet.State.DONE);

		assertThat(done.targets()).extracting(ChangeTarget::state).containsOnly(ChangeTarget.State.VERIFIED);
		assertThat(this.approvals.find(request.id()).state()).isEqualTo(ApprovalState.SENT);
		this.fixture.as("fleet-admin");
		List<String> actions = this.audit.search(new AuditQuery(null, null, null, null, null, null,
				done.set().changeId()), AuditScopes.everything(), 200).stream().map(AuditEvent::action).toList();
		assertThat(actions).contains("CHANGE_SET_CREATE", "APPROVAL_REQUEST", "APPROVAL_APPROVE", "APPROVAL_SENT",
				"CHANGE_SET_START", "TABLE_APPLY", "CHANGE_SET_DONE");
	}

	@Test
	void anEditAfterApprovalWithdrawsItAndWhoeverEditedItCannotApprove() throws Exception {
		this.fixture.as("cara");
		long id = previewed(1);
		long first = this.changes.view(id).approval() == null ? -1 : this.changes.view(id).approval().id();
		this.changes.start(id, null);
		long requestId = this.changes.view(id).approval().id();
		assertThat(requestId).isNotEqualTo(first);
		this.fixture.as("dan");
		this.approvals.approve(requestId);

		this.changes.waves(id, 1, 0);

		assertThat(this.approvals.find(requestId).state()).isEqualTo(ApprovalState.WITHDRAWN);
		assertThat(this.approvals.find(requestId).reason()).contains("by dan");
		this.changes.preview(id);
		awaitState(id, ChangeSet.State.PREVIEWED);
		this.fixture.as("cara");
		assertThat(this.changes.start(id, null)).contains("needs a second person's approval");
		ApprovalRequest again = this.changes.view(id).approval();
		assertThat(again.id()).isNotEqualTo(requestId);
		assertThat(again.editors()).contains("cara", "dan");
		this.fixture.as("dan");
		assertThatThrownBy(() -> this.approvals.approve(again.id())).hasMessageContaining("You edited what it sends");
		BOXES.forEach(box -> assertThat(maxLen(box)).isEqualTo(before(box)));
	}

	@Test
	void aBoxChangedAfterApprovalSendsTheRestBackForApproval() throws Exception {
		this.fixture.as("cara");
		long id = previewed(2);
		this.changes.start(id, null);
		long requestId = this.changes.view(id).approval().id();
		this.fixture.as("dan");
		this.approvals.approve(requestId);
		TableRow onThird = this.fixture.routes("demo-sbc-3")
			.stream()
			.filter(row -> RowKey.of(row, KEY).equals(RowKey.of(this.route, KEY)))
			.findFirst()
			.orElseThrow();
		this.fixture.changeOnTheBox("demo-sbc-3", onThird.with("minLen", "1"));

		this.fixture.as("cara");
		this.changes.start(id, null);
		ChangeSets.View paused = awaitState(id, ChangeSet.State.PAUSED);

		assertThat(paused.targets()).extracting(ChangeTarget::state)
			.containsExactly(ChangeTarget.State.VERIFIED, ChangeTarget.State.VERIFIED, ChangeTarget.State.STALE);
		assertThat(maxLen("demo-sbc-3")).isEqualTo(before("demo-sbc-3"));
		this.changes.preview(id);
		awaitState(id, ChangeSet.State.PREVIEWED);

		String back = this.changes.start(id, null);

		assertThat(back).contains("needs a second person's approval");
		ApprovalRequest again = this.changes.view(id).approval();
		assertThat(again.id()).isNotEqualTo(requestId);
		assertThat(again.state()).isEqualTo(ApprovalState.PENDING);
		assertThat(maxLen("demo-sbc-3")).isEqualTo(before("demo-sbc-3"));
	}

	@Autowired
	app.vsxi.dashboard.demo.DemoFleet demo;

	@Test
	void aPausedRunResumesUnderTheSameApproval() throws Exception {
		this.fixture.as("cara");
		long id = previewed(3);
		this.changes.waves(id, 1, 0);
		this.changes.preview(id);
		awaitState(id, ChangeSet.State.PREVIEWED);
		this.changes.start(id, null);
		long requestId = this.changes.view(id).approval().id();
		this.fixture.as("dan");
		this.approvals.approve(requestId);
		this.demo.box("demo-sbc-2").faults(new app.vsxi.dashboard.simulator.Faults(700, 0, false, false));
		try {
			this.fixture.as("cara");
			this.changes.start(id, null);
			ChangeSetTests.await(this.changes, id, view -> view.targets().get(1).state() == ChangeTarget.State.SENDING);
			this.changes.pause(id);
			awaitState(id, ChangeSet.State.PAUSED);
		}
		finally {
			this.demo.box("demo-sbc-2").faults(app.vsxi.dashboard.simulator.Faults.NONE);
		}

		assertThat(this.changes.start(id, null)).startsWith("Started");
		ChangeSets.View done = awaitState(id, ChangeSet.State.DONE);

		assertThat(done.targets()).extracting(ChangeTarget::state).containsOnly(ChangeTarget.State.VERIFIED);
		assertThat(done.approval().id()).isEqualTo(requestId);
		assertThat(this.approvals.find(requestId).state()).isEqualTo(ApprovalState.SENT);
	}

}
