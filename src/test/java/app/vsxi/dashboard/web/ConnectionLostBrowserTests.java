package app.vsxi.dashboard.web;

import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

import app.vsxi.dashboard.support.BrowserSteps;
import app.vsxi.dashboard.support.ClassBrowser;
import app.vsxi.dashboard.support.RequiresBrowser;
import app.vsxi.dashboard.support.SameApplication;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A page that refreshes by itself says when its refreshes stop getting answers (the browser taken off the network)
 * and stops saying so at the first answer after.
 */
@RequiresBrowser
// an application of its own for these browser tests, so they run beside the other browser tests
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "spring.application.name=vsxi-dashboard-pages")
@ActiveProfiles({ "demo", "test" })
@ResourceLock(providers = SameApplication.class)
class ConnectionLostBrowserTests {

	@LocalServerPort
	int port;

	private static final ClassBrowser BROWSER = new ClassBrowser();

	private ChromeDriver browser;

	@BeforeEach
	void openBrowser() throws Exception {
		this.browser = BROWSER.get();
		this.browser.get("http://localhost:" + this.port + "/overview");
		this.browser.findElement(By.id("username")).sendKeys("admin");
		this.browser.findElement(By.id("password")).sendKeys("admin");
		this.browser.findElement(By.cssSelector("button[type=submit]")).click();
		BrowserSteps.waitUntil(this.browser, () -> this.browser.getCurrentUrl().contains("/overview"));
		this.browser.executeCdpCommand("Network.enable", Map.of());
	}

	@AfterEach
	void closeBrowser() {
		if (this.browser != null) {
			offline(false);
		}
		BROWSER.forget();
	}

	@AfterAll
	static void quitBrowser() {
		BROWSER.quit();
	}

	@Test
	void theWallboardSaysWhenTheDashboardStopsAnsweringAndClearsOnceItAnswers() {
		seeTheBannerComeAndGo("/wallboard");
	}

	@Test
	void theFleetCallsPageSaysWhenTheDashboardStopsAnsweringAndClearsOnceItAnswers() {
		seeTheBannerComeAndGo("/calls");
	}

	private void seeTheBannerComeAndGo(String path) {
		this.browser.get("http://localhost:" + this.port + path);
		WebElement banner = this.browser.findElement(By.id("connection-lost"));
		assertThat(banner.isDisplayed()).isFalse();

		offline(true);
		BrowserSteps.waitUntil(this.browser, banner::isDisplayed);
		assertThat(banner.getText()).startsWith("The dashboard has not answered since ")
			.endsWith("; the figures below may be old.");

		offline(false);
		BrowserSteps.waitUntil(this.browser, () -> !banner.isDisplayed());
	}

	private void offline(boolean offline) {
		this.browser.executeCdpCommand("Network.emulateNetworkConditions",
				Map.of("offline", offline, "latency", 0, "downloadThroughput", -1, "uploadThroughput", -1));
	}

}
