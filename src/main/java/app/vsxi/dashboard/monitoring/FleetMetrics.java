package app.vsxi.dashboard.monitoring;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import app.vsxi.dashboard.fleet.Sbc;
import app.vsxi.dashboard.gateway.RealtimeStats;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;

import org.springframework.stereotype.Component;

/**
 * The polled figures as Micrometer gauges, tagged by SBC (and trunk), at {@code /actuator/prometheus}. Rows are
 * rebuilt from the snapshots at most once per poll interval, after a poll; an SBC that left the fleet leaves no
 * series behind. Cardinality: {@link #SBC_GAUGES} series per SBC plus {@link #TRUNK_GAUGES} per exported trunk, at
 * most {@code exported-trunks} trunks per SBC (the busiest).
 */
@Component
public class FleetMetrics implements FleetPoller.PollListener {

	/** Gauges per SBC. */
	public static final int SBC_GAUGES = 8;

	/** Gauges per exported trunk. */
	public static final int TRUNK_GAUGES = 5;

	private final StatusBoard board;

	private final SnapshotStore store;

	private final OpenAlarms alarms;

	private final MonitoringProperties properties;

	private final Clock clock;

	private final Map<String, MultiGauge> sbcGauges;

	private final Map<String, MultiGauge> trunkGauges;

	private volatile Instant refreshed = Instant.EPOCH;

	public FleetMetrics(StatusBoard board, SnapshotStore store, OpenAlarms alarms, MonitoringProperties properties,
			MeterRegistry meters, Clock clock) {
		this.clock = clock;
		this.board = board;
		this.store = store;
		this.alarms = alarms;
		this.properties = properties;
		this.sbcGauges = Map.of("up", gauge(meters, "vsxi.sbc.up", "1 while the SBC answers its polls"),
				"sessions", gauge(meters, "vsxi.sbc.active.sessions", "sum_active_session"),
				"maxSessions", gauge(meters, "vsxi.sbc.max.sessions", "max_session_allowed"),
				"cps", gauge(meters, "vsxi.sbc.cps", "current_cps"),
				"maxCps", gauge(meters, "vsxi.sbc.max.cps", "max_cps_allowed"),
				"cpu", gauge(meters, "vsxi.sbc.cpu.percent", "100 - cpu_idle_percent"),
				"registrations", gauge(meters, "vsxi.sbc.registrations", "entries of stats/sub_stats last read"),
				"alarms", gauge(meters, "vsxi.sbc.open.alarms", "open alarms nobody acknowledged yet"));
		this.trunkGauges = Map.of("asr", gauge(meters, "vsxi.trunk.asr.percent", "ASR over 15 min, both sides"),
				"failure", gauge(meters, "vsxi.trunk.failure.percent", "failure ratio over 15 min, both sides"),
				"pdd", gauge(meters, "vsxi.trunk.pdd.seconds", "average PDD over 15 min, both sides"),
				"sessions", gauge(meters, "vsxi.trunk.sessions",
						"numOrig + numTerm of the trunk's Group row, else its node rows added up"),
				"utilisation", gauge(meters, "vsxi.trunk.utilisation.percent",
						"the higher of in and out use of the Group row's totalLimit, else of the resource capacity"));
	}

	private static MultiGauge gauge(MeterRegistry meters, String name, String description) {
		return MultiGauge.builder(name).description(description).register(meters);
	}

	@Override
	public void polled(Sbc sbc, Feed feed) {
		Instant now = this.clock.instant();
		if (now.isBefore(this.refreshed.plus(this.properties.pollInterval()))) {
			return;
		}
		this.refreshed = now;
		refresh();
	}

	/** Rebuilds every row from the status board and the snapshots. */
	public synchronized void refresh() {
		Map<String, List<MultiGauge.Row<?>>> sbcRows = new java.util.HashMap<>();
		this.sbcGauges.keySet().forEach(key -> sbcRows.put(key, new ArrayList<>()));
		Map<String, List<MultiGauge.Row<?>>> trunkRows = new java.util.HashMap<>();
		this.trunkGauges.keySet().forEach(key -> trunkRows.put(key, new ArrayList<>()));
		for (SbcStatus status : this.board.all()) {
			Tags tags = Tags.of("sbc", status.name());
			boolean up = status.condition() == Condition.UP || status.condition() == Condition.SLAVE;
			sbcRows.get("up").add(MultiGauge.Row.of(tags, up ? 1 : 0));
			sbcRows.get("alarms").add(MultiGauge.Row.of(tags, this.alarms.unacknowledgedCount(status.sbcId())));
			RealtimeStats stats = status.stats();
			if (stats != null) {
				sbcRows.get("sessions").add(MultiGauge.Row.of(tags, stats.activeSessions()));
				sbcRows.get("maxSessions").add(MultiGauge.Row.of(tags, stats.maxSessionsAllowed()));
				sbcRows.get("cps").add(MultiGauge.Row.of(tags, stats.currentCps()));
				sbcRows.get("maxCps").add(MultiGauge.Row.of(tags, stats.maxCpsAllowed()));
				sbcRows.get("cpu").add(MultiGauge.Row.of(tags, 100 - stats.cpuIdlePercent()));
			}
			FeedSnapshot registrations = this.store.latest(status.sbcId(), Feed.SUB_STATS);
			if (registrations != null && registrations.document() != null) {
				sbcRows.get("registrations").add(MultiGauge.Row.of(tags, registrations.document().rows().size()));
			}
			List<TrunkKpis.Trunk> trunks = TrunkFigures.of(this.store, status.sbcId());
			for (TrunkKpis.Trunk trunk : trunks.stream().limit(Math.max(0, this.properties.exportedTrunks())).toList()) {
				Tags trunkTags = tags.and("trunk", trunk.trunkId());
				TrunkKpis.Window window = trunk.combined(TrunkKpis.Span.MIN15);
				add(trunkRows.get("asr"), trunkTags, window.asr());
				add(trunkRows.get("failure"), trunkTags, window.failureRatio());
				add(trunkRows.get("pdd"), trunkTags, window.avgPdd());
				add(trunkRows.get("sessions"), trunkTags, (double) trunk.sessions());
				add(trunkRows.get("utilisation"), trunkTags, trunk.utilisation());
			}
		}
		register(this.sbcGauges, sbcRows);
		register(this.trunkGauges, trunkRows);
	}

	private static void add(List<MultiGauge.Row<?>> rows, Tags tags, Double value) {
		if (value != null) {
			rows.add(MultiGauge.Row.of(tags, value));
		}
	}

	private static void register(Map<String, MultiGauge> gauges, Map<String, List<MultiGauge.Row<?>>> rows) {
		gauges.forEach((key, gauge) -> gauge.register(rows.get(key), true));
	}


}
