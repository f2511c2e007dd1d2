package app.vsxi.dashboard.tables;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

import reactor.core.publisher.Mono;

import app.vsxi.dashboard.demo.DemoFleet;
import app.vsxi.dashboard.fleet.FleetService;
import app.vsxi.dashboard.fleet.Sbc;
import app.vsxi.dashboard.fleet.SbcRepository;
import app.vsxi.dashboard.gateway.GatewayResult;
import app.vsxi.dashboard.gateway.SbcEndpoint;
import app.vsxi.dashboard.gateway.TableCommands;
import app.vsxi.dashboard.gateway.TableDocument;
import app.vsxi.dashboard.gateway.TableRow;
import app.vsxi.dashboard.gateway.VsxiTable;
import app.vsxi.dashboard.gateway.WriteOutcome;
import app.vsxi.dashboard.support.Axe;
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
 * An operator edits a route field in a real browser, sees the diff, applies it and finds the new value; and settles
 * a conflict with a change made on the box meanwhile.
 */
@RequiresBrowser
// an application of its own for the table editor's browser tests, so they run beside the other browser tests
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "spring.application.name=vsxi-dashboard-tables")
@ActiveProfiles({ "demo", "test" })
@ResourceLock(providers = SameApplication.class)
class TableEditorBrowserTests {

	@LocalServerPort
	int port;

	@Autowired
	SbcRepository sbcs;

	@Autowired
	FleetService fleet;

