package app.vsxi.dashboard.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.TagFilter;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectPackage;
import static org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder.request;

/**
 * On a machine with only a JDK, every browser and PostgreSQL test class is skipped cleanly: nothing of it runs,
 * so no set-up or clean-up can fail. Runs those classes here as such a machine would see them, in CI too.
 */
class SkipPathTests {

	@Test
	void withoutChromiumAndPostgresEveryTestThatNeedsThemIsSkippedAndNoneFails() {
		LauncherDiscoveryRequest missing = request().selectors(selectPackage("app.vsxi.dashboard"))
			.filters(TagFilter.includeTags("browser", "postgres"))
			.configurationParameter("vsxi.test.browser.location", "/nonexistent/chromium")
			.configurationParameter("vsxi.test.browser.required", "false")
			.configurationParameter("vsxi.test.postgres.location", "jdbc:postgresql://127.0.0.1:1/none")
			.configurationParameter("vsxi.test.postgres.required", "false")
			.build();
		SummaryGeneratingListener listener = new SummaryGeneratingListener();

		LauncherFactory.create().execute(missing, listener);

		TestExecutionSummary summary = listener.getSummary();
		assertThat(summary.getContainersFoundCount()).as("browser and PostgreSQL test classes found").isGreaterThanOrEqualTo(4);
		assertThat(summary.getContainersSkippedCount()).as("classes skipped").isGreaterThanOrEqualTo(3);
		assertThat(summary.getTestsStartedCount()).as("tests started").isZero();
		assertThat(summary.getTotalFailureCount()).as("failures").isZero();
	}

	@Test
	void everyClassThatStartsABrowserOrUsesPostgresSaysSoSoItCanBeSkipped() throws IOException {
		List<String> unmarked = new ArrayList<>();
		try (Stream<Path> sources = Files.walk(Path.of("src/test/java"))) {
			for (Path source : sources.filter(path -> path.toString().endsWith("Tests.java")).toList()) {
				String text = Files.readString(source);
				if ((text.contains("HeadlessChromium.start") && !text.contains("@RequiresBrowser"))
						|| (text.contains("new PostgresDatabase") && !text.contains("@RequiresPostgres"))) {
					unmarked.add(source.getFileName().toString());
				}
			}
		}

		assertThat(unmarked).isEmpty();
	}

	@Test
	void whereTheBrowserIsRequiredAMissingOneRunsTheClassSoItFailsInsteadOfSkipping() {
		ExtensionContext required = context("/nonexistent/chromium", "true");
		ExtensionContext optional = context("/nonexistent/chromium", "false");

		assertThat(new HeadlessChromium.Installed().evaluateExecutionCondition(required).isDisabled()).isFalse();
		assertThat(new HeadlessChromium.Installed().evaluateExecutionCondition(optional).isDisabled()).isTrue();
	}

	private static ExtensionContext context(String location, String required) {
		ExtensionContext context = mock(ExtensionContext.class);
		given(context.getConfigurationParameter("vsxi.test.browser.location")).willReturn(Optional.of(location));
		given(context.getConfigurationParameter("vsxi.test.browser.required")).willReturn(Optional.of(required));
		return context;
	}

}
