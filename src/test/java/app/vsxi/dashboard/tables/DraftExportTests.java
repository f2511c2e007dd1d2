package app.vsxi.dashboard.tables;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import app.vsxi.dashboard.gateway.Format;
import app.vsxi.dashboard.gateway.TableRow;

import static app.vsxi.dashboard.tables.engine.Rows.ROUTE_KEY;
import static app.vsxi.dashboard.tables.engine.Rows.route;
import static org.assertj.core.api.Assertions.assertThat;
import app.vsxi.dashboard.tables.engine.RowKey;
import app.vsxi.dashboard.tables.engine.RowStore;

/**
 * The export lays the edits over the stored base row by row, as the page does: edits in their row's place,
 * deleted rows left out, a key held twice told apart by its occurrence, new rows at the end, and the page's filters.
 */
class DraftExportTests {

	/** r3 is deleted, r2 and the second "dup" changed, two rows added, and a delete of a row the base lacks. */
	private static final List<TableRow> BASE = List.of(route("r1", "1", "100"), route("r2", "1", "200"),
			route("r3", "1", "300"), route("dup", "1", "400"), route("dup", "1", "401"), route("r4", "2", "500"));

	private static Map<RowKey, TableRow> edits() {
		Map<RowKey, TableRow> edits = new LinkedHashMap<>();
		edits.put(key("new", "3"), route("new", "3", "600"));
		edits.put(key("r2", "1"), route("r2", "1", "250").with("policy", "edited"));
		edits.put(key("dup", "1").nth(1), route("dup", "1", "999"));
		edits.put(key("r3", "1"), null);
		edits.put(key("gone", "9"), null);
		edits.put(key("new2", "3"), route("new2", "3", "700"));
		return edits;
	}

	private static RowKey key(String alias, String tableId) {
		return new RowKey(List.of(alias, tableId), 0);
	}

