package app.vsxi.dashboard.monitoring;

import java.time.Duration;
import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

/**
 * One period in an SBC's history: from the moment it came into a condition until the next change.
 *
 * @param detail the operator's sentence at the start, if there was trouble
 * @param endedAt null while it lasts
 */
@Table
public record StateChange(@Id Long id, long sbcId, Condition condition, String detail,
		Instant startedAt, Instant endedAt) {

	/** How long it lasted, or has lasted until {@code now}. */
	public Duration duration(Instant now) {
		return Duration.between(this.startedAt, this.endedAt != null ? this.endedAt : now);
	}

}
