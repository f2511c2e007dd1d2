package app.vsxi.dashboard.monitoring.alarms;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;


import app.vsxi.dashboard.gateway.RealtimeStats;
import app.vsxi.dashboard.gateway.TableRow;
import app.vsxi.dashboard.monitoring.Condition;
import app.vsxi.dashboard.monitoring.Feed;
import app.vsxi.dashboard.monitoring.FeedSnapshot;
import app.vsxi.dashboard.monitoring.FeedValue;
import app.vsxi.dashboard.monitoring.HaState;
import app.vsxi.dashboard.monitoring.MonitoringProperties;
import app.vsxi.dashboard.monitoring.SbcStatus;
import app.vsxi.dashboard.monitoring.SnapshotStore;
import app.vsxi.dashboard.monitoring.TrunkFigures;
import app.vsxi.dashboard.monitoring.TrunkKpis;

/**
 * The figures alarm rules look at, read from an SBC's snapshots and status. A reading without a value (no traffic
 * in the window, no answer yet) raises nothing and lets a raised alarm clear.
 */
public final class AlarmEvaluator {

	private AlarmEvaluator() {
	}

	/**
	 * @param subject the trunk or media server, empty for the SBC itself
	 * @param value null when there is no figure
	 */
	public record Reading(String subject, Double value, String detail) {
	}

	/**
	 * What one metric reads on one SBC now.
	 *
	 * @param haChanged whether the SBC's HA role changed lately (the caller remembers roles)
	 * @param haStatusAlarm whether the SBC opted in to a critical HA alarm on non-zero {@code ha_*_status}
	 * @param maxSubjects at most this many trunks or media servers, the busiest first
	 * @param now when the reading is taken, for how long an outage has lasted
	 * @param settings the poll interval and tick that outages are measured in
	 */
	public static List<Reading> read(AlarmMetric metric, SnapshotStore store, SbcStatus status, boolean haChanged,
			boolean haStatusAlarm, int maxSubjects, Instant now, MonitoringProperties settings) {
		long sbcId = status.sbcId();
		RealtimeStats stats = fresh(store.latest(sbcId, Feed.REALTIME)) instanceof FeedValue.Realtime realtime
				? realtime.stats() : null;
		return switch (metric) {
			case UNREACHABLE -> List.of(new Reading("", intervalsWithoutAnswer(status, now, settings),
					status.problem()));
			case CERTIFICATE_CHANGED -> List.of(new Reading("",
					status.condition() == Condition.CERTIFICATE_CHANGED ? 1.0 : 0.0, status.problem()));
			case HA_CHANGED -> {
				if (stats == null) {
					yield List.of(new Reading("", null, null));
				}
				HaState ha = HaState.of(stats);
				// the codes' meaning is an inference, so only an SBC that opted in is alarmed on them
				double value = haStatusAlarm && ha.statusNotZero() ? 2 : haChanged ? 1 : 0;
				yield List.of(new Reading("", value, "role " + ha.role() + " (before: " + ha.previousRole()
						+ "), ha_remote_status " + ha.peerStatus() + ", ha_local_status " + ha.localStatus()
						+ ", switch-over flag " + ha.switchOverFlag()
						+ (value == 2 ? "; trouble inferred from ha_*_status, whose codes no source defines" : "")));
			}
			case CPU -> List.of(new Reading("", stats == null ? null : 100.0 - stats.cpuIdlePercent(),
					stats == null ? null : "cpu_idle_percent " + stats.cpuIdlePercent()));
			case SESSIONS -> List.of(new Reading("",
					stats == null || stats.maxSessionsAllowed() <= 0 ? null
							: stats.activeSessions() * 100.0 / stats.maxSessionsAllowed(),
					stats == null ? null : stats.activeSessions() + " of " + stats.maxSessionsAllowed() + " sessions"));
			case MEDIA_SESSIONS, MEDIA_SERVER_DOWN -> mediaServers(metric, store, sbcId, maxSubjects);
			// their figures come from elsewhere (AlarmFigures), not from polls
			case BACKUP_AGE, DRIFT -> List.of();
			case TRUNK_UTILISATION, TRUNK_FAILURE, TRUNK_ASR, TRUNK_PDD -> trunks(metric, store, sbcId, maxSubjects);
		};
	}

