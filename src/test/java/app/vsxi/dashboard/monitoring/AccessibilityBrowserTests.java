package app.vsxi.dashboard.monitoring;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

import app.vsxi.dashboard.access.AppUser;
import app.vsxi.dashboard.access.AppUserRepository;
import app.vsxi.dashboard.access.Role;
import app.vsxi.dashboard.access.UserGrantRepository;
import app.vsxi.dashboard.fleet.SbcGroupRepository;
import app.vsxi.dashboard.fleet.SbcRepository;
import app.vsxi.dashboard.support.Axe;
import app.vsxi.dashboard.support.BrowserSession;
import app.vsxi.dashboard.support.RequiresBrowser;
import app.vsxi.dashboard.support.ClassBrowser;
import app.vsxi.dashboard.support.SameApplication;
import app.vsxi.dashboard.support.TestUsers;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * axe-core on every page, as an administrator and as a viewer: no serious or critical violation of WCAG 2.1 A
 * and AA. Also the skip link and keyboard focus, which axe cannot judge by itself.
 */
@RequiresBrowser
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({ "demo", "test" })
@ResourceLock(providers = SameApplication.class)
class AccessibilityBrowserTests {

	private static final String VIEWER = "a11y-viewer";

	private static final String VIEWER_PASSWORD = "viewer-password-1";

	@LocalServerPort
	int port;

	@Autowired
	AppUserRepository users;

	@Autowired
	UserGrantRepository grants;

	@Autowired
	SbcGroupRepository groups;

	@Autowired
	SbcRepository sbcs;

	@Autowired
	PasswordEncoder passwords;

	private static final ClassBrowser BROWSER = new ClassBrowser();

	private WebDriver browser;

	@BeforeEach
	void openBrowser() throws Exception {
		this.browser = BROWSER.get();
		this.browser.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
		if (this.users.findByUsername(VIEWER).isEmpty()) {
			AppUser viewer = testUsers().user(VIEWER, this.passwords.encode(VIEWER_PASSWORD), false);
			long east = this.groups.findByName("Demo East").orElseThrow().id();
			testUsers().grant(viewer.id(), east, Role.VIEWER);
		}
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
	void noPageHasASeriousViolationForAnAdministrator() throws IOException {
		List<String> violations = new ArrayList<>(check("/login"));
		logIn("admin", "admin");
		long sbc = sbcId("demo-sbc-1");
		long admin = this.users.findByUsername("admin").orElseThrow().id();
		for (String page : List.of("/overview", "/overview?sort=calls&q=demo", "/sbcs/" + sbc, "/admin/sbcs",
				"/admin/sbcs/new", "/admin/sbcs/" + sbc, "/admin/users", "/admin/users/" + admin, "/admin/groups",
				"/audit", "/audit/chain", "/account/password", "/alarms", "/alarms/rules", "/wallboard",
				"/sbcs/" + sbc + "/calls", "/sbcs/" + sbc + "/registrations", "/calls")) {
			violations.addAll(check(page));
		}
		assertThat(violations).isEmpty();
	}

	@Test
	void noPageHasASeriousViolationForAViewer() throws IOException {
		logIn(VIEWER, VIEWER_PASSWORD);
		List<String> violations = new ArrayList<>();
		for (String page : List.of("/overview", "/sbcs/" + sbcId("demo-sbc-1"), "/audit", "/account/password",
				"/alarms", "/wallboard", "/calls")) {
			violations.addAll(check(page));
		}
		assertThat(violations).isEmpty();
	}

	@Test
	void theTableEditorPagesHaveNoSeriousViolation() throws IOException {
		logIn("admin", "admin");
		long sbc = sbcId("demo-sbc-2");
		List<String> violations = new ArrayList<>(check("/sbcs/" + sbc + "/tables"));
		this.browser.findElement(By.cssSelector("#table-smcDataFile form.open-table button")).click();
		new WebDriverWait(this.browser, Duration.ofSeconds(30)).ignoring(StaleElementReferenceException.class)
			.until(driver -> driver.getCurrentUrl().contains("/drafts/"));
		String draft = this.browser.getCurrentUrl().replace(url(""), "");
		for (String page : List.of(draft, draft + "?sort=alias&f_alias=a", draft + "/preview", draft + "/replace")) {
			violations.addAll(check(page));
		}
		// the replace page again after a refused confirmation, with the reason beside the form
		this.browser.get(url(draft + "/replace"));
		this.browser.findElement(By.id("confirm-table")).sendKeys("smcDataFile");
		this.browser.findElement(By.id("confirm-password")).sendKeys("not-the-password");
		this.browser.findElement(By.cssSelector("form.confirm button[type=submit]")).click();
		new WebDriverWait(this.browser, Duration.ofSeconds(20)).ignoring(StaleElementReferenceException.class)
			.until(driver -> !driver.findElements(By.id("replace-problem")).isEmpty());
		assertThat(this.browser.findElement(By.id("replace-problem")).getText()).contains("not your password");
		violations.addAll(checkHere(draft + "/replace (refused)"));
		// a row open for editing, with its hints and the problem beside a field
		this.browser.get(url(draft));
		this.browser.findElement(By.cssSelector("#rows tr button.edit")).click();
		new WebDriverWait(this.browser, Duration.ofSeconds(20)).ignoring(StaleElementReferenceException.class)
			.until(driver -> !driver.findElements(By.cssSelector("#rows tr.editing")).isEmpty());
		violations.addAll(checkHere(draft + " (editing)"));
		// the same row with a value refused on save: the field marked invalid, the reason tied to it
		WebElement key = this.browser.findElement(By.cssSelector("#rows tr.editing input[name=v_id]"));
		key.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.BACK_SPACE, Keys.ENTER);
		new WebDriverWait(this.browser, Duration.ofSeconds(20)).ignoring(StaleElementReferenceException.class)
			.until(driver -> !driver.findElements(By.cssSelector("#rows tr.editing [aria-invalid=true]")).isEmpty());
		violations.addAll(checkHere(draft + " (a value refused)"));
		assertThat(violations).isEmpty();
	}

