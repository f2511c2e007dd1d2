package app.vsxi.dashboard.tables;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import app.vsxi.dashboard.gateway.TableRow;

/**
 * The keyed diff of tables too big to hold as rows (a million routes): a first pass keeps only a 64-bit hash of
 * each row's key and of its content, sorted, to find the keys that differ; a second pass collects just those
 * rows and diffs them exactly with {@link KeyedDiff}. A hash collision can only add a candidate, which the exact
 * diff then finds equal; it can never hide a difference, because equal content hashes are compared again only
 * when the keys also hash equal and the content hash covers every field.
 */
public final class LargeTableDiff {

	/** Streams a table's rows; called once per pass. */
	@FunctionalInterface
	public interface RowSource {

		void forEach(Consumer<TableRow> sink);

	}

	private LargeTableDiff() {
	}

	/**
	 * Three passes: the older table's hashes; the newer table, keeping only rows whose key is new or whose content
	 * differs; the older table again for the rows behind those keys and the removed ones.
	 */
	public static TableDiff diff(RowSource before, RowSource after, List<String> keyFields) {
		Hashes older = hashes(before, keyFields);
		older.markDuplicates();
		Set<Long> differing = new HashSet<>();
		List<TableRow> newerRows = new ArrayList<>();
		Hashes newer = new Hashes();
		after.forEach(row -> {
			long key = keyHash(row, keyFields);
			newer.add(key, 0);
			int at = older.find(key);
			if (at < 0 || older.contents[at] != contentHash(row)) {
				differing.add(key);
				newerRows.add(row);
			}
		});
		newer.sort();
		Set<Long> duplicatedInNewer = new HashSet<>();
		for (int i = 1; i < newer.count; i++) {
			if (newer.keys[i] == newer.keys[i - 1]) {
				duplicatedInNewer.add(newer.keys[i]);
			}
		}
		for (int i = 0; i < older.count; i++) {
			if (newer.find(older.keys[i]) < 0) {
				differing.add(older.keys[i]);
			}
		}
		if (!duplicatedInNewer.isEmpty()) {
			// a repeated key needs all its rows, the unchanged ones too, to be matched by occurrence
			differing.addAll(duplicatedInNewer);
			newerRows.clear();
			collect(after, keyFields, differing, newerRows);
		}
		List<TableRow> olderRows = new ArrayList<>();
		collect(before, keyFields, differing, olderRows);
		TableDiff exact = KeyedDiff.diff(olderRows, newerRows, keyFields);
		// the order of a million rows is not tracked: the box keeps no order we write
		return new TableDiff(exact.added(), exact.removed(), exact.changed(), false, exact.duplicatesBefore(),
				exact.duplicatesAfter());
	}

	private static Hashes hashes(RowSource rows, List<String> keyFields) {
		Hashes hashes = new Hashes();
		rows.forEach(row -> hashes.add(keyHash(row, keyFields), contentHash(row)));
		hashes.sort();
		return hashes;
	}

	/** Key and content hash of every row, sorted by key hash (unsigned) once all are in. */
	private static final class Hashes {

		long[] keys = new long[1 << 16];

		long[] contents = new long[1 << 16];

		int count;

		void add(long key, long content) {
			if (this.count == this.keys.length) {
				this.keys = Arrays.copyOf(this.keys, this.count * 2);
				this.contents = Arrays.copyOf(this.contents, this.count * 2);
			}
			this.keys[this.count] = key;
			this.contents[this.count++] = content;
		}

		void sort() {
			radixSort(this.keys, this.contents, this.count);
		}

		/** A key hash that occurs more than once gets a content that never matches: duplicates go to the exact diff. */
		void markDuplicates() {
			for (int i = 1; i < this.count; i++) {
				if (this.keys[i] == this.keys[i - 1]) {
					this.contents[i] = DUPLICATE;
					this.contents[i - 1] = DUPLICATE;
				}
			}
		}

		/** Index of the key, or -1. */
		int find(long key) {
			int low = 0;
			int high = this.count - 1;
			while (low <= high) {
				int middle = (low + high) >>> 1;
				int order = Long.compareUnsigned(this.keys[middle], key);
				if (order < 0) {
					low = middle + 1;
				}
				else if (order > 0) {
					high = middle - 1;
				}
				else {
					return middle;
				}
			}
			return -1;
		}

	}

	/** Sorts {@code keys[0..count)} as unsigned numbers, moving {@code values} along; linear time. */
	static void radixSort(long[] keys, long[] values, int count) {
		long[] keyBuffer = new long[count];
		long[] valueBuffer = new long[count];
		long[] fromKeys = keys;
		long[] fromValues = values;
		long[] toKeys = keyBuffer;
		long[] toValues = valueBuffer;
		for (int shift = 0; shift < 64; shift += 8) {
			int[] counts = new int[257];
			for (int i = 0; i < count; i++) {
				counts[(int) ((fromKeys[i] >>> shift) & 0xff) + 1]++;
			}
			for (int b = 0; b < 256; b++) {
				counts[b + 1] += counts[b];
			}
			for (int i = 0; i < count; i++) {
				int at = counts[(int) ((fromKeys[i] >>> shift) & 0xff)]++;
				toKeys[at] = fromKeys[i];
				toValues[at] = fromValues[i];
			}
			long[] swapKeys = fromKeys;
			fromKeys = toKeys;
			toKeys = swapKeys;
			long[] swapValues = fromValues;
			fromValues = toValues;
			toValues = swapValues;
		}
		// eight passes: the sorted data ends in the arrays it started in
	}

	private static final long DUPLICATE = 0x5a5a5a5a5a5a5a5aL;

	private static void collect(RowSource rows, List<String> keyFields, Set<Long> keys, List<TableRow> into) {
		rows.forEach(row -> {
			if (keys.contains(keyHash(row, keyFields))) {
				into.add(row);
			}
		});
	}

	static long keyHash(TableRow row, List<String> keyFields) {
		return keyHash(RowKey.of(row, keyFields).values());
	}

	static long keyHash(List<String> keyValues) {
		long hash = SEED;
		for (String value : keyValues) {
			hash = mix(hash, value);
		}
		return hash;
	}

	/** Independent of field order, like row equality: a sum of one hash per field. */
	static long contentHash(TableRow row) {
		long sum = 0;
		for (Map.Entry<String, Object> field : row.fields().entrySet()) {
			sum += finish(mix(mix(SEED, field.getKey()), FieldValues.display(field.getValue())));
		}
		return sum;
	}

	private static final long SEED = 0xcbf29ce484222325L;

	private static long mix(long hash, String text) {
		long h = hash;
		for (int i = 0; i < text.length(); i++) {
			h ^= text.charAt(i);
			h *= 0x100000001b3L;
		}
		h ^= 0xff;
		return h * 0x100000001b3L;
	}

	private static long finish(long h) {
		h ^= h >>> 33;
		h *= 0xff51afd7ed558ccdL;
		h ^= h >>> 33;
		h *= 0xc4ceb9fe1a85ec53L;
		return h ^ (h >>> 33);
	}

}
