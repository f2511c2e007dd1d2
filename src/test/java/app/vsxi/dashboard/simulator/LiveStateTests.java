package app.vsxi.dashboard.simulator;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import app.vsxi.dashboard.support.MovableClock;

import static org.assertj.core.api.Assertions.assertThat;

/** Calls and registrations that live, end and can be removed one by one, on a clock the test moves. */
class LiveStateTests {

	private final MovableClock clock = MovableClock.at(Instant.parse("2026-03-01T10:00:00Z"));

	private final AtomicInteger level = new AtomicInteger(20);

	private final LiveCalls calls = new LiveCalls(this.clock, new Random(7), this.level::get, () -> List.of(101L, 202L, 303L));

	@Test
	void callsLastAWhileThenEndAndNewOnesStart() {
		List<Map<String, Object>> first = this.calls.calls();
		assertThat(first).hasSize(20);

		this.clock.move(Duration.ofSeconds(30));
		assertThat(this.calls.calls()).isEqualTo(first.stream().map(call -> aged(call, 30)).toList());

		this.clock.move(Duration.ofHours(1));
		List<Map<String, Object>> later = this.calls.calls();
		assertThat(later).hasSize(20);
		assertThat(later).extracting(call -> call.get("callID"))
			.doesNotContainAnyElementsOf(first.stream().map(call -> call.get("callID")).toList());
	}

	@Test
	void whenTheLevelFallsCallsEndOnTheirOwnTime() {
		this.calls.calls();
		this.level.set(0);

		assertThat(this.calls.count()).isEqualTo(20);
		this.clock.move(Duration.ofHours(1));
		assertThat(this.calls.count()).isZero();
	}

	@Test
	void killEndsExactlyTheNamedCallsAndNoOthers() {
		List<Map<String, Object>> before = this.calls.calls();
		this.level.set(0);

		int ended = this.calls.kill(List.of(Map.of("ssm_index", before.get(2).get("ssm_index").toString()),
				Map.of("callID", before.get(5).get("callID")), Map.of("dnis", before.get(7).get("dnis")),
				Map.of("ssm_index", "999999999")));

		assertThat(ended).isEqualTo(2);
		assertThat(this.calls.calls()).hasSize(18)
			.doesNotContain(before.get(2), before.get(5))
			.contains(before.get(7));
	}

	@Test
	void aBoxThatReusesSlotsGivesAnEndedCallsSlotToTheNextCall() {
		java.util.concurrent.atomic.AtomicBoolean reuse = new java.util.concurrent.atomic.AtomicBoolean(true);
		LiveCalls reusing = new LiveCalls(this.clock, new Random(7), this.level::get, () -> List.of(101L, 202L), reuse::get);
		List<Map<String, Object>> first = reusing.calls();
		List<Long> slots = first.stream().map(call -> (Long) call.get("ssm_index")).sorted().toList();
		assertThat(slots.get(slots.size() - 1) - slots.get(0)).as("slots side by side").isEqualTo(19);
		Map<String, Object> victim = first.get(4);

		assertThat(reusing.hangUp(victim.get("ssm_index").toString())).isTrue();
		Map<String, Object> next = reusing.calls().stream().filter(call -> !first.contains(call)).findFirst().orElseThrow();

		assertThat(next.get("ssm_index")).isEqualTo(victim.get("ssm_index"));
		assertThat(next.get("callID")).isNotEqualTo(victim.get("callID"));
		reuse.set(false);
		assertThat(reusing.hangUp(victim.get("ssm_index").toString())).isTrue();
		assertThat(reusing.calls()).extracting(call -> call.get("ssm_index")).doesNotContain(victim.get("ssm_index"));
	}

	@Test
	void aBoxThatNeverReusesSlotsGivesTheNextCallANewSlot() {
		List<Map<String, Object>> first = this.calls.calls();
		Map<String, Object> victim = first.get(4);

		this.calls.hangUp(victim.get("ssm_index").toString());
		Map<String, Object> answered = this.calls.answer();

		assertThat(this.calls.calls()).hasSize(21).extracting(call -> call.get("ssm_index"))
			.doesNotContain(victim.get("ssm_index"));
		assertThat((Long) answered.get("ssm_index")).isGreaterThan(
				first.stream().mapToLong(call -> (Long) call.get("ssm_index")).max().orElseThrow());
	}

