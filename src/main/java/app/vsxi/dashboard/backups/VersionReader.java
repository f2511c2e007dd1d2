package app.vsxi.dashboard.backups;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import app.vsxi.dashboard.tables.EditableTable;
import app.vsxi.dashboard.tables.engine.LargeTableDiff;
import app.vsxi.dashboard.tables.engine.RowCodec;
import app.vsxi.dashboard.tables.engine.TableDiff;

/**
 * Reads kept versions back: a version's whole table (the nearest whole version after it, with the deltas between
 * undone in one pass), and the keyed diff of any two versions (the deltas between them chained, no whole table
 * read, where every version between keeps one; both whole tables diffed otherwise). Diffs are kept for the few
 * latest pairs asked for, so paging through one does not compute it again.
 */
@Component
class VersionReader {

	private static final int DIFFS_KEPT = 8;

	private final BackupStore store;

	private final Stored stored;

	private final Map<String, TableDiff> diffs = new LinkedHashMap<>(16, 0.75f, true) {
		@Override
		protected boolean removeEldestEntry(Map.Entry<String, TableDiff> eldest) {
			return size() > DIFFS_KEPT;
		}
	};

	/** Reads at one moment of the database: a version kept or pruned meanwhile cannot mix two states. */
	private final TransactionTemplate snapshot;

	VersionReader(BackupStore store, Stored stored, PlatformTransactionManager transactions) {
		this.store = store;
		this.stored = stored;
		this.snapshot = new TransactionTemplate(transactions);
		this.snapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
		this.snapshot.setReadOnly(true);
	}

	/** The whole table as the version holds it. */
	RowCodec.Packed rows(BackupStore.Version version, EditableTable table) {
		return this.snapshot.execute(status -> read(version, table));
	}

	private RowCodec.Packed read(BackupStore.Version version, EditableTable table) {
		List<BackupStore.Version> versions = this.store.versions(version.sbcId(), version.subject());
		int at = indexOf(versions, version.id());
		int whole = at;
		while (!versions.get(whole).whole()) {
			whole++;
		}
		RowCodec.Packed rows = this.stored.openTable(this.store.whole(versions.get(whole).id()).orElseThrow(),
				versions.get(whole).rows());
		if (whole == at) {
			return rows;
		}
		return chained(versions, at, whole, table.keyFields()).undo(rows, table.keyFields());
	}

	/** The keyed diff from version {@code from} to version {@code to} (either may be the older). */
	TableDiff diff(BackupStore.Version from, BackupStore.Version to, EditableTable table) {
		String key = from.id() + ">" + to.id();
		synchronized (this.diffs) {
			TableDiff kept = this.diffs.get(key);
			if (kept != null) {
				return kept;
			}
		}
		TableDiff diff = this.snapshot.execute(status -> compute(from, to, table));
		synchronized (this.diffs) {
			this.diffs.put(key, diff);
		}
		return diff;
	}

	private TableDiff compute(BackupStore.Version from, BackupStore.Version to, EditableTable table) {
		if (from.id() == to.id()) {
			return Delta.NONE.diff(table.keyFields());
		}
		List<BackupStore.Version> versions = this.store.versions(from.sbcId(), from.subject());
		int a = indexOf(versions, Math.min(from.id(), to.id()));
		int b = indexOf(versions, Math.max(from.id(), to.id()));
		boolean chained = versions.subList(a + 1, b + 1).stream().allMatch(BackupStore.Version::delta);
		if (!chained) {
			return LargeTableDiff.diff(read(from, table), read(to, table), table.keyFields());
		}
		Delta delta = chained(versions, a, b, table.keyFields());
		return (from.id() < to.id() ? delta : new Delta(delta.after(), delta.before())).diff(table.keyFields());
	}

	/** The deltas of the versions after {@code from} up to {@code to}, chained into one. */
	private Delta chained(List<BackupStore.Version> versions, int from, int to, List<String> keyFields) {
		Delta all = Delta.NONE;
		for (int i = from + 1; i <= to; i++) {
			Delta next = delta(versions.get(i));
			all = all.isEmpty() ? next : all.then(next, keyFields);
		}
		return all;
	}

	/** What changed from the version before to this one, as the version keeps it. */
	Delta delta(BackupStore.Version version) {
		byte[][] parts = this.store.delta(version.id()).orElseThrow();
		return new Delta(this.stored.openRows(parts[0]), this.stored.openRows(parts[1]));
	}

	/** A kept file as it was downloaded. */
	byte[] file(BackupStore.Version version) {
		return this.stored.openFile(this.store.whole(version.id()).orElseThrow());
	}

	private static int indexOf(List<BackupStore.Version> versions, long id) {
		for (int i = 0; i < versions.size(); i++) {
			if (versions.get(i).id() == id) {
				return i;
			}
		}
		throw new IllegalArgumentException("No version " + id);
	}

}