	@Test
	void aPreviewWithItsChangedFieldMarkedAndTheResultOfItsApplyHaveNoSeriousViolation() throws IOException {
		logIn("admin", "admin");
		this.browser.get(url("/sbcs/" + sbcId("demo-sbc-1") + "/tables"));
		this.browser.findElement(By.cssSelector("#table-route form.open-table button")).click();
		new WebDriverWait(this.browser, Duration.ofSeconds(30)).ignoring(StaleElementReferenceException.class)
			.until(driver -> driver.getCurrentUrl().contains("/drafts/"));
		String draft = this.browser.getCurrentUrl().replace(url(""), "");
		this.browser.findElement(By.cssSelector("#rows tr button.edit")).click();
		new WebDriverWait(this.browser, Duration.ofSeconds(20)).ignoring(StaleElementReferenceException.class)
			.until(driver -> !driver.findElements(By.cssSelector("#rows tr.editing input[name=v_digitMatch]")).isEmpty());
		org.openqa.selenium.WebElement digitMatch = this.browser
			.findElement(By.cssSelector("#rows tr.editing input[name=v_digitMatch]"));
		String before = digitMatch.getDomProperty("value");
		digitMatch.clear();
		digitMatch.sendKeys(("4491".equals(before) ? "4492" : "4491") + org.openqa.selenium.Keys.ENTER);
		new WebDriverWait(this.browser, Duration.ofSeconds(20)).ignoring(StaleElementReferenceException.class)
			.until(driver -> !driver.findElements(By.cssSelector("#rows tr.changed")).isEmpty());
		List<String> violations = new ArrayList<>(check(draft + "/preview"));
		assertThat(this.browser.findElement(By.cssSelector("pre.payload-body mark")).getText()).contains("<digitMatch>449");
		this.browser.findElement(By.cssSelector("form[action$='/apply'] button[type=submit]")).click();
		new WebDriverWait(this.browser, Duration.ofSeconds(30)).ignoring(StaleElementReferenceException.class)
			.until(driver -> driver.findElement(By.tagName("h1")).getText().startsWith("Applied"));
		violations.addAll(checkHere(draft + "/apply (applied)"));
		assertThat(violations).isEmpty();
	}

