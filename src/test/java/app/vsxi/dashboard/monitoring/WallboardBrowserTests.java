package app.vsxi.dashboard.monitoring;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;

import app.vsxi.dashboard.access.AppUserRepository;
import app.vsxi.dashboard.access.Role;
import app.vsxi.dashboard.access.UserGrantRepository;
import app.vsxi.dashboard.demo.DemoFleet;
import app.vsxi.dashboard.fleet.FleetService;
import app.vsxi.dashboard.fleet.Sbc;
import app.vsxi.dashboard.fleet.SbcGroupRepository;
import app.vsxi.dashboard.simulator.SimulatedVsxi;
import app.vsxi.dashboard.simulator.SimulatorProperties;
import app.vsxi.dashboard.support.Axe;
import app.vsxi.dashboard.support.BrowserSession;
import app.vsxi.dashboard.support.BrowserSteps;
import app.vsxi.dashboard.support.DemoSbcs;
import app.vsxi.dashboard.support.ClassBrowser;
import app.vsxi.dashboard.support.RequiresBrowser;
import app.vsxi.dashboard.support.SameApplication;
import app.vsxi.dashboard.support.TestUsers;
import app.vsxi.dashboard.monitoring.alarms.AlarmBoard;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The wallboard on a 1920 × 1080 screen, for fleets of 1, 12, 16, 20 and 100 SBCs (the last in turns of 20), each
 * seen by a viewer of one group that holds just that fleet: the tiles fill the screen, nothing scrolls or spills
 * out of a tile, names and states are at least 48 px on every tile and calls too where the layout promises it (see
 * {@link WallLayout} and {@link WallTurns}), alarms show with value and threshold, and an SBC that stopped
 * answering shows grey last-known figures.
 * Some SBCs of each fleet are simulated boxes answering, the others an address where nothing listens. The context
 * is closed afterwards, so that no other test shares a poller busy with some 150 more SBCs.
 */
@RequiresBrowser
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({ "demo", "test" })
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
@ResourceLock(providers = SameApplication.class)
class WallboardBrowserTests {

	private static final String PASSWORD = "wall-password-1";

	/** Where nothing listens: polls are refused at once. */
	private static final String NOWHERE = "https://127.0.0.1:1";

	private static final List<String> BOXES = List.of("demo-sbc-1", "demo-sbc-2", "demo-sbc-3");

	@LocalServerPort
	int port;

	@Autowired
	DemoFleet demo;

	@Autowired
	SimulatorProperties simulator;

	@Autowired
	FleetService fleet;

	@Autowired
	SbcGroupRepository groups;

	@Autowired
	AppUserRepository users;

	@Autowired
	UserGrantRepository grants;

	@Autowired
	PasswordEncoder passwords;

	@Autowired
	StatusBoard board;

	@Autowired
	AlarmBoard alarms;

	private static final ClassBrowser BROWSER = new ClassBrowser();

	private ChromeDriver browser;

	@BeforeEach
	void openBrowser() throws Exception {
		this.browser = BROWSER.get();
		// the viewport itself, whatever the window around it
		this.browser.executeCdpCommand("Emulation.setDeviceMetricsOverride",
				Map.of("width", 1920, "height", 1080, "deviceScaleFactor", 1, "mobile", false));
	}

	@AfterEach
	void closeBrowser() {
		BROWSER.forget();
	}

	@AfterAll
	static void quitBrowser() {
		BROWSER.quit();
	}

	@Test
	void oneSbcFillsTheScreenInLargeType() throws Exception {
		List<String> live = fleetOf(1, 1, 0);
		Map<String, Object> wall = wallboardAs(1, live);

		assertFillsTheScreenWithoutOverflow(wall);
		for (Map<String, Object> tile : tiles(wall)) {
			assertThat(number(tile, "name")).as("name").isGreaterThanOrEqualTo(100);
			assertThat(number(tile, "state")).as("state").isGreaterThanOrEqualTo(100);
			assertThat(number(tile, "figures")).as("calls").isGreaterThanOrEqualTo(100);
		}
	}

