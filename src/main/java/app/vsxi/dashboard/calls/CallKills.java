package app.vsxi.dashboard.calls;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import app.vsxi.dashboard.access.AccessService;
import app.vsxi.dashboard.audit.AuditAction;
import app.vsxi.dashboard.audit.AuditLog;
import app.vsxi.dashboard.audit.AuditOutcome;
import app.vsxi.dashboard.fleet.FleetService;
import app.vsxi.dashboard.fleet.Sbc;
import app.vsxi.dashboard.gateway.CallsCsv;
import app.vsxi.dashboard.gateway.GatewayResult;
import app.vsxi.dashboard.gateway.SbcEndpoint;
import app.vsxi.dashboard.gateway.TableDocument;
import app.vsxi.dashboard.gateway.TableRow;
import app.vsxi.dashboard.gateway.VerifiedRemoval;
import app.vsxi.dashboard.gateway.VsxiGateway;
import app.vsxi.dashboard.gateway.VsxiTable;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/**
 * Killing calls: one call, or every call a filter matches up to a cap. Each kill is first shown as it will be
 * sent, then sent on confirmation, then checked by a re-read of the box and written to the audit trail.
 */
@Service
public class CallKills {

	private final FleetService fleet;

	private final VsxiGateway gateway;

	private final BoxReads reads;

	private final KillFormatSettings settings;

	private final PendingActions pending;

	private final AuditLog audit;

	private final AccessService access;

	private final CallsProperties properties;

	public CallKills(FleetService fleet, VsxiGateway gateway, BoxReads reads, KillFormatSettings settings,
			PendingActions pending, AuditLog audit, AccessService access, CallsProperties properties) {
		this.fleet = fleet;
		this.gateway = gateway;
		this.reads = reads;
		this.settings = settings;
		this.pending = pending;
		this.audit = audit;
		this.access = access;
		this.properties = properties;
	}

	@PreAuthorize("@access.canOnSbc('VIEW', #sbcId)")
	public KillFormat killFormat(long sbcId) {
		return this.settings.of(sbcId);
	}

	@PreAuthorize("@access.canOnSbc('ADMINISTER', #sbcId)")
	public void chooseKillFormat(long sbcId, KillFormat format) {
		Sbc sbc = this.fleet.get(sbcId);
		this.settings.set(sbcId, format);
		this.audit.record(AuditAction.CALL_KILL_FORMAT, sbc.name(), sbc.groupId(), AuditOutcome.SUCCESS,
				"calls are killed by " + format);
	}

	/** The kill of one call, named by its slot and Call-ID as listed, shown before it is sent. */
	@PreAuthorize("@access.canOnSbc('OPERATE', #sbcId)")
	public RemovalPreview prepareKill(long sbcId, String ssmIndex, String callId) {
		Sbc sbc = this.fleet.get(sbcId);
		String key = Objects.toString(ssmIndex, "").strip() + "|" + Objects.toString(callId, "").strip();
		return prepare(sbc, "call", call -> VsxiGateway.callKey(call).equals(key), Integer.MAX_VALUE);
	}

	/** The kill of every call the search matches, refused above the cap, shown before it is sent. */
	@PreAuthorize("@access.canOnSbc('OPERATE', #sbcId)")
	public RemovalPreview prepareBulkKill(long sbcId, CallSearch search) {
		Sbc sbc = this.fleet.get(sbcId);
		if (!search.hasFilter()) {
			return RemovalPreview.refused(sbcId, sbc.name(), "bulk", List.of(), List.of(), this.properties.bulkKillMax(),
					"A bulk kill needs a filter: give an ANI, DNIS, trunk, IP or duration.");
		}
		if (search.problem() != null) {
			return RemovalPreview.refused(sbcId, sbc.name(), "bulk", List.of(), List.of(), this.properties.bulkKillMax(),
					search.problem());
		}
		return prepare(sbc, "bulk", search.matcher(), this.properties.bulkKillMax());
	}

