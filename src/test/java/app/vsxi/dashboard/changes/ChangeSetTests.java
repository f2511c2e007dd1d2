package app.vsxi.dashboard.changes;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.context.ActiveProfiles;

import app.vsxi.dashboard.access.AppUserRepository;
import app.vsxi.dashboard.access.UserGrantRepository;
import app.vsxi.dashboard.approvals.ApprovalFixture;
import app.vsxi.dashboard.audit.AuditEvent;
import app.vsxi.dashboard.audit.AuditLog;
import app.vsxi.dashboard.audit.AuditQuery;
import app.vsxi.dashboard.demo.DemoFleet;
import app.vsxi.dashboard.fleet.FleetService;
import app.vsxi.dashboard.fleet.SbcRepository;
import app.vsxi.dashboard.gateway.TableCommands;
import app.vsxi.dashboard.gateway.TableRow;
import app.vsxi.dashboard.simulator.Faults;
import app.vsxi.dashboard.simulator.Quirks;
import app.vsxi.dashboard.support.AuditScopes;
import app.vsxi.dashboard.support.SameApplication;
import app.vsxi.dashboard.tables.DraftEdits;
import app.vsxi.dashboard.tables.DraftOpening;
import app.vsxi.dashboard.tables.EditableTable;
import app.vsxi.dashboard.tables.engine.RowKey;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A change set on the three demo boxes over HTTPS: the canary, the waves and each SBC's verify by re-read; a box
 * that refuses writes (a Load-Balance slave) stopping its wave at the threshold and leaving the rest untouched;
 * pause and resume; a box changed after its preview not written; roll back of every changed box; one change id
 * over every event.
 */
@SpringBootTest
@ActiveProfiles({ "demo", "test" })
@ResourceLock(providers = SameApplication.class)
class ChangeSetTests {

	static final List<String> BOXES = List.of("demo-sbc-1", "demo-sbc-2", "demo-sbc-3");

	private static final List<String> KEY = EditableTable.ROUTE.keyFields();

	@Autowired
	org.springframework.context.ApplicationContext context;

	@Autowired
	DemoFleet demo;

	@Autowired
	ChangeSets changes;

	@Autowired
	ChangeSetStore store;

	@Autowired
	DraftOpening opening;

	@Autowired
	DraftEdits edits;

	@Autowired
	AuditLog audit;

	ApprovalFixture fixture;

	private final Map<String, List<TableRow>> original = new HashMap<>();

	/** A route every demo box holds, and its maxLen raised by one. */
	private TableRow route;

	private String raised;

	@BeforeEach
	void boxes() {
		this.fixture = ApprovalFixture.of(this.context);
		this.fixture.admin("change-admin");
		this.fixture.as("change-admin");
		BOXES.forEach(box -> this.original.put(box, this.fixture.routes(box)));
		Set<RowKey> everywhere = keys(this.original.get(BOXES.get(0)));
		BOXES.forEach(box -> everywhere.retainAll(keys(this.original.get(box))));
		this.route = this.original.get(BOXES.get(0))
			.stream()
			.filter(row -> everywhere.contains(RowKey.of(row, KEY)))
			.filter(row -> BOXES.stream().noneMatch(box -> raisedOf(row).equals(before(box, RowKey.of(row, KEY)))))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no route is on every demo box"));
		this.raised = raisedOf(this.route);
	}

	@AfterEach
	void asBefore() {
		BOXES.forEach(box -> {
			this.demo.box(box).slaveMode(false);
			this.demo.box(box).faults(Faults.NONE);
			this.demo.box(box).quirks(Map.of("rowKeys", Quirks.DEFAULTS.rowKeys()));
		});
		this.fixture.as("change-admin");
		BOXES.forEach(box -> this.fixture.restore(box, this.original.get(box)));
		SecurityContextHolder.clearContext();
	}

	private static String raisedOf(TableRow row) {
		return String.valueOf(Integer.parseInt(row.text("maxLen")) + 1);
	}

	/** The route's maxLen on the box before the test. */
	private String before(String box, RowKey key) {
		return this.original.get(box)
			.stream()
			.filter(row -> RowKey.of(row, KEY).equals(key))
			.findFirst()
			.orElseThrow()
			.text("maxLen");
	}

