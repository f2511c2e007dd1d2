package app.vsxi.dashboard.simulator;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import app.vsxi.dashboard.support.SimulatedBox;
import app.vsxi.dashboard.support.StartEarly;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Walks the whole command table over real HTTPS, every command in every format it lists: the documented method
 * answers with the right status, content type and element names; another method and an unknown table do not.
 * The expected names are written here from the API reference, not read from the simulator's catalog.
 */
@StartEarly
class CommandConformanceTests {

	/** Root and item element per table, from the reference (§2.4, §5, §9 for the inferred ones). */
	private static final Map<String, List<String>> DOCUMENTS = Map.ofEntries(
			Map.entry("route", List.of("XBRouteList", "XBRoute")),
			Map.entry("routegroup", List.of("XBRouteGroupList", "XBRouteGroup")),
			Map.entry("routetable", List.of("XBRouteTableList", "XBRouteTable")),
			Map.entry("resource", List.of("XBResourceList", "XBResource")),
			Map.entry("resourceblock", List.of("XBResourceBlockList", "XBResourceBlock")),
			Map.entry("digit_mapping_index", List.of("XBDigitMappingIndexList", "XBDigitMappingIndex")),
			Map.entry("digit_mapping", List.of("DigitTranslationList", "DigitTrans")),
			Map.entry("subscriber", List.of("XBSubscriberList", "XBSubscriber")),
			Map.entry("media_server_profile", List.of("XBMediaServerProfileList", "XBMediaServerProfile")),
			Map.entry("media_server", List.of("XBMediaServerList", "XBMediaServer")),
			Map.entry("stats/media_server", List.of("XBMediaServerRealTimeStatList", "XBMediaServerRealTimeStat")),
			Map.entry("stats/sub_stats", List.of("XBSubStatsList", "XBSubStats")),
			Map.entry("stats/active_calls", List.of("XBActiveCallsList", "XBActiveCall")),
			Map.entry("active_calls", List.of("XBActiveCallsList", "XBActiveCall")),
			Map.entry("stats/realtime", List.of("mysqldump", "database")),
			Map.entry("stats/resource", List.of("mysqldump", "database")),
			Map.entry("stats/resource_detail", List.of("mysqldump", "database")),
			Map.entry("stats/sip_stats", List.of("mysqldump", "database")));

	private static final String ACTIVE_CALLS_CSV = "ssm_index,orig_tid,term_tid,dnis,ani,orig_ip,term_ip,inv_time,ans_time,duration,callID,caller_name";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private SimulatedVsxi box;

	private SimulatorClient client;

	@BeforeEach
	void startBox() {
		this.box = SimulatedBox.start("conformance");
		this.client = new SimulatorClient(this.box, "admin", "admin");
	}

	@AfterEach
	void stopBox() {
		this.box.stop();
	}

	static Stream<Arguments> commandsInEveryFormat() {
		return CommandTable.COMMANDS.stream()
			.flatMap(command -> command.formats().stream().sorted().map(format -> Arguments.of(command, format)));
	}

	@Test
	void theCommandTableHasTheReferencesSixtySixRows() {
		assertThat(CommandTable.COMMANDS).hasSize(66);
		assertThat(CommandTable.COMMANDS.stream().map(VsxiCommand::key)).doesNotHaveDuplicates()
			.contains("download/route", "updateLarge/subscriber", "delete/active_calls", "replaceLarge/routesInRouteTable",
					"stats/sip_stats", "system/realtime", "replaceLarge/digitMappingsInDigMapTable");
	}

