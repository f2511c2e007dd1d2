package app.vsxi.dashboard.tables;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import app.vsxi.dashboard.demo.DemoFleet;
import app.vsxi.dashboard.fleet.FleetService;
import app.vsxi.dashboard.fleet.Sbc;
import app.vsxi.dashboard.gateway.GatewayResult;
import app.vsxi.dashboard.gateway.SbcEndpoint;
import app.vsxi.dashboard.gateway.TableCommands;
import app.vsxi.dashboard.gateway.TableDocument;
import app.vsxi.dashboard.gateway.TableRow;
import app.vsxi.dashboard.gateway.TableZip;
import app.vsxi.dashboard.gateway.VsxiTable;
import app.vsxi.dashboard.gateway.WriteOutcome;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.test.context.support.TestExecutionEvent;
import org.springframework.security.test.context.support.WithUserDetails;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.util.HtmlUtils;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import app.vsxi.dashboard.support.SameApplication;
import app.vsxi.dashboard.tables.engine.RowKey;
import app.vsxi.dashboard.tables.engine.ThreeWayMerge;

/**
 * The three-way page's form, submitted as a browser would submit it, resolves a conflict on a route whose key holds
 * awkward text; the simulated box is then read to find the chosen value on it.
 */
@SpringBootTest
@ActiveProfiles({ "demo", "test" })
@AutoConfigureMockMvc
@WithUserDetails(value = "admin", setupBefore = TestExecutionEvent.TEST_METHOD)
@ResourceLock(providers = SameApplication.class)
class ConflictResolutionTests {

	private static final String BOX = "demo-sbc-3";

	/** Tab, spaces, slashes, quotes, markup, non-ASCII and length: everything a form field name must not carry. */
	static final String AWKWARD_ALIAS = "conflict\tprobe / \"west\" l'été <b>&amp;</b> Zürich 北京 \\t "
			+ "long-".repeat(120) + "end";

	private static final Pattern INPUT = Pattern.compile("<input\\b[^>]*>");

	private static final Pattern ATTRIBUTE = Pattern.compile("\\s([a-zA-Z_:-]+)(?:=\"([^\"]*)\")?");

	@Autowired
	DraftOpening draftOpening;

	@Autowired
	DraftEdits draftEdits;

	@Autowired
	FleetService fleet;

	@Autowired
	TableCommands gateway;

	@Autowired
	DemoFleet demo;

	@Autowired
	MockMvc mvc;

	private long sbcId;

	private SbcEndpoint endpoint;

	@BeforeEach
	void pickTheBox() {
		this.sbcId = this.fleet.visible().stream().filter(sbc -> sbc.name().equals(BOX)).map(Sbc::id).findFirst()
			.orElseThrow();
		this.endpoint = this.fleet.endpoint(this.fleet.get(this.sbcId));
	}

	@AfterEach
	void removeTheAwkwardRoute() {
		List<TableRow> ours = routes().stream().filter(row -> AWKWARD_ALIAS.equals(row.text("alias"))).toList();
		if (!ours.isEmpty()) {
			write(this.gateway.delete(this.endpoint, VsxiTable.ROUTE, document(ours)));
		}
	}

	@ParameterizedTest
	@EnumSource(ThreeWayMerge.Side.class)
	void aConflictOnARouteWithAnAwkwardKeyIsResolvedWithTheChosenSideAndTheChosenValueEndsOnTheBox(
			ThreeWayMerge.Side side) throws Exception {
		List<String> key = EditableTable.ROUTE.keyFields();
		List<TableRow> original = routes();
		TableRow awkward = original.get(0).with("alias", AWKWARD_ALIAS).with("digitMatch", "4410");
		write(this.gateway.update(this.endpoint, VsxiTable.ROUTE, document(List.of(awkward))));
		TableRow other = original.get(1);
		String otherMaxLen = "1".equals(other.text("maxLen")) ? "2" : "1";
		long draftId = ((DraftOpening.Opened.Draft) this.draftOpening.open(this.sbcId, "route")).id();
		assertThat(this.draftEdits.edit(this.sbcId, draftId, RowKey.of(awkward, key), "digitMatch", "4420").problem()).isNull();
		assertThat(this.draftEdits.edit(this.sbcId, draftId, RowKey.of(other, key), "maxLen", otherMaxLen).problem()).isNull();
		write(this.gateway.update(this.endpoint, VsxiTable.ROUTE, document(List.of(awkward.with("digitMatch", "4430")))));

		MockHttpServletResponse conflicts = this.mvc
			.perform(post("/sbcs/{id}/tables/drafts/{d}/apply", this.sbcId, draftId).with(csrf()))
			.andReturn()
			.getResponse();
		assertThat(conflicts.getStatus()).isEqualTo(200);
		assertThat(conflicts.getContentAsString()).contains("The table changed on the SBC since the draft was opened");

		MockHttpServletResponse applied = this.mvc
			.perform(chosen(post("/sbcs/{id}/tables/drafts/{d}/apply", this.sbcId, draftId), conflicts.getContentAsString(),
					side).with(csrf()))
			.andReturn()
			.getResponse();

		assertThat(applied.getStatus()).as(applied.getContentAsString()).isEqualTo(200);
		assertThat(applied.getContentAsString()).contains("Applied and verified");
		List<Map<String, Object>> onTheBox = this.demo.box(BOX).entries("route");
		assertThat(onTheBox.stream().filter(route -> AWKWARD_ALIAS.equals(route.get("alias"))))
			.singleElement()
			.satisfies(route -> assertThat(String.valueOf(route.get("digitMatch")))
				.isEqualTo(side == ThreeWayMerge.Side.OURS ? "4420" : "4430"));
		assertThat(onTheBox.stream()
			.filter(route -> other.text("alias").equals(String.valueOf(route.get("alias")))
					&& other.text("tableId").equals(String.valueOf(route.get("tableId")))))
			.as("the draft's other edit went out with the choice")
			.singleElement()
			.satisfies(route -> assertThat(String.valueOf(route.get("maxLen"))).isEqualTo(otherMaxLen));
	}

