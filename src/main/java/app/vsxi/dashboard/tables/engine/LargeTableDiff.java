package app.vsxi.dashboard.tables.engine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Consumer;
import java.util.function.LongPredicate;
import java.util.function.Supplier;

import app.vsxi.dashboard.gateway.TableRow;

/**
 * The keyed diff of tables too big to hold as rows (a million routes): a first pass keeps only a 64-bit hash of
 * each row's key and of its content, sorted, to find the keys that differ; a second pass collects just those
 * rows and diffs them exactly with {@link KeyedDiff}. Both tables are read at once, one on each of two threads.
 * A hash collision can only add a candidate, which the exact diff then finds equal; every key that occurs twice
 * on either side is a candidate, so duplicates are matched by occurrence in the exact diff.
 */
public final class LargeTableDiff {

	/** Streams a table's rows; called once per pass. */
	@FunctionalInterface
	public interface RowSource {

		void forEach(Consumer<TableRow> sink);

		/** How to read the rows as raw records without building them, or null to hash rows built by forEach. */
		public default RawRecords raw() {
			return null;
		}

	}

	/**
	 * Rows read as raw records (a CSV line, say): hashes come straight from the bytes and rows are built only for
	 * the keys asked for. Two sources compare their raw hashes only when their layouts are equal; the content
	 * hash of a record may differ from the row's (a value quoted once and once not), which only adds a candidate.
	 */
	public interface RawRecords {

		/** What the content hashes depend on (e.g. the header line); raw hashes of sources with equal layouts compare. */
		Object layout();

		/** The key hash ({@link LargeTableDiff#keyHash(List)} of the key's values) and a content hash of every record. */
		void forEachHash(List<String> keyFields, HashSink sink);

		/** The rows whose key hash is {@code wanted}, built as {@link RowSource#forEach} builds them. */
		void forEachWanted(List<String> keyFields, LongPredicate wanted, Consumer<TableRow> sink);

	}

	@FunctionalInterface
	public interface HashSink {

		void accept(long keyHash, long contentHash);

	}

	private LargeTableDiff() {
	}

	/**
	 * Hashes both tables at once, finds the key hashes whose rows differ (or repeat), reads both tables again at
	 * once for just those rows, and diffs them exactly.
	 */
	public static TableDiff diff(RowSource before, RowSource after, List<String> keyFields) {
		RawRecords rawBefore = before.raw();
		RawRecords rawAfter = after.raw();
		boolean raw = readsRaw(rawBefore, rawAfter);
		List<Hashes> hashes = bothAtOnce(() -> hashes(raw ? rawBefore : null, before, keyFields),
				() -> hashes(raw ? rawAfter : null, after, keyFields));
		long[] differing = differing(hashes.get(0), hashes.get(1));
		if (differing.length == 0) {
			// every row hashed alike: no second pass to collect rows that differ
			return new TableDiff(List.of(), List.of(), List.of(), false, List.of(), List.of());
		}
		LongPredicate wanted = key -> Arrays.binarySearch(differing, key) >= 0;
		List<List<TableRow>> rows = bothAtOnce(() -> collect(raw ? rawBefore : null, before, keyFields, wanted),
				() -> collect(raw ? rawAfter : null, after, keyFields, wanted));
		// the order of a million rows is not tracked: the box keeps no order we write
		return KeyedDiff.diff(rows.get(0), rows.get(1), keyFields).unordered();
	}

	/** Whether the diff of these two hashes their raw records rather than building every row. */
	public static boolean readsRaw(RowSource before, RowSource after) {
		return readsRaw(before.raw(), after.raw());
	}

	private static boolean readsRaw(RawRecords before, RawRecords after) {
		return before != null && after != null && Objects.equals(before.layout(), after.layout());
	}

	private static Hashes hashes(RawRecords raw, RowSource rows, List<String> keyFields) {
		Hashes hashes = new Hashes();
		if (raw != null) {
			raw.forEachHash(keyFields, hashes::add);
		}
		else {
			rows.forEach(row -> hashes.add(keyHash(row, keyFields), contentHash(row)));
		}
		hashes.sort();
		return hashes;
	}

