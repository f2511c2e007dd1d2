package app.vsxi.dashboard.calls;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import app.vsxi.dashboard.access.AccessService;
import app.vsxi.dashboard.audit.AuditAction;
import app.vsxi.dashboard.audit.AuditLog;
import app.vsxi.dashboard.audit.AuditOutcome;
import app.vsxi.dashboard.fleet.FleetService;
import app.vsxi.dashboard.fleet.Sbc;
import app.vsxi.dashboard.gateway.GatewayResult;
import app.vsxi.dashboard.gateway.TableDocument;
import app.vsxi.dashboard.gateway.TableRow;
import app.vsxi.dashboard.gateway.VerifiedRemoval;
import app.vsxi.dashboard.gateway.VsxiGateway;
import app.vsxi.dashboard.gateway.VsxiTable;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/**
 * The registrations of one SBC, and removing them: by id (one or many), or by username, trunk, domain and IP
 * together, as the box combines the fields of one entry. Previewed first, re-read after, audited.
 */
@Service
public class RegistrationsService {

	/** The states a VSXi lists, in the order the page counts them. */
	static final List<String> STATES = List.of("Authenticated", "Unauthenticated", "Blocked", "Pending");

	private static final List<String> ENTRY_FIELDS = List.of("username", "trunkId", "userDomain", "userIp");

	private final FleetService fleet;

	private final VsxiGateway gateway;

	private final BoxReads reads;

	private final PendingActions pending;

	private final AuditLog audit;

	private final AccessService access;

	private final CallsProperties properties;

	public RegistrationsService(FleetService fleet, VsxiGateway gateway, BoxReads reads, PendingActions pending,
			AuditLog audit, AccessService access, CallsProperties properties) {
		this.fleet = fleet;
		this.gateway = gateway;
		this.reads = reads;
		this.pending = pending;
		this.audit = audit;
		this.access = access;
		this.properties = properties;
	}

	@PreAuthorize("@access.canOnSbc('VIEW', #sbcId)")
	public RegistrationsPage page(long sbcId, RegistrationSearch search) {
		Sbc sbc = this.fleet.get(sbcId);
		GatewayResult<TableDocument> result = this.reads.registrations(this.fleet.endpoint(sbc)).block();
		if (result instanceof GatewayResult.Failed<TableDocument> failed) {
			return new RegistrationsPage(sbcId, sbc.name(), List.of(), Map.of(), 0, 0, 1, 1, failed.error().message());
		}
		List<TableRow> all = result.okValue().orElseThrow().rows();
		Map<String, Long> counts = new LinkedHashMap<>();
		STATES.forEach(state -> counts.put(state, 0L));
		List<TableRow> matching = new ArrayList<>();
		for (TableRow row : all) {
			RegistrationView view = RegistrationView.of(row);
			counts.merge(view.states() == null ? "(none)" : view.states(), 1L, Long::sum);
			if (search.test(view)) {
				matching.add(row);
			}
		}
		List<TableRow> sorted = TableView.sorted(matching, search.sort(), search.descending());
		int pageSize = this.properties.pageSize();
		int pages = TableView.pages(sorted.size(), pageSize);
		int page = Math.min(search.pageNumber(), pages);
		List<RegistrationView> rows = TableView.page(sorted, page, pageSize).stream().map(RegistrationView::of).toList();
		return new RegistrationsPage(sbcId, sbc.name(), rows, counts, all.size(), matching.size(), page, pages, null);
	}

	/**
	 * Which registrations a delete would remove now, and the XML it sends: one entry per id, or one entry with the
	 * fields given (blank ones left out, since an empty field is not a condition).
	 */
	@PreAuthorize("@access.canOnSbc('OPERATE', #sbcId)")
	public RemovalPreview prepareDelete(long sbcId, List<String> ids, Map<String, String> entry) {
		Sbc sbc = this.fleet.get(sbcId);
		List<Map<String, String>> filters = filters(ids, entry);
		List<String> columns = List.of();
		if (filters.isEmpty()) {
			return RemovalPreview.refused(sbcId, sbc.name(), "registration", columns, List.of(), 0,
					"Choose registrations, or give a username, trunk, domain or IP: a delete without one would match "
							+ "every registration.");
		}
		GatewayResult<TableDocument> result = this.gateway.statsList(this.fleet.endpoint(sbc), VsxiTable.SUB_STATS).block();
		if (result instanceof GatewayResult.Failed<TableDocument> failed) {
			return RemovalPreview.refused(sbcId, sbc.name(), "registration", columns, List.of(), 0,
					"The registrations could not be read: " + failed.error().message());
		}
		List<TableRow> all = result.okValue().orElseThrow().rows();
		List<TableRow> matched = all.stream()
			.filter(row -> filters.stream().anyMatch(filter -> VsxiGateway.registrationMatches(row, filter)))
			.toList();
		columns = TableView.columns(all);
		if (matched.isEmpty()) {
			return RemovalPreview.refused(sbcId, sbc.name(), "registration", columns, matched, 0,
					"No registration matches; nothing will be sent.");
		}
		String token = this.pending.put(this.access.viewer(), sbcId, new PlannedDelete(filters));
		return new RemovalPreview(sbcId, sbc.name(), "registration", "XML", VsxiGateway.registrationDeleteXml(filters),
				columns, matched, 0, token, null);
	}

	@PreAuthorize("@access.canOnSbc('OPERATE', #sbcId)")
	public RemovalReport delete(long sbcId, String token) {
		Sbc sbc = this.fleet.get(sbcId);
		PlannedDelete plan = this.pending.peek(token, this.access.viewer(), sbcId, PlannedDelete.class).orElse(null);
		if (plan == null || !this.pending.remove(token)) {
			return RemovalReport.failed(sbc.name(), "registration",
					"This confirmation is unknown, expired or already used; nothing was sent.");
		}
		GatewayResult<VerifiedRemoval> result = this.gateway.deleteRegistrations(this.fleet.endpoint(sbc),
				plan.filters()).block();
		this.reads.forget(sbcId);
		RemovalReport report = result.fold(removal -> new RemovalReport(sbc.name(), "registration", removal, null),
				error -> RemovalReport.failed(sbc.name(), "registration", "Not done: " + error.message()));
		this.audit.record(AuditAction.REGISTRATION_DELETE, sbc.name(), sbc.groupId(),
				report.success() ? AuditOutcome.SUCCESS : AuditOutcome.FAILED,
				report.auditDetail() + (report.removal() == null ? "; filters: " + plan.filters() : ""));
		return report;
	}

	private static List<Map<String, String>> filters(List<String> ids, Map<String, String> entry) {
		List<Map<String, String>> filters = new ArrayList<>();
		if (ids != null) {
			ids.stream().filter(id -> id != null && !id.isBlank()).distinct().forEach(id -> filters.add(Map.of("id", id.strip())));
		}
		if (filters.isEmpty() && entry != null) {
			Map<String, String> fields = new LinkedHashMap<>();
			for (String field : ENTRY_FIELDS) {
				String value = entry.get(field);
				if (value != null && !value.isBlank()) {
					fields.put(field, value.strip());
				}
			}
			if (!fields.isEmpty()) {
				filters.add(fields);
			}
		}
		return filters;
	}

	private record PlannedDelete(List<Map<String, String>> filters) {
	}

}
