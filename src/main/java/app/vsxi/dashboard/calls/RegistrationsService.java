package app.vsxi.dashboard.calls;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import app.vsxi.dashboard.access.AccessService;
import app.vsxi.dashboard.audit.AuditAction;
import app.vsxi.dashboard.audit.AuditLog;
import app.vsxi.dashboard.audit.AuditOutcome;
import app.vsxi.dashboard.fleet.FleetService;
import app.vsxi.dashboard.fleet.Sbc;
import app.vsxi.dashboard.gateway.CallCommands;
import app.vsxi.dashboard.gateway.GatewayResult;
import app.vsxi.dashboard.gateway.SbcEndpoint;
import app.vsxi.dashboard.gateway.StatsReads;
import app.vsxi.dashboard.gateway.TableDocument;
import app.vsxi.dashboard.gateway.TableRow;
import app.vsxi.dashboard.gateway.VsxiTable;
import app.vsxi.dashboard.web.Plural;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/**
 * The registrations of one SBC, and removing them: chosen by id, or by username, trunk, domain and IP together,
 * resolved to ids before anything is sent. Previewed first, re-read after, audited.
 */
@Service
public class RegistrationsService {

	/** The states a VSXi lists, in the order the page counts them. */
	static final List<String> STATES = List.of("Authenticated", "Unauthenticated", "Blocked", "Pending");

	private static final List<String> ENTRY_FIELDS = List.of("username", "trunkId", "userDomain", "userIp");

	private final FleetService fleet;

	private final StatsReads stats;

	private final Removals removals;

	private final BoxReads reads;

	private final PendingActions pending;

	private final AuditLog audit;

	private final AccessService access;

	private final CallsProperties properties;

	private final Slaves slaves;

	public RegistrationsService(FleetService fleet, StatsReads stats, Removals removals, BoxReads reads,
			PendingActions pending, AuditLog audit, AccessService access, CallsProperties properties, Slaves slaves) {
		this.fleet = fleet;
		this.stats = stats;
		this.removals = removals;
		this.reads = reads;
		this.pending = pending;
		this.audit = audit;
		this.access = access;
		this.properties = properties;
		this.slaves = slaves;
	}

	@PreAuthorize("@access.canOnSbc('VIEW', #sbcId)")
	public RegistrationsPage page(long sbcId, RegistrationSearch search) {
		return page(this.fleet.get(sbcId), search, false);
	}

	/**
	 * The page as the box lists the registrations now, read after a delete whatever others share: the list shown
	 * under a delete's result must not hold a registration the result says is gone.
	 */
	@PreAuthorize("@access.canOnSbc('VIEW', #sbcId)")
	public RegistrationsPage pageAfterDelete(long sbcId, RegistrationSearch search) {
		return page(this.fleet.get(sbcId), search, true);
	}

	private RegistrationsPage page(Sbc sbc, RegistrationSearch search, boolean now) {
		SlaveOf slaveOf = this.slaves.of(sbc);
		SbcEndpoint endpoint = this.fleet.endpoint(sbc);
		GatewayResult<TableDocument> result = (now ? this.reads.registrationsNow(endpoint)
				: this.reads.registrations(endpoint)).block();
		Instant readAt = Instant.now();
		return result.fold(listed -> pageOf(sbc, search, listed.rows(), readAt, slaveOf),
				error -> new RegistrationsPage(sbc.id(), sbc.name(), List.of(), Map.of(), 0, 0, 1, 1, error.message(),
						readAt, slaveOf));
	}

	private RegistrationsPage pageOf(Sbc sbc, RegistrationSearch search, List<TableRow> all, Instant readAt,
			SlaveOf slaveOf) {
		long sbcId = sbc.id();
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
		return new RegistrationsPage(sbcId, sbc.name(), rows, counts, all.size(), matching.size(), page, pages, null,
				readAt, slaveOf);
	}

