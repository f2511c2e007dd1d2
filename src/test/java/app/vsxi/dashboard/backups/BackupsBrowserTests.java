package app.vsxi.dashboard.backups;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;

import app.vsxi.dashboard.fleet.FleetService;
import app.vsxi.dashboard.fleet.Sbc;
import app.vsxi.dashboard.gateway.GatewayResult;
import app.vsxi.dashboard.gateway.SbcEndpoint;
import app.vsxi.dashboard.gateway.TableCommands;
import app.vsxi.dashboard.gateway.TableDocument;
import app.vsxi.dashboard.gateway.TableRow;
import app.vsxi.dashboard.gateway.VsxiTable;
import app.vsxi.dashboard.gateway.WriteOutcome;
import app.vsxi.dashboard.support.BrowserSession;
import app.vsxi.dashboard.support.BrowserSteps;
import app.vsxi.dashboard.support.ClassBrowser;
import app.vsxi.dashboard.support.DemoSbcs;
import app.vsxi.dashboard.support.RequiresBrowser;
import app.vsxi.dashboard.support.SameApplication;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An operator backs an SBC up from its Backups tab, finds a change made on the box since, reads its diff, and
 * restores the table as it was through the editor's preview and apply, in a real browser.
 */
@RequiresBrowser
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "spring.application.name=vsxi-dashboard-backups-browser")
@ActiveProfiles({ "demo", "test" })
@ResourceLock(providers = SameApplication.class)
class BackupsBrowserTests {

	private static final String BOX = "demo-sbc-2";

	private static final ClassBrowser BROWSER = new ClassBrowser();

	@LocalServerPort
	int port;

	@Autowired
	FleetService fleet;

	@Autowired
	TableCommands gateway;

	private WebDriver browser;

	@AfterAll
	static void quitBrowser() {
		BROWSER.quit();
	}

	@BeforeEach
	void openBrowser() throws Exception {
		this.browser = BROWSER.get();
	}

	@AfterEach
	void closeBrowser() {
		BROWSER.forget();
	}

	private Sbc sbc() {
		return DemoSbcs.named(this.fleet, BOX);
	}

	private SbcEndpoint endpoint() {
		return this.fleet.endpoint(sbc());
	}

	private List<TableRow> routes() {
		List<TableRow> rows = new ArrayList<>();
		this.gateway.downloadLarge(endpoint(), VsxiTable.ROUTE, rows::add).block(Duration.ofMinutes(1));
		return rows;
	}

	@Test
	void aChangeOnTheBoxIsFoundShownAndRestoredFromTheBackupsTab() throws Exception {
		List<TableRow> before = routes();
		String backups = url("/sbcs/" + sbc().id() + "/backups");
		BrowserSession.logIn(this.browser, backups, "admin", "admin");
		waitUntil(() -> this.browser.getCurrentUrl().contains("/backups") && !this.browser.getCurrentUrl().contains("/login"));
		this.browser.findElement(By.id("back-up-now")).click();
		waitUntil(() -> reloaded(backups) && text("subject-route").contains("Version"));
		screenshot("1-backed-up");

		TableRow row = before.get(6);
		String maxLen = String.valueOf(Integer.parseInt(row.text("maxLen")) + 4);
		GatewayResult<WriteOutcome> changed = this.gateway.update(endpoint(), VsxiTable.ROUTE,
				new TableDocument("XBRouteList", "XBRoute", List.of(row.with("maxLen", maxLen))))
			.block(Duration.ofMinutes(1));
		assertThat(changed.isOk()).isTrue();
		this.browser.findElement(By.id("back-up-now")).click();
		waitUntil(() -> reloaded(backups) && !this.browser.findElements(By.id("drift-title")).isEmpty());
		assertThat(this.browser.findElement(By.cssSelector("section.drift")).getText()).contains("route",
				"changed on the box: 0 added, 0 removed, 1 changed (1 field)");
		screenshot("2-drift");

		this.browser.findElement(By.cssSelector("section.drift li a")).click();
		waitUntil(() -> this.browser.getCurrentUrl().contains("/diff"));
		assertThat(this.browser.findElement(By.id("changed")).getText()).contains("maxLen", row.text("maxLen"), maxLen);
		screenshot("3-diff");

		this.browser.findElement(By.linkText("History of this table")).click();
		waitUntil(() -> !this.browser.findElements(By.id("versions")).isEmpty());
		// the newest version is the change; the one after it in the list is the backup before it
		this.browser.findElements(By.cssSelector("#versions tbody tr")).get(1)
			.findElement(By.cssSelector("form.restore button")).click();
		waitUntil(() -> this.browser.getCurrentUrl().contains("/tables/drafts/"));
		screenshot("4-restore-draft");
		this.browser.findElement(By.linkText("Preview changes")).click();
		waitUntil(() -> this.browser.getCurrentUrl().endsWith("/preview"));
		assertThat(this.browser.findElement(By.cssSelector(".summary")).getText())
			.isEqualTo("0 added, 0 removed, 1 changed (1 field)");
		this.browser.findElement(By.cssSelector("button.primary")).click();
		waitUntil(() -> this.browser.findElement(By.tagName("h1")).getText().startsWith("Restored"));
		assertThat(this.browser.findElement(By.tagName("h1")).getText()).matches(
				"Restored backup version \\d+ and verified: route on " + BOX);
		screenshot("5-restored");
		assertThat(new HashSet<>(routes())).isEqualTo(new HashSet<>(before));
	}

