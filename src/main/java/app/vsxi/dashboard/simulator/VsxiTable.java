package app.vsxi.dashboard.simulator;

import java.util.BitSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.IntFunction;
import java.util.function.Predicate;

/**
 * The entries of one configuration table, keyed as its spec says. Seeded entries are not stored: they are made
 * again from their position whenever read, and only edits are kept (a removed bit, a replacement, or a new entry
 * at the end). That is what lets a box hold a million routes in a small heap; small tables use the same path.
 * Callers synchronize on the table.
 */
final class VsxiTable {

	private final TableSpec spec;

	private final int seeded;

	private final IntFunction<Map<String, Object>> seed;

	private final Function<List<Object>, Integer> seedPosition;

	private final BitSet removed = new BitSet();

	private final Map<Integer, Map<String, Object>> replaced = new HashMap<>();

	private final Map<List<Object>, Map<String, Object>> added = new LinkedHashMap<>();

	/** Seeded positions rewritten in place with an entry of another key, by that key. */
	private final Map<List<Object>, Integer> moved = new HashMap<>();

	/** Entries inserted beside another with the same key of the table's own, under another key of the box's. */
	private long inserted;

	/**
	 * @param seed the seeded entry at a position, already in stored form
	 * @param seedPosition the position of the seeded entry with that key, or null; may be wrong only by naming
	 * a position whose entry has another key (checked here)
	 */
	VsxiTable(TableSpec spec, int seeded, IntFunction<Map<String, Object>> seed,
			Function<List<Object>, Integer> seedPosition) {
		this.spec = spec;
		this.seeded = seeded;
		this.seed = seed;
		this.seedPosition = seedPosition;
	}

	/** A small table seeded from a list of entries. */
	static VsxiTable of(TableSpec spec, List<Map<String, Object>> entries) {
		List<Map<String, Object>> stored = entries.stream().map(spec::normalize).toList();
		Map<List<Object>, Integer> positions = new HashMap<>();
		for (int i = 0; i < stored.size(); i++) {
			positions.put(spec.key(stored.get(i)), i);
		}
		return new VsxiTable(spec, stored.size(), stored::get, positions::get);
	}

	TableSpec spec() {
		return this.spec;
	}

	int size() {
		return this.seeded - this.removed.cardinality() + this.added.size();
	}

	/** Every entry in table order: seeded positions first, then entries added since. */
	void forEach(Consumer<Map<String, Object>> action) {
		for (int i = this.removed.nextClearBit(0); i < this.seeded; i = this.removed.nextClearBit(i + 1)) {
			Map<String, Object> replacement = this.replaced.get(i);
			action.accept(replacement != null ? replacement : this.seed.apply(i));
		}
		this.added.values().forEach(action);
	}

	Map<String, Object> get(List<Object> key) {
		Integer position = livePosition(key);
		if (position != null) {
			return this.replaced.getOrDefault(position, this.seed.apply(position));
		}
		return this.added.get(key);
	}

	/** Update, or insert when no entry has that key. */
	void upsert(Map<String, Object> entry) {
		List<Object> key = this.spec.key(entry);
		Integer position = livePosition(key);
		if (position != null) {
			this.replaced.put(position, entry);
		}
		else {
			this.added.put(key, entry);
		}
	}

	boolean delete(List<Object> key) {
		Integer position = livePosition(key);
		if (position != null) {
			this.removed.set(position);
			this.replaced.remove(position);
			return true;
		}
		return this.added.remove(key) != null;
	}

	/**
	 * Update as a box that matches entries on {@code keys} would: rewrites the first entry with the same values of
	 * those fields, or inserts. The table's own keys take the fast path; other keys look at every entry.
	 */
	void upsert(Map<String, Object> entry, List<String> keys) {
		if (keys == null || keys.equals(this.spec.keys())) {
			upsert(entry);
			return;
		}
		Found found = find(entry, keys);
		if (found == null) {
			this.added.put(freeKey(entry), entry);
		}
		else if (found.position() != null) {
			this.replaced.put(found.position(), entry);
			// rewritten under another key of the table's own: find it there from now on
			this.moved.put(this.spec.key(entry), found.position());
		}
		else {
			this.added.remove(found.addedKey());
			this.added.put(freeKey(entry), entry);
		}
	}

	/** Delete as a box that matches entries on {@code keys} would: the first entry with those values goes. */
	boolean delete(Map<String, Object> entry, List<String> keys) {
		if (keys == null || keys.equals(this.spec.keys())) {
			return delete(this.spec.key(entry));
		}
		Found found = find(entry, keys);
		if (found == null) {
			return false;
		}
		if (found.position() != null) {
			this.removed.set(found.position());
			this.replaced.remove(found.position());
		}
		else {
			this.added.remove(found.addedKey());
		}
		return true;
	}

	/** The entry's own key, or, where another entry holds it (a box keyed on more fields), one of its own. */
	private List<Object> freeKey(Map<String, Object> entry) {
		List<Object> key = this.spec.key(entry);
		return livePosition(key) == null && !this.added.containsKey(key) ? key : List.of(key, "#" + (++this.inserted));
	}

	private Found find(Map<String, Object> entry, List<String> keys) {
		List<String> wanted = values(entry, keys);
		for (int i = this.removed.nextClearBit(0); i < this.seeded; i = this.removed.nextClearBit(i + 1)) {
			Map<String, Object> replacement = this.replaced.get(i);
			if (wanted.equals(values(replacement != null ? replacement : this.seed.apply(i), keys))) {
				return new Found(i, null);
			}
		}
		for (Map.Entry<List<Object>, Map<String, Object>> added : this.added.entrySet()) {
			if (wanted.equals(values(added.getValue(), keys))) {
				return new Found(null, added.getKey());
			}
		}
		return null;
	}

	private static List<String> values(Map<String, Object> entry, List<String> keys) {
		return keys.stream().map(field -> String.valueOf(entry.get(field))).toList();
	}

	/** A seeded position, or the key an added entry is kept under. */
	private record Found(Integer position, List<Object> addedKey) {
	}

	/** Removes every entry that matches, seeded or not. */
	int deleteWhere(Predicate<Map<String, Object>> matches) {
		int[] count = { 0 };
		for (int i = this.removed.nextClearBit(0); i < this.seeded; i = this.removed.nextClearBit(i + 1)) {
			Map<String, Object> replacement = this.replaced.get(i);
			if (matches.test(replacement != null ? replacement : this.seed.apply(i))) {
				this.removed.set(i);
				this.replaced.remove(i);
				count[0]++;
			}
		}
		this.added.values().removeIf(entry -> matches.test(entry) && ++count[0] > 0);
		return count[0];
	}

	void clear() {
		this.removed.set(0, this.seeded);
		this.replaced.clear();
		this.moved.clear();
		this.added.clear();
	}

	private Integer livePosition(List<Object> key) {
		Integer position = this.moved.containsKey(key) ? this.moved.get(key) : this.seedPosition.apply(key);
		if (position == null || position < 0 || position >= this.seeded || this.removed.get(position)) {
			return null;
		}
		Map<String, Object> seeded = this.replaced.getOrDefault(position, this.seed.apply(position));
		return this.spec.key(seeded).equals(key) ? position : null;
	}

}
