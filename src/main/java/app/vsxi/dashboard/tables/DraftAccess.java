package app.vsxi.dashboard.tables;

import java.util.Locale;
import java.util.Optional;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

import app.vsxi.dashboard.access.AccessService;
import app.vsxi.dashboard.access.Permission;
import app.vsxi.dashboard.audit.AuditAction;
import app.vsxi.dashboard.audit.AuditLog;
import app.vsxi.dashboard.audit.AuditOutcome;
import app.vsxi.dashboard.fleet.FleetService;
import app.vsxi.dashboard.fleet.Sbc;
import app.vsxi.dashboard.fleet.SlavePairing;

/**
 * Which drafts the caller may reach and change: the right a table's drafts need, refused once with an audited
 * refusal, and no writes to a Load-Balance slave.
 */
@Component
class DraftAccess {

	private final FleetService fleet;

	private final DraftRepository drafts;

	private final AccessService access;

	private final AuditLog audit;

	private final SlavePairing slaves;

	DraftAccess(FleetService fleet, DraftRepository drafts, AccessService access, AuditLog audit,
			SlavePairing slaves) {
		this.fleet = fleet;
		this.drafts = drafts;
		this.access = access;
		this.audit = audit;
		this.slaves = slaves;
	}

	/**
	 * A draft of this SBC. One of a table the box cannot read holds only what operators write, so only they see it;
	 * one of the box's own accounts only those who manage the SBC's credentials.
	 */
	Draft draft(long sbcId, long draftId) {
		Draft draft = this.drafts.find(draftId)
			.filter(found -> found.sbcId() == sbcId)
			.orElseThrow(() -> new TableEditorException("No such draft on this SBC"));
		if (right(draft.editable()) != Permission.VIEW) {
			requireRight(this.fleet.get(sbcId), draft.editable());
		}
		return draft;
	}

	/** A draft that may be changed: of a table the API writes, on an SBC that is no slave. */
	Draft writableDraft(long sbcId, long draftId) {
		Draft draft = draft(sbcId, draftId);
		if (!draft.editable().writable()) {
			throw new TableEditorException("The API lets the dashboard only read " + draft.table());
		}
		String slave = slaveRefusal(this.fleet.get(sbcId));
		if (slave != null) {
			throw new TableEditorException(slave);
		}
		return draft;
	}

	/**
	 * The table a draft of this SBC is of, for a page to name it, without the checks (and their audited refusals) of
	 * opening it; empty when there is no such draft.
	 */
	Optional<String> tableOf(long sbcId, long draftId) {
		return this.drafts.find(draftId).filter(found -> found.sbcId() == sbcId).map(Draft::table);
	}

	/**
	 * The least right a table's drafts need: the box's own accounts are the SBC's credentials (a read-write box
	 * user acts outside the dashboard's roles and audit), managed by the group's administrators; a table the box
	 * cannot read holds only what operators write.
	 */
	static Permission right(EditableTable table) {
		return table.catalog().holdsBoxAccounts() ? Permission.ADMINISTER
				: table.writeOnly() ? Permission.OPERATE : Permission.VIEW;
	}

	void requireRight(Sbc sbc, EditableTable table) {
		require(sbc, table, right(table), "a draft of " + table.table());
	}

	/** Refuses, with one audited refusal, whoever lacks {@code needed} on the SBC. */
	void require(Sbc sbc, EditableTable table, Permission needed, String doing) {
		if (!may(needed, sbc.id())) {
			this.audit.record(AuditAction.ACCESS_DENIED, sbc.name() + " " + table.table(), sbc.groupId(),
					AuditOutcome.DENIED, doing + " needs the " + needed.name().toLowerCase(Locale.ROOT)
							+ " right on this SBC");
			throw new AccessDeniedException(
					"Refused: " + doing + " needs the right to " + needed.name().toLowerCase(Locale.ROOT)
							+ " this SBC");
		}
	}

	/** Whether the caller sees the draft's secret fields masked: always sealed ones, others below operator. */
	boolean masked(Draft draft) {
		return SealedRows.sealedAtRest(draft.editable())
				|| (SecretFields.any(draft.editable()) && !mayEdit(draft.sbcId()));
	}

	/** Why nothing may be written to this SBC (a Load-Balance slave takes changes on its master), or null. */
	String slaveRefusal(Sbc sbc) {
		return this.slaves.isSlave(sbc) ? "This SBC is a Load-Balance slave: make changes on its master" : null;
	}

	/** The master a slave SBC must be changed on, from the fleet's HA pairing; null for a box that is no slave. */
	String masterName(Sbc sbc) {
		return this.slaves.masterOf(sbc)
			.map(master -> master.name() == null ? "its master" : master.name())
			.orElse(null);
	}

	boolean mayEdit(long sbcId) {
		return may(Permission.OPERATE, sbcId);
	}

	boolean may(Permission permission, long sbcId) {
		return this.access.canOnSbc(permission.name(), sbcId);
	}

}
