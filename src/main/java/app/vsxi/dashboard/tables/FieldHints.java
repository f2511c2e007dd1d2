package app.vsxi.dashboard.tables;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * What the dashboard knows about fields, to check a value as it is typed and to explain it. Hints never add or
 * drop a field: a field without a hint is edited as free text. Each help text names where it comes from, as the
 * API notes do: {@code [seed]} the vendor's guide, {@code [client]} public client code, {@code [inferred]} our
 * reading of names and examples.
 */
public final class FieldHints {

	/** How a field's value is typed. */
	public enum Type {

		TEXT, WHOLE_NUMBER

	}

	/**
	 * @param examples values the sources show for the field; a hint for the operator, never a check, since no source
	 * lists every value a box takes
	 */
	public record Hint(String field, Type type, String help, List<String> examples, String source) {

		/** One line for a tooltip or a description under the field. */
		public String text() {
			StringBuilder text = new StringBuilder(this.help);
			if (this.type == Type.WHOLE_NUMBER) {
				text.append("; a whole number");
			}
			if (!this.examples.isEmpty()) {
				text.append("; e.g. ").append(String.join(", ", this.examples));
			}
			return text.append(" [").append(this.source).append(']').toString();
		}

	}

	private static final Map<String, Hint> HINTS = Stream.of(
			// route: the query columns of the seed, as lowerCamel element names [inferred]
			hint("alias", Type.TEXT, "the entry's name", "seed"),
			hint("tableId", Type.WHOLE_NUMBER, "route table or digit-map table the entry belongs to", "seed"),
			hint("digitMatch", Type.TEXT, "leading digits of the called number the route matches", "seed"),
			hint("groupId", Type.WHOLE_NUMBER, "route group the entry belongs to", "seed"),
			hint("minLen", Type.WHOLE_NUMBER, "shortest called number the route takes", "seed"),
			hint("maxLen", Type.WHOLE_NUMBER, "longest called number the route takes", "seed"),
			hint("policy", Type.TEXT, "how the route picks among its resources", "seed"),
			hint("startTod", Type.TEXT, "time of day the route starts to apply", "seed"),
			hint("endTod", Type.TEXT, "time of day the route stops applying", "seed"),
			// resource (trunk): the seed's JSON example and the SOAP-era model
			hint("name", Type.TEXT, "the trunk's name", "seed"),
			hint("companyName", Type.TEXT, "company the trunk belongs to", "seed"),
			hint("trunkId", Type.WHOLE_NUMBER, "the resource (trunk) id", "seed"),
			hint("sgId", Type.WHOLE_NUMBER, "service group id", "seed"),
			hint("capacity", Type.WHOLE_NUMBER, "most simultaneous calls", "seed"),
			hint("cpsLimit", Type.WHOLE_NUMBER, "most call attempts per second", "seed"),
			hint("rtid", Type.WHOLE_NUMBER, "route table the trunk's calls are routed with", "inferred"),
			hint("dtid", Type.WHOLE_NUMBER, "digit-map table applied to the trunk's calls", "inferred"),
			hint("outboundANI", Type.TEXT, "what is done with the calling number going out", "seed", "pass"),
			hint("techPrefix", Type.TEXT, "technical prefix handling", "seed", "default"),
			hint("codecPolicy", Type.TEXT, "how codecs are negotiated", "seed", "transparent"),
			hint("srtpEnable", Type.TEXT, "whether media is encrypted (SRTP)", "seed", "disable", "enable"),
			hint("srtpSize", Type.WHOLE_NUMBER, "SRTP authentication tag size in bits", "seed", "80"),
			hint("srtpDtls", Type.TEXT, "whether SRTP keys are exchanged by DTLS", "seed", "disable"),
			hint("groupPolicy", Type.TEXT, "order in which the trunk's nodes are tried", "seed", "top_down"),
			hint("t38", Type.TEXT, "T.38 fax", "seed", "enable"),
			hint("rfc2833", Type.TEXT, "DTMF as RFC 2833 events", "seed", "enable"),
			hint("payloadType", Type.WHOLE_NUMBER, "RTP payload type of RFC 2833 events", "seed", "101"),
			hint("tos", Type.TEXT, "IP type-of-service byte, hexadecimal text", "seed", "B8"),
			hint("maxCallDuration", Type.WHOLE_NUMBER, "longest call in seconds", "seed", "10800"),
			hint("minCallDuration", Type.WHOLE_NUMBER, "shortest call in seconds", "seed", "0"),
			hint("noAnswerTimeout", Type.WHOLE_NUMBER, "seconds to wait for an answer", "seed", "120"),
			hint("noRingTimeout", Type.WHOLE_NUMBER, "seconds to wait for ringing", "seed", "30"),
			hint("paiAction", Type.TEXT, "what is done with P-Asserted-Identity", "seed", "Disable"),
			hint("stiIngressAuthentication", Type.TEXT, "STIR/SHAKEN signing of incoming calls", "seed", "none"),
			hint("stiIngressVerification", Type.TEXT, "STIR/SHAKEN verification of incoming calls", "seed",
					"disable"),
			// digit_mapping: the seed's complete update example
			hint("origAni", Type.TEXT, "calling number the mapping matches", "seed", "any"),
			hint("origDnis", Type.TEXT, "called number the mapping matches", "seed", "555"),
			hint("origAniMinLength", Type.WHOLE_NUMBER, "shortest calling number matched", "seed", "0"),
			hint("origAniMaxLength", Type.WHOLE_NUMBER, "longest calling number matched", "seed", "40"),
			hint("origDnisMinLength", Type.WHOLE_NUMBER, "shortest called number matched", "seed", "0"),
			hint("origDnisMaxLength", Type.WHOLE_NUMBER, "longest called number matched", "seed", "40"),
			hint("transAni", Type.TEXT, "calling number after translation", "seed", "5555551234"),
			hint("transDnis", Type.TEXT, "called number after translation", "seed"),
			hint("aniAction", Type.TEXT, "how the calling number is translated", "seed", "all"),
			hint("dnisAction", Type.TEXT, "how the called number is translated", "seed", "passthrough"),
			// subscriber and the small index tables: no source lists their fields
			hint("username", Type.TEXT, "the subscriber's user name", "inferred"),
			hint("userDomain", Type.TEXT, "domain the subscriber registers in", "inferred"),
			hint("maxRegistrations", Type.WHOLE_NUMBER, "most registrations at once", "inferred"),
			hint("description", Type.TEXT, "free text", "inferred"),
			hint("id", Type.WHOLE_NUMBER, "the entry's number", "inferred"),
			hint("mediaSrvIndex", Type.WHOLE_NUMBER, "the media server's number", "inferred"),
			hint("ptime", Type.WHOLE_NUMBER, "packet time in milliseconds", "inferred"),
			hint("priority", Type.WHOLE_NUMBER, "order of preference", "inferred"),
			hint("maxConnections", Type.WHOLE_NUMBER, "most connections at once", "inferred"))
		.collect(Collectors.toUnmodifiableMap(Hint::field, hint -> hint));

