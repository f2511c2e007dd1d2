package app.vsxi.dashboard.cluster;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.CRC32C;

/**
 * Which live instance should poll which SBC: every instance computes the same answer from the same members and
 * SBCs, with no word between them. Each SBC ranks the members by a hash of the pair (rendezvous hashing), so when
 * one comes or goes only the SBCs that ranked it first move; and no member takes more than its even share
 * (ceil(SBCs / members)), so the load stays level: an SBC whose first choice is full goes to its next.
 */
public final class Assignment {

	private Assignment() {
	}

	/** The SBCs {@code member} should poll; none when it is not among {@code members}. */
	public static Set<Long> of(String member, Collection<Long> sbcIds, Collection<String> members) {
		return all(sbcIds, members).getOrDefault(member, Set.of());
	}

	/** Every member's SBCs. */
	public static Map<String, Set<Long>> all(Collection<Long> sbcIds, Collection<String> members) {
		List<String> sorted = members.stream().distinct().sorted().toList();
		Map<String, Set<Long>> shares = new HashMap<>();
		if (sorted.isEmpty()) {
			return shares;
		}
		sorted.forEach(member -> shares.put(member, new HashSet<>()));
		List<Long> sbcs = sbcIds.stream().distinct().sorted().toList();
		int cap = (sbcs.size() + sorted.size() - 1) / sorted.size();
		for (long sbc : sbcs) {
			List<String> ranked = new ArrayList<>(sorted);
			ranked.sort((a, b) -> {
				int byWeight = Long.compare(weight(sbc, b), weight(sbc, a));
				return byWeight != 0 ? byWeight : a.compareTo(b);
			});
			for (String member : ranked) {
				Set<Long> share = shares.get(member);
				if (share.size() < cap) {
					share.add(sbc);
					break;
				}
			}
		}
		return shares;
	}

	/** How much this member wants this SBC: the same on every instance, spread evenly over members. */
	static long weight(long sbc, String member) {
		CRC32C crc = new CRC32C();
		crc.update(member.getBytes(StandardCharsets.UTF_8));
		long seed = crc.getValue();
		// mix the two, so a member's weights over SBCs are not in the SBCs' order (splitmix64's finaliser)
		long z = seed * 0x9E3779B97F4A7C15L + sbc;
		z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
		z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
		return z ^ (z >>> 31);
	}

}
