package app.vsxi.dashboard.simulator;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The current registrations of one box's subscribers ({@code stats/sub_stats}). A registration expires at its
 * expiration time; subscribers register again now and then, so the list changes as on a real registrar.
 */
final class Registrations {

	private static final String[] AGENTS = { "Yealink SIP-T46S 66.86.0.15", "Polycom VVX 450 6.4.3",
			"Grandstream GXP2170 1.0.11", "Zoiper rv2.10.19", "Cisco-CP8851/12.8.1" };

	/**
	 * All four states occur on real boxes. Out of every ten registrations one is pending, one blocked and one
	 * unauthenticated, so any box with ten or more shows each of them.
	 */
	private static final String[] STATES = { "Authenticated", "Authenticated", "Unauthenticated", "Authenticated",
			"Blocked", "Authenticated", "Authenticated", "Pending", "Authenticated", "Authenticated" };

	/** The filter elements the box knows (both spellings of the trunk, reference §8). */
	private static final Set<String> KNOWN = Set.of("username", "trunkID", "trunkId", "id", "userDomain", "userIp");

	/** The elements a box that ignores unknown ones knows: neither spelling of the trunk (see {@link #delete}). */
	private static final Set<String> IGNORING_KNOWS = Set.of("username", "id", "userDomain", "userIp");

	private static final String[] PROTOCOLS = { "UDP", "UDP", "TCP", "TLS v1.2", "TLS v1.3" };

	private final Clock clock;

	private final Random random;

	private final Supplier<List<Map<String, Object>>> subscribers;

	private final List<Registration> registrations = new ArrayList<>();

	private long nextId;

	private boolean started;

	Registrations(Clock clock, Random random, Supplier<List<Map<String, Object>>> subscribers) {
		this.clock = clock;
		this.random = random;
		this.subscribers = subscribers;
		this.nextId = 70_000 + random.nextInt(20_000);
	}

	synchronized List<Map<String, Object>> current() {
		tick();
		return this.registrations.stream().map(Registration::asEntry).toList();
	}

	/**
	 * Removes the registrations each filter matches: every field the filter gives must equal (username, trunkID or
	 * trunkId, id, userDomain, userIp); a filter naming none of them removes nothing, and so does a filter naming an
	 * element the box does not know (refused). Where the box ignores unknown elements instead, it knows only
	 * username, id, userDomain and userIp: which spelling of the trunk element a real box knows is open too (the
	 * guide's {@code trunkID}, the list's {@code trunkId}), so whichever a client sends is the unknown one. What is
	 * left of a filter is then its condition, and a filter with nothing left matches every registration.
	 */
	synchronized Removed delete(List<Map<String, Object>> filters, boolean ignoreUnknown) {
		Set<String> known = ignoreUnknown ? IGNORING_KNOWS : KNOWN;
		List<String> refused = new ArrayList<>();
		List<Map<String, Object>> conditions = new ArrayList<>();
		for (Map<String, Object> filter : filters) {
			List<String> unknown = filter.keySet().stream().filter(name -> !known.contains(name)).toList();
			if (!unknown.isEmpty() && !ignoreUnknown) {
				refused.addAll(unknown);
				continue;
			}
			Map<String, Object> condition = new LinkedHashMap<>(filter);
			condition.keySet().retainAll(known);
			conditions.add(condition);
		}
		int before = this.registrations.size();
		this.registrations.removeIf(registration -> conditions.stream()
			.anyMatch(condition -> ignoreUnknown && condition.isEmpty() || registration.matches(condition)));
		return new Removed(before - this.registrations.size(), refused);
	}

	/** The default box: refuses unknown elements. */
	int delete(List<Map<String, Object>> filters) {
		return delete(filters, false).count();
	}

	/** How many registrations a delete removed, and the unknown elements for which it refused a filter. */
	record Removed(int count, List<String> refused) {
	}

	private void tick() {
		Instant now = this.clock.instant();
		this.registrations.removeIf(registration -> !registration.expires().isAfter(now));
		List<Map<String, Object>> subscribers = this.subscribers.get();
		int wanted = subscribers.size() * 2 / 3;
		// at most a few new registrations per look, so a deleted one is not replaced at once
		int budget = this.started ? 1 + this.random.nextInt(2) : wanted;
		List<Map<String, Object>> unregistered = new ArrayList<>(subscribers.stream()
			.filter(s -> this.registrations.stream().noneMatch(r -> r.username().equals(s.get("username"))))
			.toList());
		java.util.Collections.shuffle(unregistered, this.random);
		for (Map<String, Object> subscriber : unregistered) {
			if (this.registrations.size() >= wanted || budget == 0) {
				break;
			}
			Instant created = this.started ? now : now.minusSeconds(this.random.nextInt(1800));
			Instant expires = created.plusSeconds(600 + this.random.nextInt(3000));
			if (!expires.isAfter(now.plusSeconds(60))) {
				expires = now.plusSeconds(60 + this.random.nextInt(600));
			}
			long id = this.nextId++;
			this.registrations.add(new Registration(String.valueOf(id), STATES[(int) (id % STATES.length)], subscriber.get("username").toString(),
					subscriber.get("userDomain").toString(), subscriber.get("trunkId").toString(),
					"192.0.2." + (1 + this.random.nextInt(250)), 5060 + this.random.nextInt(40), created, expires,
					PROTOCOLS[this.random.nextInt(PROTOCOLS.length)], AGENTS[this.random.nextInt(AGENTS.length)],
					this.random.nextInt(4) == 0));
			budget--;
		}
		this.started = true;
	}

	private record Registration(String id, String states, String username, String userDomain, String trunkId, String userIp,
			int userPort, Instant created, Instant expires, String protocol, String agent, boolean nat) {

		Map<String, Object> asEntry() {
			Map<String, Object> entry = new LinkedHashMap<>();
			entry.put("states", this.states);
			entry.put("trunkId", this.trunkId);
			entry.put("createTime", LiveCalls.TIME.format(this.created.atZone(ZoneId.systemDefault())));
			entry.put("username", this.username);
			entry.put("userDomain", this.userDomain);
			entry.put("userIp", this.userIp);
			entry.put("userPort", (long) this.userPort);
			entry.put("id", this.id);
			entry.put("nat", this.nat ? "Yes" : "No");
			entry.put("spid", "");
			entry.put("protocol", this.protocol);
			entry.put("expiration", LiveCalls.TIME.format(this.expires.atZone(ZoneId.systemDefault())));
			entry.put("agent", this.agent);
			entry.put("pnParam", "");
			return entry;
		}

		boolean matches(Map<String, Object> filter) {
			boolean any = false;
			String[][] pairs = { { this.username, text(filter.get("username")) },
					{ this.trunkId, text(filter.containsKey("trunkID") ? filter.get("trunkID") : filter.get("trunkId")) },
					{ this.id, text(filter.get("id")) }, { this.userDomain, text(filter.get("userDomain")) },
					{ this.userIp, text(filter.get("userIp")) } };
			for (String[] pair : pairs) {
				if (!pair[1].isEmpty()) {
					any = true;
					if (!pair[1].equals(pair[0])) {
						return false;
					}
				}
			}
			return any;
		}

		private static String text(Object value) {
			return value == null ? "" : value.toString().trim();
		}

	}

}
