package app.vsxi.dashboard.monitoring;

import java.util.Locale;

import app.vsxi.dashboard.gateway.GatewayError;

/**
 * What a row of the fleet says about an SBC, in order of urgency (worst first). The kind of a failed poll comes
 * from the kind of {@link GatewayError}, never from its sentence: badge, colour, sort order, history and where
 * the fix is all follow from it.
 */
public enum Condition {

	CERTIFICATE_CHANGED("Certificate changed", true),

	UNREACHABLE("Unreachable", false),

	NO_ANSWER("No answer", false),

	PAUSED("Paused", false),

	LOGIN_REFUSED("Login refused", true),

	NOT_SET_UP("Not set up", true),

	TLS_FAILURE("TLS failure", true),

	ERROR("Error", false),

	BUSY("Busy", false),

	STALE("Stale", false),

	SLAVE("Slave mode", false),

	WAITING("Waiting", false),

	UP("Reachable", false);

	private final String badge;

	private final boolean fixedInConnection;

	Condition(String badge, boolean fixedInConnection) {
		this.badge = badge;
		this.fixedInConnection = fixedInConnection;
	}

	public String badge() {
		return this.badge;
	}

	/** The CSS class of its badge, e.g. {@code certificate-changed}. */
	public String cssClass() {
		return name().toLowerCase(Locale.ROOT).replace('_', '-');
	}

	/** Whether an administrator fixes it in the SBC's connection settings (address, user, certificate). */
	public boolean fixedInConnection() {
		return this.fixedInConnection;
	}

	/**
	 * Whether it belongs on the list of current problems. A Load-Balance slave is a role, not a fault, but it is
	 * listed because it takes no changes.
	 */
	public boolean problem() {
		return this != UP && this != WAITING;
	}

	/** Whether nothing answered at all, as opposed to an answer that was no use. */
	public boolean silent() {
		return this == UNREACHABLE || this == NO_ANSWER;
	}

	/**
	 * Refused, reset, timed out or answering 5xx are all one trouble to an operator, the SBC is not serving: the
	 * sentence says which. Calls held back by the breaker take the kind of the failure that opened it.
	 */
	public static Condition of(GatewayError error) {
		if (error instanceof GatewayError.CircuitOpen open) {
			return open.lastCause() == null || open.lastCause() instanceof GatewayError.CircuitOpen ? UNREACHABLE
					: of(open.lastCause());
		}
		if (error instanceof GatewayError.Unreachable || error instanceof GatewayError.Timeout) {
			return UNREACHABLE;
		}
		if (error instanceof GatewayError.UnexpectedResponse unexpected && unexpected.status() >= 500) {
			return UNREACHABLE;
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
		if (error instanceof GatewayError.Busy) {
			return BUSY;
		}
		if (error instanceof GatewayError.SlaveMode) {
			return SLAVE;
		}
		return ERROR;
	}

}