	@Test
	void theUsersDraftPagesHaveNoSeriousViolation() throws IOException {
		logIn("admin", "admin");
		long sbc = sbcId("demo-sbc-2");
		this.browser.get(url("/sbcs/" + sbc + "/tables"));
		this.browser.findElement(By.cssSelector("#table-users form.open-table button")).click();
		new WebDriverWait(this.browser, Duration.ofSeconds(30)).ignoring(StaleElementReferenceException.class)
			.until(driver -> driver.getCurrentUrl().contains("/drafts/"));
		String draft = this.browser.getCurrentUrl().replace(url(""), "");
		List<String> violations = new ArrayList<>(checkHere(draft + " (empty, unknown base)"));
		java.nio.file.Path file = java.nio.file.Files.createTempFile("users", ".csv");
		try {
			java.nio.file.Files.writeString(file,
					"username,password,role,description\r\na11y-ann,Ann-pass-1,readOnly,checks pages\r\n");
			this.browser.findElement(By.cssSelector("input[type=file][name=file]")).sendKeys(file.toString());
			this.browser.findElement(By.cssSelector("form[action$='/import'] button[type=submit]")).click();
			new WebDriverWait(this.browser, Duration.ofSeconds(20)).ignoring(StaleElementReferenceException.class)
				.until(driver -> driver.getPageSource().contains("a11y-ann"));
		}
		finally {
			java.nio.file.Files.deleteIfExists(file);
		}
		violations.addAll(checkHere(draft + " (imported)"));
		violations.addAll(check(draft + "/preview"));
		this.browser.findElement(By.cssSelector("form[action$='/apply'] button[type=submit]")).click();
		new WebDriverWait(this.browser, Duration.ofSeconds(20)).ignoring(StaleElementReferenceException.class)
			.until(driver -> driver.getPageSource().contains("the answer of each call is all there is"));
		violations.addAll(checkHere(draft + "/apply (sent)"));
		assertThat(violations).isEmpty();
	}

	@Test
	void theFirstTabReachesTheSkipLinkWhichLeadsToTheContent() {
		logIn("admin", "admin");
		this.browser.get(url("/overview"));

		this.browser.findElement(By.tagName("body")).sendKeys(Keys.TAB);
		assertThat(this.browser.switchTo().activeElement().getText()).isEqualTo("Skip to content");
		this.browser.switchTo().activeElement().sendKeys(Keys.ENTER);

		assertThat(this.browser.switchTo().activeElement().getDomAttribute("id")).isEqualTo("content");
	}

	private List<String> check(String page) throws IOException {
		this.browser.get(url(page));
		return checkHere(page);
	}

	private List<String> checkHere(String page) {
		// an error page would pass axe and prove nothing about the page meant
		assertThat(this.browser.getTitle()).as(page).doesNotStartWith("Error");
		return Axe.seriousViolations(this.browser, page);
	}

	private void logIn(String username, String password) {
		BrowserSession.logIn(this.browser, url("/login"), username, password);
		new WebDriverWait(this.browser, Duration.ofSeconds(20)).ignoring(StaleElementReferenceException.class)
			.until(driver -> driver.getCurrentUrl().contains("/overview"));
	}

	private long sbcId(String name) {
		return this.sbcs.findByName(name).orElseThrow().id();
	}

	private String url(String path) {
		return "http://localhost:" + this.port + path;
	}

	private TestUsers testUsers() {
		return new TestUsers(this.users, this.grants);
	}

}
