package app.vsxi.dashboard.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;

/** axe-core run on the page a browser test is on: the serious and critical violations of WCAG 2.1 A and AA. */
public final class Axe {

	private static final String VERSION = "4.6.3";

	private static final String RUN = """
			const done = arguments[arguments.length - 1];
			axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } })
			  .then(result => done(result.violations
			    .filter(v => v.impact === 'serious' || v.impact === 'critical')
			    .map(v => v.id + ' (' + v.impact + '): ' + v.help + ' at '
			      + v.nodes.map(n => n.target.join(' ')).join(', '))))
			  .catch(error => done(['axe failed: ' + error]));
			""";

	private Axe() {
	}

	/** Each violation on the page now, prefixed by {@code where} so that a failure says which page it was. */
	public static List<String> seriousViolations(WebDriver browser, String where) {
		browser.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
		JavascriptExecutor js = (JavascriptExecutor) browser;
		js.executeScript(source());
		Object found = js.executeAsyncScript(RUN);
		return ((List<?>) found).stream().map(violation -> where + ": " + violation).toList();
	}

	private static String source() {
		String path = "META-INF/resources/webjars/axe-core/" + VERSION + "/axe.min.js";
		try (InputStream in = Axe.class.getClassLoader().getResourceAsStream(path)) {
			if (in == null) {
				throw new IllegalStateException("axe-core is not on the test class path at " + path);
			}
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
