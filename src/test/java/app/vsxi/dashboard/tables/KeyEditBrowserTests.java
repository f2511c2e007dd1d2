package app.vsxi.dashboard.tables;

import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

import app.vsxi.dashboard.demo.DemoFleet;
import app.vsxi.dashboard.fleet.SbcRepository;
import app.vsxi.dashboard.support.BrowserSession;
import app.vsxi.dashboard.support.BrowserSteps;
import app.vsxi.dashboard.support.DemoSbcs;
import app.vsxi.dashboard.support.ClassBrowser;
import app.vsxi.dashboard.support.RequiresBrowser;
import app.vsxi.dashboard.support.SameApplication;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An operator moves a route to another route table in a real browser: the preview says which calls go in which
 * order and why, and after apply the box holds the route once, in its new table, whichever fields the box matches
 * routes on.
 */
@RequiresBrowser
// an application of its own for the table editor's browser tests, so they run beside the other browser tests
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "spring.application.name=vsxi-dashboard-tables")
@ActiveProfiles({ "demo", "test" })
@ResourceLock(providers = SameApplication.class)
class KeyEditBrowserTests {

	private static final String BOX = "demo-sbc-2";

	@LocalServerPort
	int port;

	@Autowired
	SbcRepository sbcs;

	@Autowired
	DemoFleet demo;

	// one browser for the class, started once; each test signs in afresh on a clean session
	private static final ClassBrowser BROWSER = new ClassBrowser();

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
		this.demo.box(BOX).quirks(Map.of("rowKeys", Map.of()));
		BROWSER.forget();
	}

	@ParameterizedTest(name = "box keyed on {0}")
	@ValueSource(strings = { "alias", "alias,tableId", "alias,tableId,digitMatch" })
	void aRouteMovedToAnotherTableIsOnTheBoxOnce(String boxKey) throws Exception {
		this.demo.box(BOX).quirks(Map.of("rowKeys", Map.of("route", List.of(boxKey.split(",")))));
		long sbcId = DemoSbcs.id(this.sbcs, BOX);
		BrowserSession.logIn(this.browser, url("/sbcs/" + sbcId + "/tables"), "admin", "admin");
		waitUntil(() -> this.browser.getCurrentUrl().contains("/tables") && !this.browser.getCurrentUrl().contains("/login"));
		this.browser.findElement(By.cssSelector("#table-route form.open-table button")).click();
		waitUntil(() -> this.browser.getCurrentUrl().contains("/drafts/"));
		WebElement firstRow = this.browser.findElement(By.cssSelector("#rows tr"));
		String alias = firstRow.findElements(By.tagName("td")).get(0).getText();

		firstRow.findElement(By.cssSelector("button.edit")).click();
		waitUntil(() -> !this.browser.findElements(By.cssSelector("#rows tr.editing input[name=v_tableId]")).isEmpty());
		WebElement tableId = this.browser.findElement(By.cssSelector("#rows tr.editing input[name=v_tableId]"));
		String moved = tableId.getDomProperty("value").equals("1") ? "2" : "1";
		tableId.clear();
		tableId.sendKeys(moved + Keys.ENTER);
		waitUntil(() -> this.browser.findElements(By.cssSelector("#rows tr.editing")).isEmpty());
		this.browser.findElement(By.linkText("Preview changes")).click();
		waitUntil(() -> this.browser.getCurrentUrl().endsWith("/preview"));

		assertThat(this.browser.findElement(By.cssSelector(".summary")).getText())
			.isEqualTo("1 added, 1 removed, 0 changed (0 fields)");
		List<String> steps = this.browser.findElements(By.cssSelector(".write-order li")).stream()
			.map(WebElement::getText).toList();
		assertThat(steps).hasSize(4);
		assertThat(steps.get(0)).startsWith("update with 1 row");
		assertThat(steps.get(1)).startsWith("Read the table back");
		assertThat(steps.get(2)).startsWith("delete of at most 1 row, each only if the box still holds it");
		assertThat(steps.get(3)).startsWith("Read the whole table back");
		screenshot("key-edit-preview-" + boxKey.replace(',', '-'));

		this.browser.findElement(By.cssSelector("form button.primary")).click();
		waitUntil(() -> this.browser.findElement(By.tagName("h1")).getText().startsWith("Applied"));
		assertThat(this.browser.findElement(By.tagName("h1")).getText()).isEqualTo("Applied and verified: route on " + BOX);
		screenshot("key-edit-applied-" + boxKey.replace(',', '-'));

		List<Map<String, Object>> held = this.demo.box(BOX).entries("route").stream()
			.filter(route -> alias.equals(route.get("alias")))
			.toList();
		assertThat(held).singleElement()
			.satisfies(route -> assertThat(String.valueOf(route.get("tableId"))).isEqualTo(moved));
	}

	private String url(String path) {
		return "http://localhost:" + this.port + path;
	}

	private void screenshot(String name) throws Exception {
		BrowserSteps.screenshot(this.browser, "table-editor-screens", name);
	}

	private void waitUntil(BooleanSupplier condition) {
		BrowserSteps.waitUntil(this.browser, condition);
	}

}
