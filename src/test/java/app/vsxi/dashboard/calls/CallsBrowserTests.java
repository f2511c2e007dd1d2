package app.vsxi.dashboard.calls;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

import app.vsxi.dashboard.fleet.FleetService;
import app.vsxi.dashboard.support.BrowserSession;
import app.vsxi.dashboard.support.DemoSbcs;
import app.vsxi.dashboard.support.ClassBrowser;
import app.vsxi.dashboard.support.RequiresBrowser;
import app.vsxi.dashboard.support.SameApplication;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/** An operator kills a call and removes a registration in a real browser, confirming each after its preview. */
@RequiresBrowser
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "vsxi.gateway.read-timeout=15s")
@ActiveProfiles({ "demo", "test" })
@ResourceLock(providers = SameApplication.class)
class CallsBrowserTests {

	@LocalServerPort
	int port;

	@Autowired
	FleetService fleet;

	private static final ClassBrowser BROWSER = new ClassBrowser();

	private WebDriver browser;

	private long sbcId;

	@BeforeEach
	void openBrowser() throws Exception {
		this.browser = BROWSER.get();
		this.sbcId = DemoSbcs.id(this.fleet, "demo-sbc-2");
		BrowserSession.logIn(this.browser, "http://localhost:" + this.port + "/overview", "admin", "admin");
		waitUntil(() -> this.browser.getCurrentUrl().contains("/overview"));
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
	void killACallFromThePageConfirmAndSeeItGone() throws Exception {
		this.browser.get("http://localhost:" + this.port + "/sbcs/" + this.sbcId + "/calls");
		waitUntil(() -> !this.browser.findElements(By.cssSelector("tr[data-call] button.kill")).isEmpty());
		WebElement row = this.browser.findElements(By.cssSelector("tr[data-call]")).get(0);
		String callId = row.getDomAttribute("data-call");

		row.findElement(By.cssSelector("button.kill")).click();
		waitUntil(() -> !this.browser.findElements(By.id("removal-confirm")).isEmpty());
		assertThat(this.browser.findElement(By.id("removal-body")).getText()).contains(callId).contains("callID");
		screenshot("calls-kill-preview");
		this.browser.findElement(By.cssSelector("#removal-confirm button[type=submit]")).click();

		waitUntil(() -> !this.browser.findElements(By.id("removal-report")).isEmpty());
		assertThat(this.browser.findElement(By.id("removal-report")).getText()).contains("The call is gone");
		screenshot("calls-kill-report");
		waitUntil(() -> callIds().stream().noneMatch(callId::equals) && !callIds().isEmpty());
	}

	@Test
	void theKilledCallIsGoneFromTheListUnderTheResultTheMomentTheResultAppears() throws Exception {
		this.browser.get("http://localhost:" + this.port + "/sbcs/" + this.sbcId + "/calls");
		waitUntil(() -> this.browser.findElements(By.cssSelector("tr[data-call] button.kill")).size() > 1);
		WebElement row = this.browser.findElements(By.cssSelector("tr[data-call]")).get(1);
		String callId = row.getDomAttribute("data-call");
		row.findElement(By.cssSelector("button.kill")).click();
		waitUntil(() -> !this.browser.findElements(By.id("removal-confirm")).isEmpty());
		// the calls listed when the result is put on the page, before any later refresh of the list could run
		((JavascriptExecutor) this.browser).executeScript("""
				window.listedWithResult = null;
				new MutationObserver(function (changes, observer) {
				  if (document.getElementById('removal-report')) {
				    window.listedWithResult = Array.from(document.querySelectorAll('#call-table tr[data-call]'))
				      .map(function (row) { return row.getAttribute('data-call'); });
				    observer.disconnect();
				  }
				}).observe(document.body, { childList: true, subtree: true });""");

		this.browser.findElement(By.cssSelector("#removal-confirm button[type=submit]")).click();

		waitUntil(() -> ((JavascriptExecutor) this.browser).executeScript("return window.listedWithResult") != null);
		@SuppressWarnings("unchecked")
		List<String> listed = (List<String>) ((JavascriptExecutor) this.browser)
			.executeScript("return window.listedWithResult");
		assertThat(this.browser.findElement(By.id("removal-report")).getText()).contains("The call is gone");
		assertThat(listed).isNotEmpty().doesNotContain(callId);
		WebElement report = this.browser.findElement(By.id("removal-report"));
		WebElement list = this.browser.findElement(By.id("call-table"));
		assertThat(report.getLocation().getY()).as("the result sits above the list").isLessThan(list.getLocation().getY());
		screenshot("calls-list-under-kill-report");
	}

	@Test
	void deleteARegistrationAfterThePreview() throws Exception {
		this.browser.get("http://localhost:" + this.port + "/sbcs/" + this.sbcId + "/registrations");
		waitUntil(() -> !this.browser.findElements(By.cssSelector("tr[data-registration]")).isEmpty());
		WebElement row = this.browser.findElements(By.cssSelector("tr[data-registration]")).get(0);
		String id = row.getDomAttribute("data-registration");

		row.findElement(By.cssSelector("input[name=ids]")).click();
		this.browser.findElement(By.cssSelector("#registration-selection button[type=submit]")).click();
		waitUntil(() -> !this.browser.findElements(By.id("removal-confirm")).isEmpty());
		assertThat(this.browser.findElement(By.id("removal-preview")).getText()).contains("1 registration match")
			.contains(id);
		assertThat(this.browser.findElement(By.id("removal-body")).getText()).contains("<id>" + id + "</id>");
		screenshot("registrations-preview");
		this.browser.findElement(By.cssSelector("#removal-confirm button[type=submit]")).click();

		waitUntil(() -> !this.browser.findElements(By.id("removal-report")).isEmpty());
		assertThat(this.browser.findElement(By.id("removal-report")).getText()).contains("The registration is gone");
		// the list under the result was read after the delete: this page does not refresh it on its own
		assertThat(this.browser.findElements(By.cssSelector("tr[data-registration='" + id + "']"))).isEmpty();
		assertThat(this.browser.findElements(By.cssSelector("tr[data-registration]"))).isNotEmpty();
		this.browser.get("http://localhost:" + this.port + "/sbcs/" + this.sbcId + "/registrations");
		assertThat(this.browser.findElements(By.cssSelector("tr[data-registration='" + id + "']"))).isEmpty();
		screenshot("registrations-after");
	}

	private List<String> callIds() {
		try {
			return this.browser.findElements(By.cssSelector("tr[data-call]")).stream().map(r -> r.getDomAttribute("data-call")).toList();
		}
		catch (StaleElementReferenceException ex) {
			return List.of();
		}
	}

	/** Kept under target/ for a person to look at; the assertions above are the test. */
	private void screenshot(String name) throws Exception {
		File shot = ((TakesScreenshot) this.browser).getScreenshotAs(OutputType.FILE);
		Path dir = Files.createDirectories(Path.of("target", "screenshots"));
		Files.copy(shot.toPath(), dir.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
	}

	private void waitUntil(BooleanSupplier condition) {
		new WebDriverWait(this.browser, Duration.ofSeconds(30)).ignoring(StaleElementReferenceException.class)
			.until(driver -> condition.getAsBoolean());
	}

}
