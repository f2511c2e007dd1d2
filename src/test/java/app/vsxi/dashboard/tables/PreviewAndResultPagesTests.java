package app.vsxi.dashboard.tables;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;

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
import org.springframework.security.test.context.support.TestExecutionEvent;
import org.springframework.security.test.context.support.WithUserDetails;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import app.vsxi.dashboard.support.SameApplication;
import app.vsxi.dashboard.tables.engine.RowKey;

/**
 * The preview and the result of an apply as the operator reads them: both name the SBC and the table, the preview
 * lays each call's body out a field a line with the changed fields marked and offers the whole-table replace only
 * below Apply, the result links its snapshot, and the three-way page marks the fields each side changed.
 */
@SpringBootTest(properties = "vsxi.tables.large-above=0")
@org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc
@ActiveProfiles({ "demo", "test" })
@WithUserDetails(value = "admin", setupBefore = TestExecutionEvent.TEST_METHOD)
@ResourceLock(providers = SameApplication.class)
class PreviewAndResultPagesTests {

	private static final List<String> KEY = List.of("alias", "tableId");

	private static final String BOX = "demo-sbc-1";

	@Autowired
	DraftOpening draftOpening;

	@Autowired
	DraftEdits draftEdits;

	@Autowired
	FleetService fleet;

	@Autowired
	TableCommands gateway;

	@Autowired
	MockMvc mvc;

	@Test
	void thePreviewMarksTheChangedFieldInTheBodyAndOffersTheReplaceBelowApply() throws Exception {
		long sbcId = sbc();
		TableRow route = routes(sbcId).get(40);
		long draftId = open(sbcId);
		this.draftEdits.edit(sbcId, draftId, RowKey.of(route, KEY), "digitMatch", "99771");

		String page = this.mvc.perform(get("/sbcs/{id}/tables/drafts/{d}/preview", sbcId, draftId))
			.andReturn().getResponse().getContentAsString();

		assertThat(page).contains("<title>Preview: route of demo-sbc-1 · VSXi fleet</title>")
			.contains("<h1>Preview: route of demo-sbc-1</h1>")
			.contains("<mark>    &lt;digitMatch&gt;99771&lt;/digitMatch&gt;</mark>")
			.contains("\n    &lt;alias&gt;" + route.text("alias") + "&lt;/alias&gt;\n")
			.doesNotContain("<mark>    &lt;alias&gt;")
			.contains("<pre class=\"payload-body\">&lt;?xml version=&quot;1.0&quot; encoding=&quot;UTF-8&quot;?&gt;\n"
					+ "&lt;XBRouteList&gt;\n  &lt;XBRoute&gt;\n");
		assertThat(page.indexOf("Or replace the whole table instead…")).as("the replace comes after Apply")
			.isGreaterThan(page.indexOf("Apply to the SBC</button>"))
			.isGreaterThan(0);
		assertThat(page).doesNotContain("class=\"button\" href=\"/sbcs/" + sbcId + "/tables/drafts/" + draftId
				+ "/replace\"");

		// the request leaves this thread without a signed-in user: discard the draft the way a person does
		this.mvc.perform(post("/sbcs/{id}/tables/drafts/{d}/discard", sbcId, draftId).with(csrf()).param("confirm", "yes"));
	}

	@Test
	void theResultNamesTheSbcAndTableAndLinksItsSnapshot() throws Exception {
		long sbcId = sbc();
		TableRow route = routes(sbcId).get(41);
		long draftId = open(sbcId);
		this.draftEdits.edit(sbcId, draftId, RowKey.of(route, KEY), "maxLen", "17".equals(route.text("maxLen")) ? "16" : "17");

		String page = this.mvc.perform(post("/sbcs/{id}/tables/drafts/{d}/apply", sbcId, draftId).with(csrf()))
			.andReturn().getResponse().getContentAsString();

		assertThat(page).contains("<h1>Applied and verified: route on demo-sbc-1</h1>");
		Matcher link = Pattern.compile("<a class=\"snapshot\" href=\"/sbcs/" + sbcId
				+ "/tables#snapshot-(\\d+)\">snapshot (\\d+)</a>").matcher(page);
		assertThat(link.find()).as("a link to the snapshot").isTrue();
		assertThat(link.group(2)).isEqualTo(link.group(1));
		String tables = this.mvc.perform(get("/sbcs/{id}/tables", sbcId)).andReturn().getResponse()
			.getContentAsString();
		assertThat(tables).contains("<li id=\"snapshot-" + link.group(1) + "\">")
			.contains("<span>Snapshot " + link.group(1) + ", ");
	}