	/** Key hashes present on one side only, with other contents, or more than once on either side; sorted. */
	public static long[] differing(Hashes older, Hashes newer) {
		long[] found = new long[1024];
		int count = 0;
		int i = 0;
		int j = 0;
		while (i < older.count || j < newer.count) {
			int order = i == older.count ? 1 : j == newer.count ? -1
					: Long.compareUnsigned(older.keys[i], newer.keys[j]);
			long key = order <= 0 ? older.keys[i] : newer.keys[j];
			int olderEnd = i;
			while (olderEnd < older.count && older.keys[olderEnd] == key) {
				olderEnd++;
			}
			int newerEnd = j;
			while (newerEnd < newer.count && newer.keys[newerEnd] == key) {
				newerEnd++;
			}
			boolean same = olderEnd - i == 1 && newerEnd - j == 1 && older.contents[i] == newer.contents[j];
			if (!same) {
				if (count == found.length) {
					found = Arrays.copyOf(found, count * 2);
				}
				found[count++] = key;
			}
			i = olderEnd;
			j = newerEnd;
		}
		long[] sorted = Arrays.copyOf(found, count);
		Arrays.sort(sorted);
		return sorted;
	}

	private static List<TableRow> collect(RawRecords raw, RowSource rows, List<String> keyFields,
			LongPredicate wanted) {
		List<TableRow> into = new ArrayList<>();
		if (raw != null) {
			raw.forEachWanted(keyFields, wanted, into::add);
		}
		else {
			rows.forEach(row -> {
				if (wanted.test(keyHash(row, keyFields))) {
					into.add(row);
				}
			});
		}
		return into;
	}

	/** Runs {@code first} here and {@code second} on a thread of its own; both results, or the first failure. */
	public static <T> List<T> bothAtOnce(Supplier<T> first, Supplier<T> second) {
		CompletableFuture<T> other = CompletableFuture.supplyAsync(second, task -> {
			Thread thread = new Thread(task, "table-diff");
			thread.setDaemon(true);
			thread.start();
		});
		T mine;
		try {
			mine = first.get();
		}
		catch (RuntimeException | Error ex) {
			other.cancel(true);
			throw ex;
		}
		try {
			return List.of(mine, other.join());
		}
		catch (CompletionException ex) {
			if (ex.getCause() instanceof RuntimeException runtime) {
				throw runtime;
			}
			if (ex.getCause() instanceof Error error) {
				throw error;
			}
			throw ex;
		}
	}

	/** Key and content hash of every row, sorted by key hash (unsigned) once all are in. */
	public static final class Hashes {

		long[] keys = new long[1 << 16];

		long[] contents = new long[1 << 16];

		int count;

		public void add(long key, long content) {
			if (this.count == this.keys.length) {
				this.keys = Arrays.copyOf(this.keys, this.count * 2);
				this.contents = Arrays.copyOf(this.contents, this.count * 2);
			}
			this.keys[this.count] = key;
			this.contents[this.count++] = content;
		}

		public void sort() {
			radixSort(this.keys, this.contents, this.count);
		}

	}

	/** Sorts {@code keys[0..count)} as unsigned numbers, moving {@code values} along; linear time. */
	public static void radixSort(long[] keys, long[] values, int count) {
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

	public static long keyHash(TableRow row, List<String> keyFields) {
		return keyHash(RowKey.of(row, keyFields).values());
	}

	public static long keyHash(List<String> keyValues) {
		long hash = SEED;
		for (String value : keyValues) {
			hash = mix(hash, value);
		}
		return hash;
	}

	/** Independent of field order, like row equality: a sum of one hash per field. */
	public static long contentHash(TableRow row) {
		long sum = 0;
		for (Map.Entry<String, Object> field : row.fields().entrySet()) {
			sum += finish(mix(mix(SEED, field.getKey()), FieldValues.display(field.getValue())));
		}
		return sum;
	}

	static final long SEED = 0xcbf29ce484222325L;

	/**
	 * {@link #mix(long, String)} of text given as bytes that are all ASCII (each byte then is its char), so a
	 * key can be hashed straight from a download's bytes.
	 */
	public static long mixAscii(long hash, byte[] bytes, int from, int to) {
		long h = hash;
		for (int i = from; i < to; i++) {
			h ^= bytes[i];
			h *= 0x100000001b3L;
		}
		h ^= 0xff;
		return h * 0x100000001b3L;
	}

	public static long mix(long hash, String text) {
		long h = hash;
		for (int i = 0; i < text.length(); i++) {
			h ^= text.charAt(i);
			h *= 0x100000001b3L;
		}
		h ^= 0xff;
		return h * 0x100000001b3L;
	}

	/** Spreads every bit of a hash over the whole word (the MurmurHash3 finaliser). */
	public static long finish(long h) {
		h ^= h >>> 33;
		h *= 0xff51afd7ed558ccdL;
		h ^= h >>> 33;
		h *= 0xc4ceb9fe1a85ec53L;
		return h ^ (h >>> 33);
	}

}
