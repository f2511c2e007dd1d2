package app.vsxi.dashboard.tables;

import java.io.InputStream;
import java.io.OutputStream;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

import app.vsxi.dashboard.access.AccessService;
import app.vsxi.dashboard.access.Permission;
import app.vsxi.dashboard.audit.Actor;
import app.vsxi.dashboard.audit.AuditAction;
import app.vsxi.dashboard.audit.AuditLog;
import app.vsxi.dashboard.audit.AuditOutcome;
import app.vsxi.dashboard.fleet.FleetService;
import app.vsxi.dashboard.fleet.Sbc;
import app.vsxi.dashboard.gateway.Format;
import app.vsxi.dashboard.gateway.GatewayError;
import app.vsxi.dashboard.gateway.SbcEndpoint;
import app.vsxi.dashboard.gateway.TableFormatException;
import app.vsxi.dashboard.gateway.TableRow;
import app.vsxi.dashboard.web.Plural;

/**
 * Opens tables of an SBC into drafts, and browses and edits them. Every method checks the caller's rights on the
 * SBC; edits need the right to operate it. A draft's edits are written to the database as they are made.
 */
@Service
public class TableEditorService {

	private final FleetService fleet;

	private final TableDownloads downloads;

	private final DraftRepository drafts;

	private final TablesProperties properties;

	private final Map<Long, DraftView> open;

	private final AccessService access;

	private final AuditLog audit;

	private final SealedRows sealed;

	private final DraftExport exports;

	public TableEditorService(FleetService fleet, TableDownloads downloads, DraftRepository drafts,
			TablesProperties properties, AccessService access, AuditLog audit, SealedRows sealed) {
		this.access = access;
		this.audit = audit;
		this.sealed = sealed;
		this.fleet = fleet;
		this.downloads = downloads;
		this.drafts = drafts;
		this.properties = properties;
		this.exports = new DraftExport(drafts);
		this.open = Collections.synchronizedMap(new LinkedHashMap<>(16, 0.75f, true) {
			@Override
			protected boolean removeEldestEntry(Map.Entry<Long, DraftView> eldest) {
				return size() > Math.max(1, properties.openDrafts());
			}
		});
	}

	/** The tables of an SBC and the drafts open on it. */
	@PreAuthorize("@access.canOnSbc('VIEW', #sbcId)")
	public Overview overview(long sbcId) {
		Sbc sbc = this.fleet.get(sbcId);
		boolean mayManageAccounts = may(Permission.ADMINISTER, sbcId);
		List<Draft> drafts = this.drafts.forSbc(sbcId)
			.stream()
			.filter(draft -> mayManageAccounts || !draft.editable().catalog().holdsBoxAccounts())
			.toList();
		return new Overview(sbc, List.of(EditableTable.values()), drafts, masterName(sbc), mayEdit(sbcId),
				mayManageAccounts);
	}

	/**
	 * Downloads a table into a new draft; the download is the draft's base. A table the API cannot read (users)
	 * is not downloaded: its draft starts with an empty base that stands for "unknown", for operators only.
	 */
	@PreAuthorize("@access.canOnSbc('VIEW', #sbcId)")
	public Opened open(long sbcId, String table) {
		return open(sbcId, table, () -> {
		});
	}

	/** The same, telling {@code perRow} of every row as it arrives, so a long download can show its progress. */
	@PreAuthorize("@access.canOnSbc('VIEW', #sbcId)")
	public Opened open(long sbcId, String table, Runnable perRow) {
		EditableTable editable = EditableTable.named(table)
			.orElseThrow(() -> new TableEditorException("The editor has no table " + table));
		Sbc sbc = this.fleet.get(sbcId);
		requireRight(sbc, editable);
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
			perRow.run();
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
		Draft draft = draft(sbcId, draftId);
		Sbc sbc = this.fleet.get(sbcId);
		DraftView view = view(draft);
		DraftView.Page page = masked(draft)
				? SecretFields.mask(draft.editable(), view.page(SecretFields.blind(draft.editable(), request)))
				: view.page(request);
		return new DraftPage(sbc, draft, page, this.drafts.edits(draftId).size(), masterName(sbc), mayEdit(sbcId));
	}