	@Test
	void registrationsExpireAndSubscribersRegisterAgain() {
		List<Map<String, Object>> subscribers = SeedData.subscribers(new Random(3), List.of(101L, 202L), 30);
		Registrations registrations = new Registrations(this.clock, new Random(5), () -> subscribers);
		List<Map<String, Object>> first = registrations.current();
		assertThat(first).hasSize(20);

		this.clock.move(Duration.ofHours(2));
		List<Map<String, Object>> later = registrations.current();

		assertThat(later).isNotEmpty().hasSizeLessThan(first.size());
		assertThat(later).extracting(r -> r.get("id")).doesNotContainAnyElementsOf(
				first.stream().map(r -> r.get("id")).toList());
	}

	@Test
	void registrationDeleteAndsTheFieldsOfOneEntryAndOrsTheEntries() {
		List<Map<String, Object>> subscribers = SeedData.subscribers(new Random(3), List.of(101L, 202L), 30);
		Registrations registrations = new Registrations(this.clock, new Random(5), () -> subscribers);
		List<Map<String, Object>> before = registrations.current();
		Map<String, Object> a = before.get(0);
		Map<String, Object> b = before.get(1);

		int removed = registrations.delete(List.of(
				Map.of("username", a.get("username"), "trunkID", a.get("trunkId")),
				Map.of("username", b.get("username"), "userIp", "10.255.255.255"), Map.of()));

		assertThat(removed).isEqualTo(1);
		List<Map<String, Object>> after = registrations.current();
		assertThat(after).doesNotContain(a).contains(b);
		assertThat(after.stream().filter(r -> !r.equals(a)).count()).isGreaterThanOrEqualTo(before.size() - 1);
	}

	@Test
	void aBoxThatRefusesUnknownFilterElementsRemovesNothingForThatFilter() {
		List<Map<String, Object>> subscribers = SeedData.subscribers(new Random(3), List.of(101L, 202L), 30);
		Registrations registrations = new Registrations(this.clock, new Random(5), () -> subscribers);
		List<Map<String, Object>> before = registrations.current();
		Map<String, Object> a = before.get(0);

		Registrations.Removed removed = registrations.delete(List.of(Map.of("username", a.get("username"), "trunk", "1")),
				false);

		assertThat(removed.count()).isZero();
		assertThat(removed.refused()).containsExactly("trunk");
		assertThat(registrations.current()).contains(a);
	}

	@Test
	void aBoxThatIgnoresUnknownFilterElementsWidensAFilterOfOnlyThoseToEveryRegistration() {
		List<Map<String, Object>> subscribers = SeedData.subscribers(new Random(3), List.of(101L, 202L), 30);
		Registrations registrations = new Registrations(this.clock, new Random(5), () -> subscribers);
		List<Map<String, Object>> before = registrations.current();
		Map<String, Object> a = before.get(0);
		Map<String, Object> b = before.get(1);

		int byIdAndTrunk = registrations.delete(List.of(Map.of("id", a.get("id"), "trunkId", "no-such-trunk")), true)
			.count();
		assertThat(byIdAndTrunk).isEqualTo(1);
		assertThat(registrations.current()).doesNotContain(a).contains(b);

		List<Map<String, Object>> listed = registrations.current();
		int byTrunkOnly = registrations.delete(List.of(Map.of("trunkID", b.get("trunkId"))), true).count();
		assertThat(byTrunkOnly).isEqualTo(listed.size());
	}

	private Map<String, Object> aged(Map<String, Object> call, long seconds) {
		Map<String, Object> aged = new java.util.LinkedHashMap<>(call);
		aged.put("duration", (Long) call.get("duration") + seconds);
		return aged;
	}

}
