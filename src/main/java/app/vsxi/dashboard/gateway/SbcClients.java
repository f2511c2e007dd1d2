package app.vsxi.dashboard.gateway;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import javax.net.ssl.SSLException;

import io.netty.channel.ChannelOption;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;

import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * One WebClient per SBC, each with its own connection pool (so one slow SBC can only exhaust its own), its own
 * timeouts, and trust limited to the certificate confirmed for that SBC.
 */
final class SbcClients {

	private final GatewayProperties properties;

	private final Map<Long, Entry> clients = new ConcurrentHashMap<>();

	SbcClients(GatewayProperties properties) {
		this.properties = properties;
	}

	WebClient clientFor(SbcEndpoint endpoint) {
		String identity = endpoint.baseUrl() + "|" + endpoint.certificateFingerprint();
		Entry entry = this.clients.compute(endpoint.sbcId(), (id, existing) -> {
			if (existing != null && existing.identity().equals(identity)) {
				return existing;
			}
			if (existing != null) {
				existing.pool().disposeLater().subscribe();
			}
			return create(endpoint, identity);
		});
		return entry.client();
	}

	void forget(long sbcId) {
		Entry entry = this.clients.remove(sbcId);
		if (entry != null) {
			entry.pool().disposeLater().subscribe();
		}
	}

	void closeAll() {
		this.clients.keySet().forEach(this::forget);
	}

	private Entry create(SbcEndpoint endpoint, String identity) {
		ConnectionProvider pool = ConnectionProvider.builder("sbc-" + endpoint.sbcId())
			.maxConnections(this.properties.maxConnectionsPerSbc())
			.pendingAcquireMaxCount(this.properties.maxQueuedPerSbc())
			.pendingAcquireTimeout(this.properties.connectTimeout().plus(this.properties.readTimeout()))
			.build();
		HttpClient http = HttpClient.create(pool)
			.option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) this.properties.connectTimeout().toMillis())
			.responseTimeout(this.properties.readTimeout())
			.secure(spec -> spec.sslContext(pinnedTrust(endpoint.certificateFingerprint())));
		WebClient client = WebClient.builder()
			.baseUrl(endpoint.baseUrl().toString())
			.clientConnector(new ReactorClientHttpConnector(http))
			.codecs(codecs -> codecs.defaultCodecs().maxInMemorySize(16 * 1024 * 1024))
			.build();
		return new Entry(identity, client, pool);
	}

	private static SslContext pinnedTrust(String fingerprint) {
		try {
			return SslContextBuilder.forClient()
				.trustManager(new PinnedCertificateTrust(fingerprint))
				.endpointIdentificationAlgorithm(null)
				.build();
		}
		catch (SSLException ex) {
			throw new IllegalStateException("Cannot set up TLS for a pinned certificate", ex);
		}
	}

	private record Entry(String identity, WebClient client, ConnectionProvider pool) {
	}

}