	/** Several fields of one row at once, as a row form sends them; fields whose value did not change are skipped. */
	@PreAuthorize("@access.canOnSbc('OPERATE', #sbcId)")
	public EditResult editRow(long sbcId, long draftId, RowKey key, Map<String, String> values) {
		Draft draft = writableDraft(sbcId, draftId);
		TableRow row = current(draft, key);
		if (row == null) {
			throw new TableEditorException("No row " + key.label() + " in this draft");
		}
		EditResult result = new EditResult(key, row, null, null);
		boolean masked = masked(draft);
		for (Map.Entry<String, String> value : values.entrySet()) {
			TableRow now = result.row();
			if (masked && SecretFields.secret(draft.editable(), value.getKey())
					&& SecretFields.SET.equals(value.getValue())) {
				// the mask came back untouched from the form: the password stays as it is
				continue;
			}
			if (now.has(value.getKey()) && !(now.get(value.getKey()) instanceof TableRow)
					&& !(now.get(value.getKey()) instanceof List<?>)
					&& !value.getValue().equals(String.valueOf(now.get(value.getKey())))) {
				result = edit(sbcId, draftId, result.key(), value.getKey(), value.getValue());
				if (result.problem() != null) {
					return result;
				}
			}
		}
		return result;
	}

	/** One row of the draft as the page shows it. */
	@PreAuthorize("@access.canOnSbc('VIEW', #sbcId)")
	public RowPage row(long sbcId, long draftId, RowKey key) {
		Draft draft = draft(sbcId, draftId);
		Sbc sbc = this.fleet.get(sbcId);
		Map<RowKey, TableRow> edits = this.drafts.edits(draftId);
		TableRow base = baseRow(draft, key);
		TableRow row = edits.containsKey(key) ? edits.get(key) : base;
		DraftView.State state = base == null ? DraftView.State.ADDED
				: !edits.containsKey(key) ? DraftView.State.BASE
						: row == null ? DraftView.State.DELETED : DraftView.State.CHANGED;
		TableRow shown = row == null ? base : row;
		if (shown == null) {
			throw new TableEditorException("No row " + key.label() + " in this draft");
		}
		DraftView view = view(draft);
		List<String> cells = view.base().columns().stream()
			.map(column -> shown.has(column) ? FieldValues.display(shown.get(column)) : "")
			.toList();
		DraftPage page = new DraftPage(sbc, draft, new DraftView.Page(view.base().columns(), List.of(), 0, 0, 1,
				view.base().size()), edits.size(), masterName(sbc), mayEdit(sbcId));
		DraftView.ViewRow viewRow = new DraftView.ViewRow(base == null ? -1 : 0, key, shown, state, cells);
		return new RowPage(page, masked(draft) ? SecretFields.mask(draft.editable(), view.base().columns(), viewRow)
				: viewRow);
	}

	/** Changes one field of one row; a changed key field moves the row to its new key. */
	@PreAuthorize("@access.canOnSbc('OPERATE', #sbcId)")
	public EditResult edit(long sbcId, long draftId, RowKey key, String field, String value) {
		Draft draft = writableDraft(sbcId, draftId);
		TableRow row = current(draft, key);
		if (row == null) {
			throw new TableEditorException("No row " + key.label() + " in this draft");
		}
		if (!row.has(field)) {
			// rows are the box's: a field the row did not come with is never added
			throw new TableEditorException("Rows of this table have no field " + field);
		}
		boolean keyField = draft.editable().keyFields().contains(field);
		String problem = FieldHints.problem(draft.editable(), field, value, keyField);
		if (problem != null) {
			return new EditResult(key, row, problem, field);
		}
		TableRow changed = row.with(field, this.sealed.seal(draft.editable(), field, value));
		RowKey newKey = key;
		if (keyField) {
			newKey = RowKey.of(changed, draft.editable().keyFields());
			if (!newKey.equals(key)) {
				if (current(draft, newKey) != null) {
					return new EditResult(key, row, "Another row already has the key " + newKey.label(), field);
				}
				remove(draft, key);
			}
		}
		this.drafts.putEdit(draftId, newKey, changed);
		refresh(draft);
		return new EditResult(newKey, changed, null, null);
	}