	@Test
	void twelveSbcsShowNameStateAndCallsAtFortyEightPixelsAndLastKnownFiguresGrey() throws Exception {
		List<String> live = fleetOf(12, 4, 1);
		String gone = "w12-sbc-05";
		// it answered: now it points where nothing listens, and keeps its last figures
		waitFor(() -> state(gone) == SbcStatus.State.UP);
		Sbc sbc = DemoSbcs.named(this.fleet, gone);
		this.fleet.register(gone, NOWHERE, this.simulator.username(), this.simulator.password(), sbc.siteLabel(),
				"Wall 12", sbc.certificateFingerprint());
		waitFor(() -> this.board.get(sbc.id()).failing());
		// the boxes that never answered are unreachable for longer than unreachable-after: alarms on the wall
		java.util.Set<Long> wall12 = this.fleet.everySbc().stream().filter(each -> each.name().startsWith("w12-"))
			.map(Sbc::id).collect(java.util.stream.Collectors.toSet());
		waitFor(() -> this.alarms.openAlarms().stream().anyMatch(alarm -> wall12.contains(alarm.sbcId())));
		Map<String, Object> wall = wallboardAs(12, live);

		assertFillsTheScreenWithoutOverflow(wall);
		for (Map<String, Object> tile : tiles(wall)) {
			assertThat(number(tile, "name")).as("name of " + tile.get("sbc")).isGreaterThanOrEqualTo(48);
			assertThat(number(tile, "state")).as("state of " + tile.get("sbc")).isGreaterThanOrEqualTo(48);
			if (tile.get("figures") != null) {
				assertThat(number(tile, "figures")).as("calls of " + tile.get("sbc")).isGreaterThanOrEqualTo(48);
			}
		}
		Map<String, Object> lastKnown = tile(wall, gone);
		assertThat((String) lastKnown.get("figuresText")).matches("Last known: \\d+ calls? at \\d\\d:\\d\\d");
		assertThat(lastKnown.get("figuresClass")).isEqualTo("figures last-known");
		// grey: the colour of last-known figures, not the white of live ones
		assertThat(lastKnown.get("figuresColor")).isEqualTo("rgb(165, 176, 187)");
		assertThat(tile(wall, live.get(0)).get("figuresColor")).isEqualTo("rgb(255, 255, 255)");
		assertThat(tile(wall, "w12-sbc-12").get("figures")).as("never answered: no figures, not zeros").isNull();
		assertAlarmsWithValueAndThreshold(wall);
		assertThat(Axe.seriousViolations(this.browser, "/wallboard")).as("axe-core on the wallboard of 12, last-known figures among them").isEmpty();
		BrowserSteps.screenshot(this.browser, "wallboard", "12-sbcs");
	}

	@Test
	void sixteenSbcsStillShowCallsAndTwentyNameAndStateAtFortyEightPixels() throws Exception {
		Map<String, Object> sixteen = wallboardAs(16, fleetOf(16, 3, 0));
		assertFillsTheScreenWithoutOverflow(sixteen);
		for (Map<String, Object> tile : tiles(sixteen)) {
			assertThat(number(tile, "name")).as("name of " + tile.get("sbc")).isGreaterThanOrEqualTo(48);
			assertThat(number(tile, "state")).as("state of " + tile.get("sbc")).isGreaterThanOrEqualTo(48);
			if (tile.get("figures") != null) {
				assertThat(number(tile, "figures")).as("calls of " + tile.get("sbc")).isGreaterThanOrEqualTo(48);
			}
		}
		this.browser.manage().deleteAllCookies();
		Map<String, Object> twenty = wallboardAs(20, fleetOf(20, 3, 0));
		assertFillsTheScreenWithoutOverflow(twenty);
		for (Map<String, Object> tile : tiles(twenty)) {
			assertThat(number(tile, "name")).as("name of " + tile.get("sbc")).isGreaterThanOrEqualTo(48);
			assertThat(number(tile, "state")).as("state of " + tile.get("sbc")).isGreaterThanOrEqualTo(48);
		}
	}

	@Test
	void aHundredSbcsTakeTurnsOfTwentyTilesEachWithNameAndStateAtFortyEightPixels() throws Exception {
		// 20 answer; the 80 where nothing listens are in trouble once polled, more than a turn holds
		List<String> live = fleetOf(100, 20, 0);
		waitFor(() -> this.board.all().stream().filter(s -> s.name().startsWith("w100-") && !live.contains(s.name()))
			.filter(s -> s.state() != SbcStatus.State.UP && s.state() != SbcStatus.State.WAITING).count() == 80);
		Map<String, Object> wall = wallboardAs(100, 20, List.of());

		assertFillsTheScreenWithoutOverflow(wall);
		assertThat(tiles(wall)).hasSize(20);
		for (Map<String, Object> tile : tiles(wall)) {
			assertThat(number(tile, "name")).as("name of " + tile.get("sbc")).isGreaterThanOrEqualTo(48);
			assertThat(number(tile, "state")).as("state of " + tile.get("sbc")).isGreaterThanOrEqualTo(48);
		}
		// the simulated boxes carry trunk warnings too, so at least the 80 are in trouble: only trouble is shown
		// read in one script: the wall redraws every second, so elements found one call earlier may be gone
		@SuppressWarnings("unchecked")
		List<String> tones = (List<String>) ((JavascriptExecutor) this.browser).executeScript(
				"return [...document.querySelectorAll('section.tile')].map(t => t.getAttribute('data-tone'));");
		assertThat(tones).isNotEmpty().allMatch(tone -> List.of("critical", "warning").contains(tone));
		@SuppressWarnings("unchecked")
		Map<String, Object> turn = (Map<String, Object>) ((JavascriptExecutor) this.browser).executeScript(
				"const t = document.querySelector('.wall-turn'); return {text: t.innerText, turns: t.getAttribute('data-turns')};");
		java.util.regex.Matcher said = java.util.regex.Pattern
			.compile("· Turn (\\d) of (\\d): \\d+ of (\\d+) in trouble, healthy ones wait").matcher(String.valueOf(turn.get("text")).strip());
		assertThat(said.matches()).as(String.valueOf(turn.get("text"))).isTrue();
		int troubled = Integer.parseInt(said.group(3));
		assertThat(troubled).isBetween(80, 100);
		assertThat(Integer.parseInt(said.group(2))).as("turns of 20").isEqualTo(troubled <= 80 ? 4 : 5);
		assertThat(turn.get("turns")).isEqualTo(said.group(2));
		BrowserSteps.screenshot(this.browser, "wallboard", "100-sbcs");
	}

