package app.vsxi.dashboard.calls;

import java.util.List;

import app.vsxi.dashboard.gateway.TableRow;

/**
 * What a kill or registration delete will send and to which calls or registrations, shown before it is sent.
 *
 * @param kind {@code call}, {@code bulk} (calls a filter matched), {@code registration} (registrations chosen one by
 * one) or {@code registration-filter} (registrations a filter matched)
 * @param format how the entries are named: {@code CSV} or {@code XML}
 * @param sending the format in words, e.g. whether the box's CSV header line goes too
 * @param body exactly what will be sent, as the box lists the entries now
 * @param entries the calls or registrations it targets, as the box listed them
 * @param cap the most one removal may end
 * @param token what the confirmation names; null when it cannot be sent
 * @param refusal why it cannot be sent, or null
 * @param notes what the operator should know about entries left out
 */
public record RemovalPreview(long sbcId, String sbcName, String kind, String format, String sending, String body,
		List<String> columns, List<TableRow> entries, int cap, String token, String refusal, List<String> notes) {

	public RemovalPreview {
		// a copy, so a preview showing the first rows of a long match does not hold on to all of it
		entries = entries == null ? List.of() : List.copyOf(entries);
		notes = notes == null ? List.of() : List.copyOf(notes);
	}

	static RemovalPreview refused(long sbcId, String sbcName, String kind, List<String> columns, List<TableRow> entries,
			int cap, String refusal) {
		return refused(sbcId, sbcName, kind, columns, entries, cap, refusal, List.of());
	}

	static RemovalPreview refused(long sbcId, String sbcName, String kind, List<String> columns, List<TableRow> entries,
			int cap, String refusal, List<String> notes) {
		return new RemovalPreview(sbcId, sbcName, kind, null, null, null, columns, entries, cap, null, refusal, notes);
	}

	public int count() {
		return this.entries.size();
	}

	/** Whether a filter chose the entries, so the confirmation asks for their number typed back. */
	public boolean bulk() {
		return "bulk".equals(this.kind) || "registration-filter".equals(this.kind);
	}

}