	/**
	 * Which registrations a delete would remove now, and the XML it sends. The operator chooses them by id, or gives
	 * a username, trunk, domain or IP (blank ones left out, since an empty field is not a condition), which is
	 * resolved here, against the list just read, to the ids it matches: the delete names ids only, since a box may
	 * ignore a filter element it does not know and widen the filter (reference §11.5). A filter's delete has the cap
	 * and the typed count of a bulk kill.
	 */
	@PreAuthorize("@access.canOnSbc('OPERATE', #sbcId)")
	public RemovalPreview prepareDelete(long sbcId, List<String> ids, Map<String, String> entry) {
		Sbc sbc = this.fleet.get(sbcId);
		SlaveOf slaveOf = this.slaves.of(sbc);
		if (slaveOf != null) {
			return RemovalPreview.refused(sbcId, sbc.name(), ids == null || ids.isEmpty() ? "registration-filter"
					: "registration", List.of(), List.of(), this.properties.bulkKillMax(),
					slaveOf.refusal("Delete registrations", "nothing will be sent"));
		}
		List<String> chosen = ids == null ? List.of()
				: ids.stream().filter(id -> id != null && !id.isBlank()).map(String::strip).distinct().toList();
		Map<String, String> filter = chosen.isEmpty() ? filter(entry) : Map.of();
		String kind = chosen.isEmpty() ? "registration-filter" : "registration";
		int cap = this.properties.bulkKillMax();
		if (chosen.isEmpty() && filter.isEmpty()) {
			return RemovalPreview.refused(sbcId, sbc.name(), kind, List.of(), List.of(), cap,
					"Choose registrations, or give a username, trunk, domain or IP: a delete without one would match "
							+ "every registration.");
		}
		GatewayResult<TableDocument> result = this.stats.statsList(this.fleet.endpoint(sbc), VsxiTable.SUB_STATS).block();
		return result.fold(listed -> previewOf(sbc, chosen, filter, kind, cap, listed.rows()),
				error -> RemovalPreview.refused(sbcId, sbc.name(), kind, List.of(), List.of(), cap,
						"The registrations could not be read: " + error.message()));
	}

	private RemovalPreview previewOf(Sbc sbc, List<String> chosen, Map<String, String> filter, String kind, int cap,
			List<TableRow> all) {
		long sbcId = sbc.id();
		List<String> columns = TableView.columns(all);
		List<TableRow> matched = all.stream()
			.filter(row -> chosen.isEmpty() ? RegistrationMatch.matches(row, filter) : chosen.contains(id(row)))
			.toList();
		List<String> notes = new ArrayList<>();
		List<String> missing = chosen.stream().filter(id -> matched.stream().noneMatch(row -> id.equals(id(row)))).toList();
		if (!missing.isEmpty()) {
			notes.add("No longer listed, so left out (expired or removed meanwhile): id " + String.join(", id ", missing) + ".");
		}
		List<TableRow> named = matched.stream().filter(row -> !id(row).isEmpty()).toList();
		if (named.size() < matched.size()) {
			notes.add(Plural.count(matched.size() - named.size(), "matching registration carries", "matching registrations carry")
					+ " no id and " + Plural.noun(matched.size() - named.size(), "is", "are") + " left out: "
					+ "the delete names registrations by id only.");
		}
		if (named.isEmpty()) {
			return RemovalPreview.refused(sbcId, sbc.name(), kind, columns, matched, cap,
					"No registration matches; nothing will be sent.", notes);
		}
		if (named.size() > cap) {
			return RemovalPreview.refused(sbcId, sbc.name(), kind, columns, named.subList(0, Math.min(named.size(), 50)),
					cap, named.size() + " registrations match, more than the " + cap
							+ " one delete may remove. Narrow the filter; nothing will be sent.", notes);
		}
		List<String> toDelete = named.stream().map(RegistrationsService::id).toList();
		String token = this.pending.put(this.access.viewer(), sbcId, PlannedDelete.of(named, chosen.isEmpty()));
		return new RemovalPreview(sbcId, sbc.name(), kind, "XML", "XML: one entry per registration id (application/xml)",
				CallCommands.registrationDeleteXml(toDelete), columns, named, cap, token, null, notes);
	}

