package app.vsxi.dashboard.monitoring;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param pollInterval how often each SBC is asked for {@code stats/realtime} (its status, calls, CPS, CPU, HA)
 * @param pageRefresh how often an open page asks the dashboard for fresh figures (never the SBC)
 * @param tick how often the poller looks which endpoint of which SBC is due
 * @param intervals how often each other endpoint is read
 * @param watchedFor a heavy endpoint (active calls, registrations) is read at its interval while someone looked at it
 * within this time
 * @param idleSlowdown after that, its interval is multiplied by this
 * @param forgetAfter and once nobody looked for this long it is not read at all
 * @param history how much history of figures is kept per SBC, at the poll interval
 * @param maxTrunks trunks per SBC kept in history and watched by alarm rules (the busiest first)
 * @param exportedTrunks trunks per SBC exported as metrics (the busiest first), bounding their series
 * @param overviewSharedFor how long one rendering of the overview's rows or the wallboard's tiles serves every
 *     viewer with the same rights, sort and filter (0 renders each refresh afresh)
 * @param unreachableAfter an SBC that gave no answer for this long raises the unreachable alarm (critical by
 *     default), whether the breaker holds its polls back or not; unset: three poll intervals
 * @param stateHistoryKept how long an SBC's past conditions are kept once they ended
 */
@ConfigurationProperties("vsxi.monitoring")
public record MonitoringProperties(@DefaultValue("5s") Duration pollInterval, @DefaultValue("5s") Duration pageRefresh,
		@DefaultValue("1s") Duration tick, @DefaultValue Intervals intervals, @DefaultValue("1m") Duration watchedFor,
		@DefaultValue("4") int idleSlowdown, @DefaultValue("10m") Duration forgetAfter,
		@DefaultValue("1h") Duration history, @DefaultValue("20") int maxTrunks,
		@DefaultValue("10") int exportedTrunks, @DefaultValue("1s") Duration overviewSharedFor,
		Duration unreachableAfter, @DefaultValue("90d") Duration stateHistoryKept) {

	/** How long an SBC may give no answer before the unreachable alarm is raised. */
	public Duration noAnswerLimit() {
		return this.unreachableAfter != null && !this.unreachableAfter.isZero() && !this.unreachableAfter.isNegative() ? this.unreachableAfter
				: this.pollInterval.multipliedBy(3);
	}

	/** How many samples the history keeps per series. */
	public int historySamples() {
		return (int) Math.max(2, Math.min(100_000, this.history.toMillis() / Math.max(1, this.pollInterval.toMillis())));
	}

	/**
	 * @param resource {@code stats/resource}: trunk counters over 15 min, 1 h and 24 h
	 * @param resourceDetail {@code stats/resource_detail}
	 * @param sipStats {@code stats/sip_stats}
	 * @param mediaServer {@code stats/media_server}
	 * @param subStats {@code stats/sub_stats}, while watched
	 * @param activeCalls {@code stats/active_calls}, while watched
	 * @param system {@code system/realtime}: host, version, uptime
	 * @param capacity {@code download/resource}: trunk capacity and CPS limits, which seldom change
	 */
	public record Intervals(@DefaultValue("15s") Duration resource, @DefaultValue("30s") Duration resourceDetail,
			@DefaultValue("30s") Duration sipStats, @DefaultValue("10s") Duration mediaServer,
			@DefaultValue("30s") Duration subStats, @DefaultValue("10s") Duration activeCalls,
			@DefaultValue("1m") Duration system, @DefaultValue("10m") Duration capacity) {
	}

}
