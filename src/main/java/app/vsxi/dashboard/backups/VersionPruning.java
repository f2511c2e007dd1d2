package app.vsxi.dashboard.backups;

import java.time.Instant;
import java.util.List;

import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import app.vsxi.dashboard.tables.EditableTable;
import app.vsxi.dashboard.tables.engine.RowCodec;

/**
 * Drops the versions retention no longer keeps, and checks that found nothing new older than the window of every
 * change. A dropped version's delta is chained into the next one's, so every version kept still reads as it was;
 * where the next one is left without a delta (the dropped one was the first, or had none as a table holding a key
 * twice has none), the one before the dropped one keeps its whole table, as the one before any version without a
 * delta does.
 */
@Component
class VersionPruning {

	private final BackupStore store;

	private final VersionReader reader;

	private final Stored stored;

	private final TransactionTemplate transactions;

	VersionPruning(BackupStore store, VersionReader reader, Stored stored, PlatformTransactionManager transactions) {
		this.store = store;
		this.reader = reader;
		this.stored = stored;
		this.transactions = new TransactionTemplate(transactions);
	}

	/** What a pruning of one table dropped. */
	record Pruned(int versions, int checks) {
	}

	Pruned prune(long sbcId, String subject, Retention retention, Instant now) {
		return this.transactions.execute(status -> {
			this.store.lock(sbcId);
			List<BackupStore.Version> versions = this.store.versions(sbcId, subject);
			// a change found on the box that nobody has marked as seen stays, however old
			java.util.Set<Long> unseen = new java.util.HashSet<>();
			versions.stream().filter(BackupStore.Version::openDrift).forEach(version -> unseen.add(version.id()));
			List<Long> drop = retention.toDrop(versions.stream()
				.map(version -> new Retention.Taken(version.id(), version.takenAt()))
				.toList(), now).stream().filter(id -> !unseen.contains(id)).toList();
			EditableTable table = Subjects.table(subject).orElse(null);
			for (long id : drop) {
				dropOne(this.store.versions(sbcId, subject), id, table);
			}
			int checks = this.store.pruneChecks(sbcId, subject, now.minus(retention.everyChange()));
			return new Pruned(drop.size(), checks);
		});
	}

	private void dropOne(List<BackupStore.Version> versions, long id, EditableTable table) {
		int at = 0;
		while (versions.get(at).id() != id) {
			at++;
		}
		BackupStore.Version gone = versions.get(at);
		BackupStore.Version next = versions.get(at + 1);
		BackupStore.Version previous = at > 0 ? versions.get(at - 1) : null;
		if (table == null) {
			// a file: every version is whole
			this.store.deleteVersion(id);
			return;
		}
		boolean nextKeepsDelta = gone.delta() && next.delta();
		// read what must be kept whole before anything changes
		RowCodec.Packed previousRows = previous != null && !nextKeepsDelta && !previous.whole()
				? this.reader.rows(previous, table) : null;
		if (nextKeepsDelta) {
			Delta chained = this.reader.delta(gone).then(this.reader.delta(next), table.keyFields());
			this.store.replaceDelta(next.id(), this.stored.table(table.table(), chained.before()),
					this.stored.table(table.table(), chained.after()));
		}
		else if (next.delta()) {
			this.store.replaceDelta(next.id(), null, null);
		}
		if (previousRows != null) {
			this.store.keepWhole(previous.id(), this.stored.table(table.table(), previousRows));
		}
		this.store.deleteVersion(id);
	}

}