	private String before(String box) {
		return before(box, RowKey.of(this.route, KEY));
	}

	private static Set<RowKey> keys(List<TableRow> rows) {
		return rows.stream().map(row -> RowKey.of(row, KEY)).collect(Collectors.toSet());
	}

	private TableRow row(String box, RowKey key) {
		return this.fixture.routes(box)
			.stream()
			.filter(row -> RowKey.of(row, KEY).equals(key))
			.findFirst()
			.orElseThrow();
	}

	private String maxLen(String box) {
		return row(box, RowKey.of(this.route, KEY)).text("maxLen");
	}

	private long id(String box) {
		return this.fixture.sbc(box).id();
	}

	/** A change set raising the route's maxLen, made on the first box, aimed at {@code boxes} (the first the canary). */
	long changeSet(List<String> boxes, int waveSize, int maxFailures) {
		long source = id(BOXES.get(0));
		long draftId = ((DraftOpening.Opened.Draft) this.opening.open(source, "route")).id();
		this.edits.edit(source, draftId, RowKey.of(this.route, KEY), "maxLen", this.raised);
		long id = this.changes.create(source, draftId, "raise maxLen of one route");
		this.opening.discard(source, draftId);
		this.changes.waves(id, waveSize, maxFailures);
		List<Long> targets = boxes.stream().map(this::id).toList();
		this.changes.aim(id, targets, targets.get(0));
		return id;
	}

	ChangeSets.View await(long id, Predicate<ChangeSets.View> done) throws InterruptedException {
		return await(this.changes, id, done);
	}

	ChangeSets.View awaitState(long id, ChangeSet.State state) throws InterruptedException {
		return await(this.changes, id, view -> view.set().state() == state);
	}

	/** The change set once {@code done} holds of it, read every 50 ms for at most a minute. */
	static ChangeSets.View await(ChangeSets changes, long id, Predicate<ChangeSets.View> done) throws InterruptedException {
		long until = System.nanoTime() + Duration.ofSeconds(60).toNanos();
		while (System.nanoTime() < until) {
			ChangeSets.View view = changes.view(id);
			if (done.test(view)) {
				return view;
			}
			Thread.sleep(50);
		}
		ChangeSets.View last = changes.view(id);
		throw new AssertionError("change set " + id + " never got there: " + last.set().state() + " "
				+ last.set().message() + " " + last.targets());
	}

	private Map<String, ChangeTarget.State> states(ChangeSets.View view) {
		Map<String, ChangeTarget.State> states = new java.util.LinkedHashMap<>();
		view.targets().forEach(target -> states.put(target.sbcName(), target.state()));
		return states;
	}

	@Test
	void theCanaryThenEachWaveIsSentAndVerifiedByReReadUnderOneChangeId() throws Exception {
		long id = changeSet(BOXES, 1, 0);

		this.changes.preview(id);
		ChangeSets.View previewed = awaitState(id, ChangeSet.State.PREVIEWED);

		assertThat(previewed.targets()).extracting(ChangeTarget::state).containsOnly(ChangeTarget.State.PREVIEWED);
		assertThat(previewed.targets()).extracting(ChangeTarget::wave).containsExactly(0, 1, 2);
		assertThat(previewed.targets().get(1).notes()).contains("maxLen " + before("demo-sbc-2") + " → " + this.raised);
		assertThat(previewed.targets().get(1).preview()).contains("<maxLen>" + this.raised + "</maxLen>");
		BOXES.forEach(box -> assertThat(maxLen(box)).as("nothing sent by a preview").isEqualTo(before(box)));

		this.changes.start(id, null);
		ChangeSets.View done = awaitState(id, ChangeSet.State.DONE);

		assertThat(states(done)).containsExactly(Map.entry("demo-sbc-1", ChangeTarget.State.VERIFIED),
				Map.entry("demo-sbc-2", ChangeTarget.State.VERIFIED), Map.entry("demo-sbc-3", ChangeTarget.State.VERIFIED));
		assertThat(done.targets()).allSatisfy(target -> assertThat(target.message()).contains("verified by re-read"));
		BOXES.forEach(box -> assertThat(maxLen(box)).isEqualTo(this.raised));
		List<AuditEvent> events = this.audit.search(new AuditQuery(null, null, null, null, null, null,
				done.set().changeId()), AuditScopes.everything(), 200);
		assertThat(events).filteredOn(event -> event.action().equals("TABLE_APPLY"))
			.extracting(AuditEvent::target)
			.containsExactlyInAnyOrder("demo-sbc-1 route", "demo-sbc-2 route", "demo-sbc-3 route");
		assertThat(events).extracting(AuditEvent::action)
			.contains("CHANGE_SET_CREATE", "CHANGE_SET_EDIT", "CHANGE_SET_PREVIEW", "CHANGE_SET_START", "CHANGE_SET_DONE",
					"TABLE_OPEN");
		assertThat(events).allSatisfy(event -> assertThat(event.changeId()).isEqualTo(done.set().changeId()));
	}

