package app.vsxi.dashboard.web;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

import app.vsxi.dashboard.access.AppUser;
import app.vsxi.dashboard.access.AppUserRepository;
import app.vsxi.dashboard.fleet.CredentialCipher;
import app.vsxi.dashboard.fleet.Sbc;
import app.vsxi.dashboard.fleet.SbcRepository;
import app.vsxi.dashboard.support.BrowserSession;
import app.vsxi.dashboard.support.BrowserSteps;
import app.vsxi.dashboard.support.FakeSbc;
import app.vsxi.dashboard.support.ClassBrowser;
import app.vsxi.dashboard.support.RequiresBrowser;
import app.vsxi.dashboard.support.SameApplication;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * At the narrowest screen a NOC desk has (1024 px) and a common laptop (1366 px), no page scrolls sideways: a wide
 * table scrolls inside itself, and while it does, the cell that names each row and the row's own buttons stay in
 * sight.
 */
@RequiresBrowser
// an application of its own for these browser tests, so they run beside the other browser tests
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "spring.application.name=vsxi-dashboard-pages")
@ActiveProfiles({ "demo", "test" })
@ResourceLock(providers = SameApplication.class)
class LayoutBrowserTests {

	/** An administrator of its own, so the drafts this test opens are nobody else's. */
	private static final String USER = "layout-admin";

	private static final String PASSWORD = "layout-password-1";

	private static final int[] WIDTHS = { 1024, 1366 };

	@LocalServerPort
	int port;

	@Autowired
	AppUserRepository users;

	@Autowired
	SbcRepository sbcs;

	@Autowired
	PasswordEncoder passwords;

	@Autowired
	CredentialCipher cipher;

	private static final ClassBrowser BROWSER = new ClassBrowser();

	private WebDriver browser;

