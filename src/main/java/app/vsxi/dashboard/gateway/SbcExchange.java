package app.vsxi.dashboard.gateway;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.function.Function;

import io.github.resilience4j.bulkhead.BulkheadFullException;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.reactor.bulkhead.operator.BulkheadOperator;
import io.github.resilience4j.reactor.circuitbreaker.operator.CircuitBreakerOperator;
import io.github.resilience4j.reactor.retry.RetryOperator;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.web.reactive.function.BodyInserter;
import org.springframework.http.client.reactive.ClientHttpRequest;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * Sends one request to one SBC and turns whatever happens into a {@link GatewayResult}: the SBC's credentials,
 * its queue, guards, timeouts, metrics and error classification all live here, for every command alike. Every
 * request, whoever sends it, waits for its turn in the SBC's one queue ({@link SbcQueues}), so no two overlap.
 * Only this package sends through it; the rest of the product may only make it forget an SBC.
 */
@Component
public final class SbcExchange implements DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(SbcExchange.class);

	private static final String API = "/SSConfig/webresources/{action}/{table}";

	private final GatewayProperties properties;

	private final SbcClients clients;

	private final SbcGuards guards;

	private final SbcQueues queues;

	private final MeterRegistry meters;

	/** Per SBC, the method each Large action was last taken with, where it differs from the command table's. */
	private final Map<Long, Map<VsxiAction, HttpMethod>> methods = new java.util.concurrent.ConcurrentHashMap<>();

	/** Looked up once per SBC, command and outcome rather than built on every call. */
	private final Map<String, Timer> timers = new java.util.concurrent.ConcurrentHashMap<>();

	@Autowired
	public SbcExchange(GatewayProperties properties, MeterRegistry meters, Clock clock) {
		this(properties, new SbcClients(properties), new SbcGuards(properties, meters, clock), meters);
	}

	SbcExchange(GatewayProperties properties, SbcClients clients, SbcGuards guards, MeterRegistry meters) {
		this.properties = properties;
		this.clients = clients;
		this.guards = guards;
		this.queues = new SbcQueues(properties);
		this.meters = meters;
	}

	/** What the SBC answered, read whole as text. */
	record Answer(int status, byte[] body) {

		String text() {
			return new String(this.body, StandardCharsets.UTF_8);
		}

	}

	/** A request whose answer is read whole; {@code onAnswer} decides what a 2xx/300 answer means. */
	<T> Mono<GatewayResult<T>> text(SbcEndpoint sbc, Request request, Function<Answer, GatewayResult<T>> onAnswer) {
		return call(sbc, request, response -> response.bodyToMono(byte[].class)
			.defaultIfEmpty(new byte[0])
			.map(body -> {
				int status = response.statusCode().value();
				return status == 200 || status == 300 ? onAnswer.apply(new Answer(status, body))
						: GatewayResult.<T>failed(
								FailureClassifier.fromStatus(status, new String(body, StandardCharsets.UTF_8), sbc));
			}), true);
	}

	/** A request whose 200 answer is a stream, read by {@code reader} on a worker thread as it arrives. */
	<T> Mono<GatewayResult<T>> stream(SbcEndpoint sbc, Request request, Function<InputStream, T> reader) {
		return call(sbc, request, response -> {
			int status = response.statusCode().value();
			if (status != 200) {
				return response.bodyToMono(String.class)
					.defaultIfEmpty("")
					.map(body -> GatewayResult.<T>failed(FailureClassifier.fromStatus(status, body, sbc)));
			}
			InputStream body = DataBufferUtils.subscriberInputStream(response.bodyToFlux(DataBuffer.class), 8);
			return Mono.fromCallable(() -> read(body, reader, request)).subscribeOn(Schedulers.boundedElastic());
		}, false);
	}

	private <T> GatewayResult<T> read(InputStream body, Function<InputStream, T> reader, Request request) {
		try (body) {
			return GatewayResult.ok(reader.apply(body));
		}
		catch (IncompleteAnswerException ex) {
			return GatewayResult.failed(new GatewayError.IncompleteAnswer(request.command() + ": " + ex.getMessage()));
		}
		catch (TableFormatException ex) {
			return GatewayResult.failed(new GatewayError.UnexpectedResponse(200,
					"cannot read " + request.command() + ": " + ex.getMessage()));
		}
		catch (java.io.IOException | java.io.UncheckedIOException ex) {
			return GatewayResult.failed(new GatewayError.Unreachable("the answer broke off: " + ex.getMessage()));
		}
	}

	/**
	 * Sends the request with the method this SBC took last for its action. A Large action refused with 405 is
	 * sent once more with the other method the vendor documents for it (its guide says POST in prose and GET or
	 * DELETE in its command table); the method that worked is remembered for the SBC.
	 */
	private <T> Mono<GatewayResult<T>> call(SbcEndpoint sbc, Request request,
			Function<ClientResponse, Mono<GatewayResult<T>>> onResponse, boolean bounded) {
		java.util.Optional<HttpMethod> alternative = request.action().otherDocumentedMethod();
		if (alternative.isEmpty()) {
			return send(sbc, request, onResponse, bounded);
		}
		Map<VsxiAction, HttpMethod> taken = this.methods.computeIfAbsent(sbc.sbcId(),
				id -> new java.util.concurrent.ConcurrentHashMap<>());
		HttpMethod first = taken.getOrDefault(request.action(), request.method());
		HttpMethod second = first == request.method() ? alternative.get() : request.method();
		return send(sbc, request.with(first), onResponse, bounded).flatMap(result -> {
			if (!refusedMethod(result)) {
				return Mono.just(result);
			}
			return send(sbc, request.with(second), onResponse, bounded).doOnNext(retried -> {
				if (!refusedMethod(retried)) {
					taken.put(request.action(), second);
				}
			});
		});
	}

	private static boolean refusedMethod(GatewayResult<?> result) {
		return result.failure()
			.filter(error -> error instanceof GatewayError.UnexpectedResponse unexpected && unexpected.status() == 405)
			.isPresent();
	}

	/** Drops the connections and failure history kept for an SBC, e.g. after its address or certificate changed. */
	public void forget(long sbcId) {
		this.clients.forget(sbcId);
		this.methods.remove(sbcId);
		this.guards.reset(sbcId);
	}

	/** The certificate an SBC presents now, for an administrator to confirm. */
	public GatewayResult<String> presentedCertificate(java.net.URI baseUrl) {
		return CertificateProbe.presentedFingerprint(baseUrl, this.properties.connectTimeout());
	}

	@Override
	public void destroy() {
		this.clients.closeAll();
	}

	private <T> Mono<GatewayResult<T>> send(SbcEndpoint sbc, Request request,
			Function<ClientResponse, Mono<GatewayResult<T>>> onResponse, boolean bounded) {
		if (!sbc.isTrustSettled()) {
			return Mono.just(GatewayResult.failed(new GatewayError.CertificateNotConfirmed()));
		}
		Timer.Sample sample = Timer.start(this.meters);
		SbcClients.Client client;
		try {
			client = this.clients.clientFor(sbc);
		}
		catch (IllegalStateException ex) {
			// e.g. an SBC set to trust a CA while none is configured: nothing can be sent safely
			return Mono.just(GatewayResult.failed(new GatewayError.TlsFailure(ex.getMessage())));
		}
		Mono<GatewayResult<T>> attempt = Mono.defer(() -> {
			WebClient.RequestBodySpec spec = client.web()
				.method(request.method())
				.uri(client.uri(request.uriKey(), () -> uri(sbc, request)))
				.header(HttpHeaders.AUTHORIZATION, client.authorization());
			if (request.body() != null) {
				spec.body(request.body());
			}
			Mono<GatewayResult<T>> exchanged = spec.exchangeToMono(onResponse);
			if (bounded) {
				exchanged = exchanged.timeout(deadline());
			}
			return exchanged.onErrorResume(failure -> Mono
				.fromCallable(() -> GatewayResult.<T>failed(
						FailureClassifier.fromException(failure, sbc, this.properties.connectTimeout())))
				.subscribeOn(Schedulers.boundedElastic()));
		});
		// a streamed answer may have handed entries on before it broke off: asking again would hand them twice
		return guarded(attempt, sbc, !request.action().write() && bounded)
			.doOnNext(result -> record(sample, sbc, request.command(), result));
	}

	/** Every value goes in as a variable, so it is encoded strictly (a queryString has ' % = " …). */
	private static java.net.URI uri(SbcEndpoint sbc, Request request) {
		Map<String, String> variables = new java.util.HashMap<>(request.parameters());
		variables.put("action", request.action().path());
		variables.put("table", request.table().path());
		org.springframework.web.util.UriComponentsBuilder uri = org.springframework.web.util.UriComponentsBuilder
			.fromUri(sbc.baseUrl())
			.path(API);
		request.parameters().keySet().forEach(name -> uri.queryParam(name, "{" + name + "}"));
		return uri.encode().buildAndExpand(variables).toUri();
	}

	/**
	 * The SBC's queue and its own guards around every call: the bulkhead bounds how many may queue, the circuit
	 * breaker judges only calls that got their turn (a wait that ran out says nothing of the box), and the retry,
	 * around whole reads only, queues each attempt afresh, so the back-off between attempts holds no one up. The
	 * turn lasts until the answer is read, a stream's to its end, so the next request cannot overlap it.
	 */
	private <T> Mono<GatewayResult<T>> guarded(Mono<GatewayResult<T>> call, SbcEndpoint sbc, boolean read) {
		Mono<GatewayResult<T>> guarded = this.queues
			.inTurn(sbc.sbcId(), call.doOnNext(result -> this.guards.answered(sbc, result))
				.transformDeferred(CircuitBreakerOperator.of(this.guards.breaker(sbc))),
					() -> GatewayResult.failed(new GatewayError.Busy()))
			.transformDeferred(BulkheadOperator.of(this.guards.bulkhead(sbc)));
		if (read) {
			guarded = guarded.transformDeferred(RetryOperator.of(this.guards.readRetry(sbc)));
		}
		return guarded
			.onErrorResume(CallNotPermittedException.class,
					refused -> Mono.just(GatewayResult.failed(new GatewayError.CircuitOpen(this.guards.lastTrouble(sbc)))))
			.onErrorResume(BulkheadFullException.class,
					refused -> Mono.just(GatewayResult.failed(new GatewayError.Busy())));
	}

	private Duration deadline() {
		return this.properties.connectTimeout().plus(this.properties.readTimeout());
	}

	private void record(Timer.Sample sample, SbcEndpoint sbc, String command, GatewayResult<?> result) {
		String outcome = result.fold(value -> "Ok", error -> error.getClass().getSimpleName());
		sample.stop(this.timers.computeIfAbsent(sbc.name() + '|' + command + '|' + outcome,
				key -> Timer.builder("vsxi.gateway.requests")
					.description("Calls to VSXi SBCs")
					.tag("sbc", sbc.name())
					.tag("command", command)
					.tag("outcome", outcome)
					.register(this.meters)));
		result.failure().ifPresent(error -> log.debug("{} {} failed: {}", sbc, command, error.message()));
	}

	/**
	 * One VSXi command.
	 *
	 * @param body what to send, or null
	 */
	record Request(HttpMethod method, VsxiAction action, VsxiTable table, Map<String, String> parameters,
			BodyInserter<?, ? super ClientHttpRequest> body) {

		static Request get(VsxiAction action, VsxiTable table, Map<String, String> parameters) {
			return new Request(HttpMethod.GET, action, table, parameters, null);
		}

		Request with(HttpMethod other) {
			return new Request(other, this.action, this.table, this.parameters, this.body);
		}

		String command() {
			return this.action.path() + "/" + this.table.path();
		}

		/** Requests with the same key have the same URI. */
		String uriKey() {
			return command() + "?" + this.parameters;
		}

	}

}