	private static final Map<String, Hint> RESOURCE_IDS = IntStream.rangeClosed(1, 8)
		.mapToObj(n -> hint("resourceId" + n, Type.WHOLE_NUMBER, "resource (trunk) tried " + ordinal(n), "seed"))
		.collect(Collectors.toUnmodifiableMap(Hint::field, hint -> hint));

	private FieldHints() {
	}

	/** The hint for a field, or null for a field the dashboard knows nothing about (edited as free text). */
	public static Hint of(String field) {
		Hint hint = HINTS.get(field);
		return hint != null ? hint : RESOURCE_IDS.get(field);
	}

	/** Why a value cannot go in a field, or null when it may. */
	static String problem(EditableTable table, String field, String value, boolean key) {
		if (key && value.isBlank()) {
			return field + " identifies the row and cannot be empty";
		}
		if (value.chars().anyMatch(c -> c < 0x20)) {
			return field + " cannot hold line breaks or control characters";
		}
		Hint hint = of(field);
		if (hint != null && hint.type() == Type.WHOLE_NUMBER && !value.isEmpty() && !value.matches("-?\\d{1,18}")) {
			return field + " takes a whole number";
		}
		return null;
	}

	static String help(String field) {
		Hint hint = of(field);
		return hint == null ? "" : hint.text();
	}

	private static Hint hint(String field, Type type, String help, String source, String... examples) {
		return new Hint(field, type, help, List.of(examples), source);
	}

	private static String ordinal(int n) {
		return switch (n) {
			case 1 -> "first";
			case 2 -> "second";
			case 3 -> "third";
			default -> n + "th";
		};
	}

}
