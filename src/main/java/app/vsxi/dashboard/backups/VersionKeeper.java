package app.vsxi.dashboard.backups;

import java.time.Instant;
import java.util.List;

import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import app.vsxi.dashboard.tables.EditableTable;
import app.vsxi.dashboard.tables.engine.LargeTableDiff;
import app.vsxi.dashboard.tables.engine.RowCodec;
import app.vsxi.dashboard.tables.engine.TableDiff;
import app.vsxi.dashboard.web.Plural;

/**
 * Records what a read of a table or file found, against the newest version kept: the same content is a check on
 * the timeline and nothing more; other content is a new version that keeps the whole table and its delta (what
 * changed since the version before), while the version before gives up its whole table: it reads as the newer one
 * with the delta undone. A version stays whole where that chain would break (the newer one has no delta, as for a
 * table holding a key twice) or grow longer than {@code full-every} versions. One writer per SBC at a time, across
 * instances: the SBC's row in {@code backup_run} is locked while a read is recorded.
 */
@Component
class VersionKeeper {

	private final BackupStore store;

	private final Stored stored;

	private final TransactionTemplate transactions;

	private final BackupsProperties properties;

	private final java.util.Map<Long, Object> writers = new java.util.concurrent.ConcurrentHashMap<>();

	VersionKeeper(BackupStore store, Stored stored, PlatformTransactionManager transactions,
			BackupsProperties properties) {
		this.store = store;
		this.stored = stored;
		this.transactions = new TransactionTemplate(transactions);
		this.properties = properties;
	}

	/** What one read found. */
	record Found(Outcome outcome, Long versionId, String summary, boolean drift) {
	}

	/**
	 * Records a read of a table.
	 *
	 * @param cause {@link Cause#BOX} for a backup's read (a change it finds is drift), {@link Cause#APPLY} for the
	 *        read after the dashboard wrote the table
	 * @param what for an apply: what it was ("apply of draft 5: 1 changed"); for a backup, null
	 * @param by who started the read (a user, or "schedule")
	 * @param at when the table was read
	 * @param since for an apply: when the write began (the read before it); a change a backup found since then
	 *        that the apply's read-back shows is the apply's, not the box's. Null for a backup.
	 */
	Found table(long sbcId, EditableTable table, String root, String item, RowCodec.Packed rows, Cause cause,
			String what, String by, Instant at, Instant since) {
		String digest = FileContent.sha256(rows.data());
		return locked(sbcId, () -> {
			BackupStore.Version head = this.store.head(sbcId, table.table()).orElse(null);
			if (head != null && at.isBefore(head.takenAt())) {
				// read before the newest version was: what it found is history already told (an apply's read from
				// before its write, recorded after a backup that ran between the write's calls)
				return new Found(Outcome.UNCHANGED, head.id(), null, false);
			}
			if (head == null) {
				String summary = cause == Cause.APPLY ? what : "first backup: " + Plural.count(rows.rows(), "row", "rows");
				long id = this.store.addVersion(sbcId, table.table(), at, digest, rows.rows(), root, item,
						this.stored.table(table.table(), rows), null, null, summary,
						cause == Cause.APPLY ? Cause.APPLY : Cause.FIRST, cause == Cause.APPLY ? by : null, false);
				this.store.check(sbcId, table.table(), at, Outcome.CHANGED, id, summary, by);
				return new Found(Outcome.CHANGED, id, summary, false);
			}
			if (head.digest().equals(digest)) {
				if (cause == Cause.APPLY && head.openDrift() && since != null && !head.takenAt().isBefore(since)) {
					// a backup read the table between the write's calls and its read-back: the change is the apply's
					String summary = what + ": " + head.summary().substring(head.summary().indexOf(": ") + 2);
					this.store.attribute(head.id(), summary, by);
					this.store.check(sbcId, table.table(), at, Outcome.UNCHANGED, head.id(), "the change found at "
							+ head.takenAt() + " was this apply", by);
					return new Found(Outcome.UNCHANGED, head.id(), summary, false);
				}
				this.store.check(sbcId, table.table(), at, Outcome.UNCHANGED, head.id(), null, by);
				return new Found(Outcome.UNCHANGED, head.id(), null, false);
			}
			RowCodec.Packed before = this.stored.openTable(this.store.whole(head.id()).orElseThrow(), head.rows());
			TableDiff diff = LargeTableDiff.diff(before, rows, table.keyFields());
			if (diff.isEmpty()) {
				// the same rows in another order: the box keeps no order, so nothing changed
				this.store.redigest(head.id(), digest);
				this.store.check(sbcId, table.table(), at, Outcome.UNCHANGED, head.id(), "same rows, another order", by);
				return new Found(Outcome.UNCHANGED, head.id(), null, false);
			}
			Delta delta = Delta.of(diff);
			boolean drift = cause == Cause.BOX;
			String summary = (drift ? "changed on the box" : what) + ": " + diff.summary().text();
			long id = this.store.addVersion(sbcId, table.table(), at, digest, rows.rows(), root, item,
					this.stored.table(table.table(), rows),
					delta == null ? null : this.stored.table(table.table(), delta.before()),
					delta == null ? null : this.stored.table(table.table(), delta.after()), summary, cause,
					drift ? null : by, drift);
			// the version before reads as this one with the delta undone, unless too many deltas would lead to it
			if (delta != null && deltasBefore(sbcId, table.table(), head) + 1 < fullEvery()) {
				this.store.dropWhole(head.id());
			}
			this.store.check(sbcId, table.table(), at, Outcome.CHANGED, id, summary, by);
			return new Found(Outcome.CHANGED, id, summary, drift);
		});
	}

