package app.vsxi.dashboard.tables;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

import app.vsxi.dashboard.access.Permission;
import app.vsxi.dashboard.audit.Actor;
import app.vsxi.dashboard.audit.AuditAction;
import app.vsxi.dashboard.audit.AuditLog;
import app.vsxi.dashboard.audit.AuditOutcome;
import app.vsxi.dashboard.fleet.FleetService;
import app.vsxi.dashboard.fleet.Sbc;
import app.vsxi.dashboard.gateway.GatewayError;
import app.vsxi.dashboard.gateway.TableRow;
import app.vsxi.dashboard.web.Plural;
import app.vsxi.dashboard.tables.engine.FieldValues;
import app.vsxi.dashboard.tables.engine.RowCodec;
import app.vsxi.dashboard.tables.engine.RowKey;
import app.vsxi.dashboard.tables.engine.RowStore;

/**
 * Opens tables of an SBC into drafts, shows them and discards them. Every method checks the caller's rights on the
 * SBC; a draft's edits are written to the database as they are made.
 */
@Service
public class DraftOpening {

	private final FleetService fleet;

	private final TableDownloads downloads;

	private final DraftRepository drafts;

	private final OpenDrafts open;

	private final DraftAccess access;

	private final AuditLog audit;

	DraftOpening(FleetService fleet, TableDownloads downloads, DraftRepository drafts, OpenDrafts open,
			DraftAccess access, AuditLog audit) {
		this.fleet = fleet;
		this.downloads = downloads;
		this.drafts = drafts;
		this.open = open;
		this.access = access;
		this.audit = audit;
	}

	/** The tables of an SBC and the drafts open on it. */
	@PreAuthorize("@access.canOnSbc('VIEW', #sbcId)")
	public Overview overview(long sbcId) {
		Sbc sbc = this.fleet.get(sbcId);
		boolean mayManageAccounts = this.access.may(Permission.ADMINISTER, sbcId);
		List<Draft> drafts = this.drafts.forSbc(sbcId)
			.stream()
			.filter(draft -> mayManageAccounts || !draft.editable().catalog().holdsBoxAccounts())
			.toList();
		return new Overview(sbc, List.of(EditableTable.values()), drafts, this.access.masterName(sbc),
				this.access.mayEdit(sbcId), mayManageAccounts);
	}

	/**
	 * Downloads a table into a new draft; the download is the draft's base. A table the API cannot read (users)
	 * is not downloaded: its draft starts with an empty base that stands for "unknown", for operators only.
	 */
	@PreAuthorize("@access.canOnSbc('VIEW', #sbcId)")
	public Opened open(long sbcId, String table) {
		return open(sbcId, table, row -> {
		});
	}

	/** The same, handing {@code perRow} every row as it arrives, so a long download can show its progress. */
	@PreAuthorize("@access.canOnSbc('VIEW', #sbcId)")
	public Opened open(long sbcId, String table, java.util.function.Consumer<TableRow> perRow) {
		EditableTable editable = EditableTable.named(table)
			.orElseThrow(() -> new TableEditorException("The editor has no table " + table));
		Sbc sbc = this.fleet.get(sbcId);
		this.access.requireRight(sbc, editable);
		if (editable.writeOnly()) {
			long id = this.drafts.create(sbcId, table, editable.catalog().root(), editable.catalog().item(),
					Actor.current(), RowCodec.pack(List.of()), null);
			audit(AuditAction.TABLE_OPEN, sbc, editable, AuditOutcome.SUCCESS,
					"0 rows, " + editable.format().parameter() + " (nothing to download: the API cannot read it)");
			return new Opened.Draft(id);
		}
		RowStore.Builder index = RowStore.builder(editable.keyFields());
		TableDownloads.Downloaded downloaded = this.downloads.download(this.fleet.endpoint(sbc), editable, row -> {
			index.add(row);
			perRow.accept(row);
		});
		if (downloaded instanceof TableDownloads.Downloaded.Failed failed) {
			audit(AuditAction.TABLE_OPEN, sbc, editable, AuditOutcome.FAILED,
					"not opened, " + editable.format().parameter() + ": " + failed.error().message());
			return new Opened.Failed(failed.error());
		}
		TableDownloads.Downloaded.Table base = (TableDownloads.Downloaded.Table) downloaded;
		long id = this.drafts.create(sbcId, table, base.root(), base.item(), Actor.current(), base.rows(), null);
		audit(AuditAction.TABLE_OPEN, sbc, editable, AuditOutcome.SUCCESS,
				Plural.count(base.rows().rows(), "row", "rows") + ", " + editable.format().parameter());
		this.open.put(id, new DraftView(index.build(), Map.of()));
		return new Opened.Draft(id);
	}

