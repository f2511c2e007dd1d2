package app.vsxi.dashboard.tables;

import java.io.InputStream;
import java.io.OutputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

import app.vsxi.dashboard.access.Permission;
import app.vsxi.dashboard.audit.Actor;
import app.vsxi.dashboard.audit.AuditAction;
import app.vsxi.dashboard.audit.AuditLog;
import app.vsxi.dashboard.audit.AuditOutcome;
import app.vsxi.dashboard.fleet.FleetService;
import app.vsxi.dashboard.fleet.Sbc;
import app.vsxi.dashboard.gateway.Format;
import app.vsxi.dashboard.gateway.TableFormatException;
import app.vsxi.dashboard.gateway.TableRow;
import app.vsxi.dashboard.web.Plural;
import app.vsxi.dashboard.tables.engine.Occurrences;
import app.vsxi.dashboard.tables.engine.RowCodec;
import app.vsxi.dashboard.tables.engine.RowKey;

/**
 * A draft to and from files: imports of rows, exports of the draft as it stands, and an empty entry to fill in.
 * Every method checks the caller's rights on the SBC.
 */
@Service
public class DraftFiles {

	private final FleetService fleet;

	private final DraftRepository drafts;

	private final OpenDrafts open;

	private final DraftAccess access;

	private final AuditLog audit;

	private final SealedRows sealed;

	private final TablesProperties properties;

	private final DraftExport exports;

	private final ApplicationEventPublisher events;

	DraftFiles(FleetService fleet, DraftRepository drafts, OpenDrafts open, DraftAccess access, AuditLog audit,
			SealedRows sealed, TablesProperties properties, ApplicationEventPublisher events) {
		this.events = events;
		this.fleet = fleet;
		this.drafts = drafts;
		this.open = open;
		this.access = access;
		this.audit = audit;
		this.sealed = sealed;
		this.properties = properties;
		this.exports = new DraftExport(drafts);
	}

	/** Puts every row of a file into the draft, as an update of the row with its key or as a new row. */
	@PreAuthorize("@access.canOnSbc('OPERATE', #sbcId)")
	public int importRows(long sbcId, long draftId, String fileName, InputStream file) {
		Draft draft = this.access.writableDraft(sbcId, draftId);
		if (file == null) {
			throw new TableEditorException("Choose a file to import");
		}
		Format format = TableTransfer.formatOf(fileName);
		DraftView view = this.open.view(draft);
		boolean fillsUnknownBase = view.base().size() == 0 && draft.baseUnknown();
		if (view.base().size() == 0 && !fillsUnknownBase) {
			throw new TableEditorException("The box sent no row of this table, so there is no shape to import into");
		}
		List<TableRow> rows;
		try {
			rows = TableTransfer.read(format, file, this.properties.importRows());
		}
		catch (TableFormatException ex) {
			throw new TableEditorException("The file cannot be read: " + ex.getMessage());
		}
		if (SealedRows.sealedAtRest(draft.editable())) {
			rows = rows.stream().map(row -> this.sealed.seal(draft.editable(), row)).toList();
		}
		if (fillsUnknownBase) {
			return fillUnknownBase(draft, rows);
		}
		TableRow template = view.base().row(0);
		Map<RowKey, TableRow> imported = new LinkedHashMap<>();
		Occurrences occurrences = new Occurrences();
		List<TableRow> conformedRows;
		try {
			conformedRows = TableTransfer.conformAll(rows, template, "the box's rows");
		}
		catch (TableFormatException ex) {
			throw new TableEditorException("Not imported: " + ex.getMessage()
					+ ". Download an empty entry from the draft to see the fields each entry needs");
		}
		for (TableRow conformed : conformedRows) {
			imported.put(occurrences.next(RowKey.of(conformed, draft.editable().keyFields())), conformed);
		}
		this.open.saved(draft, imported, this.drafts.putEdits(draftId, imported));
		this.events.publishEvent(new DraftEdited(draftId, Actor.current()));
		return imported.size();
	}

	/**
	 * One entry in the shape of the box's own rows, every value emptied and nested entries kept, for the operator
	 * to fill in and import. The shape is a row the box sent, never a field list of ours: that is what an import
	 * must match. Not audited: it holds no data.
	 */
	@PreAuthorize("@access.canOnSbc('OPERATE', #sbcId)")
	public void emptyEntry(long sbcId, long draftId, Format format, OutputStream out) {
		Draft draft = this.access.draft(sbcId, draftId);
		DraftView view = this.open.view(draft);
		if (view.base().size() == 0) {
			throw new TableEditorException("The box sent no row of this table, so there is no shape to fill in");
		}
		TableTransfer.export(format, draft.root(), draft.item(),
				List.of(EmptyEntry.of(view.base().row(0))).iterator(), out);
	}

	/**
	 * The first import into a draft whose base is unknown becomes its base: the rows as they came, every one with
	 * the fields of the first, which must include the key. Later imports go in as edits, like anywhere else.
	 */
	private int fillUnknownBase(Draft draft, List<TableRow> rows) {
		if (rows.isEmpty()) {
			throw new TableEditorException("Not imported: the file holds no entry of " + draft.table());
		}
		TableRow first = rows.get(0);
		for (String field : draft.editable().keyFields()) {
			if (!first.has(field)) {
				throw new TableEditorException("Not imported: entries of " + draft.table() + " need the field " + field
						+ " that identifies them");
			}
		}
		RowCodec.Packer base = new RowCodec.Packer();
		try {
			TableTransfer.conformAll(rows, first, "the first imported row").forEach(base::add);
		}
		catch (TableFormatException ex) {
			throw new TableEditorException("Not imported: " + ex.getMessage());
		}
		this.drafts.replaceBase(draft.id(), base.finish());
		this.open.forget(draft.id());
		return rows.size();
	}

	/**
	 * The draft as it stands (base with edits), filtered as on screen, in a file format, streamed as it is read. A
	 * table with passwords is exported only to those who may operate the SBC, without the passwords where they may
	 * not see them.
	 */
	@PreAuthorize("@access.canOnSbc('VIEW', #sbcId)")
	public void export(long sbcId, long draftId, Format format, Map<String, String> filters, OutputStream out) {
		Draft draft = this.access.draft(sbcId, draftId);
		Sbc sbc = this.fleet.get(sbcId);
		if (SecretFields.any(draft.editable())) {
			this.access.require(sbc, draft.editable(), Permission.OPERATE, "exporting a table with passwords");
		}
		UnaryOperator<TableRow> shown = UnaryOperator.identity();
		Map<String, String> kept = filters;
		if (this.access.masked(draft)) {
			shown = row -> SecretFields.drop(draft.editable(), row);
			kept = SecretFields.blind(draft.editable(), new DraftView.Request(filters, null, false, 0, 1)).filters();
		}
		long rows = this.exports.export(draft, format, kept, shown, out);
		this.audit.record(AuditAction.TABLE_EXPORT, sbc.name() + " " + draft.editable().table(), sbc.groupId(),
				AuditOutcome.SUCCESS, Plural.count(rows, "row", "rows") + ", "
				+ format.parameter() + (kept.isEmpty() ? "" : ", filtered on " + String.join(", ", kept.keySet())));
	}

}