	/** Why a value typed into a field would be refused, or null if it would be taken; changes nothing. */
	@PreAuthorize("@access.canOnSbc('OPERATE', #sbcId)")
	public String check(long sbcId, long draftId, String field, String value) {
		Draft draft = draft(sbcId, draftId);
		return FieldHints.problem(draft.editable(), field, value, draft.editable().keyFields().contains(field));
	}

	@PreAuthorize("@access.canOnSbc('OPERATE', #sbcId)")
	public void delete(long sbcId, long draftId, RowKey key) {
		remove(writableDraft(sbcId, draftId), key);
		refresh(draft(sbcId, draftId));
	}

	/** Undoes every edit of one row. */
	@PreAuthorize("@access.canOnSbc('OPERATE', #sbcId)")
	public void revert(long sbcId, long draftId, RowKey key) {
		Draft draft = writableDraft(sbcId, draftId);
		this.drafts.dropEdit(draftId, key);
		refresh(draft);
	}

	/**
	 * Adds a row as a copy of an existing one with its key fields emptied: the only way to get every field a row
	 * of this table has on this box. The operator then types the key.
	 */
	@PreAuthorize("@access.canOnSbc('OPERATE', #sbcId)")
	public RowKey copy(long sbcId, long draftId, RowKey source) {
		Draft draft = writableDraft(sbcId, draftId);
		TableRow row = current(draft, source);
		if (row == null) {
			throw new TableEditorException("No row " + source.label() + " to copy");
		}
		TableRow copy = row;
		for (String field : draft.editable().keyFields()) {
			if (copy.has(field)) {
				copy = copy.with(field, "");
			}
		}
		RowKey key = RowKey.of(copy, draft.editable().keyFields());
		while (current(draft, key) != null) {
			key = key.nth(key.occurrence() + 1);
		}
		this.drafts.putEdit(draftId, key, copy);
		refresh(draft);
		return key;
	}

	/**
	 * Clones a row: every field kept but the key, which the operator gives at once, so the clone never exists
	 * without a key of its own.
	 */
	@PreAuthorize("@access.canOnSbc('OPERATE', #sbcId)")
	public EditResult cloneRow(long sbcId, long draftId, RowKey source, Map<String, String> keyValues) {
		Draft draft = writableDraft(sbcId, draftId);
		TableRow row = current(draft, source);
		if (row == null) {
			throw new TableEditorException("No row " + source.label() + " to clone");
		}
		TableRow clone = row;
		for (String field : draft.editable().keyFields()) {
			if (clone.has(field)) {
				String value = keyValues.getOrDefault(field, "").strip();
				String problem = FieldHints.problem(draft.editable(), field, value, true);
				if (problem != null) {
					return new EditResult(source, row, problem, field);
				}
				clone = clone.with(field, value);
			}
		}
		RowKey key = RowKey.of(clone, draft.editable().keyFields());
		if (current(draft, key) != null) {
			return new EditResult(source, row, "Another row already has the key " + key.label(),
					draft.editable().keyFields().stream().filter(row::has).findFirst().orElse(null));
		}
		this.drafts.putEdit(draftId, key, clone);
		refresh(draft);
		return new EditResult(key, clone, null, null);
	}

	/** Puts every row of a file into the draft, as an update of the row with its key or as a new row. */
	@PreAuthorize("@access.canOnSbc('OPERATE', #sbcId)")
	public int importRows(long sbcId, long draftId, String fileName, InputStream file) {
		Draft draft = writableDraft(sbcId, draftId);
		if (file == null) {
			throw new TableEditorException("Choose a file to import");
		}
		Format format = TableTransfer.formatOf(fileName);
		DraftView view = view(draft);
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
		imported.forEach((key, row) -> this.drafts.putEdit(draftId, key, row));
		refresh(draft);
		return imported.size();
	}

	/**
	 * One entry in the shape of the box's own rows, every value emptied and nested entries kept, for the operator
	 * to fill in and import. The shape is a row the box sent, never a field list of ours: that is what an import
	 * must match. Not audited: it holds no data.
	 */
	@PreAuthorize("@access.canOnSbc('OPERATE', #sbcId)")
	public void emptyEntry(long sbcId, long draftId, Format format, OutputStream out) {
		Draft draft = draft(sbcId, draftId);
		DraftView view = view(draft);
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
		this.open.remove(draft.id());
		return rows.size();
	}

