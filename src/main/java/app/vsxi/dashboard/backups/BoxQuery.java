package app.vsxi.dashboard.backups;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

import app.vsxi.dashboard.fleet.FleetService;
import app.vsxi.dashboard.fleet.Sbc;
import app.vsxi.dashboard.gateway.GatewayResult;
import app.vsxi.dashboard.gateway.TableDocument;
import app.vsxi.dashboard.gateway.TableRow;
import app.vsxi.dashboard.gateway.VsxiTable;
import app.vsxi.dashboard.tables.SecretsMasked;
import app.vsxi.dashboard.web.RefusedException;

/**
 * Asks one box live through {@code query/<table>?queryString=…}, on the columns the API documents for the query
 * (snake_case database names, not the payload's element names), with the two operators it shows: {@code like}
 * with {@code %} around the value, and {@code =}. A value holding quotes, {@code %} or backslashes is refused
 * rather than escaped, as no source says how the box escapes them.
 */
@Service
public class BoxQuery {

	/** The query columns the API's own examples list, per table. */
	static final Map<String, List<String>> COLUMNS = Map.of(
			"route", List.of("alias", "digit_match", "end_tod", "group_id", "max_len", "min_len", "policy",
					"resource_id_1", "resource_id_2", "resource_id_3", "resource_id_4", "resource_id_5",
					"resource_id_6", "resource_id_7", "resource_id_8", "start_tod", "table_id"),
			"resource", List.of("alias", "allow_directMedia", "cause_code_profile_id", "CNAME_group_index",
					"codec_policy", "company_name", "cps_limit", "digit_trans_id", "direction", "DNC_group_index",
					"ERS_group_index", "LNP_group_index", "max_call_duration", "no_answer_timeout", "no_ring_timeout",
					"option_poll", "pai_action"),
			"digit_mapping", List.of("alias", "table_id", "oani", "odnis", "tani", "tdnis"));

	private static final Pattern PLAIN_VALUE = Pattern.compile("[A-Za-z0-9 _.+*#@:/-]{1,64}");

	private static final Duration LONGEST = Duration.ofMinutes(2);

	private final FleetService fleet;

	private final app.vsxi.dashboard.gateway.TableCommands gateway;

	BoxQuery(FleetService fleet, app.vsxi.dashboard.gateway.TableCommands gateway) {
		this.fleet = fleet;
		this.gateway = gateway;
	}

	/** What the box answered: its rows (secrets masked) or why there are none. */
	public record Answer(Sbc sbc, String command, List<String> columns, List<TableRow> rows, String problem) {
	}

	public Map<String, List<String>> columns() {
		return COLUMNS;
	}

	@PreAuthorize("@access.canOnSbc('VIEW', #sbcId)")
	public Answer query(long sbcId, String table, String column, boolean like, String value) {
		Sbc sbc = this.fleet.get(sbcId);
		List<String> known = COLUMNS.get(table);
		if (known == null) {
			throw new RefusedException("The API documents query columns for route, resource and digit_mapping only");
		}
		if (!known.contains(column)) {
			throw new RefusedException(column + " is not a query column of " + table + " the API documents");
		}
		if (value == null || !PLAIN_VALUE.matcher(value).matches()) {
			throw new RefusedException("Give a value of letters, digits, spaces and . _ + * # @ : / - (up to 64)");
		}
		String condition = like ? column + " like '%" + value + "%'" : column + "=\"" + value + "\"";
		VsxiTable catalog = VsxiTable.valueOf(table.toUpperCase(java.util.Locale.ROOT));
		GatewayResult<TableDocument> answer = this.gateway.query(this.fleet.endpoint(sbc), catalog, condition)
			.block(LONGEST);
		String command = "query/" + table + "?queryString=" + condition;
		if (answer == null || !answer.isOk()) {
			return new Answer(sbc, command, List.of(), List.of(),
					answer == null ? "no answer" : answer.failure().orElseThrow().message());
		}
		List<TableRow> rows = new ArrayList<>();
		LinkedHashSet<String> columns = new LinkedHashSet<>();
		for (TableRow row : answer.okValue().orElseThrow().rows()) {
			TableRow masked = SecretsMasked.row(table, row);
			rows.add(masked);
			columns.addAll(masked.fields().keySet());
		}
		return new Answer(sbc, command, List.copyOf(columns), rows, null);
	}

}