	@Autowired
	TableCommands gateway;

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
		BROWSER.forget();
	}

	@Test
	void anEditedRouteFieldIsPreviewedAppliedAndThereAfterReload() throws Exception {
		long sbcId = DemoSbcs.id(this.sbcs, "demo-sbc-3");
		BrowserSession.logIn(this.browser, url("/sbcs/" + sbcId + "/tables"), "admin", "admin");
		waitUntil(() -> this.browser.getCurrentUrl().contains("/tables") && !this.browser.getCurrentUrl().contains("/login"));
		screenshot("1-tables");
		this.browser.findElement(By.cssSelector("#table-route form.open-table button")).click();
		waitUntil(() -> this.browser.getCurrentUrl().contains("/drafts/"));
		String draftUrl = this.browser.getCurrentUrl();
		WebElement firstRow = this.browser.findElement(By.cssSelector("#rows tr"));
		String alias = firstRow.findElements(By.tagName("td")).get(0).getText();
		screenshot("2-draft");

		firstRow.findElement(By.cssSelector("button.edit")).click();
		waitUntil(() -> !this.browser.findElements(By.cssSelector("#rows tr.editing input[name=v_digitMatch]")).isEmpty());
		WebElement digitMatch = this.browser.findElement(By.cssSelector("#rows tr.editing input[name=v_digitMatch]"));
		String before = digitMatch.getDomProperty("value");
		digitMatch.clear();
		digitMatch.sendKeys("4477" + Keys.ENTER);
		waitUntil(() -> this.browser.findElements(By.cssSelector("#rows tr.editing")).isEmpty()
				&& !this.browser.findElements(By.cssSelector("#rows tr.changed")).isEmpty());
		assertThat(this.browser.findElement(By.cssSelector("#rows tr.changed")).getText()).contains("4477");
		screenshot("3-edited");

		this.browser.findElement(By.linkText("Preview changes")).click();
		waitUntil(() -> this.browser.getCurrentUrl().endsWith("/preview"));
		assertThat(this.browser.findElement(By.cssSelector(".summary")).getText())
			.isEqualTo("0 added, 0 removed, 1 changed (1 field)");
		assertThat(this.browser.findElement(By.cssSelector("table.diff")).getText()).contains("digitMatch", before,
				"4477");
		assertThat(this.browser.findElement(By.cssSelector(".payload pre")).getText()).contains("<digitMatch>4477</digitMatch>");
		screenshot("4-preview");

		this.browser.findElement(By.cssSelector("button.primary")).click();
		waitUntil(() -> this.browser.findElement(By.tagName("h1")).getText().startsWith("Applied"));
		assertThat(this.browser.findElement(By.tagName("h1")).getText()).isEqualTo("Applied and verified: route on demo-sbc-3");
		screenshot("5-applied");

		this.browser.get(url("/sbcs/" + sbcId + "/tables"));
		this.browser.findElement(By.cssSelector("#table-route form.open-table button")).click();
		waitUntil(() -> this.browser.getCurrentUrl().contains("/drafts/") && !this.browser.getCurrentUrl().equals(draftUrl));
		WebElement filter = this.browser.findElement(By.name("f_alias"));
		filter.sendKeys(alias + Keys.ENTER);
		waitUntil(() -> this.browser.getCurrentUrl().contains("f_alias="));
		WebElement row = this.browser.findElement(By.cssSelector("#rows tr"));
		assertThat(row.findElements(By.tagName("td")).get(0).getText()).isEqualTo(alias);
		assertThat(row.getText()).contains("4477");
		screenshot("6-reloaded");
	}

	@Test
	void browsingKeepsTheFilterTheEditCountFollowsWithoutReloadAndAValueIsCheckedAsItIsTyped() throws Exception {
		long sbcId = DemoSbcs.id(this.sbcs, "demo-sbc-1");
		BrowserSession.logIn(this.browser, url("/sbcs/" + sbcId + "/tables"), "admin", "admin");
		waitUntil(() -> this.browser.getCurrentUrl().contains("/tables") && !this.browser.getCurrentUrl().contains("/login"));
		this.browser.findElement(By.cssSelector("#table-route form.open-table button")).click();
		waitUntil(() -> this.browser.getCurrentUrl().contains("/drafts/"));
		String alias = this.browser.findElement(By.cssSelector("#rows tr td")).getText();
		String needle = alias.substring(0, Math.min(3, alias.length()));

		this.browser.findElement(By.name("f_alias")).sendKeys(needle + Keys.ENTER);
		waitUntil(() -> this.browser.getCurrentUrl().contains("f_alias="));
		this.browser.findElement(By.linkText("digitMatch")).click();
		waitUntil(() -> this.browser.getCurrentUrl().contains("sort=digitMatch"));
		assertThat(this.browser.getCurrentUrl()).contains("f_alias=" + needle);
		assertThat(this.browser.findElement(By.name("f_alias")).getDomProperty("value")).isEqualTo(needle);
		for (WebElement cell : this.browser.findElements(By.cssSelector("#rows tr td:first-child"))) {
			assertThat(cell.getText().toLowerCase()).contains(needle.toLowerCase());
		}
		assertThat(this.browser.findElement(By.id("edited-count")).getText()).startsWith("0 edited");

		((org.openqa.selenium.JavascriptExecutor) this.browser).executeScript("window.notReloaded = true;");
		this.browser.findElement(By.cssSelector("#rows tr button.edit")).click();
		waitUntil(() -> !this.browser.findElements(By.cssSelector("#rows tr.editing input[name=v_minLen]")).isEmpty());
		WebElement minLen = this.browser.findElement(By.cssSelector("#rows tr.editing input[name=v_minLen]"));
		assertThat(minLen.getDomAttribute("title")).contains("shortest called number");
		minLen.sendKeys("x");
		String problem = minLen.getDomAttribute("aria-describedby").split(" ")[1];
		waitUntil(() -> text(problem).contains("takes a whole number"));
		screenshot("7-checked-as-typed");
		minLen.sendKeys(Keys.ESCAPE);
		waitUntil(() -> this.browser.findElements(By.cssSelector("#rows tr.editing")).isEmpty());
		assertThat(this.browser.findElements(By.cssSelector("#rows tr.changed"))).isEmpty();

		this.browser.findElement(By.cssSelector("#rows tr button.edit")).click();
		waitUntil(() -> !this.browser.findElements(By.cssSelector("#rows tr.editing input[name=v_digitMatch]")).isEmpty());
		WebElement digitMatch = this.browser.findElement(By.cssSelector("#rows tr.editing input[name=v_digitMatch]"));
		digitMatch.clear();
		digitMatch.sendKeys("5151" + Keys.ENTER);
		waitUntil(() -> text("edited-count").startsWith("1 edited"));
		assertThat(((org.openqa.selenium.JavascriptExecutor) this.browser).executeScript("return window.notReloaded"))
			.isEqualTo(Boolean.TRUE);
		screenshot("8-count-updated");
	}

	@Test
	void aConflictOnARouteWithAnAwkwardKeyIsResolvedInThePageAndTheChosenValueEndsOnTheBox() throws Exception {
		Sbc sbc = DemoSbcs.named(this.fleet, "demo-sbc-2");
		SbcEndpoint endpoint = this.fleet.endpoint(sbc);
		TableRow awkward = routes(endpoint).get(0).with("alias", ConflictResolutionTests.AWKWARD_ALIAS)
			.with("digitMatch", "4510");
		write(this.gateway.update(endpoint, VsxiTable.ROUTE, routeDocument(List.of(awkward))));
		try {
			BrowserSession.logIn(this.browser, url("/sbcs/" + sbc.id() + "/tables"), "admin", "admin");
			waitUntil(() -> this.browser.getCurrentUrl().contains("/tables") && !this.browser.getCurrentUrl().contains("/login"));
			this.browser.findElement(By.cssSelector("#table-route form.open-table button")).click();
			waitUntil(() -> this.browser.getCurrentUrl().contains("/drafts/"));
			this.browser.findElement(By.name("f_alias")).sendKeys("conflict" + Keys.ENTER);
			waitUntil(() -> this.browser.getCurrentUrl().contains("f_alias=")
					&& this.browser.findElements(By.cssSelector("#rows tr")).size() == 1);
			this.browser.findElement(By.cssSelector("#rows tr button.edit")).click();
			waitUntil(() -> !this.browser.findElements(By.cssSelector("#rows tr.editing input[name=v_digitMatch]")).isEmpty());
			WebElement digitMatch = this.browser.findElement(By.cssSelector("#rows tr.editing input[name=v_digitMatch]"));
			digitMatch.clear();
			digitMatch.sendKeys("4520" + Keys.ENTER);
			waitUntil(() -> !this.browser.findElements(By.cssSelector("#rows tr.changed")).isEmpty());

			// someone else changes the same field of the same route on the box meanwhile
			write(this.gateway.update(endpoint, VsxiTable.ROUTE, routeDocument(List.of(awkward.with("digitMatch", "4530")))));
			this.browser.findElement(By.linkText("Preview changes")).click();
			waitUntil(() -> this.browser.getCurrentUrl().endsWith("/preview"));
			this.browser.findElement(By.cssSelector("button.primary")).click();
			waitUntil(() -> this.browser.findElement(By.tagName("h1")).getText().startsWith("The table changed"));
			WebElement conflict = this.browser.findElement(By.cssSelector("table.three-way tbody tr"));
			assertThat(conflict.getText()).contains("Both changed: digitMatch", "4510", "4530", "4520");
			screenshot("9-three-way");
			assertThat(Axe.seriousViolations(this.browser, "the three-way page")).isEmpty();

			conflict.findElement(By.cssSelector("input[type=radio][value=OURS]")).click();
			this.browser.findElement(By.xpath("//button[normalize-space()='Apply with these choices']")).click();
			waitUntil(() -> this.browser.findElement(By.tagName("h1")).getText().startsWith("Applied"));

			assertThat(this.browser.findElement(By.tagName("h1")).getText()).isEqualTo("Applied and verified: route on demo-sbc-2");
			screenshot("10-conflict-resolved");
			assertThat(this.demo.box("demo-sbc-2").entries("route").stream()
				.filter(route -> ConflictResolutionTests.AWKWARD_ALIAS.equals(route.get("alias"))))
				.singleElement()
				.satisfies(route -> assertThat(String.valueOf(route.get("digitMatch"))).isEqualTo("4520"));
		}
		finally {
			List<TableRow> left = routes(endpoint).stream()
				.filter(row -> ConflictResolutionTests.AWKWARD_ALIAS.equals(row.text("alias")))
				.toList();
			if (!left.isEmpty()) {
				write(this.gateway.delete(endpoint, VsxiTable.ROUTE, routeDocument(left)));
			}
		}
	}

	private List<TableRow> routes(SbcEndpoint endpoint) {
		List<TableRow> rows = new ArrayList<>();
		assertThat(this.gateway.downloadLarge(endpoint, VsxiTable.ROUTE, rows::add).block(Duration.ofMinutes(1)))
			.isInstanceOf(GatewayResult.Ok.class);
		return rows;
	}

	private static TableDocument routeDocument(List<TableRow> rows) {
		return new TableDocument("XBRouteList", "XBRoute", rows);
	}

	private static void write(Mono<GatewayResult<WriteOutcome>> call) {
		assertThat(call.block(Duration.ofMinutes(1))).isInstanceOf(GatewayResult.Ok.class);
	}

	/** An element's text read in one step, so an out-of-band swap between finding and reading it does no harm. */
	private String text(String id) {
		Object text = ((org.openqa.selenium.JavascriptExecutor) this.browser).executeScript(
				"var e = document.getElementById(arguments[0]); return e ? e.textContent.trim() : '';", id);
		return String.valueOf(text);
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