	@BeforeEach
	void logIn() throws Exception {
		if (this.users.findByUsername(USER).isEmpty()) {
			this.users.save(AppUser.create(USER, this.passwords.encode(PASSWORD), true, false));
		}
		this.browser = BROWSER.get();
		BrowserSession.logIn(this.browser, url("/login"), USER, PASSWORD);
		BrowserSteps.waitUntil(this.browser, () -> this.browser.getCurrentUrl().contains("/overview"));
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
	void noPageScrollsSideways() throws IOException {
		long sbc1 = sbcId("demo-sbc-1");
		long sbc2 = sbcId("demo-sbc-2");
		long me = this.users.findByUsername(USER).orElseThrow().id();
		List<String> overflowing = new ArrayList<>();
		for (String page : List.of("/overview", "/sbcs/" + sbc1, "/alarms", "/alarms?by=sbc", "/alarms/rules",
				"/sbcs/" + sbc2 + "/calls", "/sbcs/" + sbc2 + "/registrations", "/audit", "/audit/chain",
				"/sbcs/" + sbc1 + "/tables", "/admin/users", "/admin/users/" + me, "/admin/sbcs", "/admin/sbcs/new",
				"/admin/sbcs/" + sbc1, "/admin/groups", "/account/password")) {
			this.browser.get(url(page));
			overflowing.addAll(overflowsHere(page));
		}
		this.browser.get(url("/calls"));
		BrowserSteps.waitUntil(this.browser, () -> this.browser.findElements(By.cssSelector("section.fleet-part"))
			.stream()
			.allMatch(part -> part.getDomAttribute("data-state") != null));
		overflowing.addAll(overflowsHere("/calls"));

		String route = openDraft(sbc1, "route");
		overflowing.addAll(overflowsHere(route));
		edit("digitMatch", "9871234");
		overflowing.addAll(overflowsHere(route + " (one row edited)"));
		this.browser.get(url(route + "/preview"));
		overflowing.addAll(overflowsHere(route + "/preview"));

		// a small table nobody else changes, applied for real to see the result page
		String blocks = openDraft(sbc1, "resourceblock");
		edit("digits", "1900" + (System.currentTimeMillis() % 100000));
		this.browser.get(url(blocks + "/preview"));
		this.browser.findElement(By.cssSelector("form[action$='/apply'] button[type=submit]")).click();
		BrowserSteps.waitUntil(this.browser,
				() -> this.browser.findElement(By.tagName("h1")).getText().startsWith("Applied"));
		overflowing.addAll(overflowsHere(blocks + "/apply"));

		assertThat(overflowing).isEmpty();
	}

	@Test
	void wideTablesScrollInsideThemselvesKeepingEachRowsNameAndButtonsInSight() throws IOException {
		long sbc1 = sbcId("demo-sbc-1");
		long sbc2 = sbcId("demo-sbc-2");
		List<String> lost = new ArrayList<>();

		openDraft(sbc1, "route");
		lost.addAll(keptInSight("draft", "table.draft", "#rows tr:first-child td:first-child",
				"#rows tr:first-child td.actions button.edit", true));
		this.browser.findElement(By.cssSelector("#rows tr:first-child button.edit")).click();
		BrowserSteps.waitUntil(this.browser, () -> !this.browser.findElements(By.cssSelector("#rows tr.editing")).isEmpty());
		lost.addAll(keptInSight("draft while editing", "table.draft", "#rows tr.editing td:first-child",
				"#rows tr.editing td.actions button[type=submit]", true));

		this.browser.get(url("/sbcs/" + sbc2 + "/calls"));
		BrowserSteps.waitUntil(this.browser,
				() -> !this.browser.findElements(By.cssSelector("tr[data-call] button.kill")).isEmpty());
		lost.addAll(keptInSight("calls", "table.calls", "tr[data-call] td:first-child", "tr[data-call] button.kill",
				true));

		// the list refreshes itself every few seconds: it comes back scrolled where it was
		resize(1024);
		long left = ((Number) js().executeScript("""
				const box = document.getElementById('call-scroll');
				box.scrollLeft = 200;
				document.getElementById('call-table').dataset.old = 'yes';
				return box.scrollLeft;""")).longValue();
		BrowserSteps.waitUntil(this.browser, () -> js()
			.executeScript("return document.getElementById('call-table').dataset.old === undefined")
			.equals(Boolean.TRUE));
		assertThat(left).isEqualTo(200);
		assertThat(((Number) js().executeScript("return document.getElementById('call-scroll').scrollLeft")).longValue())
			.as("sideways scroll of the calls after a refresh").isEqualTo(200);

		this.browser.get(url("/sbcs/" + sbc2 + "/registrations"));
		BrowserSteps.waitUntil(this.browser,
				() -> !this.browser.findElements(By.cssSelector("tr[data-registration]")).isEmpty());
		int username = columnHeaded("table.registrations", "username");
		lost.addAll(keptInSight("registrations", "table.registrations",
				"tr[data-registration] td:nth-child(" + username + ")", "tr[data-registration] input[name=ids]",
				true));

		this.browser.get(url("/calls"));
		BrowserSteps.waitUntil(this.browser,
				() -> !this.browser.findElements(By.cssSelector("section.fleet-part table.calls")).isEmpty());
		lost.addAll(keptInSight("fleet calls", "section.fleet-part table.calls",
				"section.fleet-part table.calls tbody tr:first-child td:first-child", null, false));

		this.browser.get(url("/overview"));
		lost.addAll(keptInSight("overview", "table.fleet", "#fleet-rows tr[data-sbc] td.name", null, false));

		this.browser.get(url("/audit"));
		lost.addAll(keptInSight("audit", "table.audit", "table.audit tbody tr:first-child td:first-child", null,
				false));

		assertThat(lost).isEmpty();
	}

	@Test
	void longUnbrokenNamesAndAnswersWrapInsteadOfWideningThePage() throws Exception {
		String name = "sbc-" + "n".repeat(60);
		String site = "site-" + "s".repeat(59);
		String answer = "refused:" + "a".repeat(400);
		try (FakeSbc box = new FakeSbc((method, path, body) -> FakeSbc.Answer.text(500, answer))) {
			Sbc sbc = this.sbcs.save(Sbc.builder()
				.name(name)
				.baseUrl(box.baseUrl())
				.username("api-" + "u".repeat(60))
				.passwordCipher(this.cipher.encrypt("pw"))
				.siteLabel(site)
				.groupId(1L)
				.certificateFingerprint(box.fingerprint())
				.build());
			try {
				this.browser.get(url("/overview"));
				BrowserSteps.waitUntil(this.browser, () -> String.valueOf(js().executeScript(
						"const row = document.querySelector(arguments[0]); return row ? row.dataset.condition : ''",
						"tr[data-sbc='" + name + "']")).matches("ERROR|UNREACHABLE|NO_ANSWER|LOGIN_REFUSED"));
				List<String> overflowing = new ArrayList<>(overflowsHere("/overview"));
				for (String page : List.of("/sbcs/" + sbc.id(), "/admin/sbcs", "/admin/sbcs/" + sbc.id(), "/alarms",
						"/audit")) {
					this.browser.get(url(page));
					overflowing.addAll(overflowsHere(page));
				}
				assertThat(overflowing).isEmpty();
			}
			finally {
				this.sbcs.deleteById(sbc.id());
			}
		}
	}

	/**
	 * At each width: scrolls the table's container as far right as it goes, then looks whether the first row's
	 * key cell and its button lie inside the window and inside the container, with nothing drawn over them.
	 */
	private List<String> keptInSight(String page, String table, String keyCell, String action, boolean mustScroll)
			throws IOException {
		List<String> lost = new ArrayList<>();
		for (int width : WIDTHS) {
			resize(width);
			@SuppressWarnings("unchecked")
			Map<String, Object> seen = (Map<String, Object>) js().executeScript("""
					const table = document.querySelector(arguments[0]);
					const box = table.parentElement;
					const key = document.querySelector(arguments[1]);
					const action = arguments[2] ? document.querySelector(arguments[2]) : null;
					// down to the row by the window alone: scrolling the cell into view would scroll the table back
					window.scrollTo(0, 0);
					window.scrollTo(0, key.getBoundingClientRect().top - window.innerHeight / 2);
					box.scrollLeft = box.scrollWidth;
					const frame = box.getBoundingClientRect();
					const view = document.documentElement.clientWidth;
					function inSight(element) {
					  const r = element.getBoundingClientRect();
					  const x = Math.min(r.left + 4, (r.left + r.right) / 2), y = (r.top + r.bottom) / 2;
					  const top = document.elementFromPoint(x, y);
					  return r.left >= Math.max(0, frame.left) - 1 && r.right <= Math.min(view, frame.right) + 1
					    && top !== null && (element === top || element.contains(top));
					}
					return { scrolls: box.scrollWidth > box.clientWidth, scrolled: box.scrollLeft,
					  key: inSight(key), action: action === null || inSight(action),
					  page: document.documentElement.scrollWidth <= view };
					""", table, keyCell, action);
			BrowserSteps.screenshot(this.browser, "layout", page.replaceAll("\\W+", "-") + "-" + width + "-scrolled");
			boolean scrolled = Boolean.TRUE.equals(seen.get("scrolls")) && ((Number) seen.get("scrolled")).intValue() > 0;
			if (mustScroll && width == 1024 && !scrolled) {
				lost.add(page + " at " + width + " px: nothing scrolls inside the table's container"
						+ " (the table fits, or the page scrolls instead)");
			}
			if (!Boolean.TRUE.equals(seen.get("key"))) {
				lost.add(page + " at " + width + " px: the row's key cell is out of sight when scrolled right");
			}
			if (!Boolean.TRUE.equals(seen.get("action"))) {
				lost.add(page + " at " + width + " px: the row's button is out of sight when scrolled right");
			}
			if (!Boolean.TRUE.equals(seen.get("page"))) {
				lost.add(page + " at " + width + " px: the page itself scrolls sideways");
			}
		}
		return lost;
	}

	private List<String> overflowsHere(String page) {
		// an error page would fit and prove nothing about the page meant
		assertThat(this.browser.getTitle()).as(page).doesNotStartWith("Error");
		List<String> overflowing = new ArrayList<>();
		for (int width : WIDTHS) {
			resize(width);
			// clientWidth leaves out the vertical scroll bar: a page as wide as the window would still scroll
			@SuppressWarnings("unchecked")
			Map<String, Object> sizes = (Map<String, Object>) js().executeScript("""
					const root = document.documentElement;
					return { content: root.scrollWidth, view: root.clientWidth, window: window.innerWidth };
					""");
			long content = ((Number) sizes.get("content")).longValue();
			long view = ((Number) sizes.get("view")).longValue();
			assertThat(((Number) sizes.get("window")).longValue()).as("window width").isEqualTo(width);
			if (content > view) {
				overflowing.add(page + " at " + width + " px is " + content + " px wide for " + view + " px");
			}
		}
		return overflowing;
	}

	private String openDraft(long sbcId, String table) {
		resize(1366);
		this.browser.get(url("/sbcs/" + sbcId + "/tables"));
		this.browser.findElement(By.cssSelector("#table-" + table + " form.open-table button")).click();
		BrowserSteps.waitUntil(this.browser, () -> this.browser.getCurrentUrl().contains("/drafts/"));
		return this.browser.getCurrentUrl().replace(url(""), "");
	}

	private void edit(String field, String value) {
		this.browser.findElement(By.cssSelector("#rows tr:first-child button.edit")).click();
		BrowserSteps.waitUntil(this.browser,
				() -> !this.browser.findElements(By.cssSelector("#rows tr.editing input[name=v_" + field + "]")).isEmpty());
		WebElement input = this.browser.findElement(By.cssSelector("#rows tr.editing input[name=v_" + field + "]"));
		input.clear();
		input.sendKeys(value + Keys.ENTER);
		BrowserSteps.waitUntil(this.browser, () -> this.browser.findElements(By.cssSelector("#rows tr.editing")).isEmpty()
				&& !this.browser.findElements(By.cssSelector("#rows tr.changed")).isEmpty());
	}

	private int columnHeaded(String table, String heading) {
		List<WebElement> heads = this.browser.findElements(By.cssSelector(table + " thead tr:first-child th"));
		for (int i = 0; i < heads.size(); i++) {
			if (heads.get(i).getText().trim().startsWith(heading)) {
				return i + 1;
			}
		}
		throw new AssertionError("no column " + heading + " in " + table);
	}

	private void resize(int width) {
		this.browser.manage().window().setSize(new Dimension(width, 768));
		// the inner width follows the outer one only where the browser draws no frame, as headless chromium does
		BrowserSteps.waitUntil(this.browser,
				() -> ((Number) js().executeScript("return window.innerWidth")).intValue() == width);
	}

	private JavascriptExecutor js() {
		return (JavascriptExecutor) this.browser;
	}

	private long sbcId(String name) {
		return this.sbcs.findByName(name).orElseThrow().id();
	}

	private String url(String path) {
		return "http://localhost:" + this.port + path;
	}

}