	@Test
	void whenTheBoxChangesAgainBeforeTheChoiceIsSentThePageAsksForTheNewConflictAndKeepsTheChoiceMade()
			throws Exception {
		List<String> key = EditableTable.ROUTE.keyFields();
		List<TableRow> original = routes();
		TableRow awkward = original.get(0).with("alias", AWKWARD_ALIAS).with("digitMatch", "99441");
		write(this.gateway.update(this.endpoint, VsxiTable.ROUTE, document(List.of(awkward))));
		TableRow other = original.get(1);
		long draftId = ((DraftOpening.Opened.Draft) this.draftOpening.open(this.sbcId, "route")).id();
		this.draftEdits.edit(this.sbcId, draftId, RowKey.of(awkward, key), "digitMatch", "99442");
		this.draftEdits.edit(this.sbcId, draftId, RowKey.of(other, key), "digitMatch", "99452");
		write(this.gateway.update(this.endpoint, VsxiTable.ROUTE, document(List.of(awkward.with("digitMatch", "99443")))));
		String first = this.mvc.perform(post("/sbcs/{id}/tables/drafts/{d}/apply", this.sbcId, draftId).with(csrf()))
			.andReturn()
			.getResponse()
			.getContentAsString();
		write(this.gateway.update(this.endpoint, VsxiTable.ROUTE, document(List.of(other.with("digitMatch", "99453")))));

		MockHttpServletResponse again = this.mvc
			.perform(chosen(post("/sbcs/{id}/tables/drafts/{d}/apply", this.sbcId, draftId), first,
					ThreeWayMerge.Side.OURS).with(csrf()))
			.andReturn()
			.getResponse();

		assertThat(again.getStatus()).isEqualTo(200);
		List<String> rows = conflictRows(again.getContentAsString());
		assertThat(rows).hasSize(2);
		String awkwardRow = rows.stream().filter(row -> row.contains("99443")).findFirst().orElseThrow();
		String otherRow = rows.stream().filter(row -> row.contains("99453")).findFirst().orElseThrow();
		assertThat(inputs(awkwardRow)).filteredOn(input -> input.containsKey("checked"))
			.singleElement()
			.satisfies(input -> assertThat(input.get("value")).isEqualTo("OURS"));
		assertThat(inputs(otherRow)).noneMatch(input -> input.containsKey("checked"));
		assertThat(this.demo.box(BOX).entries("route").stream().filter(route -> AWKWARD_ALIAS.equals(route.get("alias"))))
			.as("nothing sent while a conflict waits")
			.singleElement()
			.satisfies(route -> assertThat(String.valueOf(route.get("digitMatch"))).isEqualTo("99443"));
	}

