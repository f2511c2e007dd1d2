package app.vsxi.dashboard.gateway;

/** Why a call to an SBC did not succeed, in terms a NOC operator can act on. */
public sealed interface GatewayError {

	/** One sentence for the operator. */
	String message();

	/** Nothing answered: connection refused, host unknown, connection dropped. */
	record Unreachable(String reason) implements GatewayError {
		public String message() {
			return "Unreachable: " + this.reason;
		}
	}

	/** The SBC did not answer within the configured time. */
	record Timeout(String phase) implements GatewayError {
		public String message() {
			return "No answer within the " + this.phase + " timeout";
		}
	}

	/** 401: the VSXi refused the API user or its password. */
	record NotAuthorized(String vsxiMessage) implements GatewayError {
		public String message() {
			return "Not authorized: " + this.vsxiMessage + " (check the API user, its password and Trusted Hosts)";
		}
	}

	/** 400: the VSXi refused the request, with its own reason. */
	record Rejected(String vsxiMessage) implements GatewayError {
		public String message() {
			return "Refused by the SBC: " + this.vsxiMessage;
		}
	}

	/** 402: the SBC is a Load-Balance slave and takes no changes; its master, if the fleet pairs it with one. */
	record SlaveMode(String vsxiMessage, String masterName) implements GatewayError {
		public String message() {
			return "The SBC is in Load-Balance Slave mode and takes no changes; make them on its master"
					+ (this.masterName == null ? " (no master is paired with it in the fleet)" : " " + this.masterName);
		}
	}

	/** The SBC failed so often lately that calls to it are paused for a while. */
	record CircuitOpen() implements GatewayError {
		public String message() {
			return "Paused: the SBC failed repeatedly; the dashboard retries it shortly";
		}
	}

	/** More calls to this SBC at once than it is allowed. */
	record Busy() implements GatewayError {
		public String message() {
			return "Busy: too many calls to this SBC at once; try again in a moment";
		}
	}

	/** No certificate has been confirmed for this SBC yet. */
	record CertificateNotConfirmed() implements GatewayError {
		public String message() {
			return "Certificate not confirmed yet: an administrator must test the connection and trust it";
		}
	}

	/** The SBC presents another certificate than the one confirmed. */
	record CertificateChanged(String presented, String pinned) implements GatewayError {
		public String message() {
			return "Certificate changed (now " + this.presented + "); refused until an administrator accepts it";
		}
	}

	/** TLS could not be set up for another reason. */
	record TlsFailure(String reason) implements GatewayError {
		public String message() {
			return "TLS failure: " + this.reason;
		}
	}

	/** A command the VSXi API does not offer; refused before anything is sent. */
	record Unsupported(String command) implements GatewayError {
		public String message() {
			return "The VSXi API has no " + this.command;
		}
	}

	/** The SBC answered something the dashboard cannot read. */
	record UnexpectedResponse(int status, String detail) implements GatewayError {
		public String message() {
			return "Unexpected answer" + (this.status > 0 ? " (HTTP " + this.status + ")" : "") + ": " + this.detail;
		}
	}

}
