package app.vsxi.dashboard.cluster;

import java.net.InetAddress;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Collection;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.LongFunction;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Per-SBC leases in the database: each SBC is polled by the one live instance that holds its lease. Every
 * {@code renew-every} an instance writes its heartbeat, reads who is alive, works out its share
 * ({@link Assignment}), renews the leases it keeps, hands over those it should no longer hold (with their
 * schedule), and takes the free or run-out ones of its share, raising their fencing number. All times are the
 * database's. An instance that died hard keeps its SBCs until its leases run out; a paused one learns in its next
 * round, which comes before its next poll, that they went, and what it publishes meanwhile carries a fencing number
 * the database no longer accepts.
 *
 * <p>While the database cannot be reached the last round's SBCs are kept: nobody else can take them then, and
 * the NOC keeps its figures.
 */
@Component
public class SbcLeases implements DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(SbcLeases.class);

	private final JdbcTemplate jdbc;

	private final DatabaseClock database;

	private final ClusterProperties properties;

	private final TransactionTemplate transaction;

	private final Clock clock;

	private final String instanceId;

	private volatile Ownership current = Ownership.none();

	private long lastRoundAt = Long.MIN_VALUE;

	private LongFunction<String> scheduleOf = sbcId -> null;

	public SbcLeases(JdbcTemplate jdbc, DatabaseClock database, ClusterProperties properties,
			PlatformTransactionManager transactions, Clock clock) {
		this.jdbc = jdbc;
		this.database = database;
		this.properties = properties;
		this.transaction = new TransactionTemplate(transactions);
		this.clock = clock;
		this.instanceId = name(properties.instanceName());
	}

	private static String name(String configured) {
		String base = configured;
		if (base == null || base.isBlank()) {
			try {
				base = InetAddress.getLocalHost().getHostName();
			}
			catch (java.io.IOException ex) {
				base = "dashboard";
			}
		}
		byte[] suffix = new byte[4];
		new SecureRandom().nextBytes(suffix);
		String trimmed = base.length() > 100 ? base.substring(0, 100) : base;
		return trimmed + "-" + HexFormat.of().formatHex(suffix);
	}

	/** This instance's name among the others, unique to this start. */
	/**
	 * Whether an instance is alive as the cluster sees it: it took part in a lease round within the last lease, by
	 * the database's clock. Work an instance started (a change set's run) is taken over once it is not.
	 */
	public boolean alive(String instanceId) {
		if (this.instanceId.equals(instanceId)) {
			return true;
		}
		long now = this.database.millis();
		Integer seen = this.jdbc.queryForObject(
				"SELECT COUNT(*) FROM cluster_member WHERE instance_id = ? AND heartbeat_at > ?", Integer.class,
				instanceId, now - this.properties.lease().toMillis());
		return seen != null && seen > 0;
	}

	public String instanceId() {
		return this.instanceId;
	}

	/** What the last round left this instance with. */
	public Ownership current() {
		return this.current;
	}

	/**
	 * Runs a lease round if one is due (at most one per {@code renew-every}) and says what this instance owns.
	 *
	 * @param sbcIds every SBC of the fleet
	 * @param scheduleOf when each endpoint of an SBC this instance hands over is next due, as text (the database's
	 *     milliseconds), or null
	 */
	public synchronized Ownership refresh(Collection<Long> sbcIds, LongFunction<String> scheduleOf) {
		this.scheduleOf = scheduleOf;
		long now = this.clock.millis();
		if (this.lastRoundAt != Long.MIN_VALUE && now - this.lastRoundAt < this.properties.renewEvery().toMillis()) {
			return this.current;
		}
		this.lastRoundAt = now;
		try {
			Ownership next = this.transaction.execute(status -> round(List.copyOf(sbcIds), scheduleOf));
			if (next != null) {
				this.current = next;
			}
		}
		catch (DataAccessException ex) {
			log.warn("Lease round failed; polling the SBCs of the last round until the database answers again: {}",
					ex.getMessage());
		}
		return this.current;
	}

	private Ownership round(List<Long> sbcIds, LongFunction<String> scheduleOf) {
		long localBefore = this.clock.millis();
		long now = this.database.millis();
		long lease = this.properties.lease().toMillis();
		if (this.jdbc.update("UPDATE cluster_member SET heartbeat_at = ? WHERE instance_id = ?", now,
				this.instanceId) == 0) {
			this.jdbc.update("INSERT INTO cluster_member (instance_id, started_at, heartbeat_at) VALUES (?, ?, ?)",
					this.instanceId, now, now);
		}
		// members silent for ten leases are gone for good; any instance may sweep them
		this.jdbc.update("DELETE FROM cluster_member WHERE heartbeat_at < ?", now - 10 * lease);
		List<String> live = this.jdbc.queryForList(
				"SELECT instance_id FROM cluster_member WHERE heartbeat_at > ? ORDER BY instance_id", String.class,
				now - lease);
		Set<Long> mine = Assignment.of(this.instanceId, sbcIds, live);
		Map<Long, LeaseRow> leases = new HashMap<>();
		this.jdbc.query("SELECT sbc_id, owner, fence, expires_at, schedule FROM sbc_lease", row -> {
			leases.put(row.getLong(1), new LeaseRow(row.getString(2), row.getLong(3), row.getLong(4), row.getString(5)));
		});
		Map<Long, Long> fences = new HashMap<>();
		Map<Long, String> handedOver = new HashMap<>();
		long until = now + lease;
		this.jdbc.update("UPDATE sbc_lease SET expires_at = ? WHERE owner = ? AND expires_at > ?", until,
				this.instanceId, now);
		for (Map.Entry<Long, LeaseRow> entry : leases.entrySet()) {
			long sbcId = entry.getKey();
			LeaseRow held = entry.getValue();
			if (!held.owner().equals(this.instanceId) || held.expiresAt() <= now) {
				continue;
			}
			if (mine.contains(sbcId)) {
				fences.put(sbcId, held.fence());
			}
			else {
				// no longer this instance's share: let it go now, with when each endpoint is next due
				handOver(sbcId, held.fence(), now, scheduleOf);
			}
		}
		for (long sbcId : mine) {
			if (fences.containsKey(sbcId)) {
				continue;
			}
			LeaseRow held = leases.get(sbcId);
			if (held == null) {
				int added = this.jdbc.update("INSERT INTO sbc_lease (sbc_id, owner, fence, expires_at) SELECT ?, ?, 1, ? "
						+ "FROM sbc WHERE id = ? AND NOT EXISTS (SELECT 1 FROM sbc_lease WHERE sbc_id = ?)", sbcId,
						this.instanceId, until, sbcId, sbcId);
				if (added == 1) {
					fences.put(sbcId, 1L);
				}
			}
			else if (held.expiresAt() <= now) {
				// run out, or handed over: take it under the next fencing number
				int taken = this.jdbc.update("UPDATE sbc_lease SET owner = ?, fence = ?, expires_at = ?, schedule = NULL "
						+ "WHERE sbc_id = ? AND fence = ? AND expires_at <= ?", this.instanceId, held.fence() + 1, until,
						sbcId, held.fence(), now);
				if (taken == 1) {
					fences.put(sbcId, held.fence() + 1);
					if (held.schedule() != null && !held.owner().equals(this.instanceId)) {
						handedOver.put(sbcId, held.schedule());
					}
				}
			}
			// else: still held by an instance that will hand it over in its next round, or that died and whose
			// lease has not run out yet
		}
		Ownership next = new Ownership(this.current.round() + 1, fences, handedOver, now - localBefore,
				Math.max(1, live.size()));
		changes(this.current, next);
		return next;
	}

	/** Lets this instance's lease on the SBC run out at {@code now}, leaving the schedule for the next owner. */
	private void handOver(long sbcId, long fence, long now, LongFunction<String> scheduleOf) {
		this.jdbc.update("UPDATE sbc_lease SET expires_at = ?, schedule = ? WHERE sbc_id = ? AND owner = ? AND fence = ?",
				now, scheduleOf.apply(sbcId), sbcId, this.instanceId, fence);
	}

	/** Says which SBCs came and went, so an operator reading the log sees ownership move. */
	private void changes(Ownership before, Ownership after) {
		Set<Long> taken = new java.util.TreeSet<>(after.fences().keySet());
		taken.removeAll(before.fences().keySet());
		Set<Long> gone = new java.util.TreeSet<>(before.fences().keySet());
		gone.removeAll(after.fences().keySet());
		if (!taken.isEmpty() || !gone.isEmpty() || before.members() != after.members()) {
			log.info("{} instance(s) alive; this one polls {} SBCs: took {} ({} handed over), let go of {}",
					after.members(), after.fences().size(), taken, after.handedOver().keySet(), gone);
		}
	}

	/** Hands every SBC over and leaves the members, so a planned stop moves them at once, not after the lease. */
	@Override
	public synchronized void destroy() {
		try {
			long now = this.database.millis();
			for (Map.Entry<Long, Long> owned : this.current.fences().entrySet()) {
				handOver(owned.getKey(), owned.getValue(), now, this.scheduleOf);
			}
			this.jdbc.update("DELETE FROM cluster_member WHERE instance_id = ?", this.instanceId);
		}
		catch (DataAccessException ex) {
			log.warn("Could not hand over the SBCs at stop; the others take them when the leases run out: {}",
					ex.getMessage());
		}
		this.current = Ownership.none();
	}

	private record LeaseRow(String owner, long fence, long expiresAt, String schedule) {
	}

}
