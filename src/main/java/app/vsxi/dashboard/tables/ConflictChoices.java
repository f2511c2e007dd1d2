package app.vsxi.dashboard.tables;

import java.util.LinkedHashMap;
import java.util.Map;

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
		Map<RowKey, ThreeWayMerge.Side> rows = new LinkedHashMap<>();
		Map<RowKey, Map<String, ThreeWayMerge.Side>> fields = new LinkedHashMap<>();
		params.forEach((name, value) -> {
			ThreeWayMerge.Side side = side(value);
			if (side == null) {
				return;
			}
			if (name.startsWith(SIDE)) {
				RowKey key = key(params, name.substring(SIDE.length()));
				if (key != null) {
					rows.put(key, side);
				}
			}
			else if (name.startsWith(FIELD_SIDE)) {
				String[] numbers = name.substring(FIELD_SIDE.length()).split("_", -1);
				String field = params.get(FIELD_NAME + name.substring(FIELD_SIDE.length()));
				RowKey key = numbers.length == 2 && numbers[1].matches("\\d{1,9}") ? key(params, numbers[0]) : null;
				if (key != null && field != null && !field.isEmpty()) {
					fields.computeIfAbsent(key, k -> new LinkedHashMap<>()).put(field, side);
				}
			}
		});
		return new ThreeWayMerge.Choices(rows, fields);
	}

	private static RowKey key(Map<String, String> params, String number) {
		String token = params.get(KEY + number);
		if (!number.matches("\\d{1,9}") || token == null) {
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
