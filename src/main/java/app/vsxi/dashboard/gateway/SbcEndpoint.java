package app.vsxi.dashboard.gateway;

import java.net.URI;

/**
 * Where and how to reach one SBC. The password is decrypted only for the call and never printed.
 *
 * @param sbcId the fleet's id of the SBC, used to keep its connections apart from every other SBC's
 * @param baseUrl scheme, host and port, e.g. {@code https://10.0.0.1:8888}
 * @param certificateFingerprint SHA-256 of the certificate an administrator confirmed, or null if none yet
 */
public record SbcEndpoint(long sbcId, String name, URI baseUrl, String username, String password,
		String certificateFingerprint) {

	public boolean hasPinnedCertificate() {
		return this.certificateFingerprint != null && !this.certificateFingerprint.isBlank();
	}

	@Override
	public String toString() {
		return "SbcEndpoint[" + this.name + " " + this.baseUrl + " as " + this.username + "]";
	}

}
