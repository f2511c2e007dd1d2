package app.vsxi.dashboard.changes;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.ActiveProfiles;

import app.vsxi.dashboard.access.AppUser;
import app.vsxi.dashboard.access.AppUserRepository;
import app.vsxi.dashboard.access.UserGrantRepository;
import app.vsxi.dashboard.approvals.ApprovalFixture;
import app.vsxi.dashboard.approvals.ApprovalPolicy;
import app.vsxi.dashboard.approvals.ApprovalSettings;
import app.vsxi.dashboard.approvals.Approvals;
import app.vsxi.dashboard.fleet.FleetService;
import app.vsxi.dashboard.fleet.SbcRepository;
import app.vsxi.dashboard.gateway.TableCommands;
import app.vsxi.dashboard.gateway.TableRow;
import app.vsxi.dashboard.support.BrowserSession;
import app.vsxi.dashboard.support.BrowserSteps;
import app.vsxi.dashboard.support.ClassBrowser;
import app.vsxi.dashboard.support.RequiresBrowser;
import app.vsxi.dashboard.support.SameApplication;
import app.vsxi.dashboard.tables.EditableTable;
import app.vsxi.dashboard.tables.engine.RowKey;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * In chromium: an operator edits a route on one SBC, makes a fleet-wide change of the edit, aims it at the three
 * demo boxes and previews it; starting it asks for approval; a second person sees the badge, reads the request and
 * approves it; the change then goes out canary first, every box verified, and is rolled back.
 */
@RequiresBrowser
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "spring.application.name=vsxi-dashboard-changes-browser")
@ActiveProfiles({ "demo", "test" })
@ResourceLock(providers = SameApplication.class)
class ChangesBrowserTests {

	private static final ClassBrowser BROWSER = new ClassBrowser();

	private static final List<String> KEY = EditableTable.ROUTE.keyFields();

	private static final String APPROVER_PASSWORD = "second-person-4711";

	@LocalServerPort
	int port;

	@Autowired
	org.springframework.context.ApplicationContext context;

	@Autowired
	ApprovalSettings settings;

	@Autowired
	Approvals approvals;

	@Autowired
	PasswordEncoder encoder;

	private ApprovalFixture fixture;

	private WebDriver browser;

	private final Map<String, List<TableRow>> original = new HashMap<>();

	@AfterAll
	static void quitBrowser() {
		BROWSER.quit();
	}

	@BeforeEach
	void setUp() throws Exception {
		this.fixture = ApprovalFixture.of(this.context);
		if (!this.fixture.exists("second-person")) {
			this.fixture.users().save(AppUser.create("second-person", this.encoder.encode(APPROVER_PASSWORD), true, false));
		}
		this.fixture.admin("changes-browser-admin");
		this.fixture.as("changes-browser-admin");
		this.settings.save(new ApprovalPolicy(false, false, 20, false, 10, true, false));
		ChangeSetTests.BOXES.forEach(box -> this.original.put(box, this.fixture.routes(box)));
		this.browser = BROWSER.get();
	}

	@AfterEach
	void tearDown() {
		BROWSER.forget();
		this.fixture.as("changes-browser-admin");
		this.approvals.expire(Instant.now().plus(Duration.ofDays(1000)));
		this.settings.save(new ApprovalPolicy(false, false, 20, false, 10, false, false));
		ChangeSetTests.BOXES.forEach(box -> this.fixture.restore(box, this.original.get(box)));
		SecurityContextHolder.clearContext();
	}

	private String maxLen(String box, TableRow route) {
		return this.fixture.routes(box)
			.stream()
			.filter(row -> RowKey.of(row, KEY).equals(RowKey.of(route, KEY)))
			.findFirst()
			.orElseThrow()
			.text("maxLen");
	}

