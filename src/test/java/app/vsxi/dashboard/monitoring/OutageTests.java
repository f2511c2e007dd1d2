package app.vsxi.dashboard.monitoring;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import app.vsxi.dashboard.demo.DemoFleet;
import app.vsxi.dashboard.fleet.FleetService;
import app.vsxi.dashboard.support.DemoSbcs;
import app.vsxi.dashboard.fleet.Sbc;
import app.vsxi.dashboard.monitoring.alarms.Alarm;
import app.vsxi.dashboard.monitoring.alarms.AlarmBoard;
import app.vsxi.dashboard.monitoring.alarms.AlarmMetric;
import app.vsxi.dashboard.support.MovableClock;
import app.vsxi.dashboard.support.SameApplication;
import app.vsxi.dashboard.support.StartEarly;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * One simulated SBC failing in each way the NOC meets, the poller ticked by hand and counted in polls: the row
 * says Unreachable with the real cause in the trouble colour from the first failed poll on, the outage is one
 * incident with a fixed start through the breaker's open and half-open turns, the unreachable alarm is raised
 * critical within {@code unreachable-after} (three poll intervals, 3 s here), and the first good poll ends all of it.
 */
@StartEarly
@SpringBootTest(properties = { "vsxi.monitoring.tick=1h", "vsxi.gateway.read-timeout=1s" })
@AutoConfigureMockMvc
@ActiveProfiles({ "demo", "test" })
@ResourceLock(providers = SameApplication.class)
class OutageTests {

	private static final String BOX = "demo-sbc-3";

	/** Polls after the first failed one; at one poll per 1.1 s at least, the breaker (open 2 s) turns meanwhile. */
	private static final int POLLS_DURING_OUTAGE = 7;

	@Autowired
	DemoFleet demo;

	@Autowired
	FleetService fleet;

	@Autowired
	FleetPoller poller;

	@Autowired
	SnapshotStore store;

	@Autowired
	MovableClock clock;

	@Autowired
	StatusBoard board;

	@Autowired
	StateHistory history;

	@Autowired
	AlarmBoard alarms;

	@Autowired
	MockMvc mvc;

	@Autowired
	UserDetailsService users;

	private String baseUrl;

	private long sbcId;

	private PollTicks ticks;

	static Stream<Arguments> faults() {
		return Stream.of(Arguments.of("answering 503 to every request", "{\"status\":503}", "HTTP 503"),
				Arguments.of("its port closed", "{\"downSeconds\":8}", "connection refused"),
				Arguments.of("resetting every connection", "{\"connectionReset\":true}", "connection closed by the SBC"),
				Arguments.of("answering after 10 s, past the read timeout", "{\"latencyMillis\":10000}",
						"No answer within the read timeout"));
	}

	@BeforeEach
	void upFirst() throws Exception {
		this.baseUrl = this.demo.box(BOX).baseUrl();
		this.sbcId = DemoSbcs.id(this.fleet, BOX);
		this.ticks = new PollTicks(this.poller, this.store, this.clock);
		pollUntilUp();
	}

	@AfterEach
	void clearFaults() throws Exception {
		try {
			SimulatorSwitches.clear(this.baseUrl);
		}
		catch (IllegalStateException closedPort) {
			// it opens again by itself
		}
		pollUntilUp();
	}