	@Test
	void theThreeWayPageMarksTheFieldsEachSideChanged() throws Exception {
		long sbcId = sbc();
		TableRow route = routes(sbcId).get(42);
		long draftId = open(sbcId);
		this.draftEdits.edit(sbcId, draftId, RowKey.of(route, KEY), "digitMatch", "88801");
		changeOnTheBox(sbcId, route.with("digitMatch", "88802"));

		String page = this.mvc.perform(post("/sbcs/{id}/tables/drafts/{d}/apply", sbcId, draftId).with(csrf()))
			.andReturn().getResponse().getContentAsString();

		assertThat(page).contains("<h1>The table changed on the SBC since the draft was opened: route on demo-sbc-1</h1>")
			.contains("<li>digitMatch: " + route.text("digitMatch") + "</li>")
			.contains("<input type=\"radio\" name=\"field_0_0\" value=\"THEIRS\" required")
			.contains("<span class=\"visually-hidden\">Take theirs:</span> <mark>digitMatch: 88802</mark>")
			.contains("<input type=\"radio\" name=\"field_0_0\" value=\"OURS\"")
			.contains("<span class=\"visually-hidden\">Take ours:</span> <mark>digitMatch: 88801</mark>")
			.contains("<input type=\"hidden\" name=\"fieldname_0_0\" value=\"digitMatch\">")
			.contains("fields the same on all sides")
			.doesNotContain("<li>alias: ");
		String token = field(page, "conflict_0");

		String applied = this.mvc.perform(post("/sbcs/{id}/tables/drafts/{d}/apply", sbcId, draftId).with(csrf())
			.param("conflict_0", token).param("fieldname_0_0", "digitMatch").param("field_0_0", "OURS")).andReturn().getResponse().getContentAsString();

		assertThat(applied).contains("<h1>Applied and verified: route on demo-sbc-1</h1>");
	}

	private static String field(String page, String name) {
		Matcher value = Pattern.compile("name=\"" + name + "\" value=\"([^\"]*)\"").matcher(page);
		assertThat(value.find()).as(name).isTrue();
		return value.group(1).replace("&amp;", "&");
	}

	private long sbc() {
		return this.fleet.visible().stream().filter(sbc -> sbc.name().equals(BOX)).map(Sbc::id).findFirst()
			.orElseThrow();
	}

	private SbcEndpoint endpoint(long sbcId) {
		return this.fleet.endpoint(this.fleet.get(sbcId));
	}

	private List<TableRow> routes(long sbcId) {
		List<TableRow> rows = new ArrayList<>();
		GatewayResult<TableZip.Summary> result = this.gateway.downloadLarge(endpoint(sbcId), VsxiTable.ROUTE, rows::add)
			.block(Duration.ofMinutes(1));
		assertThat(result).isInstanceOf(GatewayResult.Ok.class);
		return rows;
	}

	private long open(long sbcId) {
		return ((DraftOpening.Opened.Draft) this.draftOpening.open(sbcId, "route")).id();
	}

	private void changeOnTheBox(long sbcId, TableRow row) {
		GatewayResult<WriteOutcome> result = this.gateway.update(endpoint(sbcId), VsxiTable.ROUTE,
				new TableDocument("XBRouteList", "XBRoute", List.of(row))).block(Duration.ofMinutes(1));
		assertThat(result).isInstanceOf(GatewayResult.Ok.class);
	}

}
