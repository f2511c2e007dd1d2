package app.vsxi.dashboard.gateway;

import java.util.ArrayList;
import java.util.List;

/**
 * A typed view of one route entry, on the fields the API reference names (its query columns, in the payload's
 * lowerCamel form). The entry itself stays the source of truth: {@link #entry()} is what is written back.
 */
public record Route(String alias, long tableId, String digitMatch, int minLen, int maxLen, String startTod,
		String endTod, long groupId, String policy, List<Long> resourceIds, TableRow entry) {

	public static Route from(TableRow row) {
		List<Long> resources = new ArrayList<>(8);
		for (int i = 1; i <= 8; i++) {
			long id = number(row, "resourceId" + i);
			if (id != 0) {
				resources.add(id);
			}
		}
		return new Route(row.text("alias"), number(row, "tableId"), row.text("digitMatch"), (int) number(row, "minLen"),
				(int) number(row, "maxLen"), row.text("startTod"), row.text("endTod"), number(row, "groupId"),
				row.text("policy"), List.copyOf(resources), row);
	}

	/** Numbers may come as text ("12", " 12 ") or JSON numbers; absent or empty is 0. */
	static long number(TableRow row, String field) {
		String text = row.text(field);
		if (text == null || text.isBlank()) {
			return 0;
		}
		try {
			return Long.parseLong(text.trim());
		}
		catch (NumberFormatException ex) {
			throw new TableFormatException("route field " + field + " is not a number: " + text);
		}
	}

}
