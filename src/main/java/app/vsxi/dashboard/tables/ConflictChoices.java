package app.vsxi.dashboard.tables;

import java.util.LinkedHashMap;
import java.util.Map;

import app.vsxi.dashboard.web.PrefixedParams;
import app.vsxi.dashboard.tables.engine.KeyText;
import app.vsxi.dashboard.tables.engine.RowKey;
import app.vsxi.dashboard.tables.engine.ThreeWayMerge;
import app.vsxi.dashboard.tables.engine.UnreadableKey;

/**
 * The operator's choices from the three-way page. Each conflicting row is numbered on the page: {@code conflict_N}
 * carries the row's key as a {@link RowKey#token() token} and {@code choice_N} the side of the whole row. Where
 * both sides changed the same fields of a row, each such field is numbered too: {@code fieldname_N_J} carries its
 * name as a value and {@code field_N_J} its side. So no parameter name ever holds key or field text (a name with a
 * tab or other control character is refused before it reaches the editor).
 */
final class ConflictChoices {

	static final String KEY = "conflict_";

	static final String SIDE = "choice_";

	static final String FIELD_SIDE = "field_";

	static final String FIELD_NAME = "fieldname_";

	private ConflictChoices() {
	}

	/**
	 * The choices the form holds. A choice whose row, field or side cannot be read is left out: that row's
	 * conflict is then asked again rather than guessed.
	 */
	static ThreeWayMerge.Choices from(Map<String, String> params) {
		Map<Integer, String> tokens = PrefixedParams.indexed(params, KEY).values();
		Map<RowKey, ThreeWayMerge.Side> rows = new LinkedHashMap<>();
		PrefixedParams.indexed(params, SIDE).values().forEach((row, value) -> {
			RowKey key = key(tokens.get(row));
			ThreeWayMerge.Side side = side(value);
			if (key != null && side != null) {
				rows.put(key, side);
			}
		});
		Map<PrefixedParams.Pair, String> names = PrefixedParams.paired(params, FIELD_NAME).values();
		Map<RowKey, Map<String, ThreeWayMerge.Side>> fields = new LinkedHashMap<>();
		PrefixedParams.paired(params, FIELD_SIDE).values().forEach((numbers, value) -> {
			RowKey key = key(tokens.get(numbers.first()));
			String field = names.get(numbers);
			ThreeWayMerge.Side side = side(value);
			if (key != null && side != null && field != null && !field.isEmpty()) {
				fields.computeIfAbsent(key, k -> new LinkedHashMap<>()).put(field, side);
			}
		});
		return new ThreeWayMerge.Choices(rows, fields);
	}

	private static RowKey key(String token) {
		if (token == null) {
			return null;
		}
		try {
			return KeyText.fromToken(token);
		}
		catch (UnreadableKey ex) {
			// not a key this page sent: ask again
			return null;
		}
	}

	private static ThreeWayMerge.Side side(String value) {
		for (ThreeWayMerge.Side side : ThreeWayMerge.Side.values()) {
			if (side.name().equals(value)) {
				return side;
			}
		}
		return null;
	}

}
