package app.vsxi.dashboard.gateway;

import java.net.URI;

/**
 * Where and how to reach one SBC. The password is decrypted only for the call and never printed.
 *
 * @param sbcId the fleet's id of the SBC, used to keep its connections apart from every other SBC's
 * @param baseUrl scheme, host and port, e.g. {@code https://10.0.0.1:8888}
 * @param certificateFingerprint SHA-256 of the certificate an administrator confirmed, or null if none yet
 * @param trust whether the pinned certificate or the configured CA decides
 * @param masterName the Load-Balance master this SBC is paired with in the fleet, if any
 */
public record SbcEndpoint(long sbcId, String name, URI baseUrl, String username, String password,
		String certificateFingerprint, SbcTrust trust, String masterName) {

	/** An SBC trusted by its pinned certificate, with no master named. */
	public SbcEndpoint(long sbcId, String name, URI baseUrl, String username, String password,
			String certificateFingerprint) {
		this(sbcId, name, baseUrl, username, password, certificateFingerprint, SbcTrust.PINNED_CERTIFICATE, null);
	}

	public boolean hasPinnedCertificate() {
		return this.certificateFingerprint != null && !this.certificateFingerprint.isBlank();
	}

	/** Whether a call may go out at all: a pinned SBC needs its confirmed certificate first. */
	public boolean isTrustSettled() {
		return this.trust == SbcTrust.CERTIFICATE_AUTHORITY || hasPinnedCertificate();
	}

	@Override
	public String toString() {
		return "SbcEndpoint[" + this.name + " " + this.baseUrl + " as " + this.username + "]";
	}

}
