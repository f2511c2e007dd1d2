package app.vsxi.dashboard.cluster;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import app.vsxi.dashboard.support.MigratedDatabase;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Leases on a real database, two instances in one JVM: each SBC has one owner, the shares level out, an SBC
 * handed over takes its schedule along, and a dead owner's SBCs are taken under a higher fencing number once its
 * lease ran out. Run on H2 and on PostgreSQL.
 */
abstract class SbcLeasesContract {

	private static final ClusterProperties SHORT = new ClusterProperties("test", Duration.ofMillis(1200),
			Duration.ofMillis(100));

	private final MigratedDatabase database = database();

	private final List<Long> sbcs = new ArrayList<>();

	abstract MigratedDatabase database();

	@AfterEach
	void drop() {
		this.database.drop();
	}

	private SbcLeases instance(String name) {
		return new SbcLeases(this.database.jdbc(), new DatabaseClock(this.database.jdbc(), this.database.dataSource()),
				new ClusterProperties(name, SHORT.lease(), SHORT.renewEvery()), this.database.transactions(),
				Clock.systemUTC());
	}

	private void fleetOf(int count) {
		for (int i = 0; i < count; i++) {
			this.sbcs.add(this.database.addSbc("sbc-" + i));
		}
	}

	/** A round for each instance, in turn, a little more than {@code renew-every} apart. */
	private void rounds(int count, SbcLeases... instances) throws InterruptedException {
		for (int i = 0; i < count; i++) {
			Thread.sleep(SHORT.renewEvery().toMillis() + 20);
			for (SbcLeases instance : instances) {
				instance.refresh(this.sbcs, sbcId -> "REALTIME=" + (1_000 + sbcId));
			}
		}
	}

	@Test
	void aLoneInstanceTakesEverySbcUnderTheFirstFencingNumber() throws Exception {
		fleetOf(6);
		SbcLeases one = instance("one");

		rounds(1, one);

		assertThat(one.current().fences()).hasSize(6).allSatisfy((sbc, fence) -> assertThat(fence).isEqualTo(1L));
		assertThat(one.current().members()).isEqualTo(1);
		assertThat(one.current().shared()).isFalse();
	}

	@Test
	void aSecondInstanceGetsHalfWithTheScheduleTheFirstLeftAndNoSbcIsEverOwnedTwice() throws Exception {
		fleetOf(10);
		SbcLeases first = instance("first");
		SbcLeases second = instance("second");
		rounds(1, first);

		Set<Long> handedOverSeen = new HashSet<>();
		for (int i = 0; i < 4; i++) {
			rounds(1, first, second);
			handedOverSeen.addAll(second.current().handedOver().keySet());
			assertThat(overlap(first, second)).isEmpty();
		}

		assertThat(first.current().fences()).hasSize(5);
		assertThat(second.current().fences()).hasSize(5);
		assertThat(second.current().members()).isEqualTo(2);
		assertThat(handedOverSeen).isEqualTo(second.current().fences().keySet());
		// taken from the first under the next fencing number, with the schedule the first left for each
		second.current().fences().forEach((sbc, fence) -> assertThat(fence).isEqualTo(2L));
	}

	@Test
	void aDeadInstancesSbcsAreTakenOnceItsLeaseRanOutUnderAHigherFence() throws Exception {
		fleetOf(8);
		SbcLeases survivor = instance("survivor");
		SbcLeases dead = instance("dead");
		rounds(4, survivor, dead);
		Set<Long> ofTheDead = Set.copyOf(dead.current().fences().keySet());
		assertThat(ofTheDead).hasSize(4);

		// the dead one stops renewing, with no word to anyone: within its lease nobody takes its SBCs
		rounds(2, survivor);
		assertThat(survivor.current().fences().keySet()).doesNotContainAnyElementsOf(ofTheDead);
		long died = System.nanoTime();
		while (survivor.current().fences().size() < 8 && System.nanoTime() - died < 5_000_000_000L) {
			rounds(1, survivor);
		}

		assertThat(survivor.current().fences()).hasSize(8);
		ofTheDead.forEach(sbc -> assertThat(survivor.current().fence(sbc)).isGreaterThan(dead.current().fence(sbc)));
		// a dead owner's SBCs come with no schedule: they are polled at once
		assertThat(survivor.current().handedOver()).isEmpty();
	}

	@Test
	void aPlannedStopHandsEverySbcOverAtOnce() throws Exception {
		fleetOf(4);
		SbcLeases leaving = instance("leaving");
		SbcLeases staying = instance("staying");
		rounds(4, leaving, staying);
		assertThat(staying.current().fences()).hasSize(2);

		leaving.destroy();
		rounds(2, staying);

		assertThat(staying.current().fences()).hasSize(4);
		assertThat(staying.current().members()).isEqualTo(1);
	}

	private static Set<Long> overlap(SbcLeases a, SbcLeases b) {
		Set<Long> both = new HashSet<>(a.current().fences().keySet());
		both.retainAll(b.current().fences().keySet());
		return both;
	}

}