	/**
	 * Sends a kill that was shown and confirmed; a bulk kill also needs the number of calls typed back. Reports
	 * how many of the calls the box no longer lists.
	 */
	@PreAuthorize("@access.canOnSbc('OPERATE', #sbcId)")
	public RemovalReport kill(long sbcId, String token, Integer typedCount) {
		Sbc sbc = this.fleet.get(sbcId);
		PlannedKill plan = this.pending.peek(token, this.access.viewer(), sbcId, PlannedKill.class).orElse(null);
		if (plan == null) {
			return RemovalReport.failed(sbc.name(), "call",
					"This confirmation is unknown or expired; nothing was sent. Ask for the kill again.");
		}
		if (plan.bulk() && !Objects.equals(typedCount, plan.calls().size())) {
			return RemovalReport.failed(sbc.name(), "call", "The number typed (" + Objects.toString(typedCount, "none")
					+ ") is not the number of calls (" + plan.calls().size() + "); nothing was sent.");
		}
		if (!this.pending.remove(token)) {
			return RemovalReport.failed(sbc.name(), "call", "This kill was already sent.");
		}
		SbcEndpoint endpoint = this.fleet.endpoint(sbc);
		GatewayResult<VerifiedRemoval> result = (plan.format() == KillFormat.CSV
				? this.gateway.killCalls(endpoint, plan.csv(), plan.indexes())
				: this.gateway.killCallsByXml(endpoint, plan.calls())).block();
		this.reads.forget(sbcId);
		RemovalReport report = result.fold(removal -> new RemovalReport(sbc.name(), "call", removal, null),
				error -> RemovalReport.failed(sbc.name(), "call",
						"Not done: " + error.message() + ". Sent: " + plan.body()));
		this.audit.record(plan.bulk() ? AuditAction.CALL_BULK_KILL : AuditAction.CALL_KILL, sbc.name(), sbc.groupId(),
				report.success() ? AuditOutcome.SUCCESS : AuditOutcome.FAILED,
				"by " + plan.format() + ", " + report.auditDetail());
		return report;
	}

	private RemovalPreview prepare(Sbc sbc, String kind, java.util.function.Predicate<TableRow> chosen, int cap) {
		KillFormat format = this.settings.of(sbc.id());
		SbcEndpoint endpoint = this.fleet.endpoint(sbc);
		List<TableRow> rows;
		CallsCsv csv = null;
		if (format == KillFormat.CSV) {
			GatewayResult<CallsCsv> answer = this.gateway.activeCallsCsv(endpoint).block();
			if (answer instanceof GatewayResult.Failed<CallsCsv> failed) {
				return RemovalPreview.refused(sbc.id(), sbc.name(), kind, List.of(), List.of(), cap,
						"The calls could not be read: " + failed.error().message());
			}
			csv = answer.okValue().orElseThrow();
			rows = csv.rows();
		}
		else {
			GatewayResult<TableDocument> answer = this.gateway.statsList(endpoint, VsxiTable.ACTIVE_CALLS).block();
			if (answer instanceof GatewayResult.Failed<TableDocument> failed) {
				return RemovalPreview.refused(sbc.id(), sbc.name(), kind, List.of(), List.of(), cap,
						"The calls could not be read: " + failed.error().message());
			}
			rows = answer.okValue().orElseThrow().rows();
		}
		List<Integer> indexes = new ArrayList<>();
		for (int i = 0; i < rows.size(); i++) {
			if (chosen.test(rows.get(i))) {
				indexes.add(i);
			}
		}
		List<TableRow> calls = indexes.stream().map(rows::get).toList();
		List<String> columns = TableView.columns(rows);
		if (calls.isEmpty()) {
			return RemovalPreview.refused(sbc.id(), sbc.name(), kind, columns, calls, cap,
					"No active call matches (it may have ended already); nothing will be sent.");
		}
		if (calls.size() > cap) {
			return RemovalPreview.refused(sbc.id(), sbc.name(), kind, columns, calls.subList(0, Math.min(calls.size(), 50)),
					cap, calls.size() + " calls match, more than the " + cap
							+ " one bulk kill may end. Narrow the filter; nothing will be sent.");
		}
		String body = format == KillFormat.CSV ? new String(csv.deleteBody(indexes), StandardCharsets.UTF_8)
				: VsxiGateway.killXml(calls);
		PlannedKill plan = new PlannedKill(format, csv, List.copyOf(indexes), calls, "bulk".equals(kind), body);
		String token = this.pending.put(this.access.viewer(), sbc.id(), plan);
		return new RemovalPreview(sbc.id(), sbc.name(), kind, format.name(), body, columns, calls, cap, token, null);
	}

	private record PlannedKill(KillFormat format, CallsCsv csv, List<Integer> indexes, List<TableRow> calls,
			boolean bulk, String body) {
	}

}