	@Test
	void aBoxThatRefusesStopsItsWaveAtTheThresholdAndTheRestStayUntouchedThenRollBackRestoresEveryChangedBox()
			throws Exception {
		long id = changeSet(BOXES, 1, 0);
		this.changes.preview(id);
		awaitState(id, ChangeSet.State.PREVIEWED);
		this.demo.box("demo-sbc-2").slaveMode(true);

		this.changes.start(id, null);
		ChangeSets.View stopped = awaitState(id, ChangeSet.State.STOPPED);

		assertThat(states(stopped)).containsExactly(Map.entry("demo-sbc-1", ChangeTarget.State.VERIFIED),
				Map.entry("demo-sbc-2", ChangeTarget.State.FAILED), Map.entry("demo-sbc-3", ChangeTarget.State.SKIPPED));
		assertThat(stopped.set().message()).contains("Wave 1 had 1 failure(s), more than 0 allowed")
			.contains("1 SBC(s) after it were left untouched");
		assertThat(maxLen("demo-sbc-1")).isEqualTo(this.raised);
		assertThat(maxLen("demo-sbc-2")).isEqualTo(before("demo-sbc-2"));
		assertThat(maxLen("demo-sbc-3")).as("untouched").isEqualTo(before("demo-sbc-3"));
		this.demo.box("demo-sbc-2").slaveMode(false);

		this.changes.rollback(id, List.of());
		ChangeSets.View back = awaitState(id, ChangeSet.State.ROLLED_BACK);

		assertThat(states(back)).containsExactly(Map.entry("demo-sbc-1", ChangeTarget.State.ROLLED_BACK),
				Map.entry("demo-sbc-2", ChangeTarget.State.ROLLED_BACK), Map.entry("demo-sbc-3", ChangeTarget.State.SKIPPED));
		BOXES.forEach(box -> assertThat(new java.util.HashSet<>(this.fixture.routes(box)))
			.isEqualTo(new java.util.HashSet<>(this.original.get(box))));
	}

	@Test
	void aWaveWithinItsThresholdGoesOn() throws Exception {
		long id = changeSet(BOXES, 2, 1);
		this.changes.preview(id);
		awaitState(id, ChangeSet.State.PREVIEWED);
		this.demo.box("demo-sbc-2").slaveMode(true);

		this.changes.start(id, null);
		ChangeSets.View done = awaitState(id, ChangeSet.State.DONE);

		assertThat(states(done)).containsExactly(Map.entry("demo-sbc-1", ChangeTarget.State.VERIFIED),
				Map.entry("demo-sbc-2", ChangeTarget.State.FAILED), Map.entry("demo-sbc-3", ChangeTarget.State.VERIFIED));
	}

	@Test
	void aFailingCanaryStopsEverything() throws Exception {
		long id = changeSet(BOXES, 5, 3);
		this.changes.preview(id);
		awaitState(id, ChangeSet.State.PREVIEWED);
		this.demo.box("demo-sbc-1").slaveMode(true);

		this.changes.start(id, null);
		ChangeSets.View stopped = awaitState(id, ChangeSet.State.STOPPED);

		assertThat(states(stopped)).containsExactly(Map.entry("demo-sbc-1", ChangeTarget.State.FAILED),
				Map.entry("demo-sbc-2", ChangeTarget.State.SKIPPED), Map.entry("demo-sbc-3", ChangeTarget.State.SKIPPED));
		BOXES.forEach(box -> assertThat(maxLen(box)).isEqualTo(before(box)));
	}

