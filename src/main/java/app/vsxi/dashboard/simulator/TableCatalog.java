package app.vsxi.dashboard.simulator;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import static app.vsxi.dashboard.simulator.Field.group;
import static app.vsxi.dashboard.simulator.Field.number;
import static app.vsxi.dashboard.simulator.Field.repeated;
import static app.vsxi.dashboard.simulator.Field.text;

/**
 * Every table the simulator knows, in one place. Confirmed by the reference: {@code DigitTranslationList} /
 * {@code DigitTrans} and its fields, {@code XBResourceList} / {@code XBResource} and its fields, the stats
 * wrappers of {@code active_calls} and {@code sub_stats}, and the query columns of resource, route and
 * digit_mapping. Everything else is inferred (reference §9): {@code XB<Thing>List} / {@code XB<Thing>} wrappers,
 * lowerCamel fields named after the query columns, and the keys.
 */
final class TableCatalog {

	static final TableSpec ROUTE = new TableSpec("route", "XBRouteList", "XBRoute", routeFields(),
			List.of("alias", "tableId"), routeColumns());

	static final TableSpec ROUTEGROUP = new TableSpec("routegroup", "XBRouteGroupList", "XBRouteGroup",
			List.of(number("groupId"), text("alias"), text("policy"), number("resourceId1"), number("resourceId2"),
					number("resourceId3"), number("resourceId4")),
			List.of("groupId"), Map.of());

	static final TableSpec ROUTETABLE = new TableSpec("routetable", "XBRouteTableList", "XBRouteTable",
			List.of(number("tableId"), text("alias"), text("description")), List.of("tableId"), Map.of());

	static final TableSpec RESOURCE = new TableSpec("resource", "XBResourceList", "XBResource", resourceFields(),
			List.of("trunkId"), resourceColumns());

	static final TableSpec RESOURCEBLOCK = new TableSpec("resourceblock", "XBResourceBlockList", "XBResourceBlock",
			List.of(number("id"), text("alias"), number("trunkId"), text("blockType"), text("digits"),
					text("enable")),
			List.of("id"), Map.of());

	static final TableSpec DIGIT_MAPPING_INDEX = new TableSpec("digit_mapping_index", "XBDigitMappingIndexList",
			"XBDigitMappingIndex", List.of(number("tableId"), text("alias"), text("description")),
			List.of("tableId"), Map.of());

	static final TableSpec DIGIT_MAPPING = new TableSpec("digit_mapping", "DigitTranslationList", "DigitTrans",
			List.of(text("alias"), number("tableId"), text("origAni"), number("origAniMinLength"),
					number("origAniMaxLength"), text("origDnis"), number("origDnisMinLength"),
					number("origDnisMaxLength"), text("transAni"), text("transDnis"), text("aniAction"),
					text("dnisAction")),
			List.of("alias", "tableId"), ordered("alias", "alias", "table_id", "tableId", "oani", "origAni", "odnis",
					"origDnis", "tani", "transAni", "tdnis", "transDnis"));

	static final TableSpec SUBSCRIBER = new TableSpec("subscriber", "XBSubscriberList", "XBSubscriber",
			List.of(text("username"), text("userDomain"), text("password"), number("trunkId"), text("alias"),
					number("maxRegistrations"), text("enable")),
			List.of("username", "userDomain"), ordered("username", "username", "user_domain", "userDomain",
					"trunk_id", "trunkId", "alias", "alias", "enable", "enable"));

	/** Inferred: role {@code readWrite} or {@code readOnly}; the two 401 texts follow from it. */
	static final TableSpec USERS = new TableSpec("users", "XBUserList", "XBUser",
			List.of(text("username"), text("password"), text("role"), text("description")), List.of("username"),
			Map.of());

	static final TableSpec MEDIA_SERVER_PROFILE = new TableSpec("media_server_profile", "XBMediaServerProfileList",
			"XBMediaServerProfile",
			List.of(number("id"), text("alias"), text("codecList"), number("ptime"), text("dtmfMode")), List.of("id"),
			Map.of());

	static final TableSpec MEDIA_SERVER = new TableSpec("media_server", "XBMediaServerList", "XBMediaServer",
			List.of(number("mediaSrvIndex"), text("alias"), text("switchType"), text("publicIP"), number("priority"),
					number("maxConnections")),
			List.of("mediaSrvIndex"), Map.of());

	/** Reference §5.2 and §8: the fields a client reads and copies back to kill a call. */
	static final TableSpec ACTIVE_CALLS = new TableSpec("active_calls", "XBActiveCallsList", "XBActiveCall",
			List.of(number("ssm_index"), text("orig_tid"), text("term_tid"), text("dnis"), text("ani"),
					text("orig_ip"), text("term_ip"), text("inv_time"), text("ans_time"), number("duration"),
					text("callID"), text("caller_name")),
			List.of("ssm_index", "callID"), sameNames("ssm_index", "orig_tid", "term_tid", "dnis", "ani", "orig_ip",
					"term_ip", "inv_time", "ans_time", "duration", "callID", "caller_name"));

	static final TableSpec SUB_STATS = new TableSpec("sub_stats", "XBSubStatsList", "XBSubStats",
			List.of(text("states"), text("trunkId"), text("createTime"), text("username"), text("userDomain"),
					text("userIp"), number("userPort"), text("id"), text("nat"), text("spid"), text("protocol"),
					text("expiration"), text("agent"), text("pnParam")),
			List.of("id"), Map.of());

	static final TableSpec MEDIA_SERVER_STATS = new TableSpec("media_server", "XBMediaServerRealTimeStatList",
			"XBMediaServerRealTimeStat",
			List.of(number("mediaSrvIndex"), text("alias"), text("switchType"), number("numActiveSessions"),
					text("publicIP"), number("priority"), number("maxConnections"), text("status")),
			List.of("mediaSrvIndex"), Map.of());

