package app.vsxi.dashboard.monitoring;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import app.vsxi.dashboard.fleet.FleetService;
import app.vsxi.dashboard.fleet.Sbc;
import app.vsxi.dashboard.gateway.GatewayError;
import app.vsxi.dashboard.gateway.GatewayProperties;
import app.vsxi.dashboard.gateway.GatewayResult;
import app.vsxi.dashboard.gateway.RealtimeStats;
import app.vsxi.dashboard.gateway.SbcEndpoint;
import app.vsxi.dashboard.gateway.SystemInfo;
import app.vsxi.dashboard.gateway.VsxiGateway;
import reactor.core.publisher.Mono;

import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.FixedRateTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;

/**
 * Asks every SBC for its realtime stats once per interval. Polls of different SBCs run concurrently and never
 * wait for each other; one SBC's requests go one after another, because real boxes sometimes refuse two
 * requests that land at the same instant. An SBC whose previous poll has not finished is skipped for that tick,
 * so a slow SBC is asked no more often and holds nothing but its own poll; it turns stale once its last answer is
 * older than two intervals.
 */
@Component
public class FleetPoller implements SchedulingConfigurer {

	private static final Logger log = LoggerFactory.getLogger(FleetPoller.class);

	private final FleetService fleet;

	private final VsxiGateway gateway;

	private final StatusBoard board;

	private final MonitoringProperties properties;

	private final Clock clock;

	private final Set<Long> inFlight = ConcurrentHashMap.newKeySet();

	private final Duration pause;

	public FleetPoller(FleetService fleet, VsxiGateway gateway, StatusBoard board, MonitoringProperties properties,
			GatewayProperties gatewayProperties) {
		this.fleet = fleet;
		this.gateway = gateway;
		this.board = board;
		this.properties = properties;
		this.pause = gatewayProperties.circuitBreaker().openFor();
		this.clock = Clock.systemUTC();
	}

	@Override
	public void configureTasks(ScheduledTaskRegistrar registrar) {
		registrar.addFixedRateTask(new FixedRateTask(this::pollAll, this.properties.pollInterval(), Duration.ZERO));
	}

	public void pollAll() {
		List<Sbc> sbcs = this.fleet.everySbc();
		this.board.retainOnly(sbcs.stream().map(Sbc::id).toList());
		Map<Long, String> names = new HashMap<>();
		sbcs.forEach(sbc -> names.put(sbc.id(), sbc.name()));
		Instant now = this.clock.instant();
		Duration staleAfter = this.properties.pollInterval().multipliedBy(2);
		for (Sbc sbc : sbcs) {
			this.board.update(sbc.id(), SbcStatus.waiting(sbc), status -> status.checkedAt(now, staleAfter));
			if (this.inFlight.add(sbc.id())) {
				poll(sbc, names).doFinally(signal -> this.inFlight.remove(sbc.id())).subscribe();
			}
		}
	}

	private Mono<Void> poll(Sbc sbc, Map<Long, String> names) {
		SbcEndpoint endpoint;
		try {
			endpoint = this.fleet.endpoint(sbc, names::get);
		}
		catch (RuntimeException ex) {
			fail(sbc, new GatewayError.UnexpectedResponse(0, "cannot use the stored credentials: " + ex.getMessage()));
			return Mono.empty();
		}
		// the uptime is asked for only after the stats have answered, and only when they have
		return this.gateway.realtimeStats(endpoint).flatMap(stats -> stats.fold(
				value -> this.gateway.systemInfo(endpoint).doOnNext(info -> reached(sbc, value, info)).then(),
				error -> {
					fail(sbc, error);
					return Mono.<Void>empty();
				})
		).onErrorResume(ex -> {
			log.warn("Poll of {} failed unexpectedly", sbc.name(), ex);
			fail(sbc, new GatewayError.UnexpectedResponse(0, "internal error while polling: " + ex.getMessage()));
			return Mono.empty();
		}).then();
	}

	private void reached(Sbc sbc, RealtimeStats stats, GatewayResult<SystemInfo> info) {
		Instant now = this.clock.instant();
		String uptime = info.okValue().map(SystemInfo::hardwareUptime).orElse(null);
		this.board.update(sbc.id(), SbcStatus.waiting(sbc),
				status -> status.reached(sbc, stats, uptime != null ? uptime : status.uptime(), now));
	}

	private void fail(Sbc sbc, GatewayError error) {
		this.board.update(sbc.id(), SbcStatus.waiting(sbc), status -> status.failed(sbc, error, this.clock.instant(), this.pause));
	}

}
