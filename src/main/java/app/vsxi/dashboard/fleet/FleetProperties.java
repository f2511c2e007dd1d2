package app.vsxi.dashboard.fleet;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Fleet settings.
 *
 * @param credentialKey base64 of the 256-bit AES key that encrypts SBC passwords at rest
 * @param previousCredentialKeys keys being rotated out: still read, and re-encrypted under the current key at
 * start-up
 */
@ConfigurationProperties("vsxi.fleet")
public record FleetProperties(String credentialKey, @DefaultValue List<String> previousCredentialKeys) {

}
