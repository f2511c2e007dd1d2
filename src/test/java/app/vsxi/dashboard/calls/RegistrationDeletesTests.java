package app.vsxi.dashboard.calls;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import app.vsxi.dashboard.demo.DemoFleet;
import app.vsxi.dashboard.fleet.FleetService;
import app.vsxi.dashboard.gateway.GatewayResult;
import app.vsxi.dashboard.gateway.StatsReads;
import app.vsxi.dashboard.gateway.TableDocument;
import app.vsxi.dashboard.gateway.TableRow;
import app.vsxi.dashboard.gateway.VsxiTable;
import app.vsxi.dashboard.simulator.SimulatedVsxi;
import app.vsxi.dashboard.support.DemoSbcs;
import app.vsxi.dashboard.support.SameApplication;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * Deleting registrations on a simulated VSXi, whether the box refuses a filter element it does not know or ignores
 * it (and so would widen the filter): only the registrations the preview showed go, named by id.
 */
@SpringBootTest(properties = { "vsxi.calls.bulk-kill-max=25", "vsxi.gateway.read-timeout=15s" })
@AutoConfigureMockMvc
@ActiveProfiles({ "demo", "test" })
@WithMockUser(username = "noc-operator", roles = "ADMIN")
@ResourceLock(providers = SameApplication.class)
class RegistrationDeletesTests {

	/** The simulator writes expiration times so, in the zone it runs in (reference §5.2). */
	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("MM-dd-yyyy HH:mm:ss");

	@Autowired
	RegistrationsService registrations;

	@Autowired
	DemoFleet demo;

	@Autowired
	FleetService fleet;

	@Autowired
	StatsReads gateway;

	@Autowired
	MockMvc mvc;

	@Autowired
	org.springframework.security.core.userdetails.UserDetailsService users;

	private SimulatedVsxi box;

	private long sbcId;

	@BeforeEach
	void pickBox() {
		this.box = this.demo.box("demo-sbc-2");
		this.sbcId = DemoSbcs.id(this.fleet, "demo-sbc-2");
	}

	@AfterEach
	void defaultBox() {
		this.box.quirks(Map.of("ignoreUnknownFilterFields", false));
	}

	@ParameterizedTest(name = "ignoreUnknownFilterFields={0}")
	@ValueSource(booleans = { false, true })
	void aDeleteByTrunkRemovesOnlyThePreviewedRegistrationsNamedById(boolean ignoreUnknown) {
		this.box.quirks(Map.of("ignoreUnknownFilterFields", ignoreUnknown));
		List<TableRow> before = listed();
		String trunk = before.get(0).text("trunkId");
		Set<String> onTheTrunk = before.stream().filter(r -> trunk.equals(r.text("trunkId"))).map(r -> r.text("id"))
			.collect(Collectors.toSet());

		RemovalPreview preview = this.registrations.prepareDelete(this.sbcId, null, Map.of("trunkId", trunk));
		Set<String> previewed = preview.entries().stream().map(r -> r.text("id")).collect(Collectors.toSet());
		assertThat(previewed).isEqualTo(onTheTrunk);
		assertThat(preview.bulk()).isTrue();
		assertThat(preview.body()).doesNotContainIgnoringCase("trunk").contains("<id>" + before.get(0).text("id") + "</id>");
		RemovalReport mistyped = this.registrations.delete(this.sbcId, preview.token(), previewed.size() + 1);
		assertThat(mistyped.removal()).isNull();
		assertThat(listed()).extracting(r -> r.text("id")).containsAll(previewed);

		RemovalReport report = this.registrations.delete(this.sbcId, preview.token(), previewed.size());

		List<TableRow> after = listed();
		Set<String> left = after.stream().map(r -> r.text("id")).collect(Collectors.toSet());
		assertThat(report.removal().targeted()).isEqualTo(previewed.size());
		assertThat(left).doesNotContainAnyElementsOf(previewed);
		assertThat(before.stream().filter(r -> !previewed.contains(r.text("id")) && !left.contains(r.text("id"))))
			.as("only registrations whose time ran out went besides the previewed ones")
			.allSatisfy(r -> assertThat(expiry(r)).isBefore(Instant.now().plusSeconds(2)));
	}

	@ParameterizedTest(name = "ignoreUnknownFilterFields={0}")
	@ValueSource(booleans = { false, true })
	void aDeleteOfChosenRegistrationsSendsTheirIdsOnlyAndNeedsNoTypedCount(boolean ignoreUnknown) {
		this.box.quirks(Map.of("ignoreUnknownFilterFields", ignoreUnknown));
		List<TableRow> before = listed();
		String chosen = before.get(1).text("id");

		RemovalPreview preview = this.registrations.prepareDelete(this.sbcId, List.of(chosen, "no-such-id"), Map.of());
		assertThat(preview.bulk()).isFalse();
		assertThat(preview.notes()).singleElement().asString().contains("no-such-id");
		RemovalReport report = this.registrations.delete(this.sbcId, preview.token(), null);

		assertThat(report.success()).as(report.sentence()).isTrue();
		assertThat(report.removal().sent()).contains("<XBSubStats><id>" + chosen + "</id></XBSubStats>")
			.doesNotContain("no-such-id");
		Set<String> left = listed().stream().map(r -> r.text("id")).collect(Collectors.toSet());
		assertThat(left).doesNotContain(chosen);
		assertThat(before.stream().filter(r -> !chosen.equals(r.text("id")) && !left.contains(r.text("id"))))
			.allSatisfy(r -> assertThat(expiry(r)).isBefore(Instant.now().plusSeconds(2)));
	}

	private static Instant expiry(TableRow registration) {
		return LocalDateTime.parse(registration.text("expiration"), TIME).atZone(ZoneId.systemDefault()).toInstant();
	}

	@Test
	void theListShowsTheBoxTimesYearFirstWithTheBoxTextBesideAndEachStateInWordsAndColour() throws Exception {
		TableRow first = listed().get(0);
		String created = first.text("createTime");

		String page = this.mvc.perform(get("/sbcs/{id}/registrations", this.sbcId).param("sort", "id")
			.with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors
				.user(this.users.loadUserByUsername("admin"))))
			.andReturn().getResponse().getContentAsString();

		// MM-dd-yyyy HH:mm:ss read year first, the clock time untouched
		String yearFirst = created.substring(6, 10) + "-" + created.substring(0, 2) + "-" + created.substring(3, 5)
				+ created.substring(10);
		assertThat(page).contains("<td title=\"As the SBC sent it, on its own clock: " + created + "\">" + yearFirst
				+ "</td>");
		assertThat(page).contains("<td><span class=\"badge up\">Authenticated</span></td>")
			.contains("<span class=\"badge up\" data-state=\"Authenticated\">")
			.contains("<span class=\"badge unreachable\" data-state=\"Unauthenticated\">")
			.contains("<span class=\"badge unreachable\" data-state=\"Blocked\">")
			.contains("<span class=\"badge warning\" data-state=\"Pending\">");
	}

	private List<TableRow> listed() {
		GatewayResult<TableDocument> result = this.gateway.statsList(this.fleet.endpoint(this.fleet.get(this.sbcId)),
				VsxiTable.SUB_STATS).block();
		assertThat(result).isInstanceOf(GatewayResult.Ok.class);
		return ((GatewayResult.Ok<TableDocument>) result).value().rows();
	}

}
