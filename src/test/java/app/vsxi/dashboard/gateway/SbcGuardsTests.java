package app.vsxi.dashboard.gateway;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;

import io.github.resilience4j.bulkhead.BulkheadConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.retry.RetryConfig;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which failed reads are asked again and how long the dashboard waits between, which failures count against an SBC
 * in its circuit breaker, and how many calls one SBC may hold: the rules, without a box on the wire.
 */
class SbcGuardsTests {

	private static final SbcEndpoint SBC = new SbcEndpoint(7, "edge-1", URI.create("https://10.0.0.7:8888"), "admin",
			"secret", "AA:BB");

	private static final SbcEndpoint OTHER = new SbcEndpoint(8, "edge-2", URI.create("https://10.0.0.8:8888"), "admin",
			"secret", "AA:BB");

	private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

	private final SbcGuards guards = new SbcGuards(GatewayProperties.defaults(), this.meters, Clock.systemUTC());

	@Test
	void aReadIsAskedAgainAfterTroubleOnTheWayOrAnOverlappingRequestsAnswer() {
		List<GatewayError> passing = List.of(new GatewayError.Unreachable("connection refused"),
				new GatewayError.Timeout("read"), new GatewayError.Rejected("busy"),
				new GatewayError.IncompleteAnswer("no tables"), new GatewayError.UnexpectedResponse(0, "reset"),
				new GatewayError.UnexpectedResponse(429, "too many"), new GatewayError.UnexpectedResponse(500, "oops"),
				new GatewayError.UnexpectedResponse(503, "later"));

		assertThat(passing).allMatch(error -> SbcGuards.WORTH_ANOTHER_READ.test(GatewayResult.failed(error)));
	}

	@Test
	void aReadIsNotAskedAgainWhenTheSameAnswerWouldComeBack() {
		List<GatewayError> lasting = List.of(new GatewayError.NotAuthorized("bad password"),
				new GatewayError.JsonConversionFailed("convert xml2json failed"), new GatewayError.TlsFailure("handshake"),
				new GatewayError.CertificateChanged("CC", "AA"), new GatewayError.CertificateNotConfirmed(),
				new GatewayError.Busy(), new GatewayError.CircuitOpen(new GatewayError.Timeout("read")),
				new GatewayError.SlaveMode("slave", "master-1"), new GatewayError.NoRestApi(),
				new GatewayError.Unsupported("getFoo"), new GatewayError.UnexpectedResponse(404, "no such page"),
				new GatewayError.UnexpectedResponse(428, "precondition"),
				new GatewayError.UnexpectedResponse(430, "odd"), new GatewayError.UnexpectedResponse(499, "odd"));

		assertThat(lasting).noneMatch(error -> SbcGuards.WORTH_ANOTHER_READ.test(GatewayResult.failed(error)));
		assertThat(SbcGuards.WORTH_ANOTHER_READ.test(GatewayResult.ok("answer"))).isFalse();
		assertThat(SbcGuards.WORTH_ANOTHER_READ.test("not a result")).isFalse();
	}

	@Test
	void onlyTroubleWithTheBoxOrThePathToItCountsAgainstTheSbc() {
		List<GatewayError> trouble = List.of(new GatewayError.Unreachable("connection refused"),
				new GatewayError.Timeout("connect"), new GatewayError.TlsFailure("handshake"),
				new GatewayError.UnexpectedResponse(0, "reset"), new GatewayError.UnexpectedResponse(500, "oops"),
				new GatewayError.UnexpectedResponse(502, "gateway"));
		List<GatewayError> answers = List.of(new GatewayError.Rejected("busy"),
				new GatewayError.IncompleteAnswer("no tables"), new GatewayError.NotAuthorized("bad password"),
				new GatewayError.UnexpectedResponse(429, "too many"), new GatewayError.UnexpectedResponse(499, "odd"),
				new GatewayError.Busy(), new GatewayError.JsonConversionFailed("convert xml2json failed"));

		assertThat(trouble).allMatch(error -> SbcGuards.SBC_IN_TROUBLE.test(GatewayResult.failed(error)));
		assertThat(answers).noneMatch(error -> SbcGuards.SBC_IN_TROUBLE.test(GatewayResult.failed(error)));
		assertThat(SbcGuards.SBC_IN_TROUBLE.test(GatewayResult.ok("answer"))).isFalse();
		assertThat(SbcGuards.SBC_IN_TROUBLE.test("not a result")).isFalse();
	}

	@Test
	void theBackOffGrowsByItsStepAndStopsAtItsLongest() {
		GatewayProperties properties = GatewayProperties.defaults().withReadRetries(4, Duration.ofMillis(300));

		assertThat(IntStream.rangeClosed(1, 5).mapToObj(attempt -> SbcGuards.backoff(properties, attempt)).toList())
			.containsExactly(300L, 600L, 900L, 1200L, 1500L);
		assertThat(SbcGuards.backoff(GatewayProperties.defaults().withReadRetries(2, Duration.ofMillis(900)), 3))
			.isEqualTo(2000L);
	}

	@Test
	void aReadIsTriedOnceAndThenAsOftenAsConfiguredWaitingTheBackOffAndEndingWithTheLastAnswer() {
		SbcGuards twice = new SbcGuards(GatewayProperties.defaults().withReadRetries(2, Duration.ofMillis(400)),
				new SimpleMeterRegistry(), Clock.systemUTC());
		RetryConfig config = twice.readRetry(SBC).getRetryConfig();

		assertThat(config.getMaxAttempts()).isEqualTo(3);
		assertThat(config.isFailAfterMaxAttempts()).isFalse();
		assertThat(IntStream.rangeClosed(1, 3).mapToObj(attempt -> config.getIntervalBiFunction().apply(attempt, null))
			.toList()).containsExactly(400L, 800L, 1200L);
		assertThat(config.<Object>getResultPredicate().test(GatewayResult.failed(new GatewayError.Timeout("read"))))
			.isTrue();
		assertThat(config.<Object>getResultPredicate().test(GatewayResult.failed(new GatewayError.NotAuthorized("no"))))
			.isFalse();
	}

