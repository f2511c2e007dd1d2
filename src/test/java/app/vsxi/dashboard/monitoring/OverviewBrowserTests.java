package app.vsxi.dashboard.monitoring;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

import app.vsxi.dashboard.demo.DemoFleet;
import app.vsxi.dashboard.simulator.SimulatedVsxi;
import app.vsxi.dashboard.support.BrowserSession;
import app.vsxi.dashboard.support.RequiresBrowser;
import app.vsxi.dashboard.support.ClassBrowser;
import app.vsxi.dashboard.support.SameApplication;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/** What a NOC operator sees in a real browser when an SBC of the demo fleet goes down. */
@RequiresBrowser
// an application of its own for these browser tests, so they run beside the other browser tests
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "spring.application.name=vsxi-dashboard-pages")
@ActiveProfiles({ "demo", "test" })
@ResourceLock(providers = SameApplication.class)
class OverviewBrowserTests {

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
		this.demo.box("demo-sbc-2").start();
	}

	@AfterAll
	static void quitBrowser() {
		BROWSER.quit();
	}

	@Test
	void aStoppedSbcTurnsUnreachableWhileTheOthersKeepUpdating() {
		logIn("admin", "admin");
		waitUntil(() -> this.browser.getCurrentUrl().contains("/overview"));

		waitUntil(() -> state("demo-sbc-1").equals("UP") && state("demo-sbc-2").equals("UP")
				&& state("demo-sbc-3").equals("UP"));
		assertThat(rowText("demo-sbc-2")).contains("Reachable", "active", "Lab A");

		SimulatedVsxi box = this.demo.box("demo-sbc-2");
		box.stop();
		long polledBefore1 = polledAt("demo-sbc-1");
		long polledBefore3 = polledAt("demo-sbc-3");

		waitUntil(() -> state("demo-sbc-2").equals("DOWN"));
		assertThat(rowText("demo-sbc-2")).contains("Unreachable", "connection refused");

		waitUntil(() -> polledAt("demo-sbc-1") > polledBefore1 && polledAt("demo-sbc-3") > polledBefore3);
		assertThat(state("demo-sbc-1")).isEqualTo("UP");
		assertThat(state("demo-sbc-3")).isEqualTo("UP");
	}

	@Test
	void aRowOpensTheSbcsOwnPageWithItsStatusAndTabs() {
		logIn("admin", "admin");
		waitUntil(() -> state("demo-sbc-3").equals("UP"));

		// the row may be swapped between finding and clicking its link: try again until the page changes
		waitUntil(() -> {
			if (!this.browser.getCurrentUrl().matches(".*/sbcs/\\d+$")) {
				this.browser.findElement(By.linkText("demo-sbc-3")).click();
			}
			return this.browser.getCurrentUrl().matches(".*/sbcs/\\d+$");
		});
		assertThat(this.browser.findElement(By.tagName("h1")).getText()).isEqualTo("demo-sbc-3");
		assertThat(this.browser.findElement(By.cssSelector("nav.tabs a[aria-current=page]")).getText())
			.isEqualTo("Monitor");
		// the status section is swapped by HTMX every second: read it afresh until it shows the SBC up
		waitUntil(() -> "UP".equals(this.browser.findElement(By.id("sbc-status")).getDomAttribute("data-state"))
				&& this.browser.findElement(By.id("sbc-status")).getText().contains("Reachable")
				&& this.browser.findElement(By.id("sbc-status")).getText().contains("Demo West"));
	}

	@Test
	void whenTheSessionEndsTheOverviewGoesToTheLoginPageAndBackToItself() {
		logIn("admin", "admin");
		waitUntil(() -> state("demo-sbc-1").equals("UP"));

		// sessions live in the database (Spring Session), under its cookie
		this.browser.manage().deleteCookieNamed("SESSION");

		waitUntil(() -> this.browser.getCurrentUrl().contains("/login"));
		assertThat(this.browser.findElements(By.id("fleet-rows"))).isEmpty();
		BrowserSession.submitLogin(this.browser, "admin", "admin");
		waitUntil(() -> this.browser.getCurrentUrl().endsWith("/overview"));
		assertThat(this.browser.findElement(By.tagName("h1")).getText()).isEqualTo("Fleet overview");
	}

	@Test
	void aWrongPasswordKeepsTheOperatorOnTheLoginPageWithAMessage() {
		logIn("admin", "not-the-password");

		waitUntil(() -> this.browser.getCurrentUrl().contains("/login?error"));
		assertThat(this.browser.findElement(By.cssSelector("[role=alert]")).getText()).contains("Wrong user name");
	}

	private void logIn(String username, String password) {
		this.browser.get("http://localhost:" + this.port + "/overview");
		BrowserSession.submitLogin(this.browser, username, password);
	}

	private String state(String sbc) {
		return fresh(() -> row(sbc).map(row -> row.getDomAttribute("data-state")).orElse(""));
	}

	/** Rows are swapped by HTMX every second: read again when the row went away while being read. */
	private <T> T fresh(java.util.function.Supplier<T> read) {
		for (int attempt = 0;; attempt++) {
			try {
				return read.get();
			}
			catch (org.openqa.selenium.StaleElementReferenceException ex) {
				if (attempt == 10) {
					throw ex;
				}
			}
		}
	}

	private long polledAt(String sbc) {
		String polled = fresh(() -> row(sbc).map(row -> row.getDomAttribute("data-polled")).orElse(null));
		return polled == null || polled.isEmpty() ? 0 : Long.parseLong(polled);
	}

	private String rowText(String sbc) {
		return fresh(() -> row(sbc).map(WebElement::getText).orElse(""));
	}

	private java.util.Optional<WebElement> row(String sbc) {
		// rows are swapped by HTMX every second: look them up afresh each time
		try {
			List<WebElement> rows = this.browser.findElements(By.cssSelector("tr[data-sbc='" + sbc + "']"));
			return rows.isEmpty() ? java.util.Optional.empty() : java.util.Optional.of(rows.get(0));
		}
		catch (org.openqa.selenium.StaleElementReferenceException ex) {
			return java.util.Optional.empty();
		}
	}

	private void waitUntil(java.util.function.BooleanSupplier condition) {
		new WebDriverWait(this.browser, Duration.ofSeconds(20)).ignoring(org.openqa.selenium.StaleElementReferenceException.class)
			.until(driver -> condition.getAsBoolean());
	}

}
