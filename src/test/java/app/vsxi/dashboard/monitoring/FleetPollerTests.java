package app.vsxi.dashboard.monitoring;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import app.vsxi.dashboard.fleet.FleetService;
import app.vsxi.dashboard.fleet.Sbc;
import app.vsxi.dashboard.gateway.GatewayProperties;
import app.vsxi.dashboard.gateway.GatewayResult;
import app.vsxi.dashboard.gateway.RealtimeStats;
import app.vsxi.dashboard.gateway.SbcEndpoint;
import app.vsxi.dashboard.gateway.SbcTrust;
import app.vsxi.dashboard.gateway.StatsReads;
import app.vsxi.dashboard.gateway.SystemInfo;
import app.vsxi.dashboard.gateway.TableCommands;
import app.vsxi.dashboard.support.MovableClock;
import app.vsxi.dashboard.support.SoleInstance;
import reactor.core.publisher.Mono;

import org.springframework.scheduling.config.ScheduledTaskRegistrar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

class FleetPollerTests {

	private static final RealtimeStats STATS = new RealtimeStats(12, 100, 20, 19750, 2, 10000, 90, "active", Map.of());

	private final FleetService fleet = mock(FleetService.class);

	private final StatsReads gateway = mock(StatsReads.class);

	private final TableCommands tables = mock(TableCommands.class);

	private final StatusBoard board = new StatusBoard(mock(StateHistory.class));

	private final MonitoringProperties properties = MonitoringSettings.of(Map.of("poll-interval", "7s", "tick", "2s"));

	private final SnapshotStore store = new SnapshotStore(this.properties);

	private final FleetPoller poller = new FleetPoller(this.fleet, this.gateway, this.tables, this.board, this.store,
			this.properties, GatewayProperties.of(Duration.ofSeconds(1), Duration.ofSeconds(3), 4), List.of(),
			SoleInstance.leases(), mock(SharedPolls.class), Clock.systemUTC());

	@Test
	void looksForDueEndpointsAtTheConfiguredTick() {
		ScheduledTaskRegistrar registrar = new ScheduledTaskRegistrar();

		this.poller.configureTasks(registrar);

		assertThat(registrar.getFixedRateTaskList()).singleElement()
			.satisfies(task -> assertThat(task.getIntervalDuration()).isEqualTo(Duration.ofSeconds(2)));
	}

	@Test
	void oneSbcsRequestsGoOneAfterAnother() {
		fleetOf(sbc(1, "nyc-1"));
		AtomicBoolean statsInFlight = new AtomicBoolean();
		AtomicBoolean overlapped = new AtomicBoolean();
		AtomicInteger infoCalls = new AtomicInteger();
		when(this.gateway.realtimeStats(any())).thenReturn(Mono.defer(() -> {
			statsInFlight.set(true);
			return Mono.delay(Duration.ofMillis(300)).map(tick -> {
				statsInFlight.set(false);
				return GatewayResult.ok(STATS);
			});
		}));
		when(this.gateway.systemInfo(any())).thenReturn(Mono.fromSupplier(() -> {
			overlapped.compareAndSet(false, statsInFlight.get());
			infoCalls.incrementAndGet();
			return GatewayResult.ok(new SystemInfo("3 day 01:00:00", Map.of()));
		}));

		this.poller.tick();

		await().atMost(Duration.ofSeconds(5)).until(() -> infoCalls.get() == 1);
		assertThat(overlapped).isFalse();
		assertThat(this.board.get(1).state()).isEqualTo(SbcStatus.State.UP);
		assertThat(this.board.get(1).uptime()).isEqualTo("3 day 01:00:00");
	}

	@Test
	void aHangingSbcHoldsBackNoOtherSbc() {
		fleetOf(sbc(1, "hanging"), sbc(2, "healthy"));
		when(this.gateway.realtimeStats(argThat(endpoint -> endpoint != null && endpoint.sbcId() == 1)))
			.thenReturn(Mono.never());
		when(this.gateway.realtimeStats(argThat(endpoint -> endpoint != null && endpoint.sbcId() == 2)))
			.thenReturn(Mono.just(GatewayResult.ok(STATS)));
		when(this.gateway.systemInfo(any())).thenReturn(Mono.just(GatewayResult.ok(new SystemInfo("1 day", Map.of()))));

		this.poller.tick();

		await().atMost(Duration.ofSeconds(5)).until(() -> this.board.get(2).state() == SbcStatus.State.UP);
		assertThat(this.board.get(1).state()).isEqualTo(SbcStatus.State.WAITING);
	}

	private void fleetOf(Sbc... sbcs) {
		when(this.fleet.everySbc()).thenReturn(List.of(sbcs));
		for (Sbc sbc : sbcs) {
			when(this.fleet.endpoint(argThat(s -> s != null && s.id().equals(sbc.id())), any()))
				.thenReturn(new SbcEndpoint(sbc.id(), sbc.name(), URI.create(sbc.baseUrl()), "api", "pw", null,
						SbcTrust.PINNED_CERTIFICATE, null));
		}
	}

	private static Sbc sbc(long id, String name) {
		return new Sbc(id, name, "https://10.0.0." + id + ":8888", "api", "k:x", "NYC", 1L, null,
				SbcTrust.PINNED_CERTIFICATE, null, false, Instant.now(), Instant.now());
	}