	@ParameterizedTest(name = "an SBC {0}")
	@MethodSource("faults")
	void anOutageIsOneUnreachableIncidentWithItsRealCauseAndACriticalAlarmOnTime(String what, String fault,
			String cause) throws Exception {
		Instant faultAt = this.clock.instant();
		SimulatorSwitches.faults(this.baseUrl, fault);
		if (fault.contains("downSeconds")) {
			// the box closes its port just after answering the switch
			await().atMost(Duration.ofSeconds(5)).until(() -> !accepting(URI.create(this.baseUrl)));
		}

		SbcStatus first = poll();
		assertThat(first.failing()).as("the first poll after the fault fails").isTrue();
		Instant start = first.since();
		assertTrouble(first, cause);
		assertThat(openUnreachable()).as("no alarm before unreachable-after").isEmpty();

		boolean heldBack = false;
		Alarm raised = null;
		for (int i = 0; i < POLLS_DURING_OUTAGE; i++) {
			SbcStatus status = poll();
			heldBack |= status.state() == SbcStatus.State.PAUSED;
			assertTrouble(status, cause);
			assertThat(status.since()).as("the incident keeps its start").isEqualTo(start);
			if (raised == null && !openUnreachable().isEmpty()) {
				raised = openUnreachable().get(0);
			}
		}
		assertThat(heldBack).as("the breaker held polls back during the outage").isTrue();
		assertThat(raised).as("the unreachable alarm is raised").isNotNull();
		assertThat(raised.level()).isEqualTo(AlarmLevel.CRITICAL);
		// raised by the first poll at or after three intervals without answer, one interval late at most
		assertThat(Duration.between(start, raised.raisedAt())).isLessThan(Duration.ofMillis(3_000 + 1_000 + 1_500));
		String row = overviewRows();
		assertThat(row).contains("Unreachable", cause).doesNotContain("Paused", "0 failures", "last cause:");

		if (!fault.contains("downSeconds")) {
			SimulatorSwitches.clear(this.baseUrl);
		}
		// a closed port opens again by itself, 8 s after the fault, well after the outage's polls (a second or two,
		// more on a busy machine)
		SbcStatus back = pollUntilUp();
		this.history.flush();
		this.alarms.flush();
		assertThat(back.condition()).isEqualTo(Condition.UP);
		assertThat(openUnreachable()).as("the alarm clears on the first good poll").isEmpty();
		List<StateChange> since = this.history.of(this.sbcId).stream()
			.filter(change -> !change.startedAt().isBefore(faultAt))
			.toList();
		assertThat(since).as("one row for the outage, one for the SBC back").hasSize(2);
		assertThat(since.get(1).condition()).isEqualTo(Condition.UNREACHABLE);
		// the database keeps microseconds
		assertThat(since.get(1).startedAt()).isCloseTo(start, within(1, ChronoUnit.MICROS));
		assertThat(since.get(1).endedAt()).isCloseTo(back.since(), within(1, ChronoUnit.MICROS));
		assertThat(since.get(0).condition()).isEqualTo(Condition.UP);
		assertThat(since.get(0).endedAt()).isNull();
	}

	private void assertTrouble(SbcStatus status, String cause) {
		assertThat(status.condition()).isEqualTo(Condition.UNREACHABLE);
		assertThat(status.badge()).isEqualTo("Unreachable");
		assertThat(status.condition().cssClass()).isEqualTo("unreachable");
		assertThat(status.problem()).contains(cause);
		String note = status.note(this.clock.instant());
		assertThat(note == null ? "" : note).doesNotContain("failures", "Paused", "paused");
	}

	private List<Alarm> openUnreachable() throws Exception {
		this.alarms.flush();
		return this.alarms.openAlarms().stream()
			.filter(alarm -> alarm.sbcId() == this.sbcId && alarm.metric() == AlarmMetric.UNREACHABLE)
			.toList();
	}

	/** The row of the SBC as the overview renders it. */
	private String overviewRows() throws Exception {
		String rows = this.mvc.perform(get("/overview/rows").with(user(this.users.loadUserByUsername("admin"))))
			.andReturn().getResponse().getContentAsString();
		int at = rows.indexOf("id=\"sbc-" + this.sbcId + "\"");
		assertThat(at).isNotNegative();
		int end = rows.indexOf("</tr>", at);
		String row = rows.substring(at, end < 0 ? rows.length() : end);
		assertThat(row).contains("badge unreachable");
		return row;
	}

	/** One poll of {@code stats/realtime}, a poll interval after the last; waits until it finished and was judged. */
	private SbcStatus poll() throws Exception {
		this.ticks.tick(List.of(this.sbcId), Feed.REALTIME);
		this.alarms.flush();
		return this.board.get(this.sbcId);
	}

	private static boolean accepting(URI box) {
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress(box.getHost(), box.getPort()), 500);
			return true;
		}
		catch (IOException refused) {
			return false;
		}
	}

	/** Polls until the SBC answers; a closed port opens again by itself, in real time, so this waits for it too. */
	private SbcStatus pollUntilUp() {
		AtomicReference<SbcStatus> last = new AtomicReference<>();
		await().atMost(Duration.ofSeconds(30))
			.pollInterval(Duration.ofMillis(200))
			.alias("the SBC answering again")
			.until(() -> {
				last.set(poll());
				return last.get().state() == SbcStatus.State.UP;
			});
		return last.get();
	}

}
