package app.vsxi.dashboard.tables;

import java.util.List;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import org.springframework.stereotype.Component;

import app.vsxi.dashboard.tables.engine.LargeTableDiff;
import app.vsxi.dashboard.tables.engine.TableDiff;

/**
 * The keyed diffs of whole tables the editor makes (what the box changed since a draft was opened, what a replace
 * sends, what a roll back undoes, what a verify finds), timed as {@code vsxi.tables.diff}, tagged with how the
 * rows were read: {@code raw} where both tables are hashed from their packed bytes, {@code rows} where rows had
 * to be built. A million-row table read as rows takes several times as long, so the tag says which one ran.
 */
@Component
class TableDiffs {

	static final String METRIC = "vsxi.tables.diff";

	private final MeterRegistry registry;

	TableDiffs(MeterRegistry registry) {
		this.registry = registry;
	}

	TableDiff diff(LargeTableDiff.RowSource before, LargeTableDiff.RowSource after, List<String> keyFields) {
		Timer timer = Timer.builder(METRIC)
			.description("Keyed diffs of whole tables by the table editor")
			.tag("reading", LargeTableDiff.readsRaw(before, after) ? "raw" : "rows")
			.register(this.registry);
		return timer.record(() -> LargeTableDiff.diff(before, after, keyFields));
	}

}
