package app.vsxi.dashboard.monitoring;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;

import app.vsxi.dashboard.access.UserGrantRepository;
import app.vsxi.dashboard.demo.DemoFleet;
import app.vsxi.dashboard.fleet.CredentialCipher;
import app.vsxi.dashboard.fleet.FleetService;
import app.vsxi.dashboard.fleet.Sbc;
import app.vsxi.dashboard.fleet.SbcGroupRepository;
import app.vsxi.dashboard.fleet.SbcRepository;
import app.vsxi.dashboard.gateway.GatewayError;
import app.vsxi.dashboard.gateway.RealtimeStats;
import app.vsxi.dashboard.support.DemoSbcs;
import app.vsxi.dashboard.support.MovableClock;
import app.vsxi.dashboard.support.SameApplication;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * The figures of an SBC that stopped answering, on the overview and the wallboard: the last ones it gave, grey,
 * marked as last known and with the time of its last answer, never as live; none before a first answer. The poller
 * is ticked by hand (tick=1h) and counted in polls.
 */
@SpringBootTest(properties = { "vsxi.monitoring.tick=1h", "vsxi.gateway.read-timeout=1s" })
@AutoConfigureMockMvc
@ActiveProfiles({ "demo", "test" })
@ResourceLock(providers = SameApplication.class)
class LastKnownFiguresTests {

	private static final String BOX = "demo-sbc-2";

	@Autowired
	MockMvc mvc;

	@Autowired
	UserDetailsService users;

	@Autowired
	StatusBoard board;

	@Autowired
	FleetPoller poller;

	@Autowired
	SnapshotStore store;

	@Autowired
	MovableClock clock;

	@Autowired
	DemoFleet demo;

	@Autowired
	FleetService fleet;

	@Autowired
	SbcGroupRepository groups;

	@Autowired
	SbcRepository sbcs;

	@Autowired
	UserGrantRepository grants;

	@Autowired
	CredentialCipher cipher;

	private PollTicks ticks;

	@Test
	void anUnreachableSbcShowsItsLastFiguresGreyWithTheTimeOfItsLastAnswer() throws Exception {
		Instant lastAnswer = LocalDate.now(ZoneOffset.UTC).atTime(8, 24, 10).toInstant(ZoneOffset.UTC);
		long id = sbc("lk-down");
		put(id, "lk-down", SbcStatus.State.DOWN, new GatewayError.Unreachable("connection refused"),
				stats(112, 3, 90), lastAnswer);

		String row = overviewRow(id);
		assertThat(cell(row, "calls")).contains("last-known")
			.contains("title=\"Last known, from the last answer at " + LocalDate.now(ZoneOffset.UTC)
					+ " 08:24:10 UTC; not live\"");
		assertThat(text(cell(row, "calls"))).isEqualTo("Last known: 112 calls at 08:24");
		assertThat(text(cell(row, "cps"))).isEqualTo("Last known: 3 CPS at 08:24");
		assertThat(text(cell(row, "cpu"))).isEqualTo("Last known: CPU 10 % at 08:24");
		assertThat(cell(row, "cps")).contains("last-known");
		assertThat(cell(row, "cpu")).contains("last-known");
		// no capacity, no load colour: nothing that reads as a live figure
		assertThat(cell(row, "calls")).doesNotContain("/ 19750", "data-use");

		String tile = tile("lk-down");
		assertThat(tile).contains("class=\"figures last-known\"");
		assertThat(text(element(tile, "p class=\"figures"))).isEqualTo("Last known: 112 calls at 08:24");
		assertThat(text(element(tile, "p class=\"more-figures"))).isEqualTo("3 CPS · CPU 10 %");
		assertThat(element(tile, "p class=\"more-figures")).contains("last-known");
	}

