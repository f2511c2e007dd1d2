package app.vsxi.dashboard.simulator;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/** Plausible configuration for a simulated box, different for every box name. */
final class SeedData {

	private static final String[] CARRIERS = { "Acme Voice", "Blue Carrier", "Northwind Telecom", "Globex SIP",
			"Initech Wholesale", "Umbrella Networks", "Stark Transit", "Wayne Access" };

	private static final String[] REGIONS = { "US", "CANADA", "UK", "INTL", "MOBILE", "TOLLFREE" };

	private static final String[] DOMAINS = { "pbx.example.net", "voice.example.org", "sip.example.com" };

	private SeedData() {
	}

	static List<Map<String, Object>> resources(Random seed, int count) {
		List<Map<String, Object>> resources = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			int trunkId = 100 + i * 10 + seed.nextInt(10);
			String carrier = CARRIERS[seed.nextInt(CARRIERS.length)];
			resources.add(resource(trunkId, carrier, i % 2 == 0 ? "ingress" : "egress", seed));
		}
		return resources;
	}

	static List<Map<String, Object>> routeTables(Random seed, int count) {
		List<Map<String, Object>> tables = new ArrayList<>();
		for (int id = 1; id <= count; id++) {
			tables.add(entry("tableId", id, "alias", "RT-" + REGIONS[(id - 1) % REGIONS.length], "description",
					"Routes for " + REGIONS[(id - 1) % REGIONS.length] + " traffic"));
		}
		return tables;
	}

	static List<Map<String, Object>> routeGroups(Random seed, List<Long> trunkIds) {
		List<Map<String, Object>> groups = new ArrayList<>();
		for (int id = 1; id <= 4; id++) {
			Map<String, Object> group = entry("groupId", id, "alias", "GRP-" + id, "policy",
					id % 2 == 0 ? "round_robin" : "top_down");
			for (int r = 1; r <= 4; r++) {
				group.put("resourceId" + r, r <= 2 ? trunkIds.get(seed.nextInt(trunkIds.size())) : 0L);
			}
			groups.add(group);
		}
		return groups;
	}

	static List<Map<String, Object>> resourceBlocks(Random seed, List<Long> trunkIds) {
		List<Map<String, Object>> blocks = new ArrayList<>();
		for (int id = 1; id <= 3 + seed.nextInt(4); id++) {
			blocks.add(entry("id", id, "alias", "block-" + id, "trunkId", trunkIds.get(seed.nextInt(trunkIds.size())),
					"blockType", id % 2 == 0 ? "ani" : "dnis", "digits", "1900" + (100 + seed.nextInt(900)), "enable",
					"enable"));
		}
		return blocks;
	}

	static List<Map<String, Object>> digitMappingTables(int count) {
		List<Map<String, Object>> tables = new ArrayList<>();
		for (int id = 1; id <= count; id++) {
			tables.add(entry("tableId", id, "alias", "DM-" + id, "description", "Digit map " + id));
		}
		return tables;
	}

	/** Field names and example values from the reference's digit_mapping example (§2.4). */
	static List<Map<String, Object>> digitMappings(Random seed, int tables, int count) {
		List<Map<String, Object>> mappings = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			String dnis = String.valueOf(200 + seed.nextInt(800));
			mappings.add(entry("alias", "MAP_" + dnis + "_" + i, "tableId", 1 + i % tables, "origAni", "any",
					"origAniMinLength", 0, "origAniMaxLength", 40, "origDnis", dnis, "origDnisMinLength", 0,
					"origDnisMaxLength", 40, "transAni", "", "transDnis", "1" + dnis + (1000000 + seed.nextInt(8999999)),
					"aniAction", "all", "dnisAction", i % 3 == 0 ? "passthrough" : "replace"));
		}
		return mappings;
	}

	static List<Map<String, Object>> subscribers(Random seed, List<Long> trunkIds, int count) {
		List<Map<String, Object>> subscribers = new ArrayList<>();
		String domain = DOMAINS[seed.nextInt(DOMAINS.length)];
		for (int i = 0; i < count; i++) {
			String username = String.valueOf(2125550000L + seed.nextInt(9999));
			subscribers.add(entry("username", username + i, "userDomain", domain, "password",
					Long.toHexString(seed.nextLong()), "trunkId", trunkIds.get(i % trunkIds.size()), "alias",
					"ext-" + (100 + i), "maxRegistrations", 1 + seed.nextInt(3), "enable", "enable"));
		}
		return subscribers;
	}

	static List<Map<String, Object>> mediaServerProfiles() {
		return List.of(entry("id", 1, "alias", "default", "codecList", "PCMU,PCMA,G729", "ptime", 20, "dtmfMode",
				"rfc2833"), entry("id", 2, "alias", "wideband", "codecList", "G722,OPUS,PCMU", "ptime", 20, "dtmfMode",
						"rfc2833"));
	}

	/** switchType values as captured from real boxes (reference §5.2). */
	static List<Map<String, Object>> mediaServers(Random seed) {
		List<Map<String, Object>> servers = new ArrayList<>();
		String[] types = { "Internal Media Switching", "External Advanced Hybrid-Media Switching",
				"Advanced Hybrid-MLT" };
		int[] capacities = { 3000, 8000, 2000 };
		for (int i = 0; i < 1 + seed.nextInt(3); i++) {
			servers.add(entry("mediaSrvIndex", i, "alias", "MS-" + (i + 1), "switchType", types[i], "publicIP",
					"203.0.113." + (10 + seed.nextInt(200)), "priority", i + 1, "maxConnections", capacities[i]));
		}
		return servers;
	}

	/** Builds an ordered entry from name, value pairs. */
	static Map<String, Object> entry(Object... pairs) {
		Map<String, Object> entry = new LinkedHashMap<>();
		for (int i = 0; i < pairs.length; i += 2) {
			entry.put((String) pairs[i], pairs[i + 1]);
		}
		return entry;
	}

	/** Field order follows the reference (§2.4): SOAP-era leading fields, then the REST example's. */
	static Map<String, Object> resource(int trunkId, String carrier, String direction, Random seed) {
		Map<String, Object> r = new LinkedHashMap<>();
		r.put("protocol", "sip");
		Map<String, Object> sip = new LinkedHashMap<>();
		sip.put("portAddress", "0");
		sip.put("serviceState", "inService");
		sip.put("direction", direction);
		sip.put("NAT", "disable");
		sip.put("allowDirectMedia", "disable");
		sip.put("sipProfileIndex", 0);
		sip.put("optionPoll", "disable");
		sip.put("authorizedRPS", 0);
		sip.put("unauthorizedRPS", 0);
		r.put("typeSIPgw", sip);
		r.put("name", carrier + " " + trunkId);
		r.put("companyName", carrier);
		r.put("trunkId", trunkId);
		r.put("sgId", 0);
		int capacity = 50 + seed.nextInt(20) * 50;
		r.put("capacity", capacity);
		r.put("cpsLimit", 5 + seed.nextInt(20));
		List<Map<String, Object>> nodes = new ArrayList<>();
		for (int n = 0; n < 1 + seed.nextInt(2); n++) {
			Map<String, Object> node = new LinkedHashMap<>();
			node.put("fqdn", "198.51.100." + (1 + seed.nextInt(250)));
			node.put("netmask", 32);
			node.put("capacity", capacity);
			node.put("cpsLimit", 5);
			node.put("cacProfileId", 0);
			nodes.add(node);
		}
		r.put("node", nodes);
		r.put("rtid", seed.nextInt(4));
		for (String block : List.of("ingress1", "ingress2", "egress1", "egress2", "rnIngress1", "rnIngress2",
				"rnEgress1", "rnEgress2")) {
			Map<String, Object> manipulation = new LinkedHashMap<>();
			manipulation.put("match", block.endsWith("1") ? "1" : "all");
			manipulation.put("action1", "none");
			manipulation.put("digits1", "");
			manipulation.put("action2", "none");
			manipulation.put("digits2", "");
			r.put(block, manipulation);
		}
		r.put("outboundANI", "pass");
		r.put("techPrefix", "default");
		r.put("codecPolicy", "transparent");
		r.put("srtpEnable", "disable");
		r.put("srtpSize", 80);
		r.put("srtpDtls", "disable");
		r.put("groupPolicy", "top_down");
		r.put("dtid", 0);
		r.put("t38", "enable");
		r.put("rfc2833", "enable");
		r.put("payloadType", 101);
		r.put("tos", "B8");
		for (String index : List.of("svcPortIndex", "radiusAuthGrpIndex", "radiusAcctGrpIndex", "lnpGrpIndex",
				"lnpEnhancedGrpIndex", "stiASGrpIndex", "stiVSGrpIndex", "cnamGrpIndex", "ersGrpIndex")) {
			r.put(index, 0);
		}
		r.put("maxCallDuration", 10800);
		r.put("minCallDuration", 0);
		r.put("noAnswerTimeout", 120);
		r.put("noRingTimeout", 30);
		r.put("causeCodeProfile", 0);
		r.put("stopRouteProfile", 0);
		r.put("paiAction", "Disable");
		r.put("paiString", "");
		r.put("inheritedGenericHeader", "");
		r.put("outSMCProfileId", 0);
		r.put("stiIngressAuthentication", "none");
		r.put("stiIngressAuthFailBehavior", "passthru");
		r.put("stiEgressIdHdrTreatment", "no-hdr");
		r.put("stiIngressVerification", "disable");
		r.put("stiEgressVerifyFailBehavior", "passthru");
		return r;
	}

}
