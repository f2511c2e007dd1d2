package app.vsxi.dashboard.backups;

import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param scheduled whether backups run on their schedule ("Back up now" and applies are recorded either way)
 * @param every how often each SBC is backed up where no group or SBC schedule says otherwise
 * @param check how often the instance looks for SBCs it polls whose backup is due or asked for
 * @param parallel SBCs backed up at once by one instance (each SBC's tables one after another)
 * @param keepEveryChange every version of the last this long is kept, and every check on the timeline
 * @param keepMonths before that, the last version of each month for this many months (0: forever)
 * @param fullEvery a version keeps the whole table at least every this many versions, so no old version is more
 *        than this many deltas from a whole table
 * @param searchHits the most rows a search across the fleet lists
 * @param volatileLines lines of the box's system and hardware files (regular expressions) that change with every
 *        save and say nothing of the configuration, e.g. the time of the save: ignored when comparing two downloads
 */
@ConfigurationProperties("vsxi.backups")
public record BackupsProperties(@DefaultValue("true") boolean scheduled, @DefaultValue("1d") Duration every,
		@DefaultValue("1m") Duration check, @DefaultValue("1") int parallel,
		@DefaultValue("90d") Duration keepEveryChange, @DefaultValue("24") int keepMonths,
		@DefaultValue("30") int fullEvery, @DefaultValue("500") int searchHits, List<String> volatileLines) {

	public BackupsProperties {
		volatileLines = volatileLines == null ? List.of() : List.copyOf(volatileLines);
	}

	Retention retention() {
		return new Retention(this.keepEveryChange, this.keepMonths);
	}

	List<Pattern> volatilePatterns() {
		return this.volatileLines.stream().map(Pattern::compile).toList();
	}

}