	@Test
	void heavyEndpointsAreReadWhileWatchedSlowerWhenNobodyLooksAndNotAtAllLater() {
		MovableClock clock = MovableClock.at(Instant.parse("2026-11-30T00:00:00Z"));
		MonitoringProperties settings = MonitoringSettings.of(Map.of("poll-interval", "5s", "tick", "1s",
				"intervals.active-calls", "10s", "watched-for", "1m", "idle-slowdown", "4", "forget-after", "5m"));
		SnapshotStore snapshots = new SnapshotStore(settings);
		FleetPoller manual = new FleetPoller(this.fleet, this.gateway, this.tables, this.board, snapshots, settings,
				GatewayProperties.of(Duration.ofSeconds(1), Duration.ofSeconds(3), 4), List.of(), SoleInstance.leases(),
				mock(SharedPolls.class), clock);

		assertThat(manual.interval(1, Feed.ACTIVE_CALLS, clock.instant())).isNull();
		snapshots.watch(1, Feed.ACTIVE_CALLS, clock.instant());
		assertThat(manual.interval(1, Feed.ACTIVE_CALLS, clock.instant())).isEqualTo(Duration.ofSeconds(10));
		assertThat(manual.interval(1, Feed.ACTIVE_CALLS, clock.instant().plusSeconds(61))).isEqualTo(Duration.ofSeconds(40));
		assertThat(manual.interval(1, Feed.ACTIVE_CALLS, clock.instant().plusSeconds(301))).isNull();
		assertThat(manual.interval(1, Feed.SYSTEM, clock.instant().plusSeconds(301))).isEqualTo(Duration.ofMinutes(1));
	}

	@Test
	void eachEndpointIsReadOncePerItsIntervalWhateverTheTicks() {
		MovableClock clock = MovableClock.at(Instant.parse("2026-11-30T00:00:00Z"));
		MonitoringProperties settings = MonitoringSettings.of(Map.of("poll-interval", "5s", "tick", "1s",
				"intervals.resource", "15s", "intervals.system", "1m"));
		SnapshotStore snapshots = new SnapshotStore(settings);
		FleetPoller manual = new FleetPoller(this.fleet, this.gateway, this.tables, this.board, snapshots, settings,
				GatewayProperties.of(Duration.ofSeconds(1), Duration.ofSeconds(3), 4), List.of(), SoleInstance.leases(),
				mock(SharedPolls.class), clock);
		fleetOf(sbc(1, "nyc-1"));
		AtomicInteger realtime = new AtomicInteger();
		AtomicInteger resource = new AtomicInteger();
		AtomicInteger system = new AtomicInteger();
		when(this.gateway.realtimeStats(any())).thenReturn(Mono.fromSupplier(() -> {
			realtime.incrementAndGet();
			return GatewayResult.ok(STATS);
		}));
		when(this.gateway.statsDump(any(), any())).thenReturn(Mono.fromSupplier(() -> {
			resource.incrementAndGet();
			return GatewayResult.ok(Map.of());
		}));
		when(this.gateway.systemInfo(any())).thenReturn(Mono.fromSupplier(() -> {
			system.incrementAndGet();
			return GatewayResult.ok(new SystemInfo("1 day", Map.of()));
		}));

		// one minute of ticks a second, each a few milliseconds late or early
		for (int second = 0; second < 60; second++) {
			clock.moveTo(Instant.parse("2026-11-30T00:00:00Z").plusMillis(second * 1000L + (second % 3 - 1) * 7));
			manual.tick();
		}

		assertThat(realtime).hasValue(12);
		// resource_detail and sip_stats are dumps too, each at its 30 s default: 4 + 2 + 2
		assertThat(resource).hasValue(8);
		assertThat(system).hasValue(1);
	}

	@Test
	void anEndpointReadLateIsReadAgainAWholeIntervalLaterNotAtOnceToCatchUp() {
		Instant start = Instant.parse("2026-11-30T00:00:00Z");
		Duration interval = Duration.ofSeconds(5);
		Duration tick = Duration.ofSeconds(1);
		FleetPoller.SbcQueue onTime = new FleetPoller.SbcQueue();
		onTime.offerIfDue(Feed.REALTIME, start, interval, tick);
		assertThat(onTime.start(start.plusMillis(300))).isEqualTo(Feed.REALTIME);
		onTime.finish();
		// read in time: the next read keeps its place, five seconds after the first was due
		onTime.offerIfDue(Feed.REALTIME, start.plusSeconds(5), interval, tick);
		assertThat(onTime.start(start.plusSeconds(5))).isEqualTo(Feed.REALTIME);

		FleetPoller.SbcQueue late = new FleetPoller.SbcQueue();
		late.offerIfDue(Feed.REALTIME, start, interval, tick);
		// the SBC's earlier reads held it up: this one starts 4.6 s after it was due
		assertThat(late.start(start.plusMillis(4600))).isEqualTo(Feed.REALTIME);
		late.finish();
		late.offerIfDue(Feed.REALTIME, start.plusSeconds(5), interval, tick);
		late.offerIfDue(Feed.REALTIME, start.plusSeconds(9), interval, tick);
		assertThat(late.start(start.plusSeconds(9))).as("not read again 0.4 s or 4.4 s after the late read").isNull();
		late.offerIfDue(Feed.REALTIME, start.plusMillis(9600), interval, tick);
		assertThat(late.start(start.plusMillis(9600))).isEqualTo(Feed.REALTIME);
	}

}
