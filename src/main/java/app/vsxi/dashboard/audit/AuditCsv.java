package app.vsxi.dashboard.audit;

import java.io.PrintWriter;
import java.util.List;

/** RFC 4180 CSV of audit events; cells that a spreadsheet would run as a formula are defused. */
final class AuditCsv {

	static final String HEADER = "time,actor,source_ip,action,target,group_id,outcome,detail,change_id";

	private AuditCsv() {
	}

	static void write(List<AuditEvent> events, PrintWriter out) {
		out.print(HEADER + "\r\n");
		for (AuditEvent event : events) {
			out.print(String.join(",", cell(event.at().toString()), cell(event.actor()), cell(event.sourceIp()),
					cell(event.action()), cell(event.target()),
					cell(event.groupId() == null ? null : event.groupId().toString()), cell(event.outcome().name()),
					cell(event.detail()), cell(event.changeId())));
			out.print("\r\n");
		}
	}

	static String cell(String value) {
		if (value == null) {
			return "";
		}
		String safe = !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
		if (safe.contains(",") || safe.contains("\"") || safe.contains("\n") || safe.contains("\r")) {
			return "\"" + safe.replace("\"", "\"\"") + "\"";
		}
		return safe;
	}

}
