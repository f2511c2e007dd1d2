package app.vsxi.dashboard.tables;

import java.util.List;
import java.util.Map;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

import app.vsxi.dashboard.audit.Actor;
import app.vsxi.dashboard.gateway.TableRow;
import app.vsxi.dashboard.tables.engine.RowKey;

/**
 * Edits rows of a draft: fields, deletes, reverts, copies and clones. Every method checks the caller's right to
 * operate the SBC; each edit is written to the database as it is made.
 */
@Service
public class DraftEdits {

	private final DraftRepository drafts;

	private final OpenDrafts open;

	private final DraftAccess access;

	private final SealedRows sealed;

	private final ApplicationEventPublisher events;

	DraftEdits(DraftRepository drafts, OpenDrafts open, DraftAccess access, SealedRows sealed,
			ApplicationEventPublisher events) {
		this.events = events;
		this.drafts = drafts;
		this.open = open;
		this.access = access;
		this.sealed = sealed;
	}

	/** Several fields of one row at once, as a row form sends them; fields whose value did not change are skipped. */
	@PreAuthorize("@access.canOnSbc('OPERATE', #sbcId)")
	public EditResult editRow(long sbcId, long draftId, RowKey key, Map<String, String> values) {
		Draft draft = this.access.writableDraft(sbcId, draftId);
		TableRow row = this.open.current(draft, key);
		if (row == null) {
			throw new TableEditorException("No row " + key.label() + " in this draft");
		}
		EditResult result = new EditResult(key, row, null, null);
		boolean masked = this.access.masked(draft);
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

	/** Changes one field of one row; a changed key field moves the row to its new key. */
	@PreAuthorize("@access.canOnSbc('OPERATE', #sbcId)")
	public EditResult edit(long sbcId, long draftId, RowKey key, String field, String value) {
		Draft draft = this.access.writableDraft(sbcId, draftId);
		TableRow row = this.open.current(draft, key);
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
				if (this.open.current(draft, newKey) != null) {
					return new EditResult(key, row, "Another row already has the key " + newKey.label(), field);
				}
				remove(draft, key);
			}
		}
		this.open.saved(draft, newKey, changed, this.drafts.putEdit(draftId, newKey, changed));
		edited(draft);
		return new EditResult(newKey, changed, null, null);
	}

	/** Why a value typed into a field would be refused, or null if it would be taken; changes nothing. */
	@PreAuthorize("@access.canOnSbc('OPERATE', #sbcId)")
	public String check(long sbcId, long draftId, String field, String value) {
		Draft draft = this.access.draft(sbcId, draftId);
		return FieldHints.problem(draft.editable(), field, value, draft.editable().keyFields().contains(field));
	}

	@PreAuthorize("@access.canOnSbc('OPERATE', #sbcId)")
	public void delete(long sbcId, long draftId, RowKey key) {
		remove(this.access.writableDraft(sbcId, draftId), key);
	}

	/** Undoes every edit of one row. */
	@PreAuthorize("@access.canOnSbc('OPERATE', #sbcId)")
	public void revert(long sbcId, long draftId, RowKey key) {
		Draft draft = this.access.writableDraft(sbcId, draftId);
		this.open.dropped(draft, key, this.drafts.dropEdit(draftId, key));
		edited(draft);
	}

	/**
	 * Adds a row as a copy of an existing one with its key fields emptied: the only way to get every field a row
	 * of this table has on this box. The operator then types the key.
	 */
	@PreAuthorize("@access.canOnSbc('OPERATE', #sbcId)")
	public RowKey copy(long sbcId, long draftId, RowKey source) {
		Draft draft = this.access.writableDraft(sbcId, draftId);
		TableRow row = this.open.current(draft, source);
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
		while (this.open.current(draft, key) != null) {
			key = key.nth(key.occurrence() + 1);
		}
		this.open.saved(draft, key, copy, this.drafts.putEdit(draftId, key, copy));
		edited(draft);
		return key;
	}

	/**
	 * Clones a row: every field kept but the key, which the operator gives at once, so the clone never exists
	 * without a key of its own.
	 */
	@PreAuthorize("@access.canOnSbc('OPERATE', #sbcId)")
	public EditResult cloneRow(long sbcId, long draftId, RowKey source, Map<String, String> keyValues) {
		Draft draft = this.access.writableDraft(sbcId, draftId);
		TableRow row = this.open.current(draft, source);
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
		if (this.open.current(draft, key) != null) {
			return new EditResult(source, row, "Another row already has the key " + key.label(),
					draft.editable().keyFields().stream().filter(row::has).findFirst().orElse(null));
		}
		this.open.saved(draft, key, clone, this.drafts.putEdit(draftId, key, clone));
		edited(draft);
		return new EditResult(key, clone, null, null);
	}

	private void remove(Draft draft, RowKey key) {
		if (this.open.baseRow(draft, key) == null) {
			this.open.dropped(draft, key, this.drafts.dropEdit(draft.id(), key));
			edited(draft);
		}
		else {
			this.open.saved(draft, key, null, this.drafts.putEdit(draft.id(), key, null));
			edited(draft);
		}
	}

	/**
	 * Puts whole rows into a draft at once, each under its key, a null row deleting the row with that key: a fleet
	 * change's edits, made by its caller from rows this draft's box sent (rows are the box's). Each row must have
	 * exactly the fields of the draft's rows.
	 */
	@PreAuthorize("@access.canOnSbc('OPERATE', #sbcId)")
	public void putRows(long sbcId, long draftId, Map<RowKey, TableRow> rows) {
		Draft draft = this.access.writableDraft(sbcId, draftId);
		if (rows.isEmpty()) {
			return;
		}
		this.open.saved(draft, rows, this.drafts.putEdits(draftId, rows));
		edited(draft);
	}

	private void edited(Draft draft) {
		this.events.publishEvent(new DraftEdited(draft.id(), Actor.current()));
	}

	/** What an edit left: the row under its key, and why it was refused with the field that was refused, or nulls. */
	public record EditResult(RowKey key, TableRow row, String problem, String field) {
	}

}
