package app.vsxi.dashboard.tables;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.interactions.Actions;

import app.vsxi.dashboard.fleet.SbcRepository;
import app.vsxi.dashboard.support.BrowserSession;
import app.vsxi.dashboard.support.BrowserSteps;
import app.vsxi.dashboard.support.DemoSbcs;
import app.vsxi.dashboard.support.HeadlessChromium;
import app.vsxi.dashboard.support.RequiresBrowser;
import app.vsxi.dashboard.support.SameApplication;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An operator edits a route with the keyboard alone: filter to the route, Tab to its Edit, change a field and save
 * with Enter, open it again and leave with Esc, have a value refused. The cursor never gets lost on the way, and the
 * whole walk takes a bounded number of key presses.
 */
@RequiresBrowser
// an application of its own for the table editor's browser tests, so they run beside the other browser tests
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "spring.application.name=vsxi-dashboard-tables")
@ActiveProfiles({ "demo", "test" })
@ResourceLock(providers = SameApplication.class)
class KeyboardEditBrowserTests {

	/** A seeded route of every demo box: aliases are R and the zero-padded position. */
	private static final String ALIAS = "R0000007";

	/** Tab presses from the top of the page to the first filter, and back down to the first row, are capped here. */
	private static final int MOST_TABS_TO_ONE_PLACE = 80;

	@LocalServerPort
	int port;

	@Autowired
	SbcRepository sbcs;

	private WebDriver browser;

	private int presses;

	private final List<String> visited = new ArrayList<>();

	@BeforeEach
	void openBrowser() throws Exception {
		this.browser = HeadlessChromium.start();
	}

	@AfterEach
	void closeBrowser() {
		if (this.browser != null) {
			this.browser.quit();
		}
	}

	@Test
	void aRouteIsFilteredEditedSavedCancelledAndRefusedByKeyboardAlone() throws Exception {
		String draft = openRouteDraft("demo-sbc-1");
		this.browser.get(draft);
		waitUntil(() -> !this.browser.findElements(By.cssSelector("#rows tr")).isEmpty());

		// from the top of the page to the alias filter: no sort link on the way
		tabUntil("input[name=f_alias]");
		assertThat(this.visited).noneMatch(seen -> seen.startsWith("sort "));
		press(ALIAS);
		press(Keys.ENTER);
		waitUntil(() -> this.browser.getCurrentUrl().contains("f_alias=" + ALIAS));
		waitUntil(() -> focused().equals("input f_alias"));
		assertThat(script("return document.activeElement.selectionStart")).isEqualTo(8L);
		assertThat(this.browser.findElements(By.cssSelector("#rows tr"))).hasSize(1);
		String rowId = this.browser.findElement(By.cssSelector("#rows tr")).getDomAttribute("id");

		// on to the row's Edit: the other filters and the Filter button first, then the sort links
		this.visited.clear();
		tabUntil("#rows tr button.edit");
		// 16 more filters, the Filter button, 17 sort links and the Edit
		assertThat(this.visited).hasSize(35);
		int lastFilter = lastIndexOf("input f_");
		int filterButton = this.visited.indexOf("button Filter");
		int firstSort = firstIndexOf("sort ");
		assertThat(lastFilter).isNotNegative();
		assertThat(firstSort).isGreaterThan(filterButton).isGreaterThan(lastFilter);
		assertThat(filterButton).isGreaterThan(lastFilter);

		// Edit opens the row with the cursor in its first field; Tab twice reaches digitMatch
		press(Keys.ENTER);
		waitUntil(() -> focused().equals("input v_alias"));
		press(Keys.TAB);
		press(Keys.TAB);
		assertThat(focused()).isEqualTo("input v_digitMatch");
		selectAll();
		press("15551");
		press(Keys.ENTER);
		waitUntil(() -> this.browser.findElements(By.cssSelector("#rows tr.editing")).isEmpty()
				&& this.browser.findElement(By.id(rowId)).getText().contains("15551"));
		waitUntil(() -> focused().equals("edit " + rowId));
		assertThat(this.browser.findElement(By.id(rowId)).getDomAttribute("class")).contains("changed");
		screenshot("keyboard-1-saved");

		// Edit again and Esc: the row closes unchanged and the cursor is back on its Edit
		press(Keys.ENTER);
		waitUntil(() -> focused().equals("input v_alias"));
		press(Keys.TAB);
		press(Keys.TAB);
		selectAll();
		press("19999");
		press(Keys.ESCAPE);
		waitUntil(() -> this.browser.findElements(By.cssSelector("#rows tr.editing")).isEmpty());
		waitUntil(() -> focused().equals("edit " + rowId));
		assertThat(this.browser.findElement(By.id(rowId)).getText()).contains("15551").doesNotContain("19999");

		// a refused value: the field is marked invalid, its problem is tied to it and the cursor is in it
		press(Keys.ENTER);
		waitUntil(() -> focused().equals("input v_alias"));
		press(Keys.TAB);
		press(Keys.TAB);
		press(Keys.TAB);
		assertThat(focused()).isEqualTo("input v_minLen");
		selectAll();
		press("x");
		press(Keys.ENTER);
		waitUntil(() -> "true".equals(script(
				"var f = document.querySelector('#rows tr.editing input[name=v_minLen]');"
						+ " return f && f.getAttribute('aria-invalid');")));
		// the refused row is drawn again and the cursor put back: read the field once it is there, in one step
		waitUntil(() -> "x|1".equals(script("var e = document.activeElement;"
				+ " return e && e.name === 'v_minLen' && e.closest('#rows tr.editing')"
				+ " ? e.value + '|' + e.selectionStart : null;")));
		assertThat(focused()).isEqualTo("input v_minLen");
		assertThat(script("var ids = document.activeElement.getAttribute('aria-describedby').split(' ');"
				+ " return ids.map(function (id) { return document.getElementById(id).textContent.trim(); }).join(' | ');"))
			.isEqualTo("shortest called number the route takes; a whole number [seed] | minLen takes a whole number");
		screenshot("keyboard-2-refused");
		press(Keys.ESCAPE);
		waitUntil(() -> focused().equals("edit " + rowId));

		// counted by hand: 32 Tabs from the top to the alias filter (skip link, 13 in the header, 5 in the SBC's
		// crumbs and tabs, 12 in the toolbar, the filter), 8 letters and Enter (9); 35 Tabs to the row's Edit; Enter,
		// 2 Tabs, Ctrl+A, 5 digits, Enter (10); Enter, 2 Tabs, Ctrl+A, 5 digits, Esc (10); Enter, 3 Tabs, Ctrl+A,
		// 1 letter, Enter, Esc (8): 104, and 3 more for a link or two the page header may grow
		assertThat(this.presses).isLessThanOrEqualTo(107);
	}

