package app.vsxi.dashboard.calls;

import java.util.Objects;

import app.vsxi.dashboard.gateway.TableRow;

/** What makes a call the same call: its slot ({@code ssm_index}) and its SIP Call-ID together, never one alone. */
public final class CallIdentity {

	private CallIdentity() {
	}

	/** A call is the same call while its slot and its SIP Call-ID are; a slot alone may be a later call's. */
	public static String key(TableRow call) {
		return Objects.toString(call.text("ssm_index"), "") + "|" + Objects.toString(call.text("callID"), "");
	}

	/** Whether a call carries both halves of its identity, its slot and its Call-ID. */
	public static boolean identified(TableRow call) {
		return call.text("ssm_index") != null && !call.text("ssm_index").isBlank() && call.text("callID") != null
				&& !call.text("callID").isBlank();
	}

}
