package app.vsxi.dashboard.support;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's chromium and chromedriver, headless. Never a downloaded browser. CI installs both; elsewhere classes
 * marked {@link RequiresBrowser} are skipped when they are missing.
 */
public final class HeadlessChromium {

	private static final File BROWSER = new File(System.getenv().getOrDefault("VSXI_TEST_CHROMIUM", "/usr/bin/chromium"));

	private static final File DRIVER = new File(
			System.getenv().getOrDefault("VSXI_TEST_CHROMEDRIVER", "/usr/bin/chromedriver"));

	private HeadlessChromium() {
	}

	public static ChromeDriver start() throws IOException {
		// a class that forgot @RequiresBrowser still skips cleanly here rather than failing outside CI
		if (System.getenv("CI") == null) {
			Assumptions.assumeTrue(installed(BROWSER.getPath()), "Debian chromium and chromium-driver are not installed");
		}
		Path profile = Files.createTempDirectory("vsxi-chromium");
		ChromeOptions options = new ChromeOptions();
		options.setBinary(BROWSER);
		options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
				"--disable-dev-shm-usage", "--disable-component-update", "--disable-sync", "--no-first-run",
				"--window-size=1400,900", "--user-data-dir=" + profile);
		ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER)
			.usingAnyFreePort()
			.build();
		ChromeDriver driver = new ChromeDriver(service, options);
		driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
		return driver;
	}

	private static boolean installed(String browser) {
		return new File(browser).canExecute() && DRIVER.canExecute();
	}

	/** The condition behind {@link RequiresBrowser}. */
	static final class Installed extends ExternalService {

		Installed() {
			super("browser", BROWSER.getPath(), HeadlessChromium::installed);
		}

	}

}
