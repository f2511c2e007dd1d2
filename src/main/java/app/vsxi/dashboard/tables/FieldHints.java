package app.vsxi.dashboard.tables;

import java.util.Map;
import java.util.Set;

/**
 * What the dashboard knows about fields, to check a value as it is typed and to explain it. Hints never add or
 * drop a field: a field without a hint is edited as free text.
 */
final class FieldHints {

	private static final Set<String> WHOLE_NUMBERS = Set.of("tableId", "minLen", "maxLen", "groupId", "resourceId1",
			"resourceId2", "resourceId3", "resourceId4", "resourceId5", "resourceId6", "resourceId7", "resourceId8",
			"trunkId", "sgId", "capacity", "cpsLimit", "rtid", "dtid", "payloadType", "srtpSize", "maxCallDuration",
			"minCallDuration", "noAnswerTimeout", "noRingTimeout", "origAniMinLength", "origAniMaxLength",
			"origDnisMinLength", "origDnisMaxLength", "maxRegistrations", "id", "mediaSrvIndex", "ptime",
			"priority", "maxConnections");

	private static final Map<String, String> HELP = Map.of("alias", "name of the entry",
			"tableId", "route table or digit-map table the entry belongs to (a whole number)",
			"digitMatch", "leading digits the route matches", "policy", "how the route picks among its resources",
			"trunkId", "the resource (trunk) id, a whole number", "minLen", "shortest number the route takes",
			"maxLen", "longest number the route takes");

	private FieldHints() {
	}

	/** Why a value cannot go in a field, or null when it may. */
	static String problem(EditableTable table, String field, String value, boolean key) {
		if (key && value.isBlank()) {
			return field + " identifies the row and cannot be empty";
		}
		if (value.chars().anyMatch(c -> c < 0x20)) {
			return field + " cannot hold line breaks or control characters";
		}
		if (WHOLE_NUMBERS.contains(field) && !value.isEmpty() && !value.matches("-?\\d{1,18}")) {
			return field + " takes a whole number";
		}
		return null;
	}

	static String help(String field) {
		return HELP.getOrDefault(field, WHOLE_NUMBERS.contains(field) ? "a whole number" : "");
	}

}
