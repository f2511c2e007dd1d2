package app.vsxi.dashboard.fleet;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Fleet settings.
 *
 * @param credentialKey base64 of the 256-bit AES key that encrypts SBC passwords at rest
 * @param previousCredentialKeys keys being rotated out: still read, and re-encrypted under the current key at
 * start-up
 * @param specialAddresses loopback, link-local or metadata addresses (or CIDR ranges) that may still be tested
 * as SBCs; empty outside demo mode
 * @param testFailureMinimum how long a failed "test connection" to a private address takes at least, so that a
 * refused port cannot be told from a filtered one by the time the answer took; at least twice
 * {@code vsxi.gateway.connect-timeout}, which bounds the slowest such failure
 */
@ConfigurationProperties("vsxi.fleet")
public record FleetProperties(String credentialKey, @DefaultValue List<String> previousCredentialKeys,
		@DefaultValue List<String> specialAddresses, @DefaultValue("7s") Duration testFailureMinimum) {

	/** The key demo mode ships with: it is in the jar, so it protects nothing and is refused anywhere else. */
	static final String DEMO_CREDENTIAL_KEY = "ZGVtby1vbmx5LWtleS1kby1ub3QtdXNlLWluLXByb2Q=";

}