	@Test
	void aStaleSbcAndAPausedOneShowLastKnownFiguresToo() throws Exception {
		Instant lastAnswer = LocalDate.now(ZoneOffset.UTC).atTime(0, 5, 0).toInstant(ZoneOffset.UTC);
		long stale = sbc("lk-stale");
		put(stale, "lk-stale", SbcStatus.State.STALE, null, stats(1, 0, 51), lastAnswer);
		long paused = sbc("lk-paused");
		put(paused, "lk-paused", SbcStatus.State.PAUSED, new GatewayError.Unreachable("connection refused"),
				stats(7, 1, 99), lastAnswer);

		assertThat(text(cell(overviewRow(stale), "calls"))).isEqualTo("Last known: 1 call at 00:05");
		assertThat(text(cell(overviewRow(paused), "calls"))).isEqualTo("Last known: 7 calls at 00:05");
		assertThat(text(element(tile("lk-stale"), "p class=\"figures"))).isEqualTo("Last known: 1 call at 00:05");
		assertThat(text(element(tile("lk-paused"), "p class=\"more-figures"))).isEqualTo("1 CPS · CPU 1 %");
	}

	@Test
	void figuresFromAnEarlierDaySayTheDay() throws Exception {
		LocalDate yesterday = LocalDate.now(ZoneOffset.UTC).minusDays(1);
		long id = sbc("lk-yesterday");
		put(id, "lk-yesterday", SbcStatus.State.DOWN, new GatewayError.Unreachable("connection refused"),
				stats(40, 2, 80), yesterday.atTime(23, 58, 30).toInstant(ZoneOffset.UTC));

		assertThat(text(cell(overviewRow(id), "calls"))).isEqualTo("Last known: 40 calls at " + yesterday + " 23:58");
	}

	@Test
	void anSbcThatNeverAnsweredShowsNoFiguresRatherThanZeros() throws Exception {
		long id = sbc("lk-never");
		put(id, "lk-never", SbcStatus.State.DOWN, new GatewayError.Unreachable("connection refused"), null,
				null);

		String row = overviewRow(id);
		assertThat(text(cell(row, "calls"))).isEmpty();
		assertThat(text(cell(row, "cps"))).isEmpty();
		assertThat(text(cell(row, "cpu"))).isEmpty();
		assertThat(row).doesNotContain("last-known");
		String tile = tile("lk-never");
		assertThat(tile).doesNotContain("class=\"figures", "more-figures", "calls", "CPS");
	}

	@Test
	void anAnsweringSbcShowsLiveFiguresWithoutTimeOrGrey() throws Exception {
		long id = sbc("lk-up");
		put(id, "lk-up", SbcStatus.State.UP, null, stats(112, 3, 90), this.clock.instant());

		String row = overviewRow(id);
		assertThat(row).doesNotContain("last-known", "Last known", " at ");
		assertThat(text(cell(row, "calls"))).isEqualTo("112 / 19750");
		assertThat(text(cell(row, "cps"))).isEqualTo("3 / 10000");
		assertThat(text(cell(row, "cpu"))).isEqualTo("10 %");
		String tile = tile("lk-up");
		assertThat(tile).doesNotContain("last-known", "Last known", " at ");
		assertThat(text(element(tile, "p class=\"figures"))).isEqualTo("112 calls");
	}

	/** A simulated SBC its fault switch takes down, polled by the dashboard: grey figures from its last answer. */
	@Test
	void aSimulatedSbcThatStopsAnsweringKeepsItsLastFiguresGreyUntilItAnswersAgain() throws Exception {
		long id = demoId();
		try {
			pollUntilUp(id);
			String live = overviewRow(id);
			assertThat(cell(live, "calls")).doesNotContain("last-known");
			assertThat(text(element(tile(BOX), "p class=\"figures"))).matches("\\d+ calls?");

			SimulatorSwitches.faults(this.demo.box(BOX).baseUrl(), "{\"status\":503}");
			SbcStatus down = poll(id);
			assertThat(down.failing()).as("the first poll after the fault fails").isTrue();
			long calls = down.stats().activeSessions();
			String at = "at " + DateTimeFormatter.ofPattern("HH:mm").format(down.lastReached().atZone(ZoneOffset.UTC));
			String figure = "Last known: " + calls + (calls == 1 ? " call " : " calls ") + at;

			String row = overviewRow(id);
			assertThat(cell(row, "calls")).contains("last-known");
			assertThat(text(cell(row, "calls"))).isEqualTo(figure);
			assertThat(text(element(tile(BOX), "p class=\"figures"))).isEqualTo(figure);
		}
		finally {
			SimulatorSwitches.clear(this.demo.box(BOX).baseUrl());
		}
		pollUntilUp(id);
		assertThat(overviewRow(id)).doesNotContain("last-known");
		assertThat(tile(BOX)).doesNotContain("last-known");
	}

