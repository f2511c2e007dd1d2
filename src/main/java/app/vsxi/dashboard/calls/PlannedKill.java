package app.vsxi.dashboard.calls;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import app.vsxi.dashboard.gateway.TableRow;

/**
 * What a kill preview keeps until it is confirmed: the calls it will send and nothing else of the list, each only
 * by what identifies it (slot and Call-ID), since the confirmation reads the calls again before sending and the
 * numbers and addresses of a call have no business waiting in memory or reaching the audit trail.
 *
 * @param calls the calls to send, as slot and Call-ID only
 * @param bulk whether a filter chose them, so the confirmation needs their number typed back
 */
record PlannedKill(KillFormat format, List<TableRow> calls, boolean bulk) {

	static PlannedKill of(KillFormat format, List<TableRow> calls, boolean bulk) {
		return new PlannedKill(format, calls.stream().map(PlannedKill::identity).toList(), bulk);
	}

	/** A call reduced to its slot and Call-ID, as the box listed them. */
	static TableRow identity(TableRow call) {
		Map<String, Object> identity = new LinkedHashMap<>();
		identity.put("ssm_index", call.get("ssm_index"));
		identity.put("callID", call.get("callID"));
		return new TableRow(identity);
	}

	/** Each call in words, e.g. "slot 12 (Call-ID abc@host)". */
	static List<String> names(List<TableRow> calls) {
		return calls.stream().map(call -> "slot " + call.text("ssm_index") + " (Call-ID " + call.text("callID") + ")")
			.toList();
	}

}
