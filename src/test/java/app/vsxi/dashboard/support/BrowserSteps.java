package app.vsxi.dashboard.support;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.function.BooleanSupplier;

import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.support.ui.WebDriverWait;

/** What browser tests do between clicks: wait for the page to show something, and keep a picture of it. */
public final class BrowserSteps {

	private BrowserSteps() {
	}

	/** Waits up to 20 s; on time-out the failure shows the page's main content, where the reason usually is. */
	public static void waitUntil(WebDriver browser, BooleanSupplier condition) {
		try {
			new WebDriverWait(browser, Duration.ofSeconds(20)).ignoring(StaleElementReferenceException.class)
				.until(driver -> holds(condition));
		}
		catch (TimeoutException ex) {
			throw new AssertionError("waited in vain at " + browser.getCurrentUrl() + ", showing: "
					+ browser.findElement(By.tagName("main")).getDomProperty("outerHTML").replace('\n', ' '), ex);
		}
	}

	/**
	 * Whether the condition holds yet. An element the page replaced while it was being read is not yet: chromedriver
	 * says so as a stale element, or, when the page redraws during the read itself, as a node that "does not belong
	 * to the document".
	 */
	private static boolean holds(BooleanSupplier condition) {
		try {
			return condition.getAsBoolean();
		}
		catch (WebDriverException ex) {
			if (ex.getMessage() != null && ex.getMessage().contains("does not belong to the document")) {
				return false;
			}
			throw ex;
		}
	}

	/** A screenshot under {@code target/<folder>/<name>.png}, for a person to look at after the run. */
	public static void screenshot(WebDriver browser, String folder, String name) throws IOException {
		File shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
		File dir = new File("target", folder);
		dir.mkdirs();
		Files.copy(shot.toPath(), new File(dir, name + ".png").toPath(), StandardCopyOption.REPLACE_EXISTING);
	}

}
