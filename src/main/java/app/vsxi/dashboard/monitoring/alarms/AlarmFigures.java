package app.vsxi.dashboard.monitoring.alarms;

import java.time.Instant;
import java.util.List;

/**
 * Figures for alarm rules that no poll reads, e.g. how old an SBC's last good backup is: each source answers for
 * the metrics it knows and nothing for the others. Read as the metric's feed is polled, so it must be cheap.
 */
public interface AlarmFigures {

	/** What {@code metric} reads on the SBC now; empty when this source does not read that metric. */
	List<AlarmEvaluator.Reading> read(AlarmMetric metric, long sbcId, Instant now);

}
