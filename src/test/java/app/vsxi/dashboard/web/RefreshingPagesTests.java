package app.vsxi.dashboard.web;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;

import app.vsxi.dashboard.fleet.FleetService;
import app.vsxi.dashboard.support.SameApplication;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.security.test.context.support.TestExecutionEvent;
import org.springframework.security.test.context.support.WithUserDetails;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Every page that refreshes by itself says so when its refreshes stop getting answers, and every page under an SBC
 * carries the one tab bar with its own tab marked current.
 */
@SpringBootTest
@ActiveProfiles({ "demo", "test" })
@AutoConfigureMockMvc
@WithUserDetails(value = "admin", setupBefore = TestExecutionEvent.TEST_METHOD)
@ResourceLock(providers = SameApplication.class)
class RefreshingPagesTests {

	private static final Path TEMPLATES = Path.of("src/main/resources/templates");

	/** An element that asks the server by itself: on a timer, or once loaded. */
	private static final Pattern ASKS_BY_ITSELF = Pattern.compile("hx-trigger[^>]*(every |\"load\")");

	private static final String BANNER = "<p id=\"connection-lost\" class=\"failure\" role=\"alert\" hidden>";

	private static final String SCRIPT = "<script src=\"/js/connection.js\" defer></script>";

	@Autowired
	MockMvc mvc;

	@Autowired
	FleetService fleet;

	@Test
	void theTemplatesThatRefreshByThemselvesAreTheOnesThisTestRenders() throws IOException {
		try (Stream<Path> files = Files.walk(TEMPLATES)) {
			Set<String> refreshing = files.filter(file -> file.toString().endsWith(".html"))
				.filter(file -> ASKS_BY_ITSELF.matcher(read(file)).find())
				.map(file -> TEMPLATES.relativize(file).toString().replace('\\', '/'))
				.collect(java.util.stream.Collectors.toSet());

			// a new page that refreshes by itself is added here and to the pages rendered below
			assertThat(refreshing).containsExactlyInAnyOrder("monitoring/overview.html", "monitoring/wallboard.html",
					"monitoring/sbc.html", "monitoring/alarms.html", "calls/calls.html", "calls/fleet.html",
					"tables/opening.html", "changes/change.html");
		}
	}

	@Test
	void everyPageThatRefreshesByItselfCarriesTheConnectionLostBannerAndItsScript() throws Exception {
		long sbc = sbcId("demo-sbc-1");
		for (String url : List.of("/overview", "/wallboard", "/sbcs/" + sbc, "/alarms", "/sbcs/" + sbc + "/calls",
				"/calls")) {
			String page = page(url);

			assertThat(page).as(url).contains(BANNER).contains(SCRIPT);
			assertThat(page.indexOf(BANNER)).as(url + ": one banner").isEqualTo(page.lastIndexOf(BANNER));
		}
	}

	@Test
	void theTableDownloadsAndChangeSetPagesCarryTheBannerThroughTheLayout() {
		// its timer runs only while a download does, so its template is checked rather than a rendered page
		assertThat(read(TEMPLATES.resolve("tables/opening.html")))
			.contains("th:replace=\"~{fragments/layout :: layout(~{::title}, ~{::main})}\"");
		// as a change set's page, whose timer runs only while it previews, sends or rolls back
		assertThat(read(TEMPLATES.resolve("changes/change.html")))
			.contains("th:replace=\"~{fragments/layout :: layout(~{::title}, ~{::main})}\"");
		assertThat(read(TEMPLATES.resolve("fragments/layout.html"))).contains("th:fragment=\"connectionLost\"")
			.contains("th:src=\"@{/js/connection.js}\"");
	}

	@Test
	void eachPageUnderAnSbcMarksItsOwnTabAsTheCurrentOne() throws Exception {
		long sbc = sbcId("demo-sbc-1");
		String base = "/sbcs/" + sbc;
		assertThat(currentTab(page(base))).isEqualTo("<a href=\"" + base + "\" aria-current=\"page\">Monitor</a>");
		assertThat(currentTab(page(base + "/tables")))
			.isEqualTo("<a href=\"" + base + "/tables\" aria-current=\"page\">Tables</a>");
		assertThat(currentTab(page(base + "/calls")))
			.isEqualTo("<a href=\"" + base + "/calls\" aria-current=\"page\">Calls</a>");
		assertThat(currentTab(page(base + "/registrations")))
			.isEqualTo("<a href=\"" + base + "/registrations\" aria-current=\"page\">Registrations</a>");
	}

	private String page(String url) throws Exception {
		return this.mvc.perform(get(url)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
	}

	/** The one link of the SBC's tab bar marked current. */
	private static String currentTab(String page) {
		String bar = page.substring(page.indexOf("<nav class=\"tabs\" aria-label=\"SBC sections\">"));
		bar = bar.substring(0, bar.indexOf("</nav>"));
		List<String> current = Pattern.compile("<a [^>]*aria-current=\"page\"[^>]*>[^<]*</a>").matcher(bar)
			.results().map(match -> match.group()).toList();
		assertThat(current).hasSize(1);
		return current.get(0);
	}

	private long sbcId(String name) {
		return this.fleet.everySbc().stream().filter(sbc -> sbc.name().equals(name)).findFirst().orElseThrow().id();
	}

	private static String read(Path file) {
		try {
			return Files.readString(file);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
