package app.vsxi.dashboard.gateway;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** The shapes real boxes send for database-dump stats (reference §5.1). */
class StatsDumpReaderTests {

	private final JsonMapper json = JsonMapper.builder().build();

	@Test
	void aSingleRowSentAsAnObjectIsReadAsOneRow() {
		var tables = read("""
				{"mysqldump":{"database":{"table":[{"name":"system_stat","row":{"field":[
				 {"name":"sum_active_session","content":4},{"name":"ha_current_state","content":"active"}]}}]}}}
				""");

		assertThat(tables.get("system_stat"))
			.containsExactly(Map.of("sum_active_session", "4", "ha_current_state", "active"));
	}

	@Test
	void newerBoxesPutTablesUnderTableDataAndAStrayTableObjectIsIgnored() {
		var tables = read("""
				{"mysqldump":{"database":{"table":{"name":"XBResourceRealTimeStatList"},
				 "table_structure":[{"name":"system_stat"}],
				 "table_data":[{"name":"system_stat","row":[{"field":[{"name":"current_cps","content":"7"}]}]}]}}}
				""");

		assertThat(tables.get("system_stat")).containsExactly(Map.of("current_cps", "7"));
		assertThat(tables.get("XBResourceRealTimeStatList")).isEmpty();
	}

	@Test
	void entriesThatArePlainStringsAreSkipped() {
		var tables = read("""
				{"mysqldump":{"database":{"table":["stray",
				 {"name":"system_stat","row":[{"field":{"name":"id","content":1}}]}]}}}
				""");

		assertThat(tables).containsOnlyKeys("system_stat");
		assertThat(tables.get("system_stat")).containsExactly(Map.of("id", "1"));
	}

	@Test
	void maxRecursionInPlaceOfAnEntryMakesTheAnswerIncomplete() {
		assertThatExceptionOfType(IncompleteAnswerException.class).isThrownBy(() -> read("""
				{"mysqldump":{"database":{"table":["Max recursion depth reached",
				 {"name":"system_stat","row":[{"field":{"name":"id","content":1}}]}]}}}
				"""));
		assertThatExceptionOfType(IncompleteAnswerException.class).isThrownBy(() -> read("""
				{"mysqldump":{"database":{"table":{"name":"system_stat","row":["Max recursion depth reached"]}}}}
				"""));
	}

	@Test
	void anAnswerWithoutADatabaseOrWithoutTablesIsIncomplete() {
		assertThatExceptionOfType(IncompleteAnswerException.class).isThrownBy(() -> read("{\"XBSubStatsList\":{}}"));
		assertThatExceptionOfType(IncompleteAnswerException.class)
			.isThrownBy(() -> read("{\"mysqldump\":{\"database\":{\"name\":\"x\"}}}"));
	}

	@Test
	void oneTableSentAsAnObjectWithNumbersIsRead() {
		var tables = read("""
				{"mysqldump":{"database":{"table":{"name":"ingress_stat","row":[
				 {"field":[{"name":"trunk_id","content":100},{"name":"alias","content":"A"}]},
				 {"field":[{"name":"trunk_id","content":"101"},{"name":"alias","content":null}]}]}}}}
				""");

		assertThat(tables.get("ingress_stat")).containsExactly(Map.of("trunk_id", "100", "alias", "A"),
				Map.of("trunk_id", "101", "alias", ""));
	}

	@Test
	void xmlDumpsWithTheXsiNamespaceAndNilFieldsAreRead() {
		String xml = """
				<?xml version="1.0"?>
				<mysqldump xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
				<database name="sansay">
				  <table name="system_stat"><row><field name="id">1</field><field name="ha_pre_state" xsi:nil="true" />
				  </row></table>
				  <table_data name="ingress_stat"><row><field name="trunk_id">100</field></row>
				  <row><field name="trunk_id">101</field></row></table_data>
				</database></mysqldump>
				""";

		var tables = StatsDumpReader.readXml(new java.io.ByteArrayInputStream(xml.getBytes(java.nio.charset.StandardCharsets.UTF_8)));

		assertThat(tables.get("system_stat")).containsExactly(Map.of("id", "1", "ha_pre_state", ""));
		assertThat(tables.get("ingress_stat")).containsExactly(Map.of("trunk_id", "100"), Map.of("trunk_id", "101"));
	}

	@Test
	void realtimeStatsNeedTheSystemStatRow() {
		var tables = read("{\"mysqldump\":{\"database\":{\"table\":[{\"name\":\"gw_realtime_stat\"}]}}}");

		assertThatExceptionOfType(IncompleteAnswerException.class).isThrownBy(() -> RealtimeStats.from(tables))
			.withMessageContaining("system_stat");
	}

	@Test
	void numbersSentAsTextOrDecimalsAreRead() {
		var stats = RealtimeStats.from(Map.of("system_stat", List.of(Map.of("sum_active_session", " 12 ",
				"current_cps", "3.0", "cpu_idle_percent", "97", "ha_current_state", "standby", "sum_attempt_session", "1e3",
				"peak_active_session", "12", "max_session_allowed", "100", "max_cps_allowed", "9.6"))));

		assertThat(stats.activeSessions()).isEqualTo(12);
		assertThat(stats.currentCps()).isEqualTo(3);
		assertThat(stats.cpuIdlePercent()).isEqualTo(97);
		assertThat(stats.haState()).isEqualTo("standby");
		assertThat(stats.attemptedSessions()).isEqualTo(1000);
		assertThat(stats.maxCpsAllowed()).isEqualTo(10);
	}

	private Map<String, List<Map<String, String>>> read(String text) {
		return StatsDumpReader.read(this.json.readTree(text));
	}

}