	@Test
	void anOperatorSearchesTheFleetsBackupsAndQueriesOneBoxLive() throws Exception {
		String alias = routes().get(9).text("alias");
		String backups = url("/sbcs/" + sbc().id() + "/backups");
		BrowserSession.logIn(this.browser, backups, "admin", "admin");
		waitUntil(() -> this.browser.getCurrentUrl().contains("/backups") && !this.browser.getCurrentUrl().contains("/login"));
		this.browser.findElement(By.id("back-up-now")).click();
		waitUntil(() -> reloaded(backups) && text("subject-route").contains("Version"));

		this.browser.findElement(By.cssSelector("a[href$='/backups/search']")).click();
		waitUntil(() -> this.browser.getCurrentUrl().contains("/backups/search"));
		this.browser.findElement(By.name("field")).sendKeys("alias");
		new org.openqa.selenium.support.ui.Select(this.browser.findElement(By.name("match"))).selectByVisibleText("is");
		this.browser.findElement(By.name("value")).sendKeys(alias);
		this.browser.findElement(By.cssSelector("form[role=search] button.primary")).click();
		waitUntil(() -> !this.browser.findElements(By.id("hits")).isEmpty());
		assertThat(this.browser.findElement(By.id("hits")).getText()).contains(BOX, alias);
		assertThat(this.browser.findElement(By.id("results-title")).getText()).startsWith("1 row in 1 SBC's backups of route");
		screenshot("6-search");

		this.browser.get(backups);
		this.browser.findElement(By.linkText("Query the box live")).click();
		waitUntil(() -> this.browser.getCurrentUrl().contains("/backups/query"));
		new org.openqa.selenium.support.ui.Select(this.browser.findElement(By.name("column"))).selectByValue("alias");
		new org.openqa.selenium.support.ui.Select(this.browser.findElement(By.name("operator"))).selectByVisibleText("is");
		this.browser.findElement(By.name("value")).sendKeys(alias);
		this.browser.findElement(By.cssSelector("form[role=search] button.primary")).click();
		waitUntil(() -> !this.browser.findElements(By.id("answer")).isEmpty());
		assertThat(this.browser.findElement(By.id("answer")).getText()).contains(alias);
		screenshot("7-query");
	}

	/** Loads the page again; true so it can lead a condition that is then read on the fresh page. */
	private boolean reloaded(String page) {
		this.browser.get(page);
		return true;
	}

	private String text(String id) {
		return this.browser.findElements(By.id(id)).isEmpty() ? "" : this.browser.findElement(By.id(id)).getText();
	}

	private String url(String path) {
		return "http://localhost:" + this.port + path;
	}

	private void screenshot(String name) throws Exception {
		BrowserSteps.screenshot(this.browser, "backups-screens", name);
	}

	private void waitUntil(BooleanSupplier condition) {
		BrowserSteps.waitUntil(this.browser, condition);
	}

}
