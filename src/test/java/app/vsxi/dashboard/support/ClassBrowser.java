package app.vsxi.dashboard.support;

import java.io.IOException;

import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * One headless chromium for all the tests of a class, started by the first and quit after the last, left between
 * tests as a new one would be: signed out, nothing kept by the pages. Starting a browser costs a second or two of
 * the build's two cores; a class of six tests starts one instead of six.
 */
public final class ClassBrowser {

	private ChromeDriver driver;

	/** The class's browser, started on first use. */
	public ChromeDriver get() throws IOException {
		if (this.driver == null) {
			this.driver = HeadlessChromium.start();
		}
		return this.driver;
	}

	/** After a test: signed out, nothing kept by the pages. */
	public void forget() {
		forget(this.driver);
	}

	/** After the class's last test. */
	public void quit() {
		if (this.driver != null) {
			this.driver.quit();
			this.driver = null;
		}
	}

	/** Leaves a browser as a new one would be: signed out, nothing kept by the pages. */
	public static void forget(WebDriver browser) {
		if (browser == null) {
			return;
		}
		try {
			((JavascriptExecutor) browser).executeScript("window.sessionStorage.clear(); window.localStorage.clear();");
		}
		catch (WebDriverException notOnThePages) {
			// a page of another origin keeps nothing of ours
		}
		browser.manage().deleteAllCookies();
		browser.get("about:blank");
	}

}
