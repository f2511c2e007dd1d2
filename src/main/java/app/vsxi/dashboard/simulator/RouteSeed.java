package app.vsxi.dashboard.simulator;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Seeded routes made from their position alone, so a million of them cost no heap. Aliases are {@code R} plus
 * the zero-padded position, which is how a key leads back to its position.
 */
final class RouteSeed {

	private static final String[] POLICIES = { "top_down", "round_robin", "least_cost", "percentage" };

	private final long salt;

	private final int tables;

	private final List<Long> trunkIds;

	RouteSeed(long salt, int tables, List<Long> trunkIds) {
		this.salt = salt;
		this.tables = tables;
		this.trunkIds = trunkIds;
	}

	Map<String, Object> route(int position) {
		long mixed = mix(this.salt + position);
		Map<String, Object> route = new LinkedHashMap<>();
		route.put("alias", alias(position));
		route.put("tableId", (long) (position % this.tables + 1));
		// NANP-looking prefixes: 1 + area code + exchange, unique per position within a table
		route.put("digitMatch", "1" + (201 + (position / this.tables) % 799) + String.format("%03d",
				(position / this.tables / 799) % 1000));
		route.put("minLen", 11L);
		route.put("maxLen", 11L);
		route.put("startTod", "00:00");
		route.put("endTod", "23:59");
		route.put("groupId", (mixed & 3) == 0 ? 1L + (mixed >>> 8) % 4 : 0L);
		route.put("policy", POLICIES[(int) ((mixed >>> 4) % POLICIES.length)]);
		int routed = 1 + (int) ((mixed >>> 12) % 3);
		for (int i = 1; i <= 8; i++) {
			long trunk = i <= routed ? this.trunkIds.get((int) ((mixed >>> (16 + i * 4)) % this.trunkIds.size())) : 0L;
			route.put("resourceId" + i, trunk);
		}
		return route;
	}

	static String alias(int position) {
		return String.format("R%07d", position);
	}

	/** The position a seeded route with this key would have, or null. */
	static Integer position(List<Object> key) {
		String alias = String.valueOf(key.get(0));
		if (alias.length() < 2 || alias.charAt(0) != 'R') {
			return null;
		}
		try {
			return Integer.valueOf(alias.substring(1));
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

	private static long mix(long value) {
		long z = value * 0x9E3779B97F4A7C15L;
		z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
		z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
		return (z ^ (z >>> 31)) & Long.MAX_VALUE;
	}

}
