package app.vsxi.dashboard.monitoring;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

import app.vsxi.dashboard.demo.DemoFleet;
import app.vsxi.dashboard.support.BrowserSession;
import app.vsxi.dashboard.support.RequiresBrowser;
import app.vsxi.dashboard.support.ClassBrowser;
import app.vsxi.dashboard.support.SameApplication;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each row state, brought about by a fault of a simulated SBC, as a NOC operator sees it: shown within one poll
 * interval (stale within two), cleared on the first good poll, and kept in the SBC's history.
 */
@RequiresBrowser
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({ "demo", "test" })
@ResourceLock(providers = SameApplication.class)
class RowStatesBrowserTests {

	private static final List<String> FLEET = List.of("demo-sbc-1", "demo-sbc-2", "demo-sbc-3");

	private static final Pattern PAUSED_ROW = Pattern
		.compile("Unreachable\\s+next try in \\d+ s\\s+Unexpected answer \\(HTTP 503\\)");

	/** An odd {@code slave_stat}, in JSON as a number or a string. */
	private static final Pattern SLAVE_STAT = Pattern.compile("\"slave_stat\"\\s*,\\s*\"content\"\\s*:\\s*\"?\\d*[13579](?!\\d)");


	@LocalServerPort
	int port;

	@Autowired
	DemoFleet demo;

	@Autowired
	MonitoringProperties monitoring;

	@Autowired
	StatusBoard board;

	// one browser for the class, started once; each test signs in afresh on a clean session
	private static final ClassBrowser BROWSER = new ClassBrowser();

	private WebDriver browser;

	@AfterAll
	static void quitBrowser() {
		BROWSER.quit();
	}

	@BeforeEach
	void openOverview() throws Exception {
		this.browser = BROWSER.get();
		BrowserSession.logIn(this.browser, "http://localhost:" + this.port + "/overview", "admin", "admin");
		waitUntil(() -> FLEET.stream().allMatch(sbc -> "UP".equals(condition(sbc))), Duration.ofSeconds(20));
	}

	@AfterEach
	void clearFaults() {
		FLEET.forEach(sbc -> SimulatorSwitches.clear(this.demo.box(sbc).baseUrl()));
		BROWSER.forget();
	}

	@Test
	void anErrorAnswerShowsUnreachableOnTheFirstPollThenTheNextTryAsADetailAndClearsOnTheFirstGoodPoll() {
		String sick = "demo-sbc-2";
		SimulatorSwitches.faults(this.demo.box(sick).baseUrl(), "{\"status\":503}");
		// the fault is in force once the switch has answered; a poll under way before then may still succeed
		long faultAt = System.currentTimeMillis();

		assertShownByTheFirstPollAfter(faultAt, onBoard(sick, Condition.UNREACHABLE));
		waitUntil(() -> rowText(sick).contains("503"), Duration.ofSeconds(10));

		// while the breaker holds polls back, the row still says what is wrong, the next try beside it
		waitUntil(() -> PAUSED_ROW.matcher(rowText(sick)).find(), Duration.ofSeconds(20));

		long clearedAt = System.currentTimeMillis();
		SimulatorSwitches.clear(this.demo.box(sick).baseUrl());
		SbcStatus back = onBoard(sick, Condition.UP);
		waitUntil(() -> "UP".equals(condition(sick)), Duration.ofSeconds(20));
		// the first poll after the pause that reaches the SBC clears the row: no later one is needed
		assertThat(back.since().toEpochMilli()).isGreaterThan(clearedAt);
		// feeds answered in the same poll may move lastReached on by a few ms; a second poll would be an interval on
		assertThat(back.lastReached()).isBetween(back.since(), back.since().plus(interval().dividedBy(2)));

		openSbcPage(sick);
		waitUntil(() -> historyConditions().containsAll(List.of("UP", "UNREACHABLE")), Duration.ofSeconds(10));
		assertThat(historyConditions()).doesNotContain("PAUSED", "ERROR");
	}

	@Test
	void aDroppedConnectionShowsUnreachableOnTheFirstPoll() {
		String sick = "demo-sbc-3";
		SimulatorSwitches.faults(this.demo.box(sick).baseUrl(), "{\"connectionReset\":true}");
		// the fault is in force once the switch has answered; a poll under way before then may still succeed
		long faultAt = System.currentTimeMillis();

		assertShownByTheFirstPollAfter(faultAt, onBoard(sick, Condition.UNREACHABLE));
		waitUntil(() -> "UNREACHABLE".equals(condition(sick)), Duration.ofSeconds(20));
		assertThat(rowText(sick)).contains("Unreachable");
		assertThat(condition("demo-sbc-1")).isEqualTo("UP");
	}

	@Test
	void aClosedPortIsOneUnreachableIncidentInTheTroubleColourWithItsCauseUntilThePortOpens() {
		String sick = "demo-sbc-1";
		SimulatorSwitches.faults(this.demo.box(sick).baseUrl(), "{\"downSeconds\":10}");

		SbcStatus down = onBoard(sick, Condition.UNREACHABLE);
		waitUntil(() -> "UNREACHABLE".equals(condition(sick)), Duration.ofSeconds(20));
		assertThat(rowText(sick)).contains("Unreachable", "connection refused").doesNotContain("Paused", "failures");
		assertThat(row(sick).orElseThrow().findElement(By.cssSelector("td.state .badge")).getDomAttribute("class"))
			.contains("unreachable");
		// the breaker holds polls back meanwhile: the row says when the next try is, and the incident its start
		waitUntil(() -> rowText(sick).matches("(?s).*next try in \\d+ s.*"), Duration.ofSeconds(20));
		assertThat(board(sick).since()).isEqualTo(down.since());

		waitUntil(() -> "UP".equals(condition(sick)), Duration.ofSeconds(30));
		openSbcPage(sick);
		waitUntil(() -> historyConditions().contains("UNREACHABLE"), Duration.ofSeconds(10));
		assertThat(historyConditions().stream().filter("UNREACHABLE"::equals).count()).isEqualTo(1);
	}

