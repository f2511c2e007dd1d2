package app.vsxi.dashboard.gateway;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the dashboard talks to SBCs. Every limit applies to each SBC on its own.
 *
 * @param connectTimeout how long to wait for a TCP connection
 * @param readTimeout how long to wait for an answer once connected
 * @param maxConnectionsPerSbc connections kept open to one SBC; requests to it still go one at a time, whoever sends
 * them (a poll, an operator's read or write), as real boxes refuse requests that overlap
 * @param maxQueuedPerSbc requests that may wait for their turn on one SBC; more are refused at once as "busy"
 * @param maxWaitPerSbc how long a request waits for its turn before it fails as "busy", so a hung box cannot pile
 * requests up
 * @param minGapPerSbc quiet time between the end of one request to an SBC and the start of the next, for boxes
 * that refuse a request arriving right after another (0: none)
 * @param readRetries extra attempts for a read that met a passing failure (no answer, 400, 429, 5xx, an answer
 * without its tables); writes are never retried
 * @param retryBackoff wait before the first extra attempt; the n-th waits n times as long
 * @param retryBackoffMax the longest wait before an extra attempt
 * @param circuitBreaker when to stop calling an SBC that keeps failing
 * @param trustedCaFile PEM file of the CA certificates that SBCs set to {@link SbcTrust#CERTIFICATE_AUTHORITY}
 * are checked against; none by default
 */
@ConfigurationProperties("vsxi.gateway")
public record GatewayProperties(@DefaultValue("3s") Duration connectTimeout, @DefaultValue("10s") Duration readTimeout,
		@DefaultValue("4") int maxConnectionsPerSbc, @DefaultValue("32") int maxQueuedPerSbc,
		@DefaultValue("30s") Duration maxWaitPerSbc, @DefaultValue("0ms") Duration minGapPerSbc,
		@DefaultValue("2") int readRetries, @DefaultValue("500ms") Duration retryBackoff,
		@DefaultValue("2s") Duration retryBackoffMax, @DefaultValue CircuitBreaker circuitBreaker,
		String trustedCaFile) {

	/** Every setting at its default, bound as Spring binds an empty configuration: the defaults live above only. */
	public static GatewayProperties defaults() {
		return new Binder().bindOrCreate("vsxi.gateway", GatewayProperties.class);
	}

	/** For tests and tools: the given timeouts and connections, the defaults for the rest. */
	public static GatewayProperties of(Duration connectTimeout, Duration readTimeout, int maxConnectionsPerSbc) {
		GatewayProperties defaults = defaults();
		return new GatewayProperties(connectTimeout, readTimeout, maxConnectionsPerSbc, defaults.maxQueuedPerSbc,
				defaults.maxWaitPerSbc, defaults.minGapPerSbc, defaults.readRetries, defaults.retryBackoff,
				defaults.retryBackoffMax, defaults.circuitBreaker, defaults.trustedCaFile);
	}

	public GatewayProperties withTrustedCaFile(String file) {
		return new GatewayProperties(this.connectTimeout, this.readTimeout, this.maxConnectionsPerSbc,
				this.maxQueuedPerSbc, this.maxWaitPerSbc, this.minGapPerSbc, this.readRetries, this.retryBackoff,
				this.retryBackoffMax, this.circuitBreaker, file);
	}

	/** The same with another retry policy for reads. */
	public GatewayProperties withReadRetries(int retries, Duration backoff) {
		return new GatewayProperties(this.connectTimeout, this.readTimeout, this.maxConnectionsPerSbc,
				this.maxQueuedPerSbc, this.maxWaitPerSbc, this.minGapPerSbc, retries, backoff, this.retryBackoffMax,
				this.circuitBreaker, this.trustedCaFile);
	}

	/** The same with another wait for one's turn on an SBC and another gap between its requests. */
	public GatewayProperties withTurns(Duration maxWait, Duration minGap) {
		return new GatewayProperties(this.connectTimeout, this.readTimeout, this.maxConnectionsPerSbc,
				this.maxQueuedPerSbc, maxWait, minGap, this.readRetries, this.retryBackoff, this.retryBackoffMax,
				this.circuitBreaker, this.trustedCaFile);
	}

	/**
	 * @param failureRatePercent failures among the last calls that open the circuit
	 * @param window how many of the last calls count
	 * @param minimumCalls calls needed before the rate counts at all
	 * @param openFor how long calls are refused before a few trial calls are let through
	 */
	public record CircuitBreaker(@DefaultValue("50") int failureRatePercent, @DefaultValue("10") int window,
			@DefaultValue("5") int minimumCalls, @DefaultValue("30s") Duration openFor) {
	}

}
