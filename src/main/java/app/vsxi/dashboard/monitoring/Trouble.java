package app.vsxi.dashboard.monitoring;

import app.vsxi.dashboard.gateway.GatewayError;

/**
 * The kind of trouble a failed poll shows, taken from the kind of {@link GatewayError} and never from its
 * sentence: the badge, its colour and where the fix is all follow from it.
 */
public enum Trouble {

	UNREACHABLE("Unreachable", false),

	NO_ANSWER("No answer", false),

	LOGIN_REFUSED("Login refused", true),

	NOT_SET_UP("Not set up", true),

	CERTIFICATE_CHANGED("Certificate changed", true),

	TLS_FAILURE("TLS failure", true),

	PAUSED("Paused", false),

	BUSY("Busy", false),

	SLAVE("Slave mode", false),

	ERROR("Error", false);

	private final String badge;

	private final boolean fixedInConnection;

	Trouble(String badge, boolean fixedInConnection) {
		this.badge = badge;
		this.fixedInConnection = fixedInConnection;
	}

	public String badge() {
		return this.badge;
	}

	/** The CSS class of its badge, e.g. {@code certificate-changed}. */
	public String cssClass() {
		return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
	}

	/** Whether an administrator fixes it in the SBC's connection settings (address, user, certificate). */
	public boolean fixedInConnection() {
		return this.fixedInConnection;
	}

	/** Whether nothing answered at all, as opposed to an answer that was no use. */
	public boolean silent() {
		return this == UNREACHABLE || this == NO_ANSWER;
	}

	public static Trouble of(GatewayError error) {
		if (error instanceof GatewayError.Unreachable) {
			return UNREACHABLE;
		}
		if (error instanceof GatewayError.Timeout) {
			return NO_ANSWER;
		}
		if (error instanceof GatewayError.NotAuthorized) {
			return LOGIN_REFUSED;
		}
		if (error instanceof GatewayError.CertificateNotConfirmed) {
			return NOT_SET_UP;
		}
		if (error instanceof GatewayError.CertificateChanged) {
			return CERTIFICATE_CHANGED;
		}
		if (error instanceof GatewayError.TlsFailure) {
			return TLS_FAILURE;
		}
		if (error instanceof GatewayError.CircuitOpen) {
			return PAUSED;
		}
		if (error instanceof GatewayError.Busy) {
			return BUSY;
		}
		if (error instanceof GatewayError.SlaveMode) {
			return SLAVE;
		}
		return ERROR;
	}

}
