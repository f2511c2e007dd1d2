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

	private final Map<Long, Client> clients = new ConcurrentHashMap<>();

	SbcClients(GatewayProperties properties) {
		this.properties = properties;
	}

	/** The SBC's client; a new one whenever its address, certificate or credentials changed. */
	Client clientFor(SbcEndpoint endpoint) {
		String identity = identity(endpoint);
		Client current = this.clients.get(endpoint.sbcId());
		if (current != null && current.identity().equals(identity)) {
			return current;
		}
		return this.clients.compute(endpoint.sbcId(), (id, existing) -> {
			if (existing != null && existing.identity().equals(identity)) {
				return existing;
			}
			if (existing != null) {
				existing.pool().disposeLater().subscribe();
			}
			return create(endpoint, identity);
		});
	}

	/** Credentials are part of it only as a hash, so the identity string never holds a password. */
	private static String identity(SbcEndpoint endpoint) {
		return endpoint.baseUrl() + "|" + endpoint.trust() + "|" + endpoint.certificateFingerprint() + "|"
				+ java.util.Objects.hash(endpoint.username(), endpoint.password());
	}

	void forget(long sbcId) {
		Client entry = this.clients.remove(sbcId);
		if (entry != null) {
			entry.pool().disposeLater().subscribe();
		}
	}

	void closeAll() {
		this.clients.keySet().forEach(this::forget);
	}

	private Client create(SbcEndpoint endpoint, String identity) {
		ConnectionProvider pool = ConnectionProvider.builder("sbc-" + endpoint.sbcId())
			.maxConnections(this.properties.maxConnectionsPerSbc())
			.pendingAcquireMaxCount(this.properties.maxQueuedPerSbc())
			.pendingAcquireTimeout(this.properties.connectTimeout().plus(this.properties.readTimeout()))
			.build();
		HttpClient http = HttpClient.create(pool)
			.option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) this.properties.connectTimeout().toMillis())
			.responseTimeout(this.properties.readTimeout())
			.secure(spec -> spec.sslContext(endpoint.trust() == SbcTrust.CERTIFICATE_AUTHORITY ? caTrust()
					: pinnedTrust(endpoint.certificateFingerprint())));
		WebClient client = WebClient.builder()
			.clientConnector(new ReactorClientHttpConnector(http))
			.codecs(codecs -> codecs.defaultCodecs().maxInMemorySize(16 * 1024 * 1024))
			.build();
		String authorization = "Basic " + java.util.Base64.getEncoder()
			.encodeToString((endpoint.username() + ":" + endpoint.password()).getBytes(java.nio.charset.StandardCharsets.UTF_8));
		return new Client(identity, client, pool, authorization, new ConcurrentHashMap<>());
	}

	/** The configured CA, with the host name checked as for any CA-signed server. */
	private SslContext caTrust() {
		String file = this.properties.trustedCaFile();
		if (file == null || file.isBlank()) {
			throw new IllegalStateException("vsxi.gateway.trusted-ca-file is not set");
		}
		try {
			return SslContextBuilder.forClient().trustManager(new java.io.File(file)).build();
		}
		catch (SSLException | IllegalArgumentException ex) {
			throw new IllegalStateException("Cannot read the CA certificates in " + file, ex);
		}
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

	/** One SBC's WebClient with what every call to it repeats: its Authorization header and its URIs. */
	record Client(String identity, WebClient web, ConnectionProvider pool, String authorization,
			Map<String, java.net.URI> uris) {

		java.net.URI uri(String key, java.util.function.Supplier<java.net.URI> build) {
			java.net.URI uri = this.uris.get(key);
			if (uri == null && this.uris.size() < 256) {
				uri = build.get();
				this.uris.put(key, uri);
			}
			return uri != null ? uri : build.get();
		}

	}

}