	@Test
	void aPausedRunStopsBeforeItsNextSbcAndResumesWhereItStopped() throws Exception {
		long id = changeSet(BOXES, 1, 0);
		this.changes.preview(id);
		awaitState(id, ChangeSet.State.PREVIEWED);
		this.demo.box("demo-sbc-2").faults(new Faults(700, 0, false, false));

		this.changes.start(id, null);
		await(id, view -> view.targets().get(1).state() == ChangeTarget.State.SENDING);
		this.changes.pause(id);
		ChangeSets.View paused = awaitState(id, ChangeSet.State.PAUSED);

		assertThat(states(paused)).containsExactly(Map.entry("demo-sbc-1", ChangeTarget.State.VERIFIED),
				Map.entry("demo-sbc-2", ChangeTarget.State.VERIFIED), Map.entry("demo-sbc-3", ChangeTarget.State.PREVIEWED));
		assertThat(maxLen("demo-sbc-3")).isEqualTo(before("demo-sbc-3"));
		this.demo.box("demo-sbc-2").faults(Faults.NONE);

		this.changes.start(id, null);
		ChangeSets.View done = awaitState(id, ChangeSet.State.DONE);

		assertThat(done.targets()).extracting(ChangeTarget::state).containsOnly(ChangeTarget.State.VERIFIED);
		assertThat(maxLen("demo-sbc-3")).isEqualTo(this.raised);
	}

	@Test
	void aBoxChangedAfterItsPreviewIsNotWrittenAndTheRunPausesForAnotherPreview() throws Exception {
		long id = changeSet(BOXES, 1, 0);
		this.changes.preview(id);
		awaitState(id, ChangeSet.State.PREVIEWED);
		this.fixture.changeOnTheBox("demo-sbc-2", row("demo-sbc-2", RowKey.of(this.route, KEY)).with("minLen", "1"));

		this.changes.start(id, null);
		ChangeSets.View paused = awaitState(id, ChangeSet.State.PAUSED);

		assertThat(states(paused)).containsExactly(Map.entry("demo-sbc-1", ChangeTarget.State.VERIFIED),
				Map.entry("demo-sbc-2", ChangeTarget.State.STALE), Map.entry("demo-sbc-3", ChangeTarget.State.PREVIEWED));
		assertThat(maxLen("demo-sbc-2")).isEqualTo(before("demo-sbc-2"));
		assertThat(paused.set().message()).contains("demo-sbc-2 changed since its preview");

		this.changes.preview(id);
		ChangeSets.View again = awaitState(id, ChangeSet.State.PREVIEWED);
		assertThat(states(again)).containsEntry("demo-sbc-1", ChangeTarget.State.VERIFIED)
			.containsEntry("demo-sbc-2", ChangeTarget.State.PREVIEWED);
		this.changes.start(id, null);
		awaitState(id, ChangeSet.State.DONE);

		assertThat(row("demo-sbc-2", RowKey.of(this.route, KEY)).text("minLen")).isEqualTo("1");
		assertThat(maxLen("demo-sbc-2")).isEqualTo(this.raised);
	}

	@Test
	void rowsAnSbcDoesNotHoldOrAlreadyHasAsChangedShowAsSuchAndSendNothing() throws Exception {
		this.fixture.changeOnTheBox("demo-sbc-3", row("demo-sbc-3", RowKey.of(this.route, KEY)).with("maxLen", this.raised));
		long id = changeSet(BOXES, 1, 0);

		this.changes.preview(id);
		ChangeSets.View previewed = awaitState(id, ChangeSet.State.PREVIEWED);

		ChangeTarget third = previewed.targets().get(2);
		assertThat(third.state()).isEqualTo(ChangeTarget.State.NOTHING);
		assertThat(third.notes()).contains("already so on this SBC");
		assertThat(third.preview()).isNull();
	}

