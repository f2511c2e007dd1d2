package app.vsxi.dashboard.calls;

import java.util.Set;

import org.springframework.stereotype.Component;

/**
 * For pages: which fields of a call or a registration carry a box time, and that field as a {@link BoxTime}.
 * Called as {@code ${@boxTimes.of(field, value)}}.
 */
@Component("boxTimes")
public class BoxTimes {

	/** Call setup and answer times of {@code stats/active_calls}, registration times of {@code stats/sub_stats}. */
	static final Set<String> FIELDS = Set.of("inv_time", "ans_time", "createTime", "expiration");

	/** A time field as a box time; any other field as the box sent it. */
	public BoxTime of(String field, String value) {
		return FIELDS.contains(field) ? BoxTime.of(value) : new BoxTime(value, null);
	}

}