	@Test
	void noRetriesOrANegativeNumberMeansOneAttempt() {
		SbcGuards none = new SbcGuards(GatewayProperties.defaults().withReadRetries(0, Duration.ofMillis(400)),
				new SimpleMeterRegistry(), Clock.systemUTC());
		SbcGuards negative = new SbcGuards(GatewayProperties.defaults().withReadRetries(-3, Duration.ofMillis(400)),
				new SimpleMeterRegistry(), Clock.systemUTC());

		assertThat(none.readRetry(SBC).getRetryConfig().getMaxAttempts()).isEqualTo(1);
		assertThat(negative.readRetry(SBC).getRetryConfig().getMaxAttempts()).isEqualTo(1);
	}

	@Test
	void theBreakerOpensOnHalfOfTheLastTenCallsOnceFiveWereMadeAndCountsOnlyTrouble() {
		CircuitBreaker breaker = this.guards.breaker(SBC);
		CircuitBreakerConfig config = breaker.getCircuitBreakerConfig();

		assertThat(breaker.getName()).isEqualTo("sbc-7");
		assertThat(config.getFailureRateThreshold()).isEqualTo(50f);
		assertThat(config.getSlidingWindowSize()).isEqualTo(10);
		assertThat(config.getMinimumNumberOfCalls()).isEqualTo(5);
		assertThat(config.getWaitIntervalFunctionInOpenState().apply(1)).isEqualTo(30_000L);
		assertThat(config.getPermittedNumberOfCallsInHalfOpenState()).isEqualTo(2);
		assertThat(config.getRecordResultPredicate().test(GatewayResult.failed(new GatewayError.Timeout("read"))))
			.isTrue();
		assertThat(config.getRecordResultPredicate().test(GatewayResult.failed(new GatewayError.Rejected("busy"))))
			.isFalse();
	}

	@Test
	void anSbcHoldsTheCallInItsTurnAndThoseQueuedBehindItAndNoMoreWaitForRoom() {
		BulkheadConfig config = this.guards.bulkhead(SBC).getBulkheadConfig();

		assertThat(this.guards.bulkhead(SBC).getName()).isEqualTo("sbc-7");
		assertThat(config.getMaxConcurrentCalls()).isEqualTo(33);
		assertThat(config.getMaxWaitDuration()).isEqualTo(Duration.ZERO);
	}

	@Test
	void eachSbcHasGuardsOfItsOwn() {
		assertThat(this.guards.breaker(SBC)).isSameAs(this.guards.breaker(SBC)).isNotSameAs(this.guards.breaker(OTHER));
		assertThat(this.guards.readRetry(SBC).getName()).isEqualTo("sbc-7");
		assertThat(this.guards.readRetry(OTHER).getName()).isEqualTo("sbc-8");
	}

	@Test
	void theBreakersAndBulkheadsAreMeasured() {
		this.guards.breaker(SBC);
		this.guards.bulkhead(SBC);

		assertThat(this.meters.find("resilience4j.circuitbreaker.state").tag("name", "sbc-7").gauges()).isNotEmpty();
		assertThat(this.meters.find("resilience4j.bulkhead.available.concurrent.calls").tag("name", "sbc-7").gauges())
			.isNotEmpty();
	}

	@Test
	void troubleIsKeptUntilTheSbcAnswersAndAnAnswerAboutTheRequestLeavesItAlone() {
		GatewayError.Timeout timeout = new GatewayError.Timeout("read");
		assertThat(this.guards.lastTrouble(SBC)).isNull();

		this.guards.answered(SBC, GatewayResult.failed(timeout));
		this.guards.answered(SBC, GatewayResult.failed(new GatewayError.Rejected("busy")));
		assertThat(this.guards.lastTrouble(SBC)).isEqualTo(timeout);
		assertThat(this.guards.lastTrouble(OTHER)).isNull();

		this.guards.answered(SBC, GatewayResult.ok("answer"));
		assertThat(this.guards.lastTrouble(SBC)).isNull();
	}

	@Test
	void resetClosesTheBreakerAndForgetsTheTroubleOfThatSbcOnly() {
		this.guards.answered(SBC, GatewayResult.failed(new GatewayError.Unreachable("refused")));
		this.guards.answered(OTHER, GatewayResult.failed(new GatewayError.Unreachable("refused")));
		this.guards.breaker(SBC).transitionToOpenState();
		this.guards.breaker(OTHER).transitionToOpenState();

		this.guards.reset(7);

		assertThat(this.guards.breaker(SBC).getState()).isEqualTo(CircuitBreaker.State.CLOSED);
		assertThat(this.guards.lastTrouble(SBC)).isNull();
		assertThat(this.guards.breaker(OTHER).getState()).isEqualTo(CircuitBreaker.State.OPEN);
		assertThat(this.guards.lastTrouble(OTHER)).isEqualTo(new GatewayError.Unreachable("refused"));
	}

	@Test
	void resettingAnSbcNeverCalledIsHarmless() {
		this.guards.reset(99);

		assertThat(this.guards.lastTrouble(SBC)).isNull();
	}

}