	static java.util.stream.Stream<Arguments> keyReadings() {
		return java.util.stream.Stream.of(Arguments.of("narrower", List.of("alias")), Arguments.of("the dashboard's", KEY),
				Arguments.of("wider", List.of("alias", "tableId", "digitMatch")));
	}

	/**
	 * The same change set (one route changed, another deleted) on boxes that key route on fewer fields than the
	 * dashboard, the same, or more: every box ends exactly as intended, nothing else on it changed, and the roll back
	 * brings each one back exactly.
	 */
	@ParameterizedTest(name = "boxes keyed on {1} ({0})")
	@MethodSource("keyReadings")
	void underEveryReadingOfTheKeyEachBoxEndsExactlyAsIntendedAndRollsBackExactly(String reading, List<String> boxKey)
			throws Exception {
		BOXES.forEach(box -> this.demo.box(box).quirks(Map.of("rowKeys", Map.of("route", boxKey))));
		Set<RowKey> everywhere = keys(this.original.get(BOXES.get(0)));
		BOXES.forEach(box -> everywhere.retainAll(keys(this.original.get(box))));
		TableRow deleted = this.original.get(BOXES.get(0))
			.stream()
			.filter(row -> everywhere.contains(RowKey.of(row, KEY)) && !RowKey.of(row, KEY).equals(RowKey.of(this.route, KEY)))
			.filter(row -> BOXES.stream().allMatch(box -> this.original.get(box).stream()
				.filter(other -> other.text("alias").equals(row.text("alias"))).count() == 1))
			.findFirst()
			.orElseThrow();
		long source = id(BOXES.get(0));
		long draftId = ((DraftOpening.Opened.Draft) this.opening.open(source, "route")).id();
		this.edits.edit(source, draftId, RowKey.of(this.route, KEY), "maxLen", this.raised);
		this.edits.delete(source, draftId, RowKey.of(deleted, KEY));
		long id = this.changes.create(source, draftId, "change one route, delete another");
		this.opening.discard(source, draftId);
		this.changes.aim(id, BOXES.stream().map(this::id).toList(), source);
		this.changes.preview(id);
		awaitState(id, ChangeSet.State.PREVIEWED);

		this.changes.start(id, null);
		ChangeSets.View done = awaitState(id, ChangeSet.State.DONE);

		assertThat(done.targets()).extracting(ChangeTarget::state).containsOnly(ChangeTarget.State.VERIFIED);
		for (String box : BOXES) {
			Set<TableRow> intended = new java.util.HashSet<>();
			for (TableRow row : this.original.get(box)) {
				RowKey key = RowKey.of(row, KEY);
				if (key.equals(RowKey.of(deleted, KEY))) {
					continue;
				}
				intended.add(key.equals(RowKey.of(this.route, KEY)) ? row.with("maxLen", this.raised) : row);
			}
			assertThat(new java.util.HashSet<>(this.fixture.routes(box))).as(box).isEqualTo(intended);
		}

		this.changes.rollback(id, List.of());
		awaitState(id, ChangeSet.State.ROLLED_BACK);

		BOXES.forEach(box -> assertThat(new java.util.HashSet<>(this.fixture.routes(box))).as(box)
			.isEqualTo(new java.util.HashSet<>(this.original.get(box))));
	}

	@Autowired
	ChangeRuns runs;

