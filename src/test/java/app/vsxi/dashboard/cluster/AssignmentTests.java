package app.vsxi.dashboard.cluster;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.LongStream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Every instance works out the same shares, level ones, that move little when an instance comes or goes. */
class AssignmentTests {

	private static final List<Long> SBCS = LongStream.rangeClosed(1, 300).boxed().toList();

	@Test
	void aLoneInstancePollsEverySbc() {
		assertThat(Assignment.of("a", SBCS, List.of("a"))).hasSize(300).containsAll(SBCS);
	}

	@Test
	void anInstanceThatIsNotAliveGetsNothing() {
		assertThat(Assignment.of("z", SBCS, List.of("a", "b"))).isEmpty();
		assertThat(Assignment.all(SBCS, List.of())).isEmpty();
	}

	@Test
	void everySbcHasExactlyOneInstanceAndTheSharesDifferByOneAtMost() {
		Map<String, Set<Long>> shares = Assignment.all(SBCS, List.of("a", "b", "c", "d", "e", "f", "g"));

		Set<Long> seen = new HashSet<>();
		shares.values().forEach(share -> share.forEach(sbc -> assertThat(seen.add(sbc)).as("SBC %d twice", sbc).isTrue()));
		assertThat(seen).hasSize(300);
		// 300 over 7: 43 at most, and so at least 300 - 6 * 43 = 42
		assertThat(shares.values()).allSatisfy(share -> assertThat(share.size()).isBetween(42, 43));
	}

	@Test
	void theAnswerDoesNotDependOnTheOrderEachInstanceListsTheOthersIn() {
		assertThat(Assignment.all(SBCS, List.of("c", "a", "b"))).isEqualTo(Assignment.all(List.copyOf(
				new java.util.TreeSet<>(SBCS).descendingSet()), List.of("b", "c", "a", "a")));
	}

	@Test
	void aThirdInstanceTakesItsThirdMostlyFromTheOthersWithoutShufflingThem() {
		Map<String, Set<Long>> two = Assignment.all(SBCS, List.of("dash-1", "dash-2"));
		Map<String, Set<Long>> three = Assignment.all(SBCS, List.of("dash-1", "dash-2", "dash-3"));

		long moved = SBCS.stream().filter(sbc -> !owner(three, sbc).equals(owner(two, sbc))).count();
		assertThat(three.get("dash-3")).hasSize(100);
		// the hundred the newcomer takes must move; a full reshuffle would move about two hundred
		assertThat(moved).isBetween(100L, 130L);
	}

	@Test
	void whenAnInstanceGoesOnlyItsSbcsMoveAsLongAsTheOthersHaveRoom() {
		Map<String, Set<Long>> three = Assignment.all(SBCS, List.of("dash-1", "dash-2", "dash-3"));
		Map<String, Set<Long>> two = Assignment.all(SBCS, List.of("dash-1", "dash-2"));

		long movedBetweenSurvivors = SBCS.stream().filter(sbc -> !owner(three, sbc).equals("dash-3"))
			.filter(sbc -> !owner(two, sbc).equals(owner(three, sbc))).count();
		assertThat(movedBetweenSurvivors).isLessThanOrEqualTo(30);
	}

	@Test
	void weightsSpreadOverMembersAndDependOnBothSbcAndMember() {
		assertThat(Assignment.weight(1, "a")).isNotEqualTo(Assignment.weight(2, "a")).isNotEqualTo(Assignment.weight(1, "b"));
		assertThat(Assignment.weight(7, "dash-1")).isEqualTo(Assignment.weight(7, "dash-1"));
	}

	private static String owner(Map<String, Set<Long>> shares, long sbc) {
		return shares.entrySet().stream().filter(entry -> entry.getValue().contains(sbc)).map(Map.Entry::getKey)
			.findFirst().orElseThrow();
	}

}