	/**
	 * A group {@code Wall <size>} of SBCs named {@code w<size>-sbc-<n>}: the first {@code live} simulated boxes that
	 * answer, the next {@code leaving} too (a test then turns them away), the rest where nothing listens. Returns
	 * the names of the live ones.
	 */
	private List<String> fleetOf(int size, int live, int leaving) {
		String group = "Wall " + size;
		List<String> answering = new ArrayList<>();
		int digits = String.valueOf(size).length();
		for (int n = 1; n <= size; n++) {
			String name = "w" + size + "-sbc-" + String.format("%0" + digits + "d", n);
			SimulatedVsxi box = this.demo.box(BOXES.get(n % BOXES.size()));
			boolean answers = n <= live + leaving;
			this.fleet.register(name, answers ? box.baseUrl() : NOWHERE, this.simulator.username(),
					this.simulator.password(), "Site " + (1 + n % 4), group, box.certificateFingerprint());
			if (n <= live) {
				answering.add(name);
			}
		}
		String username = "wall-" + size;
		if (this.users.findByUsername(username).isEmpty()) {
			long groupId = this.groups.findByName(group).orElseThrow().id();
			testUsers().grant(testUsers().user(username, this.passwords.encode(PASSWORD), false).id(), groupId, Role.VIEWER);
		}
		return answering;
	}

	/** The wallboard as the group's viewer sees it once every answering SBC shows its figures, measured. */
	private Map<String, Object> wallboardAs(int size, List<String> live) throws IOException {
		return wallboardAs(size, size, live);
	}

	/** The same, for a wall that shows {@code shown} tiles a turn. */
	private Map<String, Object> wallboardAs(int size, int shown, List<String> live) throws IOException {
		waitFor(() -> live.stream().allMatch(name -> state(name) == SbcStatus.State.UP));
		BrowserSession.logIn(this.browser, "http://localhost:" + this.port + "/wallboard", "wall-" + size, PASSWORD);
		BrowserSteps.waitUntil(this.browser, () -> this.browser.findElements(By.cssSelector("section.tile")).size() == shown
				&& live.stream().allMatch(name -> !this.browser
					.findElements(By.cssSelector("section.tile[data-sbc='" + name + "'] .figures")).isEmpty()));
		return measure();
	}

	@SuppressWarnings("unchecked")
	private Map<String, Object> measure() {
		return (Map<String, Object>) ((JavascriptExecutor) this.browser).executeScript("""
				const size = e => e ? parseFloat(getComputedStyle(e).fontSize) : null;
				const tiles = [...document.querySelectorAll('section.tile')].map(t => {
				  const r = t.getBoundingClientRect();
				  const f = t.querySelector('.figures');
				  const lines = [...t.querySelectorAll('.name, .state, .figures, .more-figures, .where, .alarms li')];
				  return {
				    sbc: t.dataset.sbc,
				    name: size(t.querySelector('.name')), state: size(t.querySelector('.state')), figures: size(f),
				    figuresText: f ? f.textContent.replace(/\\s+/g, ' ').trim() : null,
				    figuresClass: f ? f.className : null, figuresColor: f ? getComputedStyle(f).color : null,
				    scrollWidth: t.scrollWidth, clientWidth: t.clientWidth,
				    scrollHeight: t.scrollHeight, clientHeight: t.clientHeight,
				    left: r.left, top: r.top, right: r.right, bottom: r.bottom,
				    cut: lines.filter(e => e.scrollWidth > e.clientWidth || e.scrollHeight > e.clientHeight)
				      // an alarm line may end in an ellipsis when its full text is in its title; nothing else may
				      .filter(e => !(e.tagName === 'LI' && e.title === e.textContent || e.tagName === 'LI' && e.title.endsWith(e.textContent)))
				      .map(e => e.className + ': ' + e.textContent),
				    alarms: [...t.querySelectorAll('.alarms li')].map(e => e.textContent)
				  };
				});
				return {
				  width: innerWidth, height: innerHeight,
				  scrollWidth: document.documentElement.scrollWidth, scrollHeight: document.documentElement.scrollHeight,
				  bodyScrollWidth: document.body.scrollWidth, bodyScrollHeight: document.body.scrollHeight,
				  tiles: tiles
				};
				""");
	}