	private String openRouteDraft(String box) {
		long sbcId = DemoSbcs.id(this.sbcs, box);
		BrowserSession.logIn(this.browser, url("/sbcs/" + sbcId + "/tables"), "admin", "admin");
		waitUntil(() -> this.browser.getCurrentUrl().contains("/tables") && !this.browser.getCurrentUrl().contains("/login"));
		this.browser.findElement(By.cssSelector("#table-route form.open-table button")).click();
		waitUntil(() -> this.browser.getCurrentUrl().contains("/drafts/"));
		return this.browser.getCurrentUrl();
	}

	/** Presses Tab until the element the selector names has the focus, noting each element passed. */
	private void tabUntil(String selector) {
		for (int tabs = 0; tabs < MOST_TABS_TO_ONE_PLACE; tabs++) {
			press(Keys.TAB);
			this.visited.add(focused());
			if (Boolean.TRUE.equals(script("return document.activeElement.matches(arguments[0])", selector))) {
				return;
			}
		}
		throw new AssertionError(MOST_TABS_TO_ONE_PLACE + " Tabs did not reach " + selector + "; passed " + this.visited);
	}

	/** Ctrl+A: the field's text is chosen, for what is typed next to replace it. One key press. */
	private void selectAll() {
		new Actions(this.browser).keyDown(Keys.CONTROL).sendKeys("a").keyUp(Keys.CONTROL).perform();
		this.presses++;
	}

	/** Keys pressed one by one on whatever has the focus: each key and each typed letter counts once. */
	private void press(CharSequence keys) {
		new Actions(this.browser).sendKeys(keys).perform();
		this.presses += keys instanceof Keys ? 1 : keys.length();
	}

	/** What has the focus, said briefly: an input by its name, a row's Edit by its row, a sort link by its column. */
	private String focused() {
		return String.valueOf(script("""
				var e = document.activeElement;
				if (!e) { return 'nothing'; }
				if (e.matches('#rows tr button.edit')) { return 'edit ' + e.closest('tr').id; }
				if (e.matches('table.draft thead a')) { return 'sort ' + e.textContent.trim(); }
				if (e.tagName === 'INPUT') { return 'input ' + e.name; }
				return e.tagName.toLowerCase() + ' ' + (e.textContent || '').trim();
				"""));
	}

	private Object script(String script, Object... arguments) {
		return ((JavascriptExecutor) this.browser).executeScript(script, arguments);
	}

	private int firstIndexOf(String prefix) {
		for (int i = 0; i < this.visited.size(); i++) {
			if (this.visited.get(i).startsWith(prefix)) {
				return i;
			}
		}
		return -1;
	}

	private int lastIndexOf(String prefix) {
		for (int i = this.visited.size() - 1; i >= 0; i--) {
			if (this.visited.get(i).startsWith(prefix)) {
				return i;
			}
		}
		return -1;
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
