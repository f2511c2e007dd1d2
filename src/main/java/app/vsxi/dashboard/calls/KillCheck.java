package app.vsxi.dashboard.calls;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import app.vsxi.dashboard.gateway.TableRow;

/**
 * Which calls of a kill are still the same calls just before it is sent. A preview may be confirmed minutes later,
 * and a slot ({@code ssm_index}) may meanwhile hold a new call (reference §11.4), so a call is the same only while
 * its slot and Call-ID both are.
 *
 * @param live the planned calls still listed, as the box lists them now
 * @param notes one sentence for each planned call that ended on its own meanwhile
 */
record KillCheck(List<TableRow> live, List<String> notes) {

	static KillCheck of(List<TableRow> planned, List<TableRow> listedNow) {
		Map<String, TableRow> byKey = new HashMap<>();
		Map<String, TableRow> bySlot = new HashMap<>();
		for (TableRow call : listedNow) {
			byKey.put(CallIdentity.key(call), call);
			bySlot.put(slot(call), call);
		}
		List<TableRow> live = new ArrayList<>();
		List<String> notes = new ArrayList<>();
		for (TableRow call : planned) {
			TableRow now = byKey.get(CallIdentity.key(call));
			if (now != null) {
				live.add(now);
				continue;
			}
			String ended = "The call in slot " + slot(call) + " (Call-ID " + call.text("callID")
					+ ") ended on its own before the kill was sent";
			TableRow successor = bySlot.get(slot(call));
			notes.add(successor == null ? ended + "; nothing was sent for it."
					: ended + "; its slot now holds another call (Call-ID " + successor.text("callID")
							+ "), which was left alone.");
		}
		return new KillCheck(List.copyOf(live), List.copyOf(notes));
	}

	private static String slot(TableRow call) {
		return call.text("ssm_index") == null ? "" : call.text("ssm_index").strip();
	}

}