	private static void assertFillsTheScreenWithoutOverflow(Map<String, Object> wall) {
		System.out.printf("wallboard of %d tiles: name %s px, state %s px, calls %s px at the least%n", tiles(wall).size(),
				least(wall, "name"), least(wall, "state"), least(wall, "figures"));
		assertThat(number(wall, "width")).isEqualTo(1920);
		assertThat(number(wall, "height")).isEqualTo(1080);
		assertThat(number(wall, "scrollWidth")).as("page width").isLessThanOrEqualTo(1920);
		assertThat(number(wall, "scrollHeight")).as("page height").isLessThanOrEqualTo(1080);
		assertThat(number(wall, "bodyScrollWidth")).as("body width").isLessThanOrEqualTo(1920);
		assertThat(number(wall, "bodyScrollHeight")).as("body height").isLessThanOrEqualTo(1080);
		double right = 0;
		double bottom = 0;
		for (Map<String, Object> tile : tiles(wall)) {
			String sbc = (String) tile.get("sbc");
			assertThat(number(tile, "scrollWidth")).as(sbc + " spills across").isLessThanOrEqualTo(number(tile, "clientWidth"));
			assertThat(number(tile, "scrollHeight")).as(sbc + " spills down").isLessThanOrEqualTo(number(tile, "clientHeight"));
			assertThat((List<?>) tile.get("cut")).as(sbc + ": lines cut short without their full text").isEmpty();
			assertThat(number(tile, "left")).isGreaterThanOrEqualTo(0);
			assertThat(number(tile, "top")).isGreaterThanOrEqualTo(0);
			assertThat(number(tile, "right")).isLessThanOrEqualTo(1920);
			assertThat(number(tile, "bottom")).isLessThanOrEqualTo(1080);
			right = Math.max(right, number(tile, "right"));
			bottom = Math.max(bottom, number(tile, "bottom"));
		}
		// the tiles reach the edges of the screen: no band left empty
		assertThat(right).as("right edge of the tiles").isGreaterThan(1900);
		assertThat(bottom).as("bottom edge of the tiles").isGreaterThan(1060);
	}

	/** Every alarm line names what crossed which threshold by how much, or how many more there are. */
	private static void assertAlarmsWithValueAndThreshold(Map<String, Object> wall) {
		int lines = 0;
		for (Map<String, Object> tile : tiles(wall)) {
			for (Object line : (List<?>) tile.get("alarms")) {
				lines++;
				assertThat((String) line).matches("(\\d+ alarms, worst: )?.+ \\d+(\\.\\d+)?.* (above|below|at) \\d+(\\.\\d+)?.*|\\+ \\d+ more");
			}
		}
		assertThat(lines).as("alarm lines on the wall").isPositive();
	}

	private static Double least(Map<String, Object> wall, String key) {
		return tiles(wall).stream().map(tile -> (Number) tile.get(key)).filter(java.util.Objects::nonNull)
			.map(Number::doubleValue).min(Double::compare).orElse(null);
	}

	@SuppressWarnings("unchecked")
	private static List<Map<String, Object>> tiles(Map<String, Object> wall) {
		return (List<Map<String, Object>>) wall.get("tiles");
	}

	private static Map<String, Object> tile(Map<String, Object> wall, String sbc) {
		return tiles(wall).stream().filter(tile -> sbc.equals(tile.get("sbc"))).findFirst().orElseThrow();
	}

	private static double number(Map<String, Object> map, String key) {
		Object value = map.get(key);
		assertThat(value).as(key).isInstanceOf(Number.class);
		return ((Number) value).doubleValue();
	}

	private SbcStatus.State state(String name) {
		return this.board.all().stream().filter(s -> s.name().equals(name)).findFirst().map(SbcStatus::state)
			.orElse(null);
	}

	private static void waitFor(java.util.function.BooleanSupplier condition) {
		org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(60)).until(condition::getAsBoolean);
	}

	private TestUsers testUsers() {
		return new TestUsers(this.users, this.grants);
	}

}
