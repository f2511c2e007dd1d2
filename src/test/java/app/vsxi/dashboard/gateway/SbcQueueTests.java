package app.vsxi.dashboard.gateway;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.Disposable;

import app.vsxi.dashboard.simulator.RequestTiming;
import app.vsxi.dashboard.simulator.SimulatedVsxi;
import app.vsxi.dashboard.support.FakeSbc;
import app.vsxi.dashboard.support.GatewayParts;
import app.vsxi.dashboard.support.SimulatedBox;

import static app.vsxi.dashboard.gateway.GatewayFidelityTests.failed;
import static app.vsxi.dashboard.gateway.GatewayFidelityTests.ok;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Every request to one SBC waits for its turn in that SBC's one queue: first come, first served, one at a time, a
 * streamed answer holding its turn until it is read or cancelled, a wait bounded, and a gap kept on request.
 */
class SbcQueueTests {

	private SimulatedVsxi box;

	private final List<GatewayParts> gateways = new ArrayList<>();

	private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

	@BeforeEach
	void start() {
		this.box = SimulatedBox.start("queue");
	}

	@AfterEach
	void close() {
		try {
			this.gateways.forEach(GatewayParts::destroy);
		}
		finally {
			this.box.stop();
		}
	}

	@Test
	void requestsToOneSbcGoOneAtATimeInTheOrderTheyCame() throws Exception {
		GatewayParts gateway = gateway(Duration.ofSeconds(10), Duration.ZERO);
		CountDownLatch firstHeld = new CountDownLatch(1);
		CountDownLatch releaseFirst = new CountDownLatch(1);
		AtomicInteger inFlight = new AtomicInteger();
		AtomicInteger mostInFlight = new AtomicInteger();
		try (FakeSbc fake = new FakeSbc((method, path, body) -> {
			mostInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
			try {
				if (firstHeld.getCount() > 0) {
					firstHeld.countDown();
					releaseFirst.await(10, TimeUnit.SECONDS);
				}
				else {
					Thread.sleep(20);
				}
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			inFlight.decrementAndGet();
			return FakeSbc.Answer.text(200, "200 OK");
		})) {
			List<CompletableFuture<GatewayResult<WriteOutcome>>> sent = new ArrayList<>();
			sent.add(gateway.tables().update(endpoint(fake), VsxiTable.ROUTEGROUP, group(0)).toFuture());
			assertThat(firstHeld.await(10, TimeUnit.SECONDS)).isTrue();
			for (int i = 1; i <= 5; i++) {
				sent.add(gateway.tables().update(endpoint(fake), VsxiTable.ROUTEGROUP, group(i)).toFuture());
			}
			Thread.sleep(300);
			assertThat(fake.requests()).as("sent while the first is answered").hasSize(1);

			releaseFirst.countDown();
			for (CompletableFuture<GatewayResult<WriteOutcome>> each : sent) {
				assertThat(each.get(10, TimeUnit.SECONDS).isOk()).isTrue();
			}

			assertThat(mostInFlight.get()).isEqualTo(1);
			assertThat(fake.received()).extracting(body -> body.replaceAll(".*<groupId>(\\d+)</groupId>.*", "$1"))
				.containsExactly("0", "1", "2", "3", "4", "5");
		}
	}

	@Test
	void aRequestThatWaitsLongerThanAllowedFailsAsBusyAndTheQueueRecovers() throws Exception {
		GatewayParts gateway = gateway(Duration.ofMillis(500), Duration.ZERO);
		CountDownLatch hung = new CountDownLatch(1);
		try (FakeSbc fake = new FakeSbc((method, path, body) -> {
			try {
				hung.await(10, TimeUnit.SECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			return FakeSbc.Answer.text(200, "200 OK");
		})) {
			CompletableFuture<GatewayResult<WriteOutcome>> first = gateway.tables().update(endpoint(fake), VsxiTable.ROUTEGROUP, group(1))
				.toFuture();
			await().atMost(Duration.ofSeconds(5)).until(() -> fake.requests().size() == 1);

			long waited = System.nanoTime();
			GatewayError second = failed(gateway.tables().update(endpoint(fake), VsxiTable.ROUTEGROUP, group(2)));
			waited = System.nanoTime() - waited;

			assertThat(second).isEqualTo(new GatewayError.Busy());
			assertThat(Duration.ofNanos(waited)).isBetween(Duration.ofMillis(450), Duration.ofSeconds(5));
			assertThat(fake.requests()).as("the busy one was never sent").hasSize(1);

			hung.countDown();
			assertThat(first.get(10, TimeUnit.SECONDS).isOk()).isTrue();
			ok(gateway.tables().update(endpoint(fake), VsxiTable.ROUTEGROUP, group(3)));
			assertThat(fake.received()).hasSize(2);
			assertThat(fake.received().get(1)).contains("<groupId>3</groupId>");
			// a wait that ran out says nothing of the box: its circuit breaker counted the two that were sent
			assertThat(this.meters.find("resilience4j.circuitbreaker.buffered.calls").tag("name", "sbc-2").gauges())
				.extracting(gauge -> gauge.value())
				.containsExactlyInAnyOrder(2.0, 0.0);
		}
	}

	@Test
	void aStreamedLargeDownloadHoldsTheSbcUntilItIsReadToTheEnd() throws Exception {
		GatewayParts gateway = gateway(Duration.ofSeconds(20), Duration.ZERO);
		CountDownLatch reading = new CountDownLatch(1);
		CountDownLatch finishReading = new CountDownLatch(1);
		AtomicInteger rows = new AtomicInteger();
		CompletableFuture<GatewayResult<TableZip.Summary>> download = gateway.tables().downloadLarge(sbc(), VsxiTable.ROUTE, row -> {
				if (rows.incrementAndGet() == 1) {
					reading.countDown();
					hold(finishReading);
				}
			})
			.toFuture();
		assertThat(reading.await(10, TimeUnit.SECONDS)).isTrue();

		CompletableFuture<GatewayResult<RealtimeStats>> poll = gateway.stats().realtimeStats(sbc()).toFuture();
		Thread.sleep(500);

		assertThat(poll).as("a poll while the download is read").isNotDone();
		assertThat(this.box.requestCounts()).doesNotContainKey("stats/realtime");

		finishReading.countDown();
		assertThat(download.get(10, TimeUnit.SECONDS).isOk()).isTrue();
		assertThat(poll.get(10, TimeUnit.SECONDS).isOk()).isTrue();
		assertThat(rows.get()).isEqualTo(this.box.entries("route").size());
		RequestTiming large = only(this.box.requestTimeline(), "downloadLarge/route");
		RequestTiming stats = only(this.box.requestTimeline(), "stats/realtime");
		assertThat(stats.arrivedNanos()).isGreaterThan(large.answeredNanos());
	}

	@Test
	void aCancelledStreamFreesTheSbc() throws Exception {
		GatewayParts gateway = gateway(Duration.ofSeconds(20), Duration.ZERO);
		CountDownLatch reading = new CountDownLatch(1);
		CountDownLatch never = new CountDownLatch(1);
		Disposable download = gateway.tables().downloadLarge(sbc(), VsxiTable.ROUTE, row -> {
			reading.countDown();
			hold(never);
		}).subscribe();
		try {
			assertThat(reading.await(10, TimeUnit.SECONDS)).isTrue();
			CompletableFuture<GatewayResult<RealtimeStats>> poll = gateway.stats().realtimeStats(sbc()).toFuture();
			Thread.sleep(300);
			assertThat(poll).as("a poll while the download is read").isNotDone();

			download.dispose();

			// well within the 20 s wait: the reader is still stuck, but the turn is over
			assertThat(poll.get(5, TimeUnit.SECONDS).isOk()).isTrue();
			assertThat(never.getCount()).isEqualTo(1);
		}
		finally {
			never.countDown();
		}
	}

	/** A caller that asks the same SBC again from inside its own streamed answer gets Busy, not a hang. */
	@Test
	void aSecondRequestFromInsideAStreamOfTheSameSbcFailsAsBusyInsteadOfWaitingForever() {
		GatewayParts gateway = gateway(Duration.ofMillis(400), Duration.ZERO);
		AtomicReference<GatewayResult<RealtimeStats>> nested = new AtomicReference<>();

		ok(gateway.tables().downloadLarge(sbc(), VsxiTable.ROUTE, row -> {
			if (nested.get() == null) {
				nested.set(gateway.stats().realtimeStats(sbc()).block(Duration.ofSeconds(10)));
			}
		}));

		assertThat(nested.get().failure()).contains(new GatewayError.Busy());
	}

	/** Why the gap exists: one at a time is not enough for a box that counts from one arrival to the next. */
	@Test
	void withoutAGapABoxThatRefusesRequestsInQuickSuccessionAnswersOneAfterAnotherWith400() {
		this.box.quirks(Map.of("overlapMillis", 300));
		GatewayParts gateway = gateway(Duration.ofSeconds(10), Duration.ZERO);
		TableDocument mapping = firstDigitMapping(gateway);

		List<GatewayResult<WriteOutcome>> answers = new ArrayList<>();
		for (int i = 0; i < 3; i++) {
			answers.add(gateway.tables().update(sbc(), VsxiTable.DIGIT_MAPPING, mapping).block(Duration.ofSeconds(10)));
		}

		assertThat(answers)
			.anySatisfy(answer -> assertThat(answer.failure()).get().isInstanceOf(GatewayError.Rejected.class));
	}

	@Test
	void aGapAsLongAsTheBoxWantsGetsEveryRequestAnswered() {
		this.box.quirks(Map.of("overlapMillis", 300));
		GatewayParts gateway = gateway(Duration.ofSeconds(10), Duration.ofMillis(300));
		TableDocument mapping = firstDigitMapping(gateway);

		List<GatewayResult<WriteOutcome>> answers = new ArrayList<>();
		for (int i = 0; i < 3; i++) {
			answers.add(gateway.tables().update(sbc(), VsxiTable.DIGIT_MAPPING, mapping).block(Duration.ofSeconds(10)));
		}

		assertThat(answers).allSatisfy(answer -> assertThat(answer.isOk()).as("%s", answer).isTrue());
		List<RequestTiming> timeline = this.box.requestTimeline();
		assertThat(timeline).hasSize(4).allSatisfy(timing -> assertThat(timing.status()).isEqualTo(200));
		for (int i = 1; i < timeline.size(); i++) {
			assertThat(timeline.get(i).arrivedNanos() - timeline.get(i - 1).arrivedNanos())
				.isGreaterThanOrEqualTo(TimeUnit.MILLISECONDS.toNanos(300));
		}
	}

	private TableDocument firstDigitMapping(GatewayParts gateway) {
		TableDocument all = ok(gateway.tables().download(sbc(), VsxiTable.DIGIT_MAPPING));
		return new TableDocument(all.root(), all.item(), all.rows().subList(0, 1));
	}

	private GatewayParts gateway(Duration maxWait, Duration minGap) {
		GatewayParts gateway = GatewayParts.of(GatewayProperties.of(Duration.ofSeconds(2), Duration.ofSeconds(10), 4)
			.withReadRetries(0, Duration.ofMillis(10))
			.withTurns(maxWait, minGap), this.meters);
		this.gateways.add(gateway);
		return gateway;
	}

	private SbcEndpoint sbc() {
		return new SbcEndpoint(1, this.box.name(), URI.create(this.box.baseUrl()), "admin", "admin",
				this.box.certificateFingerprint());
	}

	private static SbcEndpoint endpoint(FakeSbc fake) {
		return new SbcEndpoint(2, "fake", URI.create(fake.baseUrl()), "admin", "admin", fake.fingerprint());
	}

	private static TableDocument group(int id) {
		return new TableDocument(VsxiTable.ROUTEGROUP.names(), List.of(new TableRow(Map.of("groupId", "" + id))));
	}

	private static RequestTiming only(List<RequestTiming> timeline, String command) {
		return timeline.stream().filter(timing -> timing.command().equals(command)).reduce((a, b) -> {
			throw new AssertionError("more than one " + command);
		}).orElseThrow();
	}

	private static void hold(CountDownLatch latch) {
		try {
			latch.await(30, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
