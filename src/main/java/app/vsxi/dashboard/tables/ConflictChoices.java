package app.vsxi.dashboard.tables;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The operator's choices from the three-way page. Each conflicting row is numbered on the page: {@code conflict_N}
 * carries the row's key as a {@link RowKey#token() token} and {@code choice_N} the side, so that no field name
 * ever holds key text (a name with a tab or other control character is refused before it reaches the editor).
 */
final class ConflictChoices {

	static final String KEY = "conflict_";

	static final String SIDE = "choice_";

	private ConflictChoices() {
	}

	/**
	 * The choices the form holds. A choice whose row or side cannot be read is left out: that row's conflict is then
	 * asked again rather than guessed.
	 */
	static Map<RowKey, ThreeWayMerge.Side> from(Map<String, String> params) {
		Map<RowKey, ThreeWayMerge.Side> choices = new LinkedHashMap<>();
		params.forEach((name, value) -> {
			if (!name.startsWith(SIDE)) {
				return;
			}
			String number = name.substring(SIDE.length());
			String token = params.get(KEY + number);
			ThreeWayMerge.Side side = side(value);
			if (!number.matches("\\d{1,9}") || token == null || side == null) {
				return;
			}
			try {
				choices.put(KeyText.fromToken(token), side);
			}
			catch (TableEditorException ex) {
				// not a key this page sent: ask again
			}
		});
		return choices;
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
