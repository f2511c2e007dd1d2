package app.vsxi.dashboard.tables.engine;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import app.vsxi.dashboard.gateway.TableRow;

/**
 * A few keys of a large table, asked about row by row: a row's key is built only where its key hash is among
 * theirs, so passing over a million rows to find the few an apply touched builds a few keys, not a million.
 */
public final class KeySet {

	private final Set<List<String>> keys = new HashSet<>();

	private final Set<Long> hashes = new HashSet<>();

	private final List<String> keyFields;

	public KeySet(Iterable<RowKey> keys, List<String> keyFields) {
		this.keyFields = keyFields;
		keys.forEach(key -> {
			this.keys.add(key.values());
			this.hashes.add(LargeTableDiff.keyHash(key.values()));
		});
	}

	/** Whether a key's values are among these, whichever occurrence it is. */
	public boolean contains(RowKey key) {
		return this.keys.contains(key.values());
	}

	/** The row's key (its first occurrence) where its values are among these, else null. */
	public RowKey match(TableRow row) {
		if (!this.hashes.contains(LargeTableDiff.keyHash(row, this.keyFields))) {
			return null;
		}
		RowKey key = RowKey.of(row, this.keyFields);
		return this.keys.contains(key.values()) ? key : null;
	}

}