	@Test
	void aSlowSbcGoesStaleTwoIntervalsAfterItsLastAnswerSayingSinceWhenAndRecovers() {
		String sick = "demo-sbc-1";
		// slower than two intervals, quicker than the read timeout: the answer comes, but late
		SimulatorSwitches.faults(this.demo.box(sick).baseUrl(), "{\"latencyMillis\":2500}");

		SbcStatus stale = onBoard(sick, Condition.STALE);
		waitUntil(() -> "STALE".equals(condition(sick)), Duration.ofSeconds(20));
		assertThat(stale.since()).isEqualTo(stale.lastReached().plus(interval().multipliedBy(2)));
		assertThat(rowText(sick)).contains("Stale").containsPattern("no answer since \\d\\d:\\d\\d:\\d\\d UTC");
		waitUntil(() -> this.browser.findElement(By.cssSelector("ul.summary li.stale")).getText().startsWith("1"),
				Duration.ofSeconds(10));

		SimulatorSwitches.clear(this.demo.box(sick).baseUrl());
		waitUntil(() -> "UP".equals(condition(sick)), Duration.ofSeconds(20));
	}

	@Test
	void aLoadBalanceSlaveIsShownAsSuchOnTheOverviewAndItsPage() {
		String sick = "demo-sbc-2";
		SimulatorSwitches.faults(this.demo.box(sick).baseUrl(), "{\"slave\":true}");
		// the slave's stats fields are the simulator's to show; until it does, there is nothing to see
		Assumptions.assumeTrue(SLAVE_STAT.matcher(SimulatorSwitches.realtimeStats(this.demo.box(sick).baseUrl()))
			.find(), "the simulator does not show slave mode in slave_stat yet");

		waitUntil(() -> "SLAVE".equals(condition(sick)), Duration.ofSeconds(20));
		assertThat(rowText(sick)).contains("Slave mode", "takes no changes");

		openSbcPage(sick);
		waitUntil(() -> this.browser.findElement(By.id("sbc-status")).getText().contains("slave (slave_stat"),
				Duration.ofSeconds(10));
	}

	/**
	 * Polls are counted rather than timed, since a shared machine stretches time: no poll that started a whole
	 * interval after the fault may have counted as an answer.
	 */
	private void assertShownByTheFirstPollAfter(long faultAt, SbcStatus seen) {
		assertThat(seen.lastReached().toEpochMilli()).as("last good answer, ms after the fault")
			.isLessThan(faultAt + intervalMillis());
	}

	/** The first status of the SBC on the board in that condition, as one snapshot. */
	private SbcStatus onBoard(String sbc, Condition condition) {
		long until = System.currentTimeMillis() + 20_000;
		while (System.currentTimeMillis() < until) {
			SbcStatus status = board(sbc);
			if (status.condition() == condition) {
				return status;
			}
			java.util.concurrent.locks.LockSupport.parkNanos(20_000_000);
		}
		throw new AssertionError(sbc + " never became " + condition + "; it is " + board(sbc));
	}

	private SbcStatus board(String sbc) {
		return this.board.all().stream().filter(s -> s.name().equals(sbc)).findFirst().orElseThrow();
	}

	private void openSbcPage(String sbc) {
		long id = board(sbc).sbcId();
		this.browser.get("http://localhost:" + this.port + "/sbcs/" + id);
	}

	private List<String> historyConditions() {
		return this.browser.findElements(By.cssSelector("table.history tr[data-condition]"))
			.stream()
			.map(row -> row.getDomAttribute("data-condition"))
			.toList();
	}

	private Duration interval() {
		return this.monitoring.pollInterval();
	}

	private long intervalMillis() {
		return interval().toMillis();
	}

	private String condition(String sbc) {
		return row(sbc).map(row -> row.getDomAttribute("data-condition")).orElse("");
	}

	private String rowText(String sbc) {
		return row(sbc).map(WebElement::getText).orElse("");
	}

	private Optional<WebElement> row(String sbc) {
		// rows are swapped by HTMX every second: look them up afresh each time
		try {
			List<WebElement> rows = this.browser.findElements(By.cssSelector("tr[data-sbc='" + sbc + "']"));
			return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
		}
		catch (StaleElementReferenceException ex) {
			return Optional.empty();
		}
	}

	private void waitUntil(BooleanSupplier condition, Duration atMost) {
		new WebDriverWait(this.browser, atMost).pollingEvery(Duration.ofMillis(100))
			.ignoring(StaleElementReferenceException.class)
			.withMessage(() -> "the rows say " + FLEET.stream().map(sbc -> rowText(sbc) + " (" + condition(sbc) + ")").toList())
			.until(driver -> condition.getAsBoolean());
	}

}
