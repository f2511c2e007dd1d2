package app.vsxi.dashboard.backups;

import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Which versions of one table a backup keeps: every version of the last {@code everyChange}, then the last version
 * of each calendar month (UTC) for {@code months} months before that (0: every month, forever). The newest version
 * is always kept, however old: it is what the box held when last read.
 */
record Retention(Duration everyChange, int months) {

	/** A version as retention sees it. */
	record Taken(long id, Instant at) {
	}

	/** The ids of the versions to drop, of versions listed oldest first. */
	List<Long> toDrop(List<Taken> versions, Instant now) {
		if (versions.isEmpty()) {
			return List.of();
		}
		Instant recent = now.minus(this.everyChange);
		YearMonth oldestKept = this.months <= 0 ? null
				: YearMonth.from(recent.atOffset(ZoneOffset.UTC)).minusMonths(this.months - 1L);
		// the last version of each month, of those older than the recent window
		Map<YearMonth, Long> lastOfMonth = new HashMap<>();
		for (Taken version : versions) {
			if (version.at().isBefore(recent)) {
				lastOfMonth.put(YearMonth.from(version.at().atOffset(ZoneOffset.UTC)), version.id());
			}
		}
		long newest = versions.get(versions.size() - 1).id();
		List<Long> drop = new ArrayList<>();
		for (Taken version : versions) {
			if (version.id() == newest || !version.at().isBefore(recent)) {
				continue;
			}
			YearMonth month = YearMonth.from(version.at().atOffset(ZoneOffset.UTC));
			boolean monthKept = oldestKept == null || !month.isBefore(oldestKept);
			if (!monthKept || lastOfMonth.get(month) != version.id()) {
				drop.add(version.id());
			}
		}
		return drop;
	}

}
