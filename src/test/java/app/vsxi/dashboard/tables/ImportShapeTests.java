package app.vsxi.dashboard.tables;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;

import app.vsxi.dashboard.fleet.FleetService;
import app.vsxi.dashboard.fleet.Sbc;
import app.vsxi.dashboard.gateway.Format;
import app.vsxi.dashboard.gateway.GatewayResult;
import app.vsxi.dashboard.gateway.TableCommands;
import app.vsxi.dashboard.gateway.TableRow;
import app.vsxi.dashboard.gateway.TableZip;
import app.vsxi.dashboard.gateway.VsxiTable;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.test.context.TestSecurityContextHolder;
import org.springframework.security.test.context.support.TestExecutionEvent;
import org.springframework.security.test.context.support.WithUserDetails;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import app.vsxi.dashboard.support.SameApplication;
import app.vsxi.dashboard.tables.engine.TableDiff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * An import the box's shape refuses says everything that is wrong with the file at once, and the draft offers an
 * empty entry in the box's shape to fill in. Against the simulated demo boxes over real HTTPS.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles({ "demo", "test" })
@WithUserDetails(value = "admin", setupBefore = TestExecutionEvent.TEST_METHOD)
@ResourceLock(providers = SameApplication.class)
class ImportShapeTests {

	/** The fields of a route as the simulator's seed makes them, written out by hand. */
	private static final List<String> ROUTE_FIELDS = List.of("alias", "tableId", "digitMatch", "minLen", "maxLen",
			"startTod", "endTod", "groupId", "policy", "resourceId1", "resourceId2", "resourceId3", "resourceId4",
			"resourceId5", "resourceId6", "resourceId7", "resourceId8");

	@Autowired
	DraftOpening draftOpening;

	@Autowired
	DraftFiles draftFiles;

	@Autowired
	DraftAccess draftAccess;

	@Autowired
	DraftRepository draftRepository;

	@Autowired
	FleetService fleet;

	@Autowired
	TableCommands gateway;

	@Autowired
	MockMvc mvc;

	@Test
	void aFileWhoseEntriesLackDifferentFieldsAndAddOneIsRefusedNamingEveryOneOfThem() {
		long sbcId = sbc();
		long draftId = open(sbcId);
		List<TableRow> routes = routes(sbcId);
		TableRow first = without(routes.get(0), "digitMatch");
		TableRow second = without(routes.get(1), "policy").with("foo", "bar");
		String file = "{\"XBRouteList\":{\"XBRoute\":[" + json(first) + "," + json(second) + "]}}";

		assertThatThrownBy(() -> this.draftFiles.importRows(sbcId, draftId, "two.json",
				new ByteArrayInputStream(file.getBytes(StandardCharsets.UTF_8))))
			.isInstanceOf(TableEditorException.class)
			.hasMessageContaining("missing in 1 entry: digitMatch, policy; not in the box's rows: foo (1 entry)");
		assertThat(this.draftAccess.draft(sbcId, draftId).baseRows()).isEqualTo(routes.size());
	}

	@Test
	void theEmptyEntryHasExactlyTheFieldsOfTheBoxsRowsEmptiedAndImportsOnceItsKeyIsFilledIn() throws Exception {
		long sbcId = sbc();
		long draftId = open(sbcId);
		String draft = "/sbcs/" + sbcId + "/tables/drafts/" + draftId;

		String page = this.mvc.perform(get(draft)).andReturn().getResponse().getContentAsString();
		MockHttpServletResponse csv = this.mvc.perform(get(draft + "/empty-entry").param("format", "csv")).andReturn()
			.getResponse();
		MockHttpServletResponse json = this.mvc.perform(get(draft + "/empty-entry").param("format", "json"))
			.andReturn().getResponse();

		assertThat(page).contains(draft + "/empty-entry?format=csv");
		assertThat(csv.getStatus()).isEqualTo(200);
		List<String> lines = csv.getContentAsString(StandardCharsets.UTF_8).lines().toList();
		assertThat(lines).hasSize(2);
		assertThat(List.of(lines.get(0).split(","))).containsExactlyInAnyOrderElementsOf(ROUTE_FIELDS);
		assertThat(lines.get(1)).isEqualTo(",".repeat(ROUTE_FIELDS.size() - 1));
		String entry = json.getContentAsString(StandardCharsets.UTF_8);
		for (String field : ROUTE_FIELDS) {
			assertThat(entry).contains("\"" + field + "\":\"\"");
		}
		assertThat(entry.split("\":").length - 1).as("one entry, no other field").isEqualTo(ROUTE_FIELDS.size() + 2);

		// a request done, the service's callers lose the test's user: put it back
		SecurityContextHolder.setContext(TestSecurityContextHolder.getContext());
		String alias = "EMPTY-" + System.nanoTime();
		String filled = entry.replace("\"alias\":\"\"", "\"alias\":\"" + alias + "\"")
			.replace("\"tableId\":\"\"", "\"tableId\":\"1\"");
		int imported = this.draftFiles.importRows(sbcId, draftId, "entry.json",
				new ByteArrayInputStream(filled.getBytes(StandardCharsets.UTF_8)));

		assertThat(imported).isEqualTo(1);
		TableDiff diff = new StoredDraft(this.draftRepository, this.draftAccess.draft(sbcId, draftId)).changes();
		assertThat(diff.added()).extracting(added -> added.key().label()).containsExactly(alias + " / 1");
		assertThat(diff.added().get(0).row().text("digitMatch")).isEmpty();
	}

	private long sbc() {
		return this.fleet.visible().stream().filter(sbc -> sbc.name().equals("demo-sbc-2")).map(Sbc::id).findFirst()
			.orElseThrow();
	}

	private long open(long sbcId) {
		return ((DraftOpening.Opened.Draft) this.draftOpening.open(sbcId, "route")).id();
	}

	private List<TableRow> routes(long sbcId) {
		List<TableRow> rows = new ArrayList<>();
		GatewayResult<TableZip.Summary> result = this.gateway
			.downloadLarge(this.fleet.endpoint(this.fleet.get(sbcId)), VsxiTable.ROUTE, rows::add)
			.block(Duration.ofMinutes(1));
		assertThat(result).isInstanceOf(GatewayResult.Ok.class);
		return rows;
	}

	private static TableRow without(TableRow row, String field) {
		Map<String, Object> fields = new LinkedHashMap<>(row.fields());
		fields.remove(field);
		return new TableRow(fields);
	}

	private static String json(TableRow row) {
		List<String> fields = new ArrayList<>();
		row.fields().forEach((name, value) -> fields.add("\"" + name + "\":\"" + value + "\""));
		return "{" + String.join(",", fields) + "}";
	}

}