	private static List<Reading> mediaServers(AlarmMetric metric, SnapshotStore store, long sbcId, int max) {
		if (!(fresh(store.latest(sbcId, Feed.MEDIA_SERVER)) instanceof FeedValue.Document servers)) {
			return List.of();
		}
		List<Reading> readings = new ArrayList<>();
		for (TableRow server : servers.document().rows().stream().limit(max).toList()) {
			String name = server.text("alias") == null || server.text("alias").isBlank()
					? "media server " + server.text("mediaSrvIndex") : server.text("alias");
			if (metric == AlarmMetric.MEDIA_SERVER_DOWN) {
				String state = server.text("status");
				readings.add(new Reading(name, "up".equalsIgnoreCase(state) ? 0.0 : 1.0, "status " + state));
			}
			else {
				double limit = number(server.text("maxConnections"));
				double active = number(server.text("numActiveSessions"));
				readings.add(new Reading(name, limit <= 0 ? null : active * 100 / limit,
						(long) active + " of " + (long) limit + " sessions"));
			}
		}
		return readings;
	}

	private static List<Reading> trunks(AlarmMetric metric, SnapshotStore store, long sbcId, int max) {
		List<Reading> readings = new ArrayList<>();
		if (fresh(store.latest(sbcId, metric.feed())) == null) {
			// the feed's last poll failed: its old trunk figures raise nothing and count toward no hold
			return readings;
		}
		for (TrunkKpis.Trunk trunk : TrunkFigures.of(store, sbcId).stream().limit(max).toList()) {
			TrunkKpis.Window window = trunk.combined(TrunkKpis.Span.MIN15);
			String subject = "trunk " + trunk.trunkId();
			readings.add(switch (metric) {
				case TRUNK_UTILISATION -> new Reading(subject, trunk.utilisation(), trunk.sessions() + " sessions, limit "
						+ trunk.limit() + (trunk.limitFrom().isEmpty() ? "" : " (" + trunk.limitFrom() + ")"));
				case TRUNK_FAILURE -> new Reading(subject, window.failureRatio(),
						window.fails() + " of " + window.attempts() + " attempts failed");
				case TRUNK_ASR -> new Reading(subject, window.asr(),
						window.answers() + " of " + window.attempts() + " attempts answered");
				case TRUNK_PDD -> new Reading(subject, window.avgPdd(), window.attempts() + " attempts");
				default -> throw new IllegalArgumentException(metric.name());
			});
		}
		return readings;
	}

	/**
	 * How many poll intervals the present outage has lasted, counted from its first failed poll, held-back polls
	 * included; half a tick (at most half an interval) is granted, as ticks drift by milliseconds. 0 while the SBC answers.
	 */
	static double intervalsWithoutAnswer(SbcStatus status, Instant now, MonitoringProperties settings) {
		if (!status.failing() || status.since() == null) {
			return 0;
		}
		Duration slack = (settings.tick().compareTo(settings.pollInterval()) < 0 ? settings.tick()
				: settings.pollInterval()).dividedBy(2);
		Duration lasted = Duration.between(status.since(), now).plus(slack);
		return Math.max(0, (double) lasted.toMillis() / Math.max(1, settings.pollInterval().toMillis()));
	}

	/** The snapshot's value while its last poll was answered; a failed poll's old figures raise nothing. */
	private static FeedValue fresh(FeedSnapshot snapshot) {
		return snapshot == null || snapshot.stale() ? null : snapshot.value();
	}

	private static double number(String text) {
		try {
			return text == null ? 0 : Double.parseDouble(text.strip());
		}
		catch (NumberFormatException ex) {
			return 0;
		}
	}


}
