package app.vsxi.dashboard.monitoring;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import app.vsxi.dashboard.calls.CsvLines;
import app.vsxi.dashboard.fleet.FleetService;
import app.vsxi.dashboard.fleet.Sbc;
import app.vsxi.dashboard.gateway.CallsCsv;
import app.vsxi.dashboard.gateway.GatewayProperties;
import app.vsxi.dashboard.gateway.GatewayResult;
import app.vsxi.dashboard.gateway.SbcEndpoint;
import app.vsxi.dashboard.gateway.SbcTrust;
import app.vsxi.dashboard.gateway.TableDocument;
import app.vsxi.dashboard.gateway.VsxiTable;
import app.vsxi.dashboard.simulator.Faults;
import app.vsxi.dashboard.simulator.RequestTiming;
import app.vsxi.dashboard.simulator.SimulatedVsxi;
import app.vsxi.dashboard.support.GatewayParts;
import app.vsxi.dashboard.support.SoleInstance;
import app.vsxi.dashboard.support.SimulatedBox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

/**
 * The poller and an operator on one SBC at the same time, against a box that answers 400 to a request arriving
 * within 50 ms of another with the same credentials: the poller at a tenth of a second, the operator updating a
 * digit mapping and killing calls meanwhile. Every request waits for its turn in the SBC's one queue, and the
 * gateway keeps the box's 50 ms between them, so no write is refused and the box never serves two at once.
 */
class PollsAndWritesTakeTurnsTests {

	private static final long OVERLAP_MILLIS = 50;

	private static final Set<String> WRITES = Set.of("update/digit_mapping", "delete/active_calls");

	private SimulatedVsxi box;

	private GatewayParts gateway;

	private ScheduledExecutorService ticks;

	@BeforeEach
	void start() {
		this.box = SimulatedBox.start("turns");
		this.gateway = GatewayParts.of(GatewayProperties.of(Duration.ofSeconds(2), Duration.ofSeconds(5), 4)
			.withTurns(Duration.ofSeconds(30), Duration.ofMillis(OVERLAP_MILLIS)), new SimpleMeterRegistry());
	}

	@AfterEach
	void stop() {
		if (this.ticks != null) {
			this.ticks.shutdownNow();
		}
		this.gateway.destroy();
		this.box.stop();
	}

	@Test
	void writesAndPollsOfOneSbcNeverOverlap() throws Exception {
		SbcEndpoint endpoint = new SbcEndpoint(1, this.box.name(), URI.create(this.box.baseUrl()), "admin", "admin",
				this.box.certificateFingerprint());
		TableDocument all = this.gateway.tables().download(endpoint, VsxiTable.DIGIT_MAPPING).block().okValue().orElseThrow();
		// the box's own row, sent back as it is: a real write that changes nothing
		TableDocument mapping = new TableDocument(all.root(), all.item(), all.rows().subList(0, 1));
		this.box.quirks(Map.of("overlapMillis", OVERLAP_MILLIS));
		// each request is in flight a while, so overlapping ones would be caught in the act
		this.box.faults(new Faults(20, 0, false, false));
		pollEveryTenthOfASecond(endpoint);
		Thread.sleep(300);

		List<GatewayResult<?>> writes = new ArrayList<>();
		for (int round = 0; round < 4; round++) {
			writes.add(this.gateway.tables().update(endpoint, VsxiTable.DIGIT_MAPPING, mapping).block(Duration.ofSeconds(30)));
			GatewayResult<TableDocument> listed = this.gateway.stats().statsList(endpoint, VsxiTable.ACTIVE_CALLS)
				.block(Duration.ofSeconds(30));
			writes.add(listed);
			GatewayResult<CallsCsv> calls = this.gateway.calls().activeCallsCsv(endpoint).block(Duration.ofSeconds(30));
			writes.add(calls);
			if (listed.isOk() && calls.isOk()) {
				CsvLines lines = CsvLines.identify(calls.okValue().orElseThrow(), listed.okValue().orElseThrow().rows());
				if (!lines.lineOf().isEmpty()) {
					String first = lines.lineOf().keySet().iterator().next();
					writes.add(this.gateway.removals().killByCsv(endpoint, lines.cut(List.of(first)), lines.lineOf().keySet())
						.block(Duration.ofSeconds(30)));
				}
			}
		}
		Thread.sleep(300);
		this.ticks.shutdownNow();
		this.ticks.awaitTermination(5, TimeUnit.SECONDS);

		assertThat(writes).allSatisfy(result -> assertThat(result.isOk()).as("%s", result).isTrue());
		List<RequestTiming> timeline = this.box.requestTimeline();
		assertThat(timeline).filteredOn(timing -> WRITES.contains(timing.command())).hasSizeGreaterThanOrEqualTo(5);
		assertThat(timeline).allSatisfy(timing -> assertThat(timing.status()).as("%s", timing).isNotEqualTo(400));
		for (int i = 0; i < timeline.size(); i++) {
			for (int j = i + 1; j < timeline.size(); j++) {
				assertThat(timeline.get(i).overlaps(timeline.get(j))).as("%s and %s", timeline.get(i), timeline.get(j))
					.isFalse();
			}
		}
		// the poller really ran between the operator's writes
		long firstWrite = timeline.stream().filter(timing -> WRITES.contains(timing.command()))
			.mapToLong(RequestTiming::arrivedNanos).min().orElseThrow();
		long lastWrite = timeline.stream().filter(timing -> WRITES.contains(timing.command()))
			.mapToLong(RequestTiming::arrivedNanos).max().orElseThrow();
		assertThat(timeline).filteredOn(timing -> timing.command().startsWith("stats/")
				&& timing.arrivedNanos() > firstWrite && timing.arrivedNanos() < lastWrite)
			.hasSizeGreaterThanOrEqualTo(5);
	}

	private void pollEveryTenthOfASecond(SbcEndpoint endpoint) {
		Sbc sbc = new Sbc(1L, this.box.name(), this.box.baseUrl(), "admin", "k:x", "NYC", 1L, null,
				SbcTrust.PINNED_CERTIFICATE, null, false, Instant.now(), Instant.now());
		FleetService fleet = mock(FleetService.class);
		when(fleet.everySbc()).thenReturn(List.of(sbc));
		when(fleet.endpoint(any(), any())).thenReturn(endpoint);
		MonitoringProperties settings = MonitoringSettings.of(Map.ofEntries(Map.entry("poll-interval", "100ms"),
				Map.entry("tick", "100ms"), Map.entry("intervals.resource", "100ms"),
				Map.entry("intervals.resource-detail", "100ms"), Map.entry("intervals.sip-stats", "100ms"),
				Map.entry("intervals.media-server", "100ms"), Map.entry("intervals.sub-stats", "100ms"),
				Map.entry("intervals.active-calls", "100ms"), Map.entry("intervals.system", "100ms"),
				Map.entry("intervals.capacity", "100ms")));
		SnapshotStore store = new SnapshotStore(settings);
		store.watch(1, Feed.ACTIVE_CALLS, Instant.now().plusSeconds(600));
		store.watch(1, Feed.SUB_STATS, Instant.now().plusSeconds(600));
		FleetPoller poller = new FleetPoller(fleet, this.gateway.stats(), this.gateway.tables(), new StatusBoard(mock(StateHistory.class)), store,
				settings, GatewayProperties.defaults(), List.of(), SoleInstance.leases(), mock(SharedPolls.class),
				Clock.systemUTC());
		this.ticks = Executors.newSingleThreadScheduledExecutor();
		this.ticks.scheduleAtFixedRate(poller::tick, 0, 100, TimeUnit.MILLISECONDS);
	}

}