	/**
	 * Sends a delete that was shown and confirmed; a filter's delete also needs the number typed back. Only the
	 * previewed ids go, and of those only the ones the box still lists for the same user just before sending.
	 */
	@PreAuthorize("@access.canOnSbc('OPERATE', #sbcId)")
	public RemovalReport delete(long sbcId, String token, Integer typedCount) {
		Sbc sbc = this.fleet.get(sbcId);
		PendingActions.Found<PlannedDelete> found = this.pending.peek(token, this.access.viewer(), sbcId,
				PlannedDelete.class);
		if (found instanceof PendingActions.Refused<PlannedDelete> refused) {
			return refuse(sbc, refused.why().sentence("delete", this.properties));
		}
		PlannedDelete plan = ((PendingActions.Ready<PlannedDelete>) found).action();
		// a slave refuses every write: paired since the preview, or asked by a hand-made request, nothing goes
		SlaveOf slaveOf = this.slaves.of(sbc);
		if (slaveOf != null) {
			return refuse(sbc, slaveOf.refusal("Delete registrations", "nothing was sent"));
		}
		if (plan.bulk() && !Objects.equals(typedCount, plan.registrations().size())) {
			return refuse(sbc, "The number typed (" + Objects.toString(typedCount, "none")
					+ ") is not the number of registrations (" + plan.registrations().size() + "); nothing was sent.");
		}
		if (!this.pending.remove(token)) {
			return refuse(sbc, PendingActions.Refusal.USED.sentence("delete", this.properties));
		}
		SbcEndpoint endpoint = this.fleet.endpoint(sbc);
		GatewayResult<TableDocument> now = this.stats.statsList(endpoint, VsxiTable.SUB_STATS).block();
		RemovalReport report = now.fold(listed -> send(sbc, endpoint, plan, listed.rows()),
				error -> RemovalReport.failed(sbc.name(), "registration", "Nothing was sent: the registrations could "
						+ "not be read again just before sending (" + error.message() + ")."));
		this.reads.forget(sbcId);
		// registrations by id and user only, never by their addresses
		this.audit.record(AuditAction.REGISTRATION_DELETE, sbc.name(), sbc.groupId(),
				report.success() ? AuditOutcome.SUCCESS : AuditOutcome.FAILED,
				report.auditDetail(plan.registrations().stream()
					.map(row -> "id " + id(row) + " (" + row.text("username") + ")").toList()));
		return report;
	}

	/** A confirmation that sends nothing, said to the operator and written to the audit trail once. */
	private RemovalReport refuse(Sbc sbc, String sentence) {
		this.audit.record(AuditAction.REGISTRATION_DELETE, sbc.name(), sbc.groupId(), AuditOutcome.DENIED, sentence);
		return RemovalReport.failed(sbc.name(), "registration", sentence);
	}

	private RemovalReport send(Sbc sbc, SbcEndpoint endpoint, PlannedDelete plan, List<TableRow> listed) {
		RegistrationCheck check = RegistrationCheck.of(plan.registrations(), listed);
		if (check.live().isEmpty()) {
			return RemovalReport.nothingLeft(sbc.name(), "registration", check.notes());
		}
		GatewayResult<VerifiedRemoval> result = this.removals.deleteRegistrations(endpoint, check.live(),
				check.listedIds()).block();
		String sending = "XML: one entry per registration id (application/xml)";
		return result.fold(
				removal -> new RemovalReport(sbc.name(), "registration", removal, null, sending, check.notes()),
				error -> new RemovalReport(sbc.name(), "registration", null, "Not done: " + error.message(), sending,
						check.notes()));
	}

	private static Map<String, String> filter(Map<String, String> entry) {
		Map<String, String> fields = new LinkedHashMap<>();
		if (entry != null) {
			for (String field : ENTRY_FIELDS) {
				String value = entry.get(field);
				if (value != null && !value.isBlank()) {
					fields.put(field, value.strip());
				}
			}
		}
		return fields;
	}

	static String id(TableRow registration) {
		return registration.text("id") == null ? "" : registration.text("id").strip();
	}

	/**
	 * The registrations the preview showed, each kept only by its id and user (what the check before sending
	 * compares), and whether a filter chose them.
	 */
	record PlannedDelete(List<TableRow> registrations, boolean bulk) {

		static PlannedDelete of(List<TableRow> registrations, boolean bulk) {
			return new PlannedDelete(registrations.stream().map(row -> {
				Map<String, Object> kept = new LinkedHashMap<>();
				kept.put("id", row.get("id"));
				kept.put("username", row.get("username"));
				return new TableRow(kept);
			}).toList(), bulk);
		}

	}

}
