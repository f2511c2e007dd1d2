package app.vsxi.dashboard.support;

import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;

/** Logging in through the login form, as a person does, for browser tests. */
public final class BrowserSession {

	private BrowserSession() {
	}

	/**
	 * Opens {@code url}, which is behind the login, logs in and waits until the browser has left the login page,
	 * for the page asked for or, from {@code /login} itself, the overview.
	 */
	public static void logIn(WebDriver browser, String url, String username, String password) {
		browser.get(url);
		submitLogin(browser, username, password);
		BrowserSteps.waitUntil(browser, () -> !browser.getCurrentUrl().contains("/login"));
	}

	/** Fills in and submits the login form the browser shows now, without waiting for what follows. */
	public static void submitLogin(WebDriver browser, String username, String password) {
		browser.findElement(By.id("username")).sendKeys(username);
		browser.findElement(By.id("password")).sendKeys(password);
		browser.findElement(By.cssSelector("button[type=submit]")).click();
	}

}
