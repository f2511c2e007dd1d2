package app.vsxi.dashboard.gateway;

/** How the dashboard decides that it talks to the right SBC. Never "trust anything". */
public enum SbcTrust {

	/** Exactly the certificate an administrator confirmed, by its SHA-256 fingerprint (self-signed boxes). */
	PINNED_CERTIFICATE,

	/** Any certificate for the SBC's host name signed by the CA configured in {@code vsxi.gateway.trusted-ca-file}. */
	CERTIFICATE_AUTHORITY

}
