package app.vsxi.dashboard.changes;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;

import app.vsxi.dashboard.gateway.TableRow;
import app.vsxi.dashboard.tables.DraftEdits;
import app.vsxi.dashboard.tables.DraftOpening;
import app.vsxi.dashboard.tables.EditableTable;
import app.vsxi.dashboard.tables.TableApplier;
import app.vsxi.dashboard.tables.TableEditorException;
import app.vsxi.dashboard.tables.engine.RowKey;

/**
 * One target's preview: its table downloaded into a draft of the editor, the change set's edits laid over its own
 * rows, and the calls an apply would send worked out as the apply does, with their hash.
 */
@Component
class TargetPreview {

	private final DraftOpening opening;

	private final DraftEdits edits;

	private final TableApplier applier;

	TargetPreview(DraftOpening opening, DraftEdits edits, TableApplier applier) {
		this.opening = opening;
		this.edits = edits;
		this.applier = applier;
	}

	/** What the preview found: the target's new state, its draft, the hash and text of its calls, its notes. */
	record Previewed(ChangeTarget.State state, String hash, Integer rows, String preview, String notes,
			String message) {
	}

	/**
	 * Previews the change on one target. The draft it was worked out in is let go of at once (a fleet holds more
	 * SBCs than one user may keep drafts): only the hash and the text of its calls are kept, and the draft is made
	 * again when the target's turn comes ({@link #draft}).
	 */
	Previewed preview(ChangeSet set, ChangeTarget target) {
		Laid laid = lay(set, target);
		if (laid.refused() != null) {
			return new Previewed(ChangeTarget.State.REFUSED, null, null, null, laid.notes(), laid.refused());
		}
		if (laid.draftId() == null) {
			return new Previewed(ChangeTarget.State.NOTHING, null, null, null, laid.notes(), "Nothing to send: "
					+ "every edit is already so here, or names a row this SBC does not hold.");
		}
		TableApplier.Planned.Shown shown = this.applier.plan(target.sbcId(), laid.draftId());
		discard(target.sbcId(), laid.draftId());
		if (shown.stopped() != null) {
			return new Previewed(ChangeTarget.State.REFUSED, null, null, null, laid.notes(), "Not previewed: "
					+ Outcomes.text(shown.stopped()));
		}
		StringBuilder text = new StringBuilder(shown.summary().text()).append('\n');
		shown.payloads().forEach(payload -> text.append('\n').append(payload.text()));
		return new Previewed(ChangeTarget.State.PREVIEWED, shown.hash(), shown.summary().rows(), text.toString(),
				laid.notes(), null);
	}

	/**
	 * The target's draft for sending: its table read again and the edits laid over it. Null with the reason where
	 * that cannot be done or now changes nothing (the box changed since its preview); the apply then holds the
	 * draft to the previewed hash.
	 */
	Drafted draft(ChangeSet set, ChangeTarget target) {
		Laid laid = lay(set, target);
		if (laid.refused() != null) {
			return new Drafted(null, laid.refused());
		}
		if (laid.draftId() == null) {
			return new Drafted(null, "its table no longer needs the change: the box changed since its preview");
		}
		return new Drafted(laid.draftId(), null);
	}

	/** A target's draft ready to send, or why there is none. */
	record Drafted(Long draftId, String problem) {
	}

	/** The edits laid over a target's table in a new draft: its id (null when nothing changes), notes, or refusal. */
	private record Laid(Long draftId, String notes, String refused) {
	}

	private Laid lay(ChangeSet set, ChangeTarget target) {
		EditableTable table = EditableTable.named(set.table()).orElseThrow();
		List<String> keyFields = table.keyFields();
		Set<List<String>> keys = set.edits().keys();
		Map<List<String>, List<TableRow>> rows = new HashMap<>();
		List<List<String>> fields = new ArrayList<>(1);
		DraftOpening.Opened opened;
		try {
			opened = this.opening.open(target.sbcId(), set.table(), row -> {
				if (fields.isEmpty()) {
					fields.add(List.copyOf(row.fields().keySet()));
				}
				List<String> key = RowKey.of(row, keyFields).values();
				if (keys.contains(key)) {
					rows.computeIfAbsent(key, k -> new ArrayList<>()).add(row);
				}
			});
		}
		catch (TableEditorException ex) {
			return new Laid(null, null, "Not previewed: " + ex.getMessage());
		}
		if (opened instanceof DraftOpening.Opened.Failed failed) {
			return new Laid(null, null, "Its " + set.table() + " could not be read: " + failed.error().message());
		}
		long draftId = ((DraftOpening.Opened.Draft) opened).id();
		ChangeEdits.Laid laid = set.edits().on(rows, fields.isEmpty() ? null : fields.get(0), keyFields);
		String notes = laid.notes()
			.stream()
			.map(note -> note.kind().name().toLowerCase() + " " + note.key() + ": " + note.text())
			.collect(Collectors.joining("\n"));
		if (!laid.anything()) {
			discard(target.sbcId(), draftId);
			return new Laid(null, notes, null);
		}
		this.edits.putRows(target.sbcId(), draftId, laid.rows());
		return new Laid(draftId, notes, null);
	}

	/** Lets go of a draft the change set made, where it is still there. */
	void discard(long sbcId, Long draftId) {
		if (draftId != null) {
			try {
				this.opening.discard(sbcId, draftId);
			}
			catch (RuntimeException gone) {
				// applied, expired or discarded already: nothing is left to let go of
			}
		}
	}

}
