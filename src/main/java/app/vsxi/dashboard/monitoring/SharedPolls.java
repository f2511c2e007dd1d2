package app.vsxi.dashboard.monitoring;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import app.vsxi.dashboard.cluster.DatabaseClock;
import app.vsxi.dashboard.cluster.Ownership;
import app.vsxi.dashboard.cluster.SbcLeases;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What the instances tell each other through the database while more than one is alive: each poll's outcome, by
 * the instance that owns the SBC, and when someone last looked at a heavy endpoint, by the instance they look
 * through. An outcome is written only under the poller's lease (its fencing number, still running on the
 * database's clock), so a paused former owner's late answer never overwrites its successor's. Each instance reads
 * what the others wrote since it last looked and applies it as if it had polled itself, so every page shows the same
 * fleet on every instance. Writes go out on a thread of their own, all that waits in one transaction: a poll never
 * waits for the database.
 */
@Component
public class SharedPolls implements DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(SharedPolls.class);

	/** How far back each read looks beyond the last one, for writes that committed late. */
	private static final long OVERLAP_MILLIS = 5_000;

	/** A heavy endpoint's watch is written again at most this often. */
	private static final long WATCH_EVERY_MILLIS = 5_000;

	private static final int CHUNK = 200;

	private final JdbcTemplate jdbc;

	private final DatabaseClock database;

	private final String instance;

	private final TransactionTemplate transaction;

	/** Outcomes waiting to be written; the writer takes all there are at once, in one transaction. */
	private final BlockingQueue<Outgoing> outgoing = new LinkedBlockingQueue<>(100_000);

	private final Thread writer = new Thread(this::writeWhatComes, "poll-publisher");

	/** Outcomes handed in and written (or given up on), so a test can wait for the writer to catch up. */
	private final AtomicLong handedIn = new AtomicLong();

	private final AtomicLong done = new AtomicLong();

	/** The version of each endpoint's outcome last applied here, by SBC and endpoint. */
	private final Map<Long, Map<Feed, Long>> applied = new HashMap<>();

	private final Map<Long, Map<Feed, Instant>> watchesWritten = new HashMap<>();

	private long lastRead = Long.MIN_VALUE;

	SharedPolls(JdbcTemplate jdbc, DatabaseClock database, SbcLeases leases, PlatformTransactionManager transactions) {
		this.jdbc = jdbc;
		this.database = database;
		this.instance = leases.instanceId();
		this.transaction = new TransactionTemplate(transactions);
		this.writer.setDaemon(true);
		this.writer.start();
	}

	private record Outgoing(long sbcId, Feed feed, long fence, PollRecord record) {
	}

	/** An outcome that another instance published. */
	record Published(long sbcId, Feed feed, PollRecord record) {
	}

	/**
	 * Hands the outcome of a poll made under the lease with {@code fence} to the writer thread, which writes all that
	 * waits in one transaction (a few a second rather than one per poll). When the database falls so far behind that
	 * a hundred thousand wait, the newest is dropped: the next poll of that endpoint replaces it anyway.
	 */
	void publish(long sbcId, Feed feed, long fence, PollRecord record) {
		if (this.outgoing.offer(new Outgoing(sbcId, feed, fence, record))) {
			this.handedIn.incrementAndGet();
		}
		else {
			log.warn("Poll of {} on SBC {} not shared: the database is far behind", feed.path(), sbcId);
		}
	}

	/** The writer's life: wait for an outcome, then write it and all that came meanwhile in one transaction. */
	private void writeWhatComes() {
		List<Outgoing> batch = new ArrayList<>();
		while (true) {
			try {
				batch.add(this.outgoing.take());
			}
			catch (InterruptedException stopping) {
				return;
			}
			this.outgoing.drainTo(batch, 999);
			try {
				this.transaction.executeWithoutResult(status -> {
					// an outcome lost in a crash is replaced by the next poll: no need to wait for the disk
					this.database.commitWithoutWaitingForDisk();
					for (Outgoing each : batch) {
						write(each.sbcId(), each.feed(), each.fence(), each.record().write());
					}
				});
			}
			catch (RuntimeException ex) {
				log.warn("{} poll outcomes not shared with the other instances: {}", batch.size(), ex.getMessage());
			}
			this.done.addAndGet(batch.size());
			batch.clear();
		}
	}

	/** Writes the outcome if the lease is still this instance's; whether it was written. */
	boolean write(long sbcId, Feed feed, long fence, byte[] payload) {
		String now = this.database.nowSql();
		String leased = "EXISTS (SELECT 1 FROM sbc_lease l WHERE l.sbc_id = ? AND l.owner = ? AND l.fence = ? "
				+ "AND l.expires_at > " + now + ")";
		int updated = this.jdbc.update("UPDATE sbc_poll SET fence = ?, version = " + this.database.nextVersionSql()
				+ ", published_at = " + now + ", payload = ? WHERE sbc_id = ? AND feed = ? AND " + leased, fence,
				payload, sbcId, feed.name(), sbcId, this.instance, fence);
		if (updated > 0) {
			return true;
		}
		return this.jdbc.update("INSERT INTO sbc_poll (sbc_id, feed, fence, version, published_at, payload) SELECT ?, ?, "
				+ "?, " + this.database.nextVersionSql() + ", " + now + ", ? FROM sbc_lease l WHERE l.sbc_id = ? AND "
				+ "l.owner = ? AND l.fence = ? AND l.expires_at > " + now
				+ " AND NOT EXISTS (SELECT 1 FROM sbc_poll p WHERE p.sbc_id = ? AND p.feed = ?)", sbcId, feed.name(),
				fence, payload, sbcId, this.instance, fence, sbcId, feed.name()) > 0;
	}

	/**
	 * The outcomes published by others since the last call, for SBCs this instance does not own, oldest first; each
	 * endpoint's at most once per version. Nothing when the database cannot be read (tried again next time).
	 */
	synchronized List<Published> newSince(Ownership owned) {
		try {
			long now = this.database.millis();
			long from = this.lastRead == Long.MIN_VALUE ? Long.MIN_VALUE : this.lastRead - OVERLAP_MILLIS;
			List<Long> wanted = new ArrayList<>();
			this.jdbc.query("SELECT sbc_id, feed, version FROM sbc_poll WHERE published_at > ?", row -> {
				long sbcId = row.getLong(1);
				Feed feed = feed(row.getString(2));
				long version = row.getLong(3);
				if (feed != null && !owned.owns(sbcId) && version > appliedVersion(sbcId, feed)) {
					wanted.add(version);
				}
			}, from);
			List<Published> found = new ArrayList<>();
			for (int start = 0; start < wanted.size(); start += CHUNK) {
				List<Long> chunk = wanted.subList(start, Math.min(wanted.size(), start + CHUNK));
				String marks = String.join(", ", Collections.nCopies(chunk.size(), "?"));
				Object[] versions = chunk.toArray();
				this.jdbc.query("SELECT sbc_id, feed, version, payload FROM sbc_poll WHERE version IN (" + marks + ")",
						row -> {
							// chosen by the first read: an endpoint this instance knows, of an SBC it does not own
							long sbcId = row.getLong(1);
							Feed feed = Feed.valueOf(row.getString(2));
							long version = row.getLong(3);
							try {
								found.add(new Published(sbcId, feed, PollRecord.read(row.getBytes(4))));
							}
							catch (RuntimeException ex) {
								log.warn("Unreadable outcome of {} on SBC {} skipped: {}", feed.path(), sbcId,
										ex.getMessage());
							}
							this.applied.computeIfAbsent(sbcId, id -> new HashMap<>()).put(feed, version);
						}, versions);
			}
			this.lastRead = now;
			found.sort((a, b) -> a.record().at().compareTo(b.record().at()));
			return found;
		}
		catch (DataAccessException ex) {
			log.warn("Could not read what the other instances polled; tried again at the next tick: {}", ex.getMessage());
			return List.of();
		}
	}

	/**
	 * Writes the watches made here (at most one write per endpoint every few seconds) and returns those made on any
	 * instance, as this instance's time, for the heavy endpoints of SBCs it owns.
	 */
	synchronized Map<Long, Map<Feed, Instant>> exchangeWatches(Map<Long, Map<Feed, Instant>> local, Ownership owned) {
		long ahead = owned.databaseAheadMillis();
		Map<Long, Map<Feed, Instant>> seen = new HashMap<>();
		try {
			for (Map.Entry<Long, Map<Feed, Instant>> sbc : local.entrySet()) {
				for (Map.Entry<Feed, Instant> watch : sbc.getValue().entrySet()) {
					Map<Feed, Instant> written = this.watchesWritten.computeIfAbsent(sbc.getKey(), id -> new HashMap<>());
					Instant last = written.get(watch.getKey());
					if (last != null && watch.getValue().toEpochMilli() - last.toEpochMilli() < WATCH_EVERY_MILLIS) {
						continue;
					}
					long at = watch.getValue().toEpochMilli() + ahead;
					if (this.jdbc.update("UPDATE sbc_watch SET watched_at = ? WHERE sbc_id = ? AND feed = ? AND watched_at < ?",
							at, sbc.getKey(), watch.getKey().name(), at) == 0) {
						this.jdbc.update("INSERT INTO sbc_watch (sbc_id, feed, watched_at) SELECT id, ?, ? FROM sbc "
								+ "WHERE id = ? AND NOT EXISTS (SELECT 1 FROM sbc_watch WHERE sbc_id = ? AND feed = ?)",
								watch.getKey().name(), at, sbc.getKey(), sbc.getKey(), watch.getKey().name());
					}
					written.put(watch.getKey(), watch.getValue());
				}
			}
			this.jdbc.query("SELECT sbc_id, feed, watched_at FROM sbc_watch", row -> {
				long sbcId = row.getLong(1);
				Feed feed = feed(row.getString(2));
				if (feed != null && owned.owns(sbcId)) {
					seen.computeIfAbsent(sbcId, id -> new HashMap<>()).put(feed,
							Instant.ofEpochMilli(row.getLong(3) - ahead));
				}
			});
		}
		catch (DataAccessException ex) {
			log.warn("Could not share what is being watched; tried again at the next tick: {}", ex.getMessage());
		}
		return seen;
	}

	private long appliedVersion(long sbcId, Feed feed) {
		Map<Feed, Long> versions = this.applied.get(sbcId);
		Long version = versions == null ? null : versions.get(feed);
		return version == null ? Long.MIN_VALUE : version;
	}

	private static Feed feed(String name) {
		try {
			return Feed.valueOf(name);
		}
		catch (IllegalArgumentException ex) {
			// written by a newer instance that knows an endpoint this one does not
			return null;
		}
	}

	/** Waits until the outcomes handed in so far are written; for tests. */
	void flush() throws InterruptedException {
		long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
		while (this.done.get() < this.handedIn.get() && System.nanoTime() < until) {
			Thread.sleep(5);
		}
	}

	@Override
	public void destroy() {
		this.writer.interrupt();
	}

}