	@Test
	void aRollBackUndoesTheChangeSetsOwnRowsAndLeavesWhatOthersChangedSince() throws Exception {
		long id = changeSet(BOXES, 5, 0);
		this.changes.preview(id);
		awaitState(id, ChangeSet.State.PREVIEWED);
		this.changes.start(id, null);
		awaitState(id, ChangeSet.State.DONE);
		TableRow other = this.original.get("demo-sbc-2")
			.stream()
			.filter(row -> !RowKey.of(row, KEY).equals(RowKey.of(this.route, KEY)))
			.findFirst()
			.orElseThrow();
		TableRow changedSince = other.with("maxLen", String.valueOf(Integer.parseInt(other.text("maxLen")) + 2));
		this.fixture.changeOnTheBox("demo-sbc-2", changedSince);

		this.changes.rollback(id, List.of(id("demo-sbc-2")));
		ChangeSets.View back = awaitState(id, ChangeSet.State.ROLLED_BACK);

		assertThat(states(back)).containsEntry("demo-sbc-2", ChangeTarget.State.ROLLED_BACK)
			.containsEntry("demo-sbc-1", ChangeTarget.State.VERIFIED)
			.containsEntry("demo-sbc-3", ChangeTarget.State.VERIFIED);
		assertThat(maxLen("demo-sbc-2")).isEqualTo(before("demo-sbc-2"));
		assertThat(row("demo-sbc-2", RowKey.of(other, KEY))).as("someone else's change since stays").isEqualTo(changedSince);
		assertThat(maxLen("demo-sbc-1")).isEqualTo(this.raised);
	}

	@Test
	void aStartedSetKeepsItsTargetsAndACanaryWithNothingToSendIsRefused() throws Exception {
		this.fixture.changeOnTheBox("demo-sbc-3", row("demo-sbc-3", RowKey.of(this.route, KEY)).with("maxLen", this.raised));
		long id = changeSet(List.of("demo-sbc-3", "demo-sbc-1"), 1, 0);
		this.changes.preview(id);
		awaitState(id, ChangeSet.State.PREVIEWED);

		org.assertj.core.api.Assertions.assertThatThrownBy(() -> this.changes.start(id, null))
			.hasMessageContaining("The canary, demo-sbc-3, has nothing to send");

		this.changes.aim(id, List.of(id("demo-sbc-1"), id("demo-sbc-3")), id("demo-sbc-1"));
		this.changes.preview(id);
		awaitState(id, ChangeSet.State.PREVIEWED);
		this.changes.start(id, null);
		awaitState(id, ChangeSet.State.DONE);
		org.assertj.core.api.Assertions.assertThatThrownBy(
				() -> this.changes.aim(id, List.of(id("demo-sbc-2")), id("demo-sbc-2")))
			.hasMessageContaining("It can no longer be changed");
	}

	@Test
	void aSetWhoseRunnerDiedIsTakenBackAndTheSbcItWasSendingToIsMarkedUnknown() throws Exception {
		long id = changeSet(BOXES, 1, 0);
		this.changes.preview(id);
		awaitState(id, ChangeSet.State.PREVIEWED);
		java.time.Instant now = java.time.Instant.now();
		this.store.move(id, ChangeSet.State.PREVIEWED, ChangeSet.State.RUNNING, "Sending…", now);
		this.store.target(id, id("demo-sbc-1"), ChangeTarget.State.SENDING, null, now);
		this.store.runner(id, "an-instance-that-died");

		this.runs.takeBackOrphans();

		ChangeSets.View taken = this.changes.view(id);
		assertThat(taken.set().state()).isEqualTo(ChangeSet.State.PAUSED);
		assertThat(taken.set().message()).contains("stopped with the instance that ran it (an-instance-that-died)");
		assertThat(taken.targets().get(0).state()).isEqualTo(ChangeTarget.State.STALE);
		assertThat(taken.targets().get(0).message()).contains("whether it was written is not known");
		assertThat(taken.targets().get(1).state()).isEqualTo(ChangeTarget.State.PREVIEWED);
	}

	@Test
	void onlyTheOwnerOfADraftMakesAChangeSetOfIt() {
		this.fixture.user("someone-else", "demo-sbc-1", app.vsxi.dashboard.access.Role.OPERATOR);
		long source = id(BOXES.get(0));
		long draftId = ((DraftOpening.Opened.Draft) this.opening.open(source, "route")).id();
		this.edits.edit(source, draftId, RowKey.of(this.route, KEY), "maxLen", this.raised);
		this.fixture.as("someone-else");

		org.assertj.core.api.Assertions.assertThatThrownBy(() -> this.changes.create(source, draftId, "not mine"))
			.isInstanceOf(org.springframework.security.access.AccessDeniedException.class);

		this.fixture.as("change-admin");
		this.opening.discard(source, draftId);
	}

}