	@ParameterizedTest(name = "{0} as {1}")
	@MethodSource("commandsInEveryFormat")
	void everyCommandAnswersItsDocumentedMethodWithTheDocumentedShape(VsxiCommand command, String format) {
		HttpResponse<byte[]> response = this.client.send(command.method(), command.key() + query(command, format),
				input(command, format));

		assertThat(response.statusCode()).as(SimulatorClient.text(response)).isEqualTo(200);
		if (command.write()) {
			assertThat(SimulatorClient.contentType(response)).startsWith("text/plain");
			assertThat(SimulatorClient.text(response))
				.isEqualTo("upload".equals(command.action()) ? VsxiConventions.UPLOAD_OK : VsxiConventions.OK);
			return;
		}
		if (command.large()) {
			assertThat(SimulatorClient.contentType(response)).isEqualTo("application/zip");
			Map<String, String> files = SimulatorClient.unzip(response.body());
			String extension = command.formats().contains("sdc") ? "sdc" : format;
			assertThat(files).containsOnlyKeys(command.table() + "." + extension);
			if (DOCUMENTS.containsKey(command.table())) {
				assertDocument(files.values().iterator().next(), format, command.table());
			}
			return;
		}
		if ("system".equals(command.action())) {
			assertThat(SimulatorClient.contentType(response)).startsWith("text/plain");
			assertThat(SimulatorClient.text(response).split("\n")[3]).startsWith("HW Up Time: ");
			return;
		}
		assertThat(SimulatorClient.contentType(response)).isEqualTo(switch (format) {
			case "json" -> "application/json";
			case "csv" -> "text/csv";
			default -> "application/xml";
		});
		String documentName = "stats".equals(command.action()) ? command.key() : command.table();
		assertDocument(SimulatorClient.text(response), format, documentName);
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("app.vsxi.dashboard.simulator.CommandConformanceTests#everyCommand")
	void anotherMethodThanTheDocumentedOneIsRefused(VsxiCommand command) {
		String wrong = "GET".equals(command.method()) ? "DELETE" : "GET";

		HttpResponse<byte[]> response = this.client.send(wrong, command.key(), null);

		assertThat(response.statusCode()).isEqualTo(405);
		assertThat(this.box.userAccessLog()).noneMatch(line -> line.contains(" OK - "));
	}

	static Stream<VsxiCommand> everyCommand() {
		return CommandTable.COMMANDS.stream();
	}

	@Test
	void everyActionRefusesAnUnknownTableWithTheBoxText() {
		for (VsxiCommand command : CommandTable.COMMANDS) {
			HttpResponse<byte[]> response = this.client.send(command.method(), command.action() + "/no_such_table", null);
			assertThat(response.statusCode()).isEqualTo(400);
			assertThat(SimulatorClient.text(response)).isEqualTo("400 fail - invalid table specified: no_such_table");
		}
	}

	@Test
	void aTableTheActionDoesNotOfferIsAnInvalidTableToo() {
		assertThat(this.client.text("POST", "upload/subscriber", "<XBSubscriberList/>"))
			.isEqualTo("400 fail - invalid table specified: subscriber");
		assertThat(this.client.getText("query/routegroup?queryString=alias%3D%22x%22"))
			.isEqualTo("400 fail - invalid table specified: routegroup");
	}

	@Test
	void csvIsRefusedWhereTheTableDoesNotListIt() {
		assertThat(this.client.get("download/resource?format=csv").statusCode()).isEqualTo(400);
	}

	private void assertDocument(String body, String format, String name) {
		if ("csv".equals(format)) {
			String header = body.lines().findFirst().orElse("");
			if (name.endsWith("active_calls")) {
				assertThat(header).isEqualTo(ACTIVE_CALLS_CSV);
			}
			else if (name.endsWith("smcDataFile")) {
				assertThat(header).contains(",");
			}
			else {
				assertThat(header).startsWith("alias,tableId,digitMatch,");
			}
			return;
		}
		List<String> names = DOCUMENTS.get(name);
		assertThat(names).as("expected names for " + name).isNotNull();
		if ("json".equals(format)) {
			JsonNode tree = JSON.readTree(body);
			assertThat(tree.propertyNames()).containsExactly(names.get(0));
			if (!tree.get(names.get(0)).isEmpty()) {
				assertThat(tree.get(names.get(0)).has(names.get(1))).isTrue();
			}
			return;
		}
		assertThat(body).startsWith("<?xml").contains("<" + names.get(0));
		if (body.contains("<" + names.get(0) + ">") && !body.contains("<" + names.get(0) + "></")) {
			assertThat(body).contains("<" + names.get(1));
		}
	}

	private String query(VsxiCommand command, String format) {
		List<String> parameters = new ArrayList<>();
		if (!command.write() && !Set.of("sdc", "text").contains(format) && !"smcDataFile".equals(command.table())) {
			parameters.add("format=" + format);
		}
		if ("query".equals(command.action())) {
			parameters.add("queryString=" + switch (command.table()) {
				case "route" -> "table_id%3D%221%22";
				case "resource" -> "company_name%20like%20%27%25%25%27";
				case "subscriber" -> "username%20like%20%27%25%27";
				case "digit_mapping" -> "alias%20like%20%27%25MAP%25%27";
				default -> "dnis%20like%20%27%251%25%27";
			});
		}
		if (command.table().endsWith("InRouteTable") || command.table().endsWith("InDigMapTable")) {
			parameters.add("tableID=1");
		}
		return parameters.isEmpty() ? "" : "?" + String.join("&", parameters);
	}

	/** A valid input file for a write, made as a script would: download, keep what the command needs. */
	private byte[] input(VsxiCommand command, String format) {
		if (!command.write()) {
			return null;
		}
		String table = command.table();
		String inner = switch (table) {
			case "users" -> users(format);
			case "sub_stats" -> "json".equals(format) ? "{\"XBSubStatsList\":{\"XBSubStats\":{\"username\":\"nobody\"}}}"
					: "<XBSubStatsList><XBSubStats><username>nobody</username></XBSubStats></XBSubStatsList>";
			case "active_calls" -> this.client.getText("stats/active_calls?format=" + format);
			case "smcDataFile" -> "id,alias,header,value\r\n1,x,P-Asserted-Identity,sip:1@example.net\r\n";
			case "routesInRouteTable" -> "csv".equals(format) ? routesOfTableOneAsCsv()
					: this.client.getText("query/route?format=" + format + "&queryString=table_id%3D1");
			case "digitMappingsInDigMapTable" ->
				this.client.getText("query/digit_mapping?format=" + format + "&queryString=table_id%3D1");
			default -> this.client.getText("download/" + table + "?format=" + format);
		};
		if (command.large()) {
			return SimulatorClient.zip(table + "." + format, inner);
		}
		return inner.getBytes(StandardCharsets.UTF_8);
	}

	private String routesOfTableOneAsCsv() {
		List<String> lines = this.client.getText("download/route?format=csv").lines().toList();
		return lines.get(0) + "\r\n" + lines.stream()
			.skip(1)
			.filter(line -> line.split(",")[1].equals("1"))
			.collect(Collectors.joining("\r\n")) + "\r\n";
	}

	private static String users(String format) {
		if ("json".equals(format)) {
			return "{\"XBUserList\":{\"XBUser\":{\"username\":\"monitor\",\"password\":\"monitor\",\"role\":\"readOnly\","
					+ "\"description\":\"read-only API user\"}}}";
		}
		return "<XBUserList><XBUser><username>monitor</username><password>monitor</password><role>readOnly</role>"
				+ "<description>read-only API user</description></XBUser></XBUserList>";
	}

}