	/** Records a read of one of the box's files, kept whole and byte for byte each time it changes. */
	Found file(long sbcId, String subject, byte[] bytes, String by, Instant at) {
		String digest = FileContent.digest(bytes, this.properties.volatilePatterns());
		return locked(sbcId, () -> {
			BackupStore.Version head = this.store.head(sbcId, subject).orElse(null);
			if (head != null && head.digest().equals(digest)) {
				this.store.check(sbcId, subject, at, Outcome.UNCHANGED, head.id(), null, by);
				return new Found(Outcome.UNCHANGED, head.id(), null, false);
			}
			String summary = head == null ? "first backup: " + Plural.count(bytes.length, "byte", "bytes")
					: "changed: " + Plural.count(bytes.length, "byte", "bytes") + " (was " + head.rows() + ")";
			long id = this.store.addVersion(sbcId, subject, at, digest, bytes.length, null, null,
					this.stored.file(bytes), null, null, summary, head == null ? Cause.FIRST : Cause.BOX, null, false);
			this.store.check(sbcId, subject, at, Outcome.CHANGED, id, summary, by);
			return new Found(Outcome.CHANGED, id, summary, false);
		});
	}

	/**
	 * Runs {@code record} as the SBC's one writer: in this instance behind a lock of the SBC's (so a backup and an
	 * apply here queue without holding a database lock meanwhile), and across instances holding the SBC's writer
	 * row for the transaction.
	 */
	private Found locked(long sbcId, java.util.function.Supplier<Found> record) {
		this.store.ensureWriter(sbcId);
		Object lock = this.writers.computeIfAbsent(sbcId, id -> new Object());
		synchronized (lock) {
			return this.transactions.execute(status -> {
				this.store.lock(sbcId);
				return record.get();
			});
		}
	}

	/** A read that failed, on the timeline with its reason. */
	void failed(long sbcId, String subject, String reason, String by, Instant at) {
		this.store.check(sbcId, subject, at, Outcome.FAILED, null, reason, by);
	}

	/** How many versions before {@code version} keep only a delta, back to the nearest one kept whole. */
	private int deltasBefore(long sbcId, String subject, BackupStore.Version version) {
		List<BackupStore.Version> versions = this.store.versions(sbcId, subject);
		int count = 0;
		for (int i = versions.size() - 1; i >= 0; i--) {
			BackupStore.Version each = versions.get(i);
			if (each.id() >= version.id()) {
				continue;
			}
			if (each.whole()) {
				break;
			}
			count++;
		}
		return count;
	}

	private int fullEvery() {
		return Math.max(1, this.properties.fullEvery());
	}

}
