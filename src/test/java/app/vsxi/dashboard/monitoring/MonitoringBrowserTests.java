package app.vsxi.dashboard.monitoring;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import app.vsxi.dashboard.demo.DemoFleet;
import app.vsxi.dashboard.support.BrowserSession;
import app.vsxi.dashboard.support.ClassBrowser;
import app.vsxi.dashboard.support.RequiresBrowser;
import app.vsxi.dashboard.support.SameApplication;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * In a real browser, polling every second: the overview follows a changing figure without a reload, the wallboard
 * shows a tile per SBC, and an alarm shows on it once the simulator pushes a figure over its threshold.
 */
@RequiresBrowser
// an application of its own for these browser tests, so they run beside the other browser tests
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "spring.application.name=vsxi-dashboard-pages")
@ActiveProfiles({ "demo", "test" })
@ResourceLock(providers = SameApplication.class)
class MonitoringBrowserTests {

	@LocalServerPort
	int port;

	@Autowired
	DemoFleet demo;

	private static final ClassBrowser BROWSER = new ClassBrowser();

	private WebDriver browser;

	@BeforeEach
	void openBrowser() throws Exception {
		this.browser = BROWSER.get();
	}

	@AfterEach
	void closeBrowser() {
		BROWSER.forget();
		SimulatorSwitches.clear(this.demo.box("demo-sbc-1").baseUrl());
		SimulatorSwitches.clear(this.demo.box("demo-sbc-2").baseUrl());
		SimulatorSwitches.clear(this.demo.box("demo-sbc-3").baseUrl());
	}

	@AfterAll
	static void quitBrowser() {
		BROWSER.quit();
	}

	@Test
	void theOverviewFollowsAChangingFigureWithoutReloading() {
		logIn();
		waitUntil(() -> text("tr[data-sbc='demo-sbc-1'] td.cpu").endsWith("%"));
		// a mark on the window: a reload would wipe it
		((JavascriptExecutor) this.browser).executeScript("window.notReloaded = true;");

		SimulatorSwitches.faults(this.demo.box("demo-sbc-1").baseUrl(), "{\"cpuIdlePercent\":37}");

		waitUntil(() -> text("tr[data-sbc='demo-sbc-1'] td.cpu").equals("63 %"));
		assertThat(((JavascriptExecutor) this.browser).executeScript("return window.notReloaded === true;"))
			.isEqualTo(true);
	}

	@Test
	void theWallboardShowsEachSbcAndTurnsATileRedWhenAThresholdIsCrossed() {
		logIn();
		this.browser.get(url("/wallboard"));
		waitUntil(() -> this.browser.findElements(By.cssSelector("section.tile")).size() >= 3);
		assertThat(this.browser.findElements(By.cssSelector("header.topbar, form, button"))).isEmpty();
		((JavascriptExecutor) this.browser).executeScript("window.notReloaded = true;");

		// a box no other test here alarms: an alarm acknowledged there would not show on the wallboard
		SimulatorSwitches.faults(this.demo.box("demo-sbc-3").baseUrl(), "{\"cpuIdlePercent\":3}");

		// other rules may have raised alarms already: wait for this one by name
		waitUntil(() -> text("section.tile[data-sbc='demo-sbc-3']").contains("CPU use"));
		assertThat(attribute("section.tile[data-sbc='demo-sbc-3']", "data-tone")).isEqualTo("critical");
		assertThat(((JavascriptExecutor) this.browser).executeScript("return window.notReloaded === true;"))
			.isEqualTo(true);
	}

	@Test
	void anOperatorTicksTwoAlarmsConfirmsOnceAndBothMoveToTheAcknowledged() {
		SimulatorSwitches.faults(this.demo.box("demo-sbc-1").baseUrl(), "{\"cpuIdlePercent\":3}");
		SimulatorSwitches.faults(this.demo.box("demo-sbc-2").baseUrl(), "{\"cpuIdlePercent\":3}");
		logIn();
		this.browser.get(url("/alarms?level=critical"));
		waitUntil(() -> cpuTick("#open-alarms", "demo-sbc-1") != null && cpuTick("#open-alarms", "demo-sbc-2") != null);

		// the list refreshes every second: a click that meets a replaced element is tried again on the new one
		clickSteady(() -> cpuTick("#open-alarms", "demo-sbc-1"));
		clickSteady(() -> cpuTick("#open-alarms", "demo-sbc-2"));
		clickSteady(() -> this.browser.findElement(By.id("acknowledge-ticked")));
		new WebDriverWait(this.browser, Duration.ofSeconds(10)).until(ExpectedConditions.alertIsPresent()).accept();

		waitUntil(() -> text("div.notice").startsWith("2 acknowledged"));
		waitUntil(() -> cpuRow("#acknowledged-alarms", "demo-sbc-1") != null && cpuRow("#acknowledged-alarms", "demo-sbc-2") != null);
		assertThat(cpuRow("#open-alarms", "demo-sbc-1")).isNull();
		assertThat(cpuRow("#acknowledged-alarms", "demo-sbc-1").getText()).contains("admin");
	}

	/** The CPU alarm's row of an SBC in one of the alarm tables, null if there is none. */
	private WebElement cpuRow(String table, String sbc) {
		for (WebElement row : this.browser.findElements(By.cssSelector(table + " tr[data-metric='CPU']"))) {
			if (!row.findElements(By.linkText(sbc)).isEmpty()) {
				return row;
			}
		}
		return null;
	}

	private WebElement cpuTick(String table, String sbc) {
		WebElement row = cpuRow(table, sbc);
		List<WebElement> ticks = row == null ? List.of() : row.findElements(By.cssSelector("input[type=checkbox]"));
		return ticks.isEmpty() ? null : ticks.get(0);
	}

	private void logIn() {
		BrowserSession.logIn(this.browser, url("/overview"), "admin", "admin");
		waitUntil(() -> this.browser.getCurrentUrl().contains("/overview"));
	}

	private String text(String css) {
		List<WebElement> found = this.browser.findElements(By.cssSelector(css));
		return found.isEmpty() ? "" : found.get(0).getText().strip();
	}

	private String attribute(String css, String name) {
		List<WebElement> found = this.browser.findElements(By.cssSelector(css));
		return found.isEmpty() ? null : found.get(0).getDomAttribute(name);
	}

	private String url(String path) {
		return "http://localhost:" + this.port + path;
	}

	private void waitUntil(java.util.function.BooleanSupplier condition) {
		new WebDriverWait(this.browser, Duration.ofSeconds(30))
			.ignoring(org.openqa.selenium.StaleElementReferenceException.class)
			.until(driver -> condition.getAsBoolean());
	}

	private void clickSteady(java.util.function.Supplier<org.openqa.selenium.WebElement> element) {
		new WebDriverWait(this.browser, Duration.ofSeconds(10))
			.ignoring(org.openqa.selenium.StaleElementReferenceException.class)
			.until(browser -> {
				element.get().click();
				return true;
			});
	}

}