	@PreAuthorize("@access.canOnSbc('VIEW', #sbcId)")
	public DraftPage page(long sbcId, long draftId, DraftView.Request request) {
		Draft draft = this.access.draft(sbcId, draftId);
		Sbc sbc = this.fleet.get(sbcId);
		DraftView view = this.open.view(draft);
		DraftView.Page page = this.access.masked(draft)
				? SecretFields.mask(draft.editable(), view.page(SecretFields.blind(draft.editable(), request)))
				: view.page(request);
		return new DraftPage(sbc, draft, page, view.editCount(), this.access.masterName(sbc),
				this.access.mayEdit(sbcId));
	}

	/** One row of the draft as the page shows it. */
	@PreAuthorize("@access.canOnSbc('VIEW', #sbcId)")
	public RowPage row(long sbcId, long draftId, RowKey key) {
		Draft draft = this.access.draft(sbcId, draftId);
		Sbc sbc = this.fleet.get(sbcId);
		DraftView view = this.open.view(draft);
		TableRow base = view.baseRow(key);
		boolean edited = view.edited(key);
		TableRow row = edited ? view.edit(key) : base;
		DraftView.State state = base == null ? DraftView.State.ADDED
				: !edited ? DraftView.State.BASE
						: row == null ? DraftView.State.DELETED : DraftView.State.CHANGED;
		TableRow shown = row == null ? base : row;
		if (shown == null) {
			throw new TableEditorException("No row " + key.label() + " in this draft");
		}
		List<String> cells = view.base().columns().stream()
			.map(column -> shown.has(column) ? FieldValues.display(shown.get(column)) : "")
			.toList();
		DraftPage page = new DraftPage(sbc, draft, new DraftView.Page(view.base().columns(), List.of(), 0, 0, 1,
				view.base().size()), view.editCount(), this.access.masterName(sbc), this.access.mayEdit(sbcId));
		DraftView.ViewRow viewRow = new DraftView.ViewRow(base == null ? -1 : 0, key, shown, state, cells);
		return new RowPage(page, this.access.masked(draft)
				? SecretFields.mask(draft.editable(), view.base().columns(), viewRow) : viewRow);
	}

	/** What discarding a draft would throw away, for the page that asks first. */
	@PreAuthorize("@access.canOnSbc('OPERATE', #sbcId)")
	public DiscardQuestion discardQuestion(long sbcId, long draftId) {
		Draft draft = this.access.draft(sbcId, draftId);
		return new DiscardQuestion(this.fleet.get(sbcId), draft, this.drafts.edits(draftId).size());
	}

	/** Drops the draft and its edits, only once the operator ticked that they mean it: nothing brings it back. */
	@PreAuthorize("@access.canOnSbc('OPERATE', #sbcId)")
	public void discard(long sbcId, long draftId, boolean confirmed) {
		if (!confirmed) {
			throw new TableEditorException("Tick the box to confirm the discard: the draft and its edits are lost");
		}
		discard(sbcId, draftId);
	}

	@PreAuthorize("@access.canOnSbc('OPERATE', #sbcId)")
	public void discard(long sbcId, long draftId) {
		Draft draft = this.access.draft(sbcId, draftId);
		int edits = this.drafts.edits(draftId).size();
		this.drafts.delete(draftId);
		this.open.forget(draftId);
		audit(AuditAction.TABLE_DISCARD, this.fleet.get(sbcId), draft.editable(), AuditOutcome.SUCCESS,
				Plural.count(draft.baseRows(), "row", "rows") + ", " + edits + " edited, " + draft.editable().format().parameter()
						+ " (draft " + draftId + ")");
	}

	/** The SBC a page names. */
	Sbc sbc(long sbcId) {
		return this.fleet.get(sbcId);
	}

	/** The table a draft of this SBC is of, for a page to name it; empty when there is no such draft. */
	Optional<String> tableOf(long sbcId, long draftId) {
		return this.access.tableOf(sbcId, draftId);
	}

	private void audit(AuditAction action, Sbc sbc, EditableTable table, AuditOutcome outcome, String detail) {
		this.audit.record(action, sbc.name() + " " + table.table(), sbc.groupId(), outcome, detail);
	}

	/**
	 * {@code mayEdit}: whether the user may change this SBC's tables at all (edit controls are shown only then);
	 * {@code mayManageAccounts}: whether they may open the box's own accounts (users).
	 */
	public record Overview(Sbc sbc, List<EditableTable> tables, List<Draft> drafts, String slaveOf, boolean mayEdit,
			boolean mayManageAccounts) {
	}

	public record DraftPage(Sbc sbc, Draft draft, DraftView.Page page, int edits, String slaveOf, boolean mayEdit) {

		/** No edit controls: the user may not edit, the box is a slave, or the API only reads this table. */
		public boolean readOnly() {
			return !this.mayEdit || this.slaveOf != null || !this.draft.editable().writable();
		}

	}

	public record DiscardQuestion(Sbc sbc, Draft draft, int edits) {
	}

	public record RowPage(DraftPage page, DraftView.ViewRow row) {
	}

	public sealed interface Opened {

		record Draft(long id) implements Opened {
		}

		record Failed(GatewayError error) implements Opened {
		}

	}

}
