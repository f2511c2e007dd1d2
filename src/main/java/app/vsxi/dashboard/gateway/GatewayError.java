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

	/**
	 * 401: the VSXi refused the API user or its password. Boxes refuse every call, reads included, from users below
	 * read-write UI privilege and from hosts not in their Trusted Hosts.
	 */
	record NotAuthorized(String vsxiMessage) implements GatewayError {
		public String message() {
			return "Not authorized: " + this.vsxiMessage + " (the API user needs read-write or greater UI privilege "
					+ "on the SBC, the right password, and the dashboard must be one of its Trusted Hosts)";
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

	/**
	 * The SBC failed so often lately that calls to it are held back for a while.
	 *
	 * @param lastCause the failure that last made the breaker count against the SBC, null if none is known
	 */
	record CircuitOpen(GatewayError lastCause) implements GatewayError {

		public CircuitOpen() {
			this(null);
		}

		public String message() {
			return this.lastCause != null ? this.lastCause.message()
					: "Calls held back: the SBC failed repeatedly; the dashboard retries it shortly";
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

	/** 404 on the API path: boxes before VSXi 10.1.1 have no REST API at all. */
	record NoRestApi() implements GatewayError {
		public String message() {
			return "This box has no REST API (VSXi older than 10.1.1?)";
		}
	}

	/**
	 * A well-formed answer without what was asked for: no tables, or "Max recursion depth reached" in place of
	 * entries. Boxes do this when two requests overlap or during an HA failover; reads are retried first.
	 */
	record IncompleteAnswer(String detail) implements GatewayError {
		public String message() {
			return "Incomplete answer from the SBC: " + this.detail;
		}
	}

	/**
	 * 500 {@code convert xml2json failed(JAXB)}: older firmware cannot turn a large answer into JSON. A property of
	 * the request, not of the box's health; the gateway asks again in XML.
	 */
	record JsonConversionFailed(String vsxiMessage) implements GatewayError {
		public String message() {
			return "The SBC could not send this answer as JSON: " + this.vsxiMessage;
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
