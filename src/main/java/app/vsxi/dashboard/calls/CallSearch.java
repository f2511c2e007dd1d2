package app.vsxi.dashboard.calls;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import java.util.regex.Pattern;

import app.vsxi.dashboard.gateway.TableRow;

/**
 * What an operator looks for among active calls, and how the list is sorted and paged. The part the box can
 * filter is sent as a {@code queryString}; every condition is applied again here, so a box that reads only part of
 * the condition still yields the right calls.
 *
 * @param ani part of the calling number
 * @param dnis the called number's prefix, or a {@code like} pattern with {@code %} and {@code _}
 * @param dnisMatch {@code prefix} (default) or {@code like}
 * @param trunk a trunk id
 * @param trunkSide {@code orig}, {@code term} or {@code either} (default)
 * @param ip an address of either leg
 * @param minDuration shortest duration in seconds
 * @param maxDuration longest duration in seconds
 * @param sort a field of the box's calls
 * @param dir {@code asc} (default) or {@code desc}
 * @param page 1-based
 */
public record CallSearch(String ani, String dnis, String dnisMatch, String trunk, String trunkSide, String ip,
		Long minDuration, Long maxDuration, String sort, String dir, Integer page) {

	private static final Pattern FORBIDDEN = Pattern.compile("[\\\\\\p{Cntrl}]");

	public static CallSearch none() {
		return new CallSearch(null, null, null, null, null, null, null, null, null, null, null);
	}

	/** Whether any condition is given; a bulk kill needs one. */
	public boolean hasFilter() {
		return given(this.ani) || given(this.dnis) || given(this.trunk) || given(this.ip) || this.minDuration != null
				|| this.maxDuration != null;
	}

	public boolean dnisLike() {
		return "like".equalsIgnoreCase(this.dnisMatch);
	}

	public String side() {
		return this.trunkSide == null || this.trunkSide.isBlank() ? "either" : this.trunkSide.toLowerCase(Locale.ROOT);
	}

	public boolean descending() {
		return "desc".equalsIgnoreCase(this.dir);
	}

	public int pageNumber() {
		return this.page == null || this.page < 1 ? 1 : this.page;
	}

	/** Why the search cannot be run as given, or null. */
	public String problem() {
		for (String value : new String[] { this.ani, this.dnis, this.trunk, this.ip }) {
			if (value != null && FORBIDDEN.matcher(value).find()) {
				return "Search values may not hold backslashes or control characters.";
			}
		}
		if (given(this.dnis) && !dnisLike() && (this.dnis.contains("%") || this.dnis.contains("_"))) {
			return "A DNIS prefix is matched literally; choose \"like\" to use % and _.";
		}
		if (given(this.ani) && (this.ani.contains("%") || this.ani.contains("_"))) {
			return "The ANI is matched literally; % and _ are not wildcards there.";
		}
		if (this.minDuration != null && this.maxDuration != null && this.minDuration > this.maxDuration) {
			return "The shortest duration is longer than the longest.";
		}
		return null;
	}

	/**
	 * The condition for {@code query/active_calls}, or null when there is nothing the box can filter. Values are
	 * quoted with single quotes, a quote inside doubled. A pair of alternatives ({@code either} trunk side, an IP of
	 * either leg) is sent only when it is the whole condition: whether a box reads parentheses is not known.
	 */
	public String boxCondition() {
		List<String> single = new ArrayList<>();
		List<String> pairs = new ArrayList<>();
		if (given(this.ani)) {
			single.add("ani like " + quote("%" + this.ani.strip() + "%"));
		}
		if (given(this.dnis)) {
			single.add("dnis like " + quote(dnisLike() ? this.dnis.strip() : this.dnis.strip() + "%"));
		}
		if (given(this.trunk)) {
			String trunkId = quote(this.trunk.strip());
			switch (side()) {
				case "orig" -> single.add("orig_tid=" + trunkId);
				case "term" -> single.add("term_tid=" + trunkId);
				default -> pairs.add("orig_tid=" + trunkId + " or term_tid=" + trunkId);
			}
		}
		if (given(this.ip)) {
			String address = quote(this.ip.strip());
			pairs.add("orig_ip=" + address + " or term_ip=" + address);
		}
		if (!single.isEmpty()) {
			return String.join(" and ", single);
		}
		return pairs.isEmpty() ? null : pairs.get(0);
	}

	/** Whether a call of the box's answer meets every condition; built once for a whole list. */
	public Predicate<TableRow> matcher() {
		Pattern dnisPattern = given(this.dnis) ? like(dnisLike() ? this.dnis.strip() : this.dnis.strip() + "%") : null;
		return call -> {
			if (given(this.ani) && !contains(call.text("ani"), this.ani.strip())) {
				return false;
			}
			if (dnisPattern != null && !dnisPattern.matcher(text(call, "dnis")).matches()) {
				return false;
			}
			if (given(this.trunk) && !trunkMatches(call, this.trunk.strip())) {
				return false;
			}
			if (given(this.ip) && !this.ip.strip().equalsIgnoreCase(text(call, "orig_ip"))
					&& !this.ip.strip().equalsIgnoreCase(text(call, "term_ip"))) {
				return false;
			}
			if (this.minDuration != null || this.maxDuration != null) {
				Long duration = number(text(call, "duration"));
				return duration != null && (this.minDuration == null || duration >= this.minDuration)
						&& (this.maxDuration == null || duration <= this.maxDuration);
			}
			return true;
		};
	}

	private boolean trunkMatches(TableRow call, String trunkId) {
		boolean orig = trunkId.equalsIgnoreCase(text(call, "orig_tid"));
		boolean term = trunkId.equalsIgnoreCase(text(call, "term_tid"));
		return switch (side()) {
			case "orig" -> orig;
			case "term" -> term;
			default -> orig || term;
		};
	}

	/** The same search on another page. */
	public CallSearch onPage(int number) {
		return new CallSearch(this.ani, this.dnis, this.dnisMatch, this.trunk, this.trunkSide, this.ip,
				this.minDuration, this.maxDuration, this.sort, this.dir, number);
	}

	static String quote(String value) {
		return "'" + value.replace("'", "''") + "'";
	}

	/** SQL {@code like} as MySQL reads it by default: {@code %} any run, {@code _} one character, no case. */
	static Pattern like(String pattern) {
		StringBuilder regex = new StringBuilder();
		StringBuilder literal = new StringBuilder();
		for (char c : pattern.toCharArray()) {
			if (c == '%' || c == '_') {
				regex.append(Pattern.quote(literal.toString())).append(c == '%' ? ".*" : ".");
				literal.setLength(0);
			}
			else {
				literal.append(c);
			}
		}
		regex.append(Pattern.quote(literal.toString()));
		return Pattern.compile(regex.toString(), Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
	}

	static Long number(String text) {
		try {
			return text == null ? null : Long.valueOf(text.strip());
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

	private static boolean contains(String value, String part) {
		return value != null && value.toLowerCase(Locale.ROOT).contains(part.toLowerCase(Locale.ROOT));
	}

	private static String text(TableRow call, String field) {
		String value = call.text(field);
		return value == null ? "" : value.strip();
	}

	private static boolean given(String value) {
		return value != null && !value.isBlank();
	}

}