	/**
	 * The draft as it stands (base with edits), filtered as on screen, in a file format, streamed as it is read. A
	 * table with passwords is exported only to those who may operate the SBC, without the passwords where they may
	 * not see them.
	 */
	@PreAuthorize("@access.canOnSbc('VIEW', #sbcId)")
	public void export(long sbcId, long draftId, Format format, Map<String, String> filters, OutputStream out) {
		Draft draft = draft(sbcId, draftId);
		Sbc sbc = this.fleet.get(sbcId);
		if (SecretFields.any(draft.editable())) {
			require(sbc, draft.editable(), Permission.OPERATE, "exporting a table with passwords");
		}
		UnaryOperator<TableRow> shown = UnaryOperator.identity();
		Map<String, String> kept = filters;
		if (masked(draft)) {
			shown = row -> SecretFields.drop(draft.editable(), row);
			kept = SecretFields.blind(draft.editable(), new DraftView.Request(filters, null, false, 0, 1)).filters();
		}
		long rows = this.exports.export(draft, format, kept, shown, out);
		audit(AuditAction.TABLE_EXPORT, sbc, draft.editable(), AuditOutcome.SUCCESS, Plural.count(rows, "row", "rows") + ", "
				+ format.parameter() + (kept.isEmpty() ? "" : ", filtered on " + String.join(", ", kept.keySet())));
	}

	/** What discarding a draft would throw away, for the page that asks first. */
	@PreAuthorize("@access.canOnSbc('OPERATE', #sbcId)")
	public DiscardQuestion discardQuestion(long sbcId, long draftId) {
		Draft draft = draft(sbcId, draftId);
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
		Draft draft = draft(sbcId, draftId);
		int edits = this.drafts.edits(draftId).size();
		this.drafts.delete(draftId);
		this.open.remove(draftId);
		audit(AuditAction.TABLE_DISCARD, this.fleet.get(sbcId), draft.editable(), AuditOutcome.SUCCESS,
				Plural.count(draft.baseRows(), "row", "rows") + ", " + edits + " edited, " + draft.editable().format().parameter()
						+ " (draft " + draftId + ")");
	}

	/**
	 * The draft's difference from its base: exactly its edits, each against the base row it replaces. Where the
	 * base is unknown (the box cannot be read), against nothing: every row the draft holds is written, and every
	 * row marked deleted is deleted with its whole entry.
	 */
	TableDiff changes(Draft draft) {
		DraftRows rows = rows(draft);
		LargeTableDiff.RowSource base = sink -> this.drafts.readBase(draft.id(), sink);
		return draft.baseUnknown() ? rows.changesFromNothing(base) : rows.changes(base);
	}

	/**
	 * The whole table as the draft intends it, in the base's order with each edit in its row's place and new rows
	 * at the end: what a whole-table replace sends. Packed, so even a million rows stay a few megabytes.
	 */
	RowCodec.Packed intended(Draft draft) {
		RowCodec.Packer rows = new RowCodec.Packer();
		rows(draft).forEach(sink -> this.drafts.readBase(draft.id(), sink), rows::add, row -> {
		});
		return rows.finish();
	}