	@Test
	void fieldsBothSidesChangedInOneRowAreTakenEachFromTheSideChosenForItAndTheBoxEndsWithTheMix() throws Exception {
		List<String> key = EditableTable.ROUTE.keyFields();
		TableRow awkward = routes().get(0).with("alias", AWKWARD_ALIAS).with("digitMatch", "4510").with("minLen", "1");
		write(this.gateway.update(this.endpoint, VsxiTable.ROUTE, document(List.of(awkward))));
		long draftId = ((DraftOpening.Opened.Draft) this.draftOpening.open(this.sbcId, "route")).id();
		assertThat(this.draftEdits.edit(this.sbcId, draftId, RowKey.of(awkward, key), "digitMatch", "4520").problem()).isNull();
		assertThat(this.draftEdits.edit(this.sbcId, draftId, RowKey.of(awkward, key), "minLen", "2").problem()).isNull();
		write(this.gateway.update(this.endpoint, VsxiTable.ROUTE,
				document(List.of(awkward.with("digitMatch", "4530").with("minLen", "3")))));
		String page = this.mvc.perform(post("/sbcs/{id}/tables/drafts/{d}/apply", this.sbcId, draftId).with(csrf()))
			.andReturn()
			.getResponse()
			.getContentAsString();
		List<Map<String, String>> inputs = inputs(page);
		assertThat(inputs).filteredOn(input -> "radio".equals(input.get("type")))
			.extracting(input -> input.get("name") + "=" + input.get("value"))
			.containsExactly("field_0_0=THEIRS", "field_0_1=THEIRS", "field_0_0=OURS", "field_0_1=OURS");
		assertThat(inputs).filteredOn(input -> String.valueOf(input.get("name")).startsWith("fieldname_"))
			.extracting(input -> input.get("name") + "=" + input.get("value"))
			.containsExactly("fieldname_0_0=digitMatch", "fieldname_0_1=minLen");

		MockHttpServletRequestBuilder choice = post("/sbcs/{id}/tables/drafts/{d}/apply", this.sbcId, draftId)
			.param("field_0_0", "THEIRS")
			.param("field_0_1", "OURS");
		inputs.stream()
			.filter(input -> "hidden".equals(input.get("type")) && !"_csrf".equals(input.get("name")))
			.forEach(input -> choice.param(input.get("name"), input.get("value")));
		MockHttpServletResponse applied = this.mvc.perform(choice.with(csrf())).andReturn().getResponse();

		assertThat(applied.getContentAsString()).contains("Applied and verified");
		assertThat(this.demo.box(BOX).entries("route").stream().filter(route -> AWKWARD_ALIAS.equals(route.get("alias"))))
			.singleElement()
			.satisfies(route -> {
				assertThat(String.valueOf(route.get("digitMatch"))).as("theirs, as chosen").isEqualTo("4530");
				assertThat(String.valueOf(route.get("minLen"))).as("ours, as chosen").isEqualTo("2");
			});
	}

	private static List<String> conflictRows(String page) {
		String body = page.substring(page.indexOf("<tbody>"), page.indexOf("</tbody>"));
		return List.of(body.split("<tr")).stream().filter(row -> row.contains("conflict_")).toList();
	}

	/** The conflict form as a browser sends it: every hidden field as it is, and the radio of the chosen side. */
	private static MockHttpServletRequestBuilder chosen(MockHttpServletRequestBuilder request, String page,
			ThreeWayMerge.Side side) {
		List<Map<String, String>> inputs = inputs(page);
		List<Map<String, String>> radios = inputs.stream().filter(input -> "radio".equals(input.get("type"))).toList();
		assertThat(radios).as("one radio per side").hasSize(2);
		for (Map<String, String> input : inputs) {
			boolean hidden = "hidden".equals(input.get("type")) && !"_csrf".equals(input.get("name"));
			boolean picked = "radio".equals(input.get("type")) && side.name().equals(input.get("value"));
			if (hidden || picked) {
				request.param(input.get("name"), input.get("value"));
			}
		}
		return request;
	}

	private static List<Map<String, String>> inputs(String page) {
		List<Map<String, String>> inputs = new ArrayList<>();
		Matcher input = INPUT.matcher(page);
		while (input.find()) {
			Map<String, String> attributes = new LinkedHashMap<>();
			Matcher attribute = ATTRIBUTE.matcher(input.group());
			while (attribute.find()) {
				attributes.put(attribute.group(1),
						attribute.group(2) == null ? "" : HtmlUtils.htmlUnescape(attribute.group(2)));
			}
			inputs.add(attributes);
		}
		return inputs;
	}

	private List<TableRow> routes() {
		List<TableRow> rows = new ArrayList<>();
		GatewayResult<TableZip.Summary> result = this.gateway.downloadLarge(this.endpoint, VsxiTable.ROUTE, rows::add)
			.block(Duration.ofMinutes(1));
		assertThat(result).isInstanceOf(GatewayResult.Ok.class);
		return rows;
	}

	private static TableDocument document(List<TableRow> rows) {
		return new TableDocument("XBRouteList", "XBRoute", rows);
	}

	private static void write(reactor.core.publisher.Mono<GatewayResult<WriteOutcome>> call) {
		assertThat(call.block(Duration.ofMinutes(1))).isInstanceOf(GatewayResult.Ok.class);
	}

}