	private SbcStatus pollUntilUp(long id) throws Exception {
		for (int i = 0; i < 40; i++) {
			SbcStatus status = poll(id);
			if (status.state() == SbcStatus.State.UP) {
				return status;
			}
		}
		throw new AssertionError("the SBC did not come back: " + this.board.get(id));
	}

	/**
	 * One poll of {@code stats/realtime} of every SBC, a poll interval after the last; waits until each finished, so
	 * that none is still under way when a test puts a status of its own on the board.
	 */
	private SbcStatus poll(long id) {
		if (this.ticks == null) {
			this.ticks = new PollTicks(this.poller, this.store, this.clock);
		}
		this.ticks.tick(this.fleet.everySbc().stream().map(Sbc::id).toList(), Feed.REALTIME);
		return this.board.get(id);
	}

	private long demoId() {
		return DemoSbcs.id(this.fleet, BOX);
	}

	private long sbc(String name) {
		FleetFixtures fixtures = new FleetFixtures(this.groups, this.sbcs, this.grants, this.cipher);
		return fixtures.sbc(name, fixtures.group("Figures test"));
	}

	/** Puts a status on the board as polls would have left it; with tick=1h no poll comes to change it. */
	private void put(long id, String name, SbcStatus.State state, GatewayError error, RealtimeStats stats,
			Instant lastReached) {
		long group = this.groups.findByName("Figures test").orElseThrow().id();
		Instant polled = this.clock.instant();
		SbcStatus status = new SbcStatus(id, name, "Lab C", group, state, error, stats, null, polled, lastReached,
				polled, state == SbcStatus.State.UP ? 0 : 3, state == SbcStatus.State.PAUSED ? polled.plusSeconds(2) : null);
		this.board.update(id, status, before -> status);
	}

	private static RealtimeStats stats(long calls, long cps, int cpuIdle) {
		return new RealtimeStats(calls, 5000, 300, 19750, cps, 10000, cpuIdle, "active", Map.of());
	}

	private String overviewRow(long id) throws Exception {
		String rows = page("/overview/rows");
		int at = rows.indexOf("id=\"sbc-" + id + "\"");
		assertThat(at).as("row of SBC " + id).isNotNegative();
		return rows.substring(at, rows.indexOf("</tr>", at));
	}

	private String tile(String name) throws Exception {
		String tiles = page("/wallboard/tiles");
		int at = tiles.indexOf("data-sbc=\"" + name + "\"");
		assertThat(at).as("tile of " + name).isNotNegative();
		return tiles.substring(at, tiles.indexOf("</section>", at));
	}

	private String page(String path) throws Exception {
		return this.mvc.perform(get(path).with(user(this.users.loadUserByUsername("admin")))).andReturn().getResponse()
			.getContentAsString();
	}

	/** The {@code <td>} of a row whose class starts with {@code num <name>}. */
	private static String cell(String row, String name) {
		return element(row, "td class=\"num " + name);
	}

	/** The element that starts with {@code start}, up to its end tag (no nested element of the same tag). */
	private static String element(String html, String start) {
		int at = html.indexOf("<" + start);
		assertThat(at).as(start).isNotNegative();
		String tag = start.substring(0, start.indexOf(' '));
		return html.substring(at, html.indexOf("</" + tag + ">", at) + tag.length() + 3);
	}

	/** The text a reader gets: tags dropped, entities of the page undone, white space as one space. */
	private static String text(String html) {
		return html.replaceAll("<[^>]*>", " ").replace("&amp;", "&").replace("&#39;", "'").replaceAll("\\s+", " ")
			.strip();
	}

}
