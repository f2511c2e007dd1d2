package app.vsxi.dashboard.gateway;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
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
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * Every call the dashboard makes to a VSXi. Calls never throw: they complete with a {@link GatewayResult}, within
 * the configured timeouts, whatever the SBC does.
 */
@Component
public class VsxiGateway implements DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(VsxiGateway.class);

	private static final String API = "/SSConfig/webresources/{action}/{table}";

	private final GatewayProperties properties;

	private final SbcClients clients;

	private final SbcGuards guards;

	private final MeterRegistry meters;

	private final JsonMapper json = JsonMapper.builder().build();

	public VsxiGateway(GatewayProperties properties, MeterRegistry meters) {
		this.properties = properties;
		this.clients = new SbcClients(properties);
		this.guards = new SbcGuards(properties, meters);
		this.meters = meters;
	}

	/** {@code GET stats/realtime}: the box's system-wide counters and HA state. */
	public Mono<GatewayResult<RealtimeStats>> realtimeStats(SbcEndpoint sbc) {
		return read(sbc, "stats", "realtime", "json",
				body -> RealtimeStats.from(StatsDumpReader.read(this.json.readTree(body))));
	}

	/** {@code GET system/realtime}: host, version and uptime as plain text. */
	public Mono<GatewayResult<SystemInfo>> systemInfo(SbcEndpoint sbc) {
		return read(sbc, "system", "realtime", null, SystemInfo::parse);
	}

	/** {@code GET download/<table>}: the table as the box sends it, in XML or JSON. */
	public Mono<GatewayResult<String>> download(SbcEndpoint sbc, String table, String format) {
		return read(sbc, "download", table, format, Function.identity());
	}

	/** Drops the connections kept for an SBC, e.g. after its address, credentials or certificate changed. */
	public void forget(long sbcId) {
		this.clients.forget(sbcId);
		this.guards.reset(sbcId);
	}

	/** The certificate an SBC presents now, for an administrator to confirm. */
	public GatewayResult<String> presentedCertificate(java.net.URI baseUrl) {
		return CertificateProbe.presentedFingerprint(baseUrl, this.properties.connectTimeout());
	}

	private <T> Mono<GatewayResult<T>> read(SbcEndpoint sbc, String action, String table, String format,
			Function<String, T> parser) {
		if (!sbc.hasPinnedCertificate()) {
			return Mono.just(GatewayResult.failed(new GatewayError.CertificateNotConfirmed()));
		}
		String command = action + "/" + table;
		Timer.Sample sample = Timer.start(this.meters);
		WebClient client = this.clients.clientFor(sbc);
		Duration deadline = this.properties.connectTimeout().plus(this.properties.readTimeout());
		Mono<GatewayResult<T>> attempt = Mono.defer(() -> client.get()
			.uri(uri -> {
				uri.path(API);
				if (format != null) {
					uri.queryParam("format", format);
				}
				return uri.build(action, table);
			})
			.headers(headers -> headers.setBasicAuth(sbc.username(), sbc.password(), StandardCharsets.UTF_8))
			.exchangeToMono(response -> response.bodyToMono(String.class)
				.defaultIfEmpty("")
				.map(body -> response.statusCode().value() == 200 ? parse(body, parser, command)
						: GatewayResult.<T>failed(FailureClassifier.fromStatus(response.statusCode().value(), body))))
			.timeout(deadline)
			.onErrorResume(failure -> Mono
				.fromCallable(() -> GatewayResult.<T>failed(
						FailureClassifier.fromException(failure, sbc, this.properties.connectTimeout())))
				.subscribeOn(Schedulers.boundedElastic())));
		return guarded(attempt, sbc, true).doOnNext(result -> record(sample, sbc, command, result));
	}

	/** The SBC's own bulkhead and circuit breaker around every call, and its retry around reads. */
	private <T> Mono<GatewayResult<T>> guarded(Mono<GatewayResult<T>> call, SbcEndpoint sbc, boolean read) {
		Mono<GatewayResult<T>> guarded = call.transformDeferred(BulkheadOperator.of(this.guards.bulkhead(sbc)))
			.transformDeferred(CircuitBreakerOperator.of(this.guards.breaker(sbc)));
		if (read) {
			guarded = guarded.transformDeferred(RetryOperator.of(this.guards.readRetry(sbc)));
		}
		return guarded
			.onErrorResume(CallNotPermittedException.class,
					refused -> Mono.just(GatewayResult.failed(new GatewayError.CircuitOpen())))
			.onErrorResume(BulkheadFullException.class,
					refused -> Mono.just(GatewayResult.failed(new GatewayError.Busy())));
	}

	private <T> GatewayResult<T> parse(String body, Function<String, T> parser, String command) {
		try {
			return GatewayResult.ok(parser.apply(body));
		}
		catch (RuntimeException ex) {
			return GatewayResult.failed(new GatewayError.UnexpectedResponse(200,
					"cannot read " + command + ": " + FailureClassifier.abbreviate(String.valueOf(ex.getMessage()))));
		}
	}

	private void record(Timer.Sample sample, SbcEndpoint sbc, String command, GatewayResult<?> result) {
		String outcome = result instanceof GatewayResult.Failed<?> failed
				? failed.error().getClass().getSimpleName() : "Ok";
		sample.stop(Timer.builder("vsxi.gateway.requests")
			.description("Calls to VSXi SBCs")
			.tag("sbc", sbc.name())
			.tag("command", command)
			.tag("outcome", outcome)
			.register(this.meters));
		if (result instanceof GatewayResult.Failed<?> failed) {
			log.debug("{} {} failed: {}", sbc, command, failed.error().message());
		}
	}

	@Override
	public void destroy() {
		this.clients.closeAll();
	}

}
