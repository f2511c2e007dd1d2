package app.vsxi.dashboard.monitoring;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import app.vsxi.dashboard.cluster.ClusterProperties;
import app.vsxi.dashboard.cluster.DatabaseClock;
import app.vsxi.dashboard.cluster.Ownership;
import app.vsxi.dashboard.cluster.SbcLeases;
import app.vsxi.dashboard.gateway.GatewayError;
import app.vsxi.dashboard.gateway.SystemInfo;
import app.vsxi.dashboard.support.MigratedDatabase;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the owner of an SBC publishes reaches the other instances once, and only while its lease (its fencing
 * number) is current. Run on H2 and PostgreSQL.
 */
abstract class SharedPollsContract {

	private final MigratedDatabase database = database();

	private final DatabaseClock clock = new DatabaseClock(this.database.jdbc(), this.database.dataSource());

	abstract MigratedDatabase database();

	@AfterEach
	void drop() {
		this.database.drop();
	}

	private SbcLeases instance(String name) {
		return new SbcLeases(this.database.jdbc(), this.clock,
				new ClusterProperties(name, Duration.ofSeconds(5), Duration.ofMillis(100)), this.database.transactions(),
				Clock.systemUTC());
	}

	@Test
	void anOutcomeIsWrittenOnlyUnderTheOwnersCurrentFence() {
		long sbc = this.database.addSbc("nyc-1");
		SbcLeases owner = instance("owner");
		long fence = owner.refresh(List.of(sbc), id -> null).fence(sbc);
		SharedPolls polls = new SharedPolls(this.database.jdbc(), this.clock, owner, this.database.transactions());

		assertThat(polls.write(sbc, Feed.REALTIME, fence, new byte[] { 1 })).isTrue();
		assertThat(polls.write(sbc, Feed.REALTIME, fence, new byte[] { 2 })).isTrue();
		assertThat(polls.write(sbc, Feed.REALTIME, fence + 1, new byte[] { 3 })).isFalse();
		assertThat(polls.write(sbc, Feed.SYSTEM, fence - 1, new byte[] { 4 })).isFalse();
		assertThat(new SharedPolls(this.database.jdbc(), this.clock, instance("other"), this.database.transactions()).write(sbc, Feed.REALTIME, fence,
				new byte[] { 5 })).isFalse();

		assertThat(this.database.jdbc().queryForList("SELECT payload FROM sbc_poll", byte[].class))
			.singleElement().isEqualTo(new byte[] { 2 });
	}

	@Test
	void anotherInstanceReadsEachOutcomeOnceAndNeverThoseOfSbcsItOwns() throws Exception {
		long nyc = this.database.addSbc("nyc-1");
		long lax = this.database.addSbc("lax-1");
		SbcLeases owner = instance("owner");
		Ownership owned = owner.refresh(List.of(nyc, lax), id -> null);
		SharedPolls publisher = new SharedPolls(this.database.jdbc(), this.clock, owner, this.database.transactions());
		SharedPolls reader = new SharedPolls(this.database.jdbc(), this.clock, instance("reader"), this.database.transactions());
		Ownership readerOwnsLax = new Ownership(1, Map.of(lax, 9L), Map.of(), 0, 2);
		Instant at = Instant.parse("2026-12-06T01:00:00Z");

		publisher.publish(nyc, Feed.SYSTEM, owned.fence(nyc), new PollRecord(at, new FeedValue.Info(
				new SystemInfo("3 days", Map.of())), null));
		publisher.publish(lax, Feed.REALTIME, owned.fence(lax), new PollRecord(at, null, new GatewayError.Busy()));
		publisher.flush();

		List<SharedPolls.Published> first = reader.newSince(readerOwnsLax);
		assertThat(first).singleElement().satisfies(published -> {
			assertThat(published.sbcId()).isEqualTo(nyc);
			assertThat(published.feed()).isEqualTo(Feed.SYSTEM);
			assertThat(published.record().value()).isEqualTo(new FeedValue.Info(new SystemInfo("3 days", Map.of())));
		});
		assertThat(reader.newSince(readerOwnsLax)).isEmpty();

		publisher.publish(nyc, Feed.SYSTEM, owned.fence(nyc), new PollRecord(at.plusSeconds(60), null,
				new GatewayError.Timeout("read")));
		publisher.flush();
		assertThat(reader.newSince(readerOwnsLax)).singleElement()
			.satisfies(published -> assertThat(published.record().error()).isEqualTo(new GatewayError.Timeout("read")));
	}

	@Test
	void aWatchOnOneInstanceReachesTheOwnerOfThatSbc() {
		long sbc = this.database.addSbc("nyc-1");
		SharedPolls viewer = new SharedPolls(this.database.jdbc(), this.clock, instance("viewer"), this.database.transactions());
		SharedPolls owner = new SharedPolls(this.database.jdbc(), this.clock, instance("owner"), this.database.transactions());
		Instant looked = Instant.now();

		viewer.exchangeWatches(Map.of(sbc, Map.of(Feed.ACTIVE_CALLS, looked)), new Ownership(1, Map.of(), Map.of(), 0, 2));
		Map<Long, Map<Feed, Instant>> seen = owner.exchangeWatches(Map.of(),
				new Ownership(1, Map.of(sbc, 1L), Map.of(), 0, 2));

		assertThat(seen).containsOnlyKeys(sbc);
		assertThat(seen.get(sbc)).containsEntry(Feed.ACTIVE_CALLS, Instant.ofEpochMilli(looked.toEpochMilli()));
	}

}
