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
