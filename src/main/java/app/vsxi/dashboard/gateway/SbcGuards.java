package app.vsxi.dashboard.gateway;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.bulkhead.BulkheadConfig;
import io.github.resilience4j.bulkhead.BulkheadRegistry;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.micrometer.tagged.TaggedBulkheadMetrics;
import io.github.resilience4j.micrometer.tagged.TaggedCircuitBreakerMetrics;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import io.github.resilience4j.retry.RetryRegistry;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * The Resilience4j guards of each SBC, named after it: a bulkhead so one SBC can hold only its own share of
 * calls (the one in its turn and those queued behind it in {@link SbcQueues}; more are refused at once), a circuit
 * breaker so an SBC that keeps failing is left alone for a while instead of tying up threads, and a retry for reads
 * that met a passing failure.
 */
final class SbcGuards {

	/** Failures that say the SBC or the path to it is in trouble, as opposed to an answer about the request. */
	static final Predicate<Object> SBC_IN_TROUBLE = result -> result instanceof GatewayResult<?> answer
			&& answer.failure().filter(SbcGuards::sbcInTrouble).isPresent();

	/**
	 * Failures a read may outgrow a moment later: besides trouble on the way, what real boxes answer when two
	 * requests overlap (400, 429, 5xx, a body without its tables). Not a 500 about converting to JSON: asking again
	 * gets the same answer.
	 */
	static final Predicate<Object> WORTH_ANOTHER_READ = result -> result instanceof GatewayResult<?> answer
			&& answer.failure().filter(SbcGuards::worthAnotherRead).isPresent();

	private static boolean worthAnotherRead(GatewayError error) {
		return error instanceof GatewayError.Unreachable || error instanceof GatewayError.Timeout
				|| error instanceof GatewayError.Rejected || error instanceof GatewayError.IncompleteAnswer
				|| (error instanceof GatewayError.UnexpectedResponse unexpected && (unexpected.status() == 0
						|| unexpected.status() == 429 || unexpected.status() >= 500));
	}

	private static boolean sbcInTrouble(GatewayError error) {
		return error instanceof GatewayError.Unreachable || error instanceof GatewayError.Timeout
				|| error instanceof GatewayError.TlsFailure || (error instanceof GatewayError.UnexpectedResponse unexpected
						&& (unexpected.status() == 0 || unexpected.status() >= 500));
	}

	private final CircuitBreakerRegistry breakers;

	private final BulkheadRegistry bulkheads;

	private final RetryRegistry retries;

	SbcGuards(GatewayProperties properties, MeterRegistry meters, Clock clock) {
		GatewayProperties.CircuitBreaker breaker = properties.circuitBreaker();
		this.breakers = CircuitBreakerRegistry.of(CircuitBreakerConfig.custom()
			.failureRateThreshold(breaker.failureRatePercent())
			.slidingWindowSize(breaker.window())
			.minimumNumberOfCalls(breaker.minimumCalls())
			.waitDurationInOpenState(breaker.openFor())
			.permittedNumberOfCallsInHalfOpenState(2)
			.recordResult(SBC_IN_TROUBLE)
			// the monitoring's clock: a breaker's open time and an SBC's "next try in" are told by one clock
			.clock(clock)
			.build());
		this.bulkheads = BulkheadRegistry.of(BulkheadConfig.custom()
			.maxConcurrentCalls(1 + properties.maxQueuedPerSbc())
			.maxWaitDuration(Duration.ZERO)
			.build());
		this.retries = RetryRegistry.of(RetryConfig.custom()
			.maxAttempts(1 + Math.max(0, properties.readRetries()))
			// like the public monitoring clients: 0.5 s, 1 s, 1.5 s … never more than 2 s
			.intervalFunction(attempt -> backoff(properties, attempt))
			.retryOnResult(WORTH_ANOTHER_READ)
			.failAfterMaxAttempts(false)
			.build());
		TaggedCircuitBreakerMetrics.ofCircuitBreakerRegistry(this.breakers).bindTo(meters);
		TaggedBulkheadMetrics.ofBulkheadRegistry(this.bulkheads).bindTo(meters);
	}

	/** The wait before the given extra attempt of a read, in milliseconds. */
	static long backoff(GatewayProperties properties, int attempt) {
		return Math.min(properties.retryBackoffMax().toMillis(), properties.retryBackoff().toMillis() * attempt);
	}

	/** The last trouble the breaker counted per SBC, so a call it holds back can still say what is wrong. */
	private final Map<Long, GatewayError> lastTrouble = new ConcurrentHashMap<>();

	/** Notes what a call that got its turn came back with: trouble is kept, an answer forgets it. */
	void answered(SbcEndpoint sbc, GatewayResult<?> result) {
		GatewayError error = result.failure().orElse(null);
		if (error == null) {
			this.lastTrouble.remove(sbc.sbcId());
		}
		else if (sbcInTrouble(error)) {
			this.lastTrouble.put(sbc.sbcId(), error);
		}
	}

	/** The failure that last counted against the SBC, null if none since its last answer. */
	GatewayError lastTrouble(SbcEndpoint sbc) {
		return this.lastTrouble.get(sbc.sbcId());
	}

	CircuitBreaker breaker(SbcEndpoint sbc) {
		return this.breakers.circuitBreaker(name(sbc));
	}

	Bulkhead bulkhead(SbcEndpoint sbc) {
		return this.bulkheads.bulkhead(name(sbc));
	}

	Retry readRetry(SbcEndpoint sbc) {
		return this.retries.retry(name(sbc));
	}

	/** Forgets an SBC's history, e.g. after an administrator fixed its address. */
	void reset(long sbcId) {
		this.breakers.find("sbc-" + sbcId).ifPresent(CircuitBreaker::reset);
		this.lastTrouble.remove(sbcId);
	}

	private static String name(SbcEndpoint sbc) {
		return "sbc-" + sbc.sbcId();
	}

}
