package app.vsxi.dashboard.calls;

import java.util.List;

import app.vsxi.dashboard.gateway.TableRow;

/**
 * What a kill or registration delete will send and to which calls or registrations, shown before it is sent.
 *
 * @param kind {@code call}, {@code bulk} or {@code registration}
 * @param format how the entries are named: {@code CSV} or {@code XML}
 * @param body exactly what will be sent
 * @param entries the calls or registrations it targets, as the box listed them
 * @param cap the most a bulk kill may end
 * @param token what the confirmation names; null when it cannot be sent
 * @param refusal why it cannot be sent, or null
 */
public record RemovalPreview(long sbcId, String sbcName, String kind, String format, String body,
		List<String> columns, List<TableRow> entries, int cap, String token, String refusal) {

	static RemovalPreview refused(long sbcId, String sbcName, String kind, List<String> columns, List<TableRow> entries,
			int cap, String refusal) {
		return new RemovalPreview(sbcId, sbcName, kind, null, null, columns, entries, cap, null, refusal);
	}

	public int count() {
		return this.entries.size();
	}

	public boolean bulk() {
		return "bulk".equals(this.kind);
	}

}