	private DraftRows rows(Draft draft) {
		return new DraftRows(this.drafts.edits(draft.id()), draft.editable().keyFields());
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

	/**
	 * The least right a table's drafts need: the box's own accounts are the SBC's credentials (a read-write box
	 * user acts outside the dashboard's roles and audit), managed by the group's administrators; a table the box
	 * cannot read holds only what operators write.
	 */
	static Permission right(EditableTable table) {
		return table.catalog().holdsBoxAccounts() ? Permission.ADMINISTER
				: table.writeOnly() ? Permission.OPERATE : Permission.VIEW;
	}

	private void requireRight(Sbc sbc, EditableTable table) {
		require(sbc, table, right(table), "a draft of " + table.table());
	}

	/** Refuses, with one audited refusal, whoever lacks {@code needed} on the SBC. */
	private void require(Sbc sbc, EditableTable table, Permission needed, String doing) {
		if (!may(needed, sbc.id())) {
			this.audit.record(AuditAction.ACCESS_DENIED, sbc.name() + " " + table.table(), sbc.groupId(),
					AuditOutcome.DENIED, doing + " needs the " + needed.name().toLowerCase(java.util.Locale.ROOT)
							+ " right on this SBC");
			throw new AccessDeniedException(
					"Refused: " + doing + " needs the right to " + needed.name().toLowerCase(java.util.Locale.ROOT)
							+ " this SBC");
		}
	}

	/** Whether the caller sees the draft's secret fields masked: always sealed ones, others below operator. */
	boolean masked(Draft draft) {
		return SealedRows.sealedAtRest(draft.editable())
				|| (SecretFields.any(draft.editable()) && !mayEdit(draft.sbcId()));
	}

	private void audit(AuditAction action, Sbc sbc, EditableTable table, AuditOutcome outcome, String detail) {
		this.audit.record(action, sbc.name() + " " + table.table(), sbc.groupId(), outcome, detail);
	}

	SbcEndpoint endpoint(long sbcId) {
		return this.fleet.endpoint(this.fleet.get(sbcId));
	}

	Sbc sbc(long sbcId) {
		return this.fleet.get(sbcId);
	}

	/**
	 * The table a draft of this SBC is of, for a page to name it, without the checks (and their audited refusals) of
	 * opening it; empty when there is no such draft.
	 */
	Optional<String> tableOf(long sbcId, long draftId) {
		return this.drafts.find(draftId).filter(found -> found.sbcId() == sbcId).map(Draft::table);
	}

	void forget(long draftId) {
		this.open.remove(draftId);
	}

	Draft writableDraft(long sbcId, long draftId) {
		Draft draft = draft(sbcId, draftId);
		if (!draft.editable().writable()) {
			throw new TableEditorException("The API lets the dashboard only read " + draft.table());
		}
		String slave = slaveRefusal(sbcId);
		if (slave != null) {
			throw new TableEditorException(slave);
		}
		return draft;
	}

	/** Why nothing may be written to this SBC (a Load-Balance slave takes changes on its master), or null. */
	String slaveRefusal(long sbcId) {
		return masterName(this.fleet.get(sbcId)) != null
				? "This SBC is a Load-Balance slave: make changes on its master" : null;
	}

	/** The row the draft holds for a key now: its edit, else the base row; null if there is none or it is deleted. */
	private TableRow current(Draft draft, RowKey key) {
		Map<RowKey, TableRow> edits = this.drafts.edits(draft.id());
		if (edits.containsKey(key)) {
			return edits.get(key);
		}
		return baseRow(draft, key);
	}

	private TableRow baseRow(Draft draft, RowKey key) {
		RowStore base = view(draft).base();
		for (int i : base.rowsWithKeyHash(LargeTableDiff.keyHash(key.values()))) {
			if (base.key(i).equals(key)) {
				return base.row(i);
			}
		}
		return null;
	}

	private void remove(Draft draft, RowKey key) {
		if (baseRow(draft, key) == null) {
			this.drafts.dropEdit(draft.id(), key);
		}
		else {
			this.drafts.putEdit(draft.id(), key, null);
		}
	}

	private DraftView view(Draft draft) {
		DraftView view = this.open.get(draft.id());
		if (view == null) {
			RowStore.Builder builder = RowStore.builder(draft.editable().keyFields());
			this.drafts.readBase(draft.id(), builder::add);
			view = new DraftView(builder.build(), this.drafts.edits(draft.id()));
			this.open.put(draft.id(), view);
		}
		else {
			view.edits(this.drafts.edits(draft.id()));
		}
		return view;
	}

	private void refresh(Draft draft) {
		DraftView view = this.open.get(draft.id());
		if (view != null) {
			view.edits(this.drafts.edits(draft.id()));
		}
	}

	/** The master a slave SBC must be changed on, from the fleet's HA pairing; null for a box that is no slave. */
	private String masterName(Sbc sbc) {
		if (sbc.haMasterId() == null) {
			return null;
		}
		String name = this.fleet.endpoint(sbc).masterName();
		return name == null ? "its master" : name;
	}

	private boolean mayEdit(long sbcId) {
		return may(Permission.OPERATE, sbcId);
	}

	private boolean may(Permission permission, long sbcId) {
		return this.access.canOnSbc(permission.name(), sbcId);
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

	/** What an edit left: the row under its key, and why it was refused with the field that was refused, or nulls. */
	public record EditResult(RowKey key, TableRow row, String problem, String field) {
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
