package app.vsxi.dashboard.gateway;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * One queue per SBC that every request to it joins, whoever sends it (the poller, a page, an operator's write):
 * requests go in the order they came, one at a time, since real boxes answer a request that overlaps another with
 * a 400. A streamed answer keeps its turn until it is read to the end or cancelled. A request that waits longer than
 * {@code max-wait-per-sbc} gives its place up as {@link GatewayError.Busy}, so a hung box cannot pile requests up;
 * {@code min-gap-per-sbc} keeps a quiet time between one request's end and the next one's start, for boxes that
 * refuse a request arriving within moments of another even when the first was answered.
 * <p>
 * Why this mechanism: Resilience4j's bulkhead waits for a permit by blocking the caller's thread, here often a Netty
 * event loop that may be the very thread due to deliver the answer being waited for, and Reactor has no asynchronous
 * semaphore. So each request waits, holding no thread, on a Reactor {@link Sinks.Empty} that the request before it
 * completes when its turn is over: first come, first served by construction, and a request that gives up waiting
 * passes its place on only once the one before it is done, so two never run at once.
 */
final class SbcQueues {

	private final Duration maxWait;

	private final Duration minGap;

	private final Map<Long, Line> lines = new ConcurrentHashMap<>();

	SbcQueues(GatewayProperties properties) {
		this.maxWait = properties.maxWaitPerSbc() != null ? properties.maxWaitPerSbc()
				: GatewayProperties.defaults().maxWaitPerSbc();
		this.minGap = properties.minGapPerSbc() != null ? properties.minGapPerSbc() : Duration.ZERO;
	}

	/**
	 * {@code request}, sent once its turn on the SBC came and the gap after the one before it passed; {@code busy}'s
	 * answer if the turn did not come within the wait.
	 */
	<T> Mono<T> inTurn(long sbcId, Mono<T> request, Supplier<T> busy) {
		return Mono.defer(() -> {
			Line line = this.lines.computeIfAbsent(sbcId, id -> new Line());
			Turn turn = line.join();
			Mono<T> served = Mono.defer(() -> {
				long gap = line.gapLeft(this.minGap);
				return gap > 0 ? Mono.delay(Duration.ofNanos(gap)).then(request) : request;
			})
				// over before the answer is handed on, so a caller's next request to this SBC queues behind no one
				.doOnSuccess(answer -> turn.over(true))
				.doOnError(failure -> turn.over(true))
				.doOnCancel(() -> turn.over(true));
			return turn.before()
				.then(Mono.just(Boolean.TRUE))
				.timeout(this.maxWait, Mono.just(Boolean.FALSE))
				.flatMap(ours -> ours ? served : Mono.fromSupplier(busy))
				.doFinally(signal -> turn.over(false));
		});
	}

	/** One SBC's queue: the end of the turn of the request that joined last, and when a request last ended. */
	private static final class Line {

		private Mono<Void> last = Mono.empty();

		private volatile Long endedAt;

		synchronized Turn join() {
			Sinks.Empty<Void> done = Sinks.empty();
			Turn turn = new Turn(this, this.last, done);
			this.last = done.asMono();
			return turn;
		}

		/** Nanoseconds still to wait for the gap after the last request's end. */
		long gapLeft(Duration gap) {
			Long ended = this.endedAt;
			return ended == null || gap.isZero() ? 0 : gap.toNanos() - (System.nanoTime() - ended);
		}

	}

	/** One request's place: it may go once {@code before} completed; {@code done} completes when its turn is over. */
	private record Turn(Line line, Mono<Void> before, Sinks.Empty<Void> done, AtomicBoolean ended) {

		Turn(Line line, Mono<Void> before, Sinks.Empty<Void> done) {
			this(line, before, done, new AtomicBoolean());
		}

		/** Hands the turn on, once: at once after a request that ran, after the one before for one that gave up. */
		void over(boolean ran) {
			if (this.ended.compareAndSet(false, true)) {
				if (ran) {
					this.line.endedAt = System.nanoTime();
				}
				this.before.subscribe(null, null, () -> this.done.tryEmitEmpty());
			}
		}

	}

}