	private static String export(Format format, Map<String, String> filters) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		TableTransfer.export(format, "XBRouteList", "XBRoute",
				DraftExport.rows(BASE.iterator(), edits(), ROUTE_KEY, RowFilter.of(filters)), out);
		return out.toString(StandardCharsets.UTF_8);
	}

	@Test
	void csvHoldsTheDraftAsThePageListsIt() {
		assertThat(export(Format.CSV, Map.of())).isEqualTo("""
				alias,tableId,digitMatch,policy\r
				r1,1,100,top_down\r
				r2,1,250,edited\r
				dup,1,400,top_down\r
				dup,1,999,top_down\r
				r4,2,500,top_down\r
				new,3,600,top_down\r
				new2,3,700,top_down\r
				""");
	}

	@Test
	void xmlHoldsTheDraftAsThePageListsIt() {
		assertThat(export(Format.XML, Map.of())).isEqualTo("<?xml version='1.0' encoding='UTF-8'?><XBRouteList>"
				+ "<XBRoute><alias>r1</alias><tableId>1</tableId><digitMatch>100</digitMatch><policy>top_down</policy></XBRoute>"
				+ "<XBRoute><alias>r2</alias><tableId>1</tableId><digitMatch>250</digitMatch><policy>edited</policy></XBRoute>"
				+ "<XBRoute><alias>dup</alias><tableId>1</tableId><digitMatch>400</digitMatch><policy>top_down</policy></XBRoute>"
				+ "<XBRoute><alias>dup</alias><tableId>1</tableId><digitMatch>999</digitMatch><policy>top_down</policy></XBRoute>"
				+ "<XBRoute><alias>r4</alias><tableId>2</tableId><digitMatch>500</digitMatch><policy>top_down</policy></XBRoute>"
				+ "<XBRoute><alias>new</alias><tableId>3</tableId><digitMatch>600</digitMatch><policy>top_down</policy></XBRoute>"
				+ "<XBRoute><alias>new2</alias><tableId>3</tableId><digitMatch>700</digitMatch><policy>top_down</policy></XBRoute>"
				+ "</XBRouteList>");
	}

	@Test
	void jsonHoldsTheDraftAsThePageListsIt() {
		assertThat(export(Format.JSON, Map.of())).isEqualTo("{\"XBRouteList\":{\"XBRoute\":["
				+ "{\"alias\":\"r1\",\"tableId\":\"1\",\"digitMatch\":\"100\",\"policy\":\"top_down\"},"
				+ "{\"alias\":\"r2\",\"tableId\":\"1\",\"digitMatch\":\"250\",\"policy\":\"edited\"},"
				+ "{\"alias\":\"dup\",\"tableId\":\"1\",\"digitMatch\":\"400\",\"policy\":\"top_down\"},"
				+ "{\"alias\":\"dup\",\"tableId\":\"1\",\"digitMatch\":\"999\",\"policy\":\"top_down\"},"
				+ "{\"alias\":\"r4\",\"tableId\":\"2\",\"digitMatch\":\"500\",\"policy\":\"top_down\"},"
				+ "{\"alias\":\"new\",\"tableId\":\"3\",\"digitMatch\":\"600\",\"policy\":\"top_down\"},"
				+ "{\"alias\":\"new2\",\"tableId\":\"3\",\"digitMatch\":\"700\",\"policy\":\"top_down\"}]}}");
	}

	@Test
	void aFilterTakesAnEditedRowByItsNewValuesAndIgnoresCase() {
		// r2 was 200: "20" no longer finds it; the second dup is 999 now, so "00" misses it too
		assertThat(export(Format.CSV, Map.of("digitMatch", "20"))).isEmpty();
		assertThat(export(Format.CSV, Map.of("digitMatch", " 00 "))).isEqualTo("""
				alias,tableId,digitMatch,policy\r
				r1,1,100,top_down\r
				dup,1,400,top_down\r
				r4,2,500,top_down\r
				new,3,600,top_down\r
				new2,3,700,top_down\r
				""");
		assertThat(export(Format.JSON, Map.of("alias", "R", "policy", "EDIT"))).isEqualTo("{\"XBRouteList\":{\"XBRoute\":["
				+ "{\"alias\":\"r2\",\"tableId\":\"1\",\"digitMatch\":\"250\",\"policy\":\"edited\"}]}}");
		assertThat(export(Format.XML, Map.of("digitMatch", "9", "tableId", ""))).isEqualTo(
				"<?xml version='1.0' encoding='UTF-8'?><XBRouteList>"
						+ "<XBRoute><alias>dup</alias><tableId>1</tableId><digitMatch>999</digitMatch><policy>top_down</policy></XBRoute>"
						+ "</XBRouteList>");
	}

	@Test
	void aFilterOnAColumnNoRowHasLeavesAnEmptyFile() {
		assertThat(export(Format.XML, Map.of("nosuch", "1")))
			.isEqualTo("<?xml version='1.0' encoding='UTF-8'?><XBRouteList/>");
		assertThat(export(Format.JSON, Map.of("nosuch", "1"))).isEqualTo("{\"XBRouteList\":{\"XBRoute\":[]}}");
	}

	/** The same drafts and filters through the page, so the file and the screen cannot drift apart. */
	@ParameterizedTest
	@ValueSource(strings = { "", "digitMatch=00", "digitMatch=20", "alias=R", "alias=dup", "policy=EDIT",
			"alias=new;tableId=3", "digitMatch=9", "nosuch=1" })
	void theExportKeepsTheRowsThePageShowsInItsOrder(String filter) {
		Map<String, String> filters = new LinkedHashMap<>();
		for (String each : filter.split(";")) {
			if (!each.isEmpty()) {
				filters.put(each.split("=")[0], each.split("=")[1]);
			}
		}
		RowStore.Builder builder = RowStore.builder(ROUTE_KEY);
		BASE.forEach(builder::add);
		DraftView view = new DraftView(builder.build(), edits());
		List<TableRow> page = view.page(new DraftView.Request(filters, null, false, 0, 500)).rows().stream()
			.filter(row -> row.state() != DraftView.State.DELETED)
			.map(DraftView.ViewRow::row)
			.toList();
		List<TableRow> exported = new ArrayList<>();
		DraftExport.rows(BASE.iterator(), edits(), ROUTE_KEY, RowFilter.of(filters)).forEachRemaining(exported::add);
		assertThat(exported).containsExactlyElementsOf(page);
	}

}
