package app.vsxi.dashboard.monitoring;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import app.vsxi.dashboard.fleet.Sbc;
import app.vsxi.dashboard.gateway.RealtimeStats;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;

import org.springframework.stereotype.Component;

/**
 * The polled figures as Micrometer gauges, tagged by SBC (and trunk), at {@code /actuator/prometheus}. Rows are
 * rebuilt from the snapshots at most once per poll interval, after a poll; an SBC that left the fleet leaves no
 * series behind. A gauge is registered once and reads the latest figures: only new and vanished rows touch the
 * registry, which at a thousand SBCs would otherwise remove and add some sixty thousand gauges per interval.
 * Cardinality: {@link #SBC_GAUGES} series per SBC plus {@link #TRUNK_GAUGES} per exported trunk, at most
 * {@code exported-trunks} trunks per SBC (the busiest).
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

	/** The figures of the last refresh, per gauge and row; what every registered row reads. */
	private volatile Map<MultiGauge, Map<Tags, Double>> figures = Map.of();

	/** The rows each gauge has registered; written under the refresh's lock. */
	private final Map<MultiGauge, Set<Tags>> registered = new HashMap<>();

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
		Map<String, Map<Tags, Double>> sbcRows = new HashMap<>();
		this.sbcGauges.keySet().forEach(key -> sbcRows.put(key, new HashMap<>()));
		Map<String, Map<Tags, Double>> trunkRows = new HashMap<>();
		this.trunkGauges.keySet().forEach(key -> trunkRows.put(key, new HashMap<>()));
		for (SbcStatus status : this.board.all()) {
			Tags tags = Tags.of("sbc", status.name());
			boolean up = status.condition() == Condition.UP || status.condition() == Condition.SLAVE;
			sbcRows.get("up").put(tags, (double) (up ? 1 : 0));
			sbcRows.get("alarms").put(tags, (double) (this.alarms.unacknowledgedCount(status.sbcId())));
			RealtimeStats stats = status.stats();
			if (stats != null) {
				sbcRows.get("sessions").put(tags, (double) stats.activeSessions());
				sbcRows.get("maxSessions").put(tags, (double) stats.maxSessionsAllowed());
				sbcRows.get("cps").put(tags, (double) stats.currentCps());
				sbcRows.get("maxCps").put(tags, (double) stats.maxCpsAllowed());
				sbcRows.get("cpu").put(tags, (double) (100 - stats.cpuIdlePercent()));
			}
			FeedSnapshot registrations = this.store.latest(status.sbcId(), Feed.SUB_STATS);
			if (registrations != null && registrations.document() != null) {
				sbcRows.get("registrations").put(tags, (double) registrations.document().rows().size());
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
		Map<MultiGauge, Map<Tags, Double>> next = new HashMap<>();
		this.sbcGauges.forEach((key, gauge) -> next.put(gauge, sbcRows.get(key)));
		this.trunkGauges.forEach((key, gauge) -> next.put(gauge, trunkRows.get(key)));
		this.figures = next;
		next.forEach(this::register);
	}

	private static void add(Map<Tags, Double> rows, Tags tags, Double value) {
		if (value != null) {
			rows.put(tags, value);
		}
	}

	/** Registers the gauge's rows again only when they are not the rows it has. */
	private void register(MultiGauge gauge, Map<Tags, Double> rows) {
		if (rows.keySet().equals(this.registered.get(gauge))) {
			return;
		}
		List<MultiGauge.Row<?>> live = new ArrayList<>();
		for (Tags tags : rows.keySet()) {
			live.add(MultiGauge.Row.of(tags, this, metrics -> metrics.figure(gauge, tags)));
		}
		gauge.register(live, false);
		this.registered.put(gauge, Set.copyOf(rows.keySet()));
	}

	private double figure(MultiGauge gauge, Tags tags) {
		Double figure = this.figures.getOrDefault(gauge, Map.of()).get(tags);
		return figure == null ? Double.NaN : figure;
	}


}
