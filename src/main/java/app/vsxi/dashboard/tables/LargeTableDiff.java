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

	public static TableDiff diff(RowSource before, RowSource after, List<String> keyFields) {
		long[] older = fingerprints(before, keyFields);
		long[] newer = fingerprints(after, keyFields);
		Set<Long> differing = differingKeys(older, newer);
		List<TableRow> olderRows = new ArrayList<>();
		List<TableRow> newerRows = new ArrayList<>();
		collect(before, keyFields, differing, olderRows);
		collect(after, keyFields, differing, newerRows);
		TableDiff exact = KeyedDiff.diff(olderRows, newerRows, keyFields);
		// the order of a million rows is not tracked: the box keeps no order we write
		return new TableDiff(exact.added(), exact.removed(), exact.changed(), false, exact.duplicatesBefore(),
				exact.duplicatesAfter());
	}

	/**
	 * Pairs of (key hash, content hash) flattened, sorted by key hash; a key hash that occurs more than once gets
	 * a content that never matches, so duplicates always go to the exact diff.
	 */
	private static long[] fingerprints(RowSource rows, List<String> keyFields) {
		long[][] keys = { new long[1 << 16] };
		long[][] contents = { new long[1 << 16] };
		int[] size = { 0 };
		rows.forEach(row -> {
			if (size[0] == keys[0].length) {
				keys[0] = Arrays.copyOf(keys[0], size[0] * 2);
				contents[0] = Arrays.copyOf(contents[0], size[0] * 2);
			}
			keys[0][size[0]] = keyHash(row, keyFields);
			contents[0][size[0]++] = contentHash(row);
		});
		int count = size[0];
		long[] key = keys[0];
		long[] content = contents[0];
		radixSort(key, content, count);
		long[] pairs = new long[count * 2];
		for (int i = 0; i < count; i++) {
			boolean duplicate = (i > 0 && key[i - 1] == key[i]) || (i + 1 < count && key[i + 1] == key[i]);
			pairs[2 * i] = key[i];
			pairs[2 * i + 1] = duplicate ? DUPLICATE : content[i];
		}
		return pairs;
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

	private static Set<Long> differingKeys(long[] older, long[] newer) {
		Set<Long> differing = new HashSet<>();
		int i = 0;
		int j = 0;
		while (i < older.length || j < newer.length) {
			if (j >= newer.length || (i < older.length && Long.compareUnsigned(older[i], newer[j]) < 0)) {
				differing.add(older[i]);
				i += 2;
			}
			else if (i >= older.length || Long.compareUnsigned(newer[j], older[i]) < 0) {
				differing.add(newer[j]);
				j += 2;
			}
			else {
				if (older[i + 1] != newer[j + 1] || older[i + 1] == DUPLICATE) {
					differing.add(older[i]);
				}
				i += 2;
				j += 2;
			}
		}
		return differing;
	}

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
