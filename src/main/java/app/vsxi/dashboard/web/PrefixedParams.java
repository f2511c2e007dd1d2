package app.vsxi.dashboard.web;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * The request parameters whose names start with one prefix, read once into typed keys: {@code v_digits} by the
 * text after the prefix, {@code choice_3} by one index, {@code field_3_1} by two. A name whose rest cannot be read
 * so is refused, listed in {@link #refused()} and never guessed at; values keep the request's order.
 *
 * @param values each readable name's key → its value
 * @param refused the names that carried the prefix but no readable rest
 */
public record PrefixedParams<K>(Map<K, String> values, List<String> refused) {

	/** One spelling per index (no sign, no leading zero) and at most nine digits, so every index fits an int. */
	private static final Pattern INDEX = Pattern.compile("0|[1-9][0-9]{0,8}");

	public PrefixedParams {
		values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
		refused = List.copyOf(refused);
	}

	/** A name numbered twice, as {@code field_N_J}: the N-th row's J-th field. */
	public record Pair(int first, int second) {
	}

	/** {@code prefix + text}, keyed by the text; a name that is the prefix alone is refused. */
	public static PrefixedParams<String> named(Map<String, String> params, String prefix) {
		return read(params, prefix, rest -> rest.isEmpty() ? null : rest);
	}

	/** {@code prefix + N}, keyed by N. */
	public static PrefixedParams<Integer> indexed(Map<String, String> params, String prefix) {
		return read(params, prefix, PrefixedParams::index);
	}

	/** {@code prefix + N + "_" + J}, keyed by both. */
	public static PrefixedParams<Pair> paired(Map<String, String> params, String prefix) {
		return read(params, prefix, rest -> {
			int cut = rest.indexOf('_');
			Integer first = cut < 0 ? null : index(rest.substring(0, cut));
			Integer second = cut < 0 ? null : index(rest.substring(cut + 1));
			return first == null || second == null ? null : new Pair(first, second);
		});
	}

	private static <K> PrefixedParams<K> read(Map<String, String> params, String prefix, Function<String, K> key) {
		Map<K, String> values = new LinkedHashMap<>();
		List<String> refused = new ArrayList<>();
		params.forEach((name, value) -> {
			if (name == null || !name.startsWith(prefix)) {
				return;
			}
			K read = key.apply(name.substring(prefix.length()));
			if (read == null || values.containsKey(read)) {
				refused.add(name);
			}
			else {
				values.put(read, value);
			}
		});
		return new PrefixedParams<>(values, refused);
	}

	private static Integer index(String text) {
		return INDEX.matcher(text).matches() ? Integer.valueOf(text) : null;
	}

}