	@Test
	void aFleetChangeIsMadeApprovedByASecondPersonSentCanaryFirstAndRolledBack() throws Exception {
		TableRow route = ApprovalFixture.sharedRoute(this.original);
		String raised = "97";
		long source = this.fixture.sbc("demo-sbc-1").id();
		BrowserSession.logIn(this.browser, url("/sbcs/" + source + "/tables"), "admin", "admin");
		waitUntil(() -> this.browser.getCurrentUrl().contains("/tables") && !this.browser.getCurrentUrl().contains("/login"));
		this.browser.findElement(By.cssSelector("#table-route form.open-table button")).click();
		waitUntil(() -> this.browser.getCurrentUrl().contains("/drafts/"));
		this.browser.findElement(By.name("f_alias")).sendKeys(route.text("alias") + Keys.ENTER);
		waitUntil(() -> this.browser.getCurrentUrl().contains("f_alias="));
		this.browser.findElement(By.cssSelector("#rows tr button.edit")).click();
		waitUntil(() -> !this.browser.findElements(By.cssSelector("#rows tr.editing input[name=v_maxLen]")).isEmpty());
		WebElement maxLen = this.browser.findElement(By.cssSelector("#rows tr.editing input[name=v_maxLen]"));
		maxLen.clear();
		maxLen.sendKeys(raised + Keys.ENTER);
		waitUntil(() -> !this.browser.findElements(By.cssSelector("#rows tr.changed")).isEmpty());
		this.browser.findElement(By.linkText("Preview changes")).click();
		waitUntil(() -> this.browser.getCurrentUrl().endsWith("/preview"));
		this.browser.findElement(By.name("title")).sendKeys("raise maxLen everywhere");
		this.browser.findElement(By.cssSelector("form.fleet-change button")).click();
		waitUntil(() -> this.browser.getCurrentUrl().matches(".*/changes/\\d+$"));
		String change = this.browser.getCurrentUrl();
		screenshot("1-new-change");

		for (String box : ChangeSetTests.BOXES) {
			WebElement tick = this.browser.findElement(By.id("aim-" + this.fixture.sbc(box).id()));
			if (!tick.isSelected()) {
				tick.click();
			}
		}
		this.browser.findElement(By.cssSelector("input[name=canary][value='" + source + "']")).click();
		this.browser.findElement(By.cssSelector("#targets-form button")).click();
		waitUntil(() -> this.browser.findElements(By.cssSelector("#change-targets tbody tr")).size() == 3);
		this.browser.findElement(By.xpath("//button[text()='Preview on every SBC']")).click();
		waitUntil(() -> text("change-state").equals("PREVIEWED"));
		assertThat(text("change-targets")).contains("demo-sbc-1", "demo-sbc-2", "demo-sbc-3", "maxLen");
		screenshot("2-previewed");

		this.browser.findElement(By.xpath("//button[text()='Start: the canary first']")).click();
		waitUntil(() -> text("approval").contains("PENDING"));
		assertThat(this.browser.findElement(By.cssSelector(".notice")).getText()).contains("needs a second person's approval");
		screenshot("3-waiting-for-approval");
		ChangeSetTests.BOXES.forEach(box -> assertThat(maxLen(box, route)).isNotEqualTo(raised));

		this.browser.manage().deleteAllCookies();
		BrowserSession.logIn(this.browser, url("/overview"), "second-person", APPROVER_PASSWORD);
		waitUntil(() -> !this.browser.findElements(By.cssSelector("#approvals-link .badge")).isEmpty());
		assertThat(this.browser.findElement(By.cssSelector("#approvals-link .badge")).getText()).isEqualTo("1");
		this.browser.findElement(By.id("approvals-link")).click();
		waitUntil(() -> this.browser.getCurrentUrl().endsWith("/approvals"));
		// the requests waiting for this person and all they may see: two lists, nothing drawn empty besides
		assertThat(this.browser.findElements(By.cssSelector("main table"))).extracting(table -> table.getDomAttribute("id"))
			.containsExactly("waiting", "recent");
		this.browser.findElement(By.cssSelector("#waiting tbody tr a")).click();
		waitUntil(() -> this.browser.getCurrentUrl().matches(".*/approvals/\\d+$"));
		assertThat(text("preview")).contains("demo-sbc-2", "<maxLen>" + raised + "</maxLen>");
		screenshot("4-approval-request");
		this.browser.findElement(By.xpath("//button[text()='Approve exactly this']")).click();
		waitUntil(() -> text("state").equals("APPROVED"));
		screenshot("5-approved");

		this.browser.manage().deleteAllCookies();
		BrowserSession.logIn(this.browser, change, "admin", "admin");
		waitUntil(() -> this.browser.getCurrentUrl().startsWith(change));
		this.browser.findElement(By.xpath("//button[text()='Start: the canary first']")).click();
		waitUntil(() -> text("change-state").equals("DONE"));
		assertThat(this.browser.findElements(By.cssSelector("#change-targets td.target-state")))
			.extracting(WebElement::getText)
			.containsExactly("VERIFIED", "VERIFIED", "VERIFIED");
		screenshot("6-done");
		ChangeSetTests.BOXES.forEach(box -> assertThat(maxLen(box, route)).isEqualTo(raised));

		this.browser.findElement(By.cssSelector("#rollback-form button.danger")).click();
		waitUntil(() -> text("change-state").equals("ROLLED_BACK"));
		assertThat(this.browser.findElements(By.cssSelector("#change-targets td.target-state")))
			.extracting(WebElement::getText)
			.containsExactly("ROLLED_BACK", "ROLLED_BACK", "ROLLED_BACK");
		screenshot("7-rolled-back");
		ChangeSetTests.BOXES.forEach(box -> assertThat(new HashSet<>(this.fixture.routes(box)))
			.isEqualTo(new HashSet<>(this.original.get(box))));
		this.browser.findElement(By.id("change-id")).click();
		waitUntil(() -> this.browser.getCurrentUrl().contains("/audit?change="));
		assertThat(this.browser.findElement(By.cssSelector("table.audit")).getText()).contains("CHANGE_SET_START",
				"APPROVAL_APPROVE", "TABLE_APPLY", "CHANGE_SET_ROLLBACK");
		screenshot("8-audit");
	}

	private String text(String id) {
		return this.browser.findElements(By.id(id)).isEmpty() ? "" : this.browser.findElement(By.id(id)).getText();
	}

	private String url(String path) {
		return "http://localhost:" + this.port + path;
	}

	private void screenshot(String name) throws Exception {
		BrowserSteps.screenshot(this.browser, "changes-screens", name);
	}

	private void waitUntil(BooleanSupplier condition) {
		BrowserSteps.waitUntil(this.browser, condition);
	}

}
