package app.vsxi.dashboard.web;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

import app.vsxi.dashboard.audit.AuditLog;
import app.vsxi.dashboard.audit.AuditAction;
import app.vsxi.dashboard.audit.AuditOutcome;
import app.vsxi.dashboard.fleet.CredentialCipher;
import app.vsxi.dashboard.fleet.Sbc;
import app.vsxi.dashboard.fleet.SbcRepository;
import app.vsxi.dashboard.support.BrowserSession;
import app.vsxi.dashboard.support.RequiresBrowser;
import app.vsxi.dashboard.support.HeadlessChromium;
import app.vsxi.dashboard.support.FakeSbc;
import app.vsxi.dashboard.support.SameApplication;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Text that an SBC sends, or that describes one, is shown as text on every page that shows it: no element of it
 * is ever built, no script of it ever runs.
 */
@RequiresBrowser
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({ "demo", "test" })
@ResourceLock(providers = SameApplication.class)
class EscapingBrowserTests {

	private static final String SITE = "<b id=\"xss-site\">bold</b><script>window.__xss='site'</script>";

	private static final String API_USER = "<img id=\"xss-user\" src=\"x\">";

	@LocalServerPort
	int port;

	@Autowired
	SbcRepository sbcs;

	@Autowired
	CredentialCipher cipher;

	@Autowired
	AuditLog audit;

	private WebDriver browser;

	private FakeSbc hostile;

	private Sbc sbc;

	@BeforeEach
	void hostileFleetMember() throws Exception {
		this.browser = HeadlessChromium.start();
		this.hostile = FakeSbc.hostile();
		this.sbc = this.sbcs.save(Sbc.builder()
			.name("hostile-sbc")
			.baseUrl(this.hostile.baseUrl())
			.username(API_USER)
			.passwordCipher(this.cipher.encrypt("pw"))
			.siteLabel(SITE)
			.groupId(1L)
			.certificateFingerprint(this.hostile.fingerprint())
			.build());
		this.audit.recordAs("admin", AuditAction.SBC_UPDATE, "hostile-sbc", 1L, AuditOutcome.SUCCESS, "site: → " + SITE);
	}

	@AfterEach
	void cleanUp() throws Exception {
		if (this.browser != null) {
			this.browser.quit();
		}
		this.sbcs.deleteById(this.sbc.id());
		this.hostile.close();
	}

	@Test
	void markupFromAnSbcOrAboutItIsInertOnEveryPageThatShowsIt() {
		logIn();

		open("/overview");
		// the rows are swapped every poll interval, so the row is read in one step, never through a kept element
		new WebDriverWait(this.browser, Duration.ofSeconds(20)).until(driver -> hostileRow().contains("401"));
		assertInert();
		// the gateway strips markup from what an SBC says; what is left is shown as text
		assertThat(hostileRow()).contains("401", "<b id=\"xss-site\">").doesNotContain("xss='sbc'", "xss-sbc");

		for (String page : List.of("/admin/sbcs", "/admin/sbcs/" + this.sbc.id(), "/audit?target=hostile-sbc")) {
			open(page);
			assertInert();
		}
		assertThat(this.browser.getPageSource()).contains("&lt;b id=\"xss-site\"&gt;");
	}

	private String hostileRow() {
		Object text = ((JavascriptExecutor) this.browser)
			.executeScript("const row = document.querySelector(\"tr[data-sbc='hostile-sbc']\"); return row ? row.innerText : '';");
		return String.valueOf(text);
	}

	private void assertInert() {
		assertThat(this.browser.findElements(By.id("xss-site"))).as("site label markup built").isEmpty();
		assertThat(this.browser.findElements(By.id("xss-user"))).as("API user markup built").isEmpty();
		assertThat(this.browser.findElements(By.id("xss-sbc"))).as("SBC answer markup built").isEmpty();
		assertThat(((JavascriptExecutor) this.browser).executeScript("return window.__xss === undefined")).isEqualTo(true);
	}

	private void logIn() {
		open("/login");
		BrowserSession.submitLogin(this.browser, "admin", "admin");
		new WebDriverWait(this.browser, Duration.ofSeconds(10)).until(driver -> driver.getCurrentUrl().contains("/overview"));
	}

	private void open(String path) {
		this.browser.get("http://localhost:" + this.port + path);
	}

}