	private static final Map<String, TableSpec> EDITABLE = byName(ROUTE, ROUTEGROUP, ROUTETABLE, RESOURCE,
			RESOURCEBLOCK, DIGIT_MAPPING_INDEX, DIGIT_MAPPING, SUBSCRIBER, USERS, MEDIA_SERVER_PROFILE, MEDIA_SERVER);

	private TableCatalog() {
	}

	/** The configuration tables (download, update, delete, upload, query), by URL name. */
	static TableSpec configTable(String name) {
		return EDITABLE.get(name);
	}

	static List<TableSpec> configTables() {
		return List.copyOf(EDITABLE.values());
	}

	private static List<Field> routeFields() {
		List<Field> fields = new ArrayList<>(List.of(text("alias"), number("tableId"), text("digitMatch"),
				number("minLen"), number("maxLen"), text("startTod"), text("endTod"), number("groupId"),
				text("policy")));
		IntStream.rangeClosed(1, 8).forEach(i -> fields.add(number("resourceId" + i)));
		return List.copyOf(fields);
	}

	private static Map<String, String> routeColumns() {
		Map<String, String> columns = ordered("alias", "alias", "digit_match", "digitMatch", "end_tod", "endTod",
				"group_id", "groupId", "max_len", "maxLen", "min_len", "minLen", "policy", "policy", "start_tod",
				"startTod", "table_id", "tableId");
		IntStream.rangeClosed(1, 8).forEach(i -> columns.put("resource_id_" + i, "resourceId" + i));
		return columns;
	}

	private static List<Field> resourceFields() {
		List<Field> manipulation = List.of(text("match"), text("action1"), text("digits1"), text("action2"),
				text("digits2"));
		List<Field> fields = new ArrayList<>();
		fields.add(text("protocol"));
		fields.add(group("typeSIPgw",
				List.of(text("portAddress"), text("serviceState"), text("direction"), text("NAT"),
						text("allowDirectMedia"), number("sipProfileIndex"), text("optionPoll"),
						number("authorizedRPS"), number("unauthorizedRPS"))));
		fields.addAll(List.of(text("name"), text("companyName"), number("trunkId"), number("sgId"),
				number("capacity"), number("cpsLimit")));
		fields.add(repeated("node", List.of(text("fqdn"), number("netmask"), number("capacity"), number("cpsLimit"),
				number("cacProfileId"))));
		fields.add(number("rtid"));
		for (String block : List.of("ingress1", "ingress2", "egress1", "egress2", "rnIngress1", "rnIngress2",
				"rnEgress1", "rnEgress2")) {
			fields.add(group(block, manipulation));
		}
		fields.addAll(List.of(text("outboundANI"), text("techPrefix"), text("codecPolicy"), text("srtpEnable"),
				number("srtpSize"), text("srtpDtls"), text("groupPolicy"), number("dtid"), text("t38"),
				text("rfc2833"), number("payloadType"), text("tos")));
		for (String index : List.of("svcPortIndex", "radiusAuthGrpIndex", "radiusAcctGrpIndex", "lnpGrpIndex",
				"lnpEnhancedGrpIndex", "stiASGrpIndex", "stiVSGrpIndex", "cnamGrpIndex", "ersGrpIndex")) {
			fields.add(number(index));
		}
		fields.addAll(List.of(number("maxCallDuration"), number("minCallDuration"), number("noAnswerTimeout"),
				number("noRingTimeout"), number("causeCodeProfile"), number("stopRouteProfile"), text("paiAction"),
				text("paiString"), text("inheritedGenericHeader"), number("outSMCProfileId"),
				text("stiIngressAuthentication"), text("stiIngressAuthFailBehavior"), text("stiEgressIdHdrTreatment"),
				text("stiIngressVerification"), text("stiEgressVerifyFailBehavior")));
		return List.copyOf(fields);
	}

	/**
	 * Reference §4 columns onto §2.4 fields. Inferred: {@code alias} is the trunk's {@code name};
	 * {@code DNC_group_index} has no field in current firmware, so it compares as empty text.
	 */
	private static Map<String, String> resourceColumns() {
		return ordered("alias", "name", "allow_directMedia", "typeSIPgw/allowDirectMedia", "cause_code_profile_id",
				"causeCodeProfile", "CNAME_group_index", "cnamGrpIndex", "codec_policy", "codecPolicy", "company_name",
				"companyName", "cps_limit", "cpsLimit", "digit_trans_id", "dtid", "direction", "typeSIPgw/direction",
				"DNC_group_index", "dncGrpIndex", "ERS_group_index", "ersGrpIndex", "LNP_group_index", "lnpGrpIndex",
				"max_call_duration", "maxCallDuration", "no_answer_timeout", "noAnswerTimeout", "no_ring_timeout",
				"noRingTimeout", "option_poll", "typeSIPgw/optionPoll", "pai_action", "paiAction");
	}

	private static Map<String, String> sameNames(String... names) {
		Map<String, String> columns = new LinkedHashMap<>();
		for (String name : names) {
			columns.put(name, name);
		}
		return columns;
	}

	private static Map<String, String> ordered(String... pairs) {
		Map<String, String> columns = new LinkedHashMap<>();
		for (int i = 0; i < pairs.length; i += 2) {
			columns.put(pairs[i], pairs[i + 1]);
		}
		return columns;
	}

	private static Map<String, TableSpec> byName(TableSpec... specs) {
		Map<String, TableSpec> byName = new LinkedHashMap<>();
		for (TableSpec spec : specs) {
			byName.put(spec.name(), spec);
		}
		return byName;
	}

}
